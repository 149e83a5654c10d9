import { Multipart, type Prng } from "./support";

/**
 * A small, deterministic generator of hostile form posts. A plan of mutations is drawn from a
 * seeded PRNG once; it is applied to the action's valid form as it is at the moment of sending
 * (versions and ids change as the test goes), so the same seed always sends the same attacks.
 */

export type FormValues = Record<string, string | string[]>;

export interface HostileFile {
  field: string;
  name: string;
  content: Buffer;
  type: string;
}

/** One request body, ready to send. */
export interface HostileBody {
  /** The mutations applied, for messages. */
  kinds: string[];
  /** The fields the mutations touched ("*": the whole form). */
  touched: Set<string>;
  body: URLSearchParams | Multipart | Buffer;
  headers?: Record<string, string>;
}

const MB = 1 << 20;

export const wrongTypes = [
  "",
  " ",
  "abc",
  "-1",
  "0",
  "1.5",
  "1e309",
  "-1e309",
  "NaN",
  "Infinity",
  "9007199254740993",
  "99999999999999999999999",
  "0x1F",
  "１２",
  "١٢",
  "true",
  "null",
  "undefined",
  "[]",
  "{}",
  "[object Object]",
  "2021-02-30",
  "2021-13-01",
  "9999-12-31",
  "0000-00-00",
  "25:61",
  "-0",
  "+7",
  " 7 ",
  "7,5",
];

const controls = [
  "\u0000",
  "\u0001",
  "\u0007",
  "\b",
  "\u001b[31m",
  "\r\n",
  "\r",
  "\u007f",
  "\u0085",
  "\u2028",
  "\u2029",
  "\t\v\f",
];

const oddUnicode = [
  "\u202eevil\u202c",
  "\u200b\u200c\u200d",
  "\ufeff",
  "Z\u0351\u0362a\u0336\u0321l\u035fg\u0358o\u0489",
  "😀👩‍👩‍👧‍👦🏳️‍🌈",
  "ﬁﬂ Ǆ",
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
  "\ud800",
  "\udfff\ud800",
  "Æøå ÆØÅ",
  "中文字符",
  "ＡＢＣ",
  "\u0301\u0301\u0301",
  "İı ß ẞ",
  "\uffff\ufffe",
  "\u{10ffff}",
];

export const htmlAndScript = [
  "<script>window.__hostile=1</script>",
  '"><img src=x onerror=window.__hostile=1>',
  "</textarea><script>window.__hostile=1</script>",
  "javascript:window.__hostile=1",
  "<svg onload=window.__hostile=1>",
  "{{7*7}}${7*7}<%= 7*7 %>",
  "<!--",
  "]]><![CDATA[",
  "&lt;&amp;&#x3C;",
  "<a href='//evil.example'>lenke</a>",
];

const sqlAndSearch = [
  "' OR '1'='1",
  "'; DROP TABLE proposal; --",
  '" OR 1=1 --',
  "1; SELECT * FROM user",
  "' UNION SELECT password_hash, email FROM user --",
  "%",
  "_",
  "\\",
  "NULL",
  '"',
  "*",
  "NEAR(a b)",
  "a AND OR NOT",
  "^title",
  "title:x",
  '"uavsluttet',
  "()",
];

/** File names that try to leave the upload folder, hide their type or break headers. */
export const pathTricks = [
  "../../../../etc/passwd.pdf",
  "..\\..\\..\\windows\\win.ini.pdf",
  "/etc/passwd",
  "C:\\boot.ini.pdf",
  "%2e%2e%2f%2e%2e%2fetc%2fpasswd.pdf",
  "notat.pdf\u0000.exe",
  "notat\u0000.pdf",
  "CON.pdf",
  `${"a".repeat(5000)}.pdf`,
  'notat".pdf',
  "notat\r\nX-Injected: 1.pdf",
  ".pdf",
  "....pdf",
  "notat.PDF",
  "notat.pdf.exe",
  "notat.exe",
  "<script>window.__hostile=1</script>.pdf",
  "fdp.exe\u202e.pdf",
  "  .pdf  ",
  "notat.pdf/",
  "notat.pdf\\",
  "\u0007bell.pdf",
  "emoji😀.pdf",
  "",
  ".htaccess",
  "../attachments/../../innspill.db",
];

const extraNames = [
  "__proto__",
  "constructor",
  "prototype",
  "hasOwnProperty",
  "toString",
  "isAdmin",
  "is_admin",
  "isCoordinator",
  "state",
  "authorId",
  "author_id",
  "group_id",
  "version",
  "id",
  "userId",
  "status",
  "a[b]",
  "a.b",
  "",
  "x".repeat(300),
  "votes.1",
  "status.1",
  "sub.1",
  "intent",
];

/** Bodies a form parser must refuse without falling over. */
const brokenBodies: { kind: string; body: Buffer; headers: Record<string, string> }[] = [
  { kind: "json body", body: Buffer.from('{"intent":"x"}'), headers: { "Content-Type": "application/json" } },
  { kind: "text/plain body", body: Buffer.from("intent=x"), headers: { "Content-Type": "text/plain" } },
  { kind: "no content type", body: Buffer.from("intent=x"), headers: { "Content-Type": "" } },
  {
    kind: "multipart without boundary",
    body: Buffer.from("intent=x"),
    headers: { "Content-Type": "multipart/form-data" },
  },
  {
    kind: "truncated multipart",
    body: Buffer.from('--b0undary\r\nContent-Disposition: form-data; name="intent"\r\n\r\nx'),
    headers: { "Content-Type": "multipart/form-data; boundary=b0undary" },
  },
  {
    kind: "multipart with the wrong boundary",
    body: Buffer.from('--other\r\nContent-Disposition: form-data; name="intent"\r\n\r\nx\r\n--other--\r\n'),
    headers: { "Content-Type": "multipart/form-data; boundary=b0undary" },
  },
  {
    kind: "invalid percent-encoding and UTF-8",
    body: Buffer.from("intent=%ZZ&title=%C0%AF%FF%FE&version=%&%E0%A4%A"),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  },
  {
    kind: "raw invalid UTF-8 bytes",
    body: Buffer.concat([Buffer.from("title="), Buffer.from([0xff, 0xfe, 0xc0, 0xaf, 0xed, 0xa0, 0x80])]),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  },
];

type Op =
  | { kind: "wrong type"; field: number; value: string }
  | { kind: "missing"; field: number }
  | { kind: "missing all" }
  | { kind: "extra"; name: string; value: string }
  | { kind: "repeated"; field: number; value: string }
  | { kind: "1 MB string"; field: number; unit: string }
  | { kind: "control characters"; field: number; value: string }
  | { kind: "odd Unicode"; field: number; value: string }
  | { kind: "HTML/script"; field: number; value: string }
  | { kind: "SQL/search syntax"; field: number; value: string }
  | { kind: "other intent"; value: string }
  | { kind: "file name"; name: string; content: number }
  | { kind: "broken body"; index: number };

export type Plan = Op[];

export interface PlanOptions {
  /** Other intents of the same route, to send one intent's fields under another's name. */
  intents?: string[];
  /** The form takes files in this field (multipart). */
  fileField?: string;
}

/** Draws `count` mutation plans. A few are whole broken bodies and 1 MB strings; the rest mix 1–3 mutations. */
export function drawPlans(rng: Prng, count: number, opts: PlanOptions): Plan[] {
  const plans: Plan[] = [];
  const field = () => rng.int(0, 1_000_000);
  for (let i = 0; i < count; i++) {
    if (i < brokenBodies.length && i * 3 < count) {
      plans.push([{ kind: "broken body", index: i }]);
      continue;
    }
    const ops: Op[] = [];
    const n = rng.int(1, 3);
    for (let k = 0; k < n; k++) {
      const roll = rng.next();
      if (opts.fileField && roll < 0.14) {
        ops.push({ kind: "file name", name: rng.pick(pathTricks), content: rng.int(0, 3) });
      } else if (roll < 0.24) ops.push({ kind: "wrong type", field: field(), value: rng.pick(wrongTypes) });
      else if (roll < 0.32) ops.push({ kind: "missing", field: field() });
      else if (roll < 0.34) ops.push({ kind: "missing all" });
      else if (roll < 0.42)
        ops.push({
          kind: "extra",
          name: rng.pick(extraNames),
          value: rng.pick([...wrongTypes, ...htmlAndScript]),
        });
      else if (roll < 0.48) ops.push({ kind: "repeated", field: field(), value: rng.pick(wrongTypes) });
      else if (roll < 0.51)
        ops.push({ kind: "1 MB string", field: field(), unit: rng.pick(["A", "ø", "<", "'", "\u0000"]) });
      else if (roll < 0.61)
        ops.push({ kind: "control characters", field: field(), value: rng.pick(controls) });
      else if (roll < 0.71) ops.push({ kind: "odd Unicode", field: field(), value: rng.pick(oddUnicode) });
      else if (roll < 0.81) ops.push({ kind: "HTML/script", field: field(), value: rng.pick(htmlAndScript) });
      else if (roll < 0.91)
        ops.push({ kind: "SQL/search syntax", field: field(), value: rng.pick(sqlAndSearch) });
      else if (opts.intents && opts.intents.length > 1)
        ops.push({ kind: "other intent", value: rng.pick([...opts.intents, "", "DELETE", "__proto__"]) });
      else ops.push({ kind: "wrong type", field: field(), value: rng.pick(wrongTypes) });
    }
    plans.push(ops);
  }
  return plans;
}

const fileContents = [
  () => Buffer.from("%PDF-1.4\n% test\n"),
  () => Buffer.from("<html><script>window.__hostile=1</script></html>"),
  () => Buffer.alloc(0),
  () => Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]),
];

/**
 * Applies a plan to the valid form as it is now. `validFiles` are the files a valid post
 * carries (the plan may replace their names). Returns the body to send.
 */
export function applyPlan(
  plan: Plan,
  valid: FormValues,
  opts: PlanOptions & { validFiles?: HostileFile[] } = {},
): HostileBody {
  const broken = plan.find((op) => op.kind === "broken body");
  if (broken && broken.kind === "broken body") {
    const b = brokenBodies[broken.index]!;
    return { kinds: [b.kind], touched: new Set(["*"]), body: b.body, headers: b.headers };
  }
  let pairs: [string, string][] = Object.entries(valid).flatMap(([k, v]) =>
    (Array.isArray(v) ? v : [v]).map((one): [string, string] => [k, one]),
  );
  let files = [...(opts.validFiles ?? [])];
  const touched = new Set<string>();
  const at = (i: number) => (pairs.length ? i % pairs.length : -1);
  const replace = (i: number, value: (old: string) => string) => {
    const j = at(i);
    if (j >= 0) {
      touched.add(pairs[j]![0]);
      pairs[j] = [pairs[j]![0], value(pairs[j]![1])];
    }
  };
  for (const op of plan) {
    switch (op.kind) {
      case "wrong type":
        replace(op.field, () => op.value);
        break;
      case "missing": {
        const j = at(op.field);
        if (j >= 0) {
          touched.add(pairs[j]![0]);
          pairs = pairs.filter((_, k) => k !== j);
        }
        break;
      }
      case "missing all":
        touched.add("*");
        pairs = [];
        files = [];
        break;
      case "extra":
        touched.add(op.name);
        pairs.push([op.name, op.value]);
        break;
      case "repeated": {
        const j = at(op.field);
        if (j >= 0) {
          touched.add(pairs[j]![0]);
          pairs.push([pairs[j]![0], op.value]);
        }
        break;
      }
      case "1 MB string":
        replace(op.field, () => op.unit.repeat(Math.floor(MB / Buffer.byteLength(op.unit))));
        break;
      case "control characters":
      case "odd Unicode":
        replace(op.field, (old) => `${old.slice(0, 3)}${op.value}${old.slice(3)}`);
        break;
      case "HTML/script":
      case "SQL/search syntax":
        replace(op.field, (old) => (op.field % 2 === 0 ? op.value : `${old}${op.value}`));
        break;
      case "other intent": {
        touched.add("intent");
        const j = pairs.findIndex(([k]) => k === "intent");
        if (j >= 0) pairs[j] = ["intent", op.value];
        else pairs.push(["intent", op.value]);
        break;
      }
      case "file name":
        files = [
          {
            field: opts.fileField ?? "attachments",
            name: op.name,
            content: fileContents[op.content]!(),
            type: op.content === 1 ? "text/html" : "application/pdf",
          },
        ];
        break;
    }
  }
  const kinds = [...new Set(plan.map((op) => op.kind))];
  if (opts.fileField) {
    const body = new Multipart();
    for (const [k, v] of pairs) body.field(k, v);
    for (const f of files) body.file(f.field, f.name, f.content, f.type);
    return { kinds, touched, body };
  }
  const body = new URLSearchParams();
  for (const [k, v] of pairs) body.append(k, v);
  return { kinds, touched, body };
}

/** Markers of script that would run if a page echoed input unescaped. */
export const scriptMarkers = [
  "<script>window.__hostile=1",
  "<img src=x onerror=window.__hostile",
  "<svg onload=window.__hostile",
];
