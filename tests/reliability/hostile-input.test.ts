import type { SyncDb } from "../support/sync-db";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { attachmentTypes } from "~/domain/proposal.schema";
import { buildFixtures, type Fixtures } from "./fixtures";
import { formActions, type ActionContext, type FormAction } from "./form-actions";
import { applyPlan, drawPlans, htmlAndScript, scriptMarkers, wrongTypes } from "./hostile";
import {
  dataVersion,
  databaseChecksum,
  describeReply,
  filesUnder,
  hasMessage,
  loginAll,
  openReadOnly,
  prng,
  request,
  startSeededServer,
  type ReliabilityServer,
  type Reply,
  type RequestOptions,
  type Role,
} from "./support";

/**
 * Hostile input at every form action (form-actions.ts): wrong types, missing and extra fields,
 * 1 MB strings, control characters and odd Unicode, HTML and script, SQL and search syntax,
 * tricky file names, bodies that are not forms at all. Every answer is a 4xx with a message that
 * writes nothing, or — where the mutated form is still valid — a redirect to a page that shows
 * the input harmlessly. Never a 5xx.
 */

/**
 * Generated posts per route: split among its intents, at least MIN_PER_INTENT each. (A route
 * that reads no input, like logging out, may ask for fewer.)
 */
const PER_ROUTE = 100;
const MIN_PER_INTENT = 20;
const payloadsFor = (action: FormAction) =>
  action.payloads ??
  Math.max(MIN_PER_INTENT, Math.ceil(PER_ROUTE / formActions.filter((a) => a.route === action.route).length));

let server: ReliabilityServer;
let ctx: ActionContext;
let fx: Fixtures;
let db: DB;
let readDb: SyncDb;
const summary: string[] = [];

beforeAll(async () => {
  server = await startSeededServer();
  const cookies = await loginAll(server.url);
  ({ db, fx } = await buildFixtures(server, cookies.submitter!));
  ctx = { fx, db, baseUrl: server.url, cookies };
  readDb = openReadOnly(server.database);
});

afterAll(async () => {
  if (summary.length) console.info(`hostile input (refused/accepted per action):\n${summary.join("\n")}`);
  readDb?.close();
  await db?.destroy();
  await server?.dispose();
});

const seedOf = (text: string) => [...text].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 7);

/** Files the server may keep in its data directory: the database, its secret, and uploads under random names. */
function strayFiles(): string[] {
  return filesUnder(server.dataDir).filter(
    (f) =>
      !/^innspill\.db(-wal|-shm)?$/.test(f) &&
      f !== "session-secret" &&
      !/^attachments\/[0-9a-f]{32}\.[a-z]{3,4}$/.test(f),
  );
}

async function runAction(action: FormAction) {
  const cookie = action.as === "anonymous" ? null : ctx.cookies[action.as as Role];
  const failures: string[] = [];
  const counts = { refused: 0, accepted: 0, tamperedHidden: 0 };
  let target = action.prepare ? await action.prepare(ctx) : {};
  const send = async (body: RequestOptions["body"], headers?: Record<string, string>) =>
    request(server.url, action.path(ctx, target), {
      cookie,
      body,
      headers,
      localAddress: action.localAddress,
    });

  // The valid form is accepted: the table is true, and the mutations start from a form that works.
  const validForm = applyPlan([], await action.valid(ctx, target), {
    fileField: action.fileField,
    validFiles: action.validFiles,
  });
  const validReply = await send(validForm.body, validForm.headers);
  expect(
    [302, 303],
    `the valid form of ${action.route} · ${action.intent}: ${describeReply(validReply)}`,
  ).toContain(validReply.status);
  if (action.prepare) target = await action.prepare(ctx);

  const plans = drawPlans(prng(seedOf(`${action.route}#${action.intent}`)), payloadsFor(action), {
    intents: action.intents,
    fileField: action.fileField,
  });
  const startChecksum = databaseChecksum(readDb);
  // The state after the last accepted post: a refused one must leave it as it was. (SQLite's
  // data_version is the fast check; a signed-in request may move a session's last use, which the
  // checksum leaves out, so a changed data_version is confirmed against the checksum.)
  let known = startChecksum;
  for (const plan of plans) {
    const payload = applyPlan(plan, await action.valid(ctx, target), {
      intents: action.intents,
      fileField: action.fileField,
      validFiles: action.validFiles,
    });
    const what = payload.kinds.join(" + ");
    const uploadsBefore = action.fileField ? filesUnder(path.join(server.dataDir, "attachments")) : [];
    const checksumBefore = action.writesOnRefusal
      ? databaseChecksum(readDb, { ignore: action.writesOnRefusal })
      : null;
    const versionBefore = dataVersion(readDb);
    let reply: Reply;
    try {
      reply = await send(payload.body, payload.headers);
    } catch (error) {
      failures.push(`${what}: no answer (${String(error)})`);
      continue;
    }

    if (reply.status >= 500) {
      failures.push(`${what}: ${describeReply(reply)}`);
    } else if (reply.status >= 400) {
      counts.refused++;
      const tamperedHidden =
        payload.touched.has("*") || (action.hidden ?? []).some((field) => payload.touched.has(field));
      // Also when the hidden fields (which form, which item, the version) were changed: the page
      // then shows the refusal at its top, since it has no form by that name.
      if (tamperedHidden) counts.tamperedHidden++;
      if (!hasMessage(reply))
        failures.push(
          `${what}: ${reply.status} without a visible message${tamperedHidden ? " (hidden fields changed)" : ""}: ${describeReply(reply)}`,
        );
      const wrote = checksumBefore
        ? JSON.stringify(databaseChecksum(readDb, { ignore: action.writesOnRefusal })) !==
          JSON.stringify(checksumBefore)
        : dataVersion(readDb) !== versionBefore &&
          JSON.stringify(databaseChecksum(readDb)) !== JSON.stringify(known);
      if (wrote) failures.push(`${what}: refused with ${reply.status}, but the database changed`);
      if (
        action.fileField &&
        JSON.stringify(filesUnder(path.join(server.dataDir, "attachments"))) !== JSON.stringify(uploadsBefore)
      )
        failures.push(`${what}: refused, but a file was left in the upload folder`);
    } else if (reply.status === 302 || reply.status === 303) {
      // Still a valid form (text is text, whatever its characters): then it must be shown harmlessly.
      counts.accepted++;
      const to = reply.location ?? "";
      if (!to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\"))
        failures.push(`${what}: redirected off the site, to ${to}`);
      else {
        const page = await request(server.url, to, { cookie, localAddress: action.localAddress });
        if (page.status >= 500)
          failures.push(`${what}: accepted, then its page failed: ${describeReply(page)}`);
        const marker = scriptMarkers.find((m) => page.body.includes(m));
        if (marker) failures.push(`${what}: accepted, and ${to} echoes "${marker}" unescaped`);
      }
      if (action.prepare) target = await action.prepare(ctx);
      known = databaseChecksum(readDb);
    } else {
      failures.push(`${what}: neither refused nor redirected: ${describeReply(reply)}`);
    }
    const stray = strayFiles();
    if (stray.length) failures.push(`${what}: files outside the upload folder's naming: ${stray.join(", ")}`);
  }
  if (counts.accepted === 0 && !action.writesOnRefusal)
    expect(databaseChecksum(readDb), "nothing accepted, so nothing may have changed").toEqual(startChecksum);
  summary.push(
    `  ${action.route} · ${action.intent}: ${counts.refused} refused` +
      (counts.tamperedHidden
        ? ` (${counts.tamperedHidden} with changed hidden fields, each with a message)`
        : "") +
      `, ${counts.accepted} accepted`,
  );
  expect(failures).toEqual([]);
}

describe("hostile input", () => {
  it("the table has a row for every route with an action, and every intent of a row is the route's", () => {
    const routesDir = path.resolve(__dirname, "../../app/routes");
    const withAction = readdirSync(routesDir).filter((entry) => {
      const file = existsSync(path.join(routesDir, entry, "route.tsx"))
        ? path.join(routesDir, entry, "route.tsx")
        : path.join(routesDir, entry);
      return /\.tsx?$/.test(file) && /export (async )?function action\b/.test(readFileSync(file, "utf8"));
    });
    const covered = new Set(formActions.map((a) => a.route));
    expect(
      withAction.filter((r) => !covered.has(r)),
      "routes with an action but no row in form-actions.ts",
    ).toEqual([]);
  });

  for (const action of formActions) {
    it(`${action.route} · ${action.intent} (as ${action.as})`, () => runAction(action));
  }

  it("uploads with tricky names are kept under random names, shown with clean names, and downloaded as files", async () => {
    const rows = readDb
      .prepare("select id, proposal_id, file_name, content_type, storage_key from attachment order by id")
      .all() as {
      id: number;
      proposal_id: number;
      file_name: string;
      content_type: string;
      storage_key: string;
    }[];
    expect(rows.length).toBeGreaterThan(2);
    const allowed = new Set(Object.values(attachmentTypes));
    const failures: string[] = [];
    for (const row of rows) {
      if (/[\\/"\p{Cc}\p{Cf}]/u.test(row.file_name) || row.file_name.length > 200)
        failures.push(`attachment ${row.id}: name ${JSON.stringify(row.file_name)}`);
      if (!/^[0-9a-f]{32}\.[a-z]{3,4}$/.test(row.storage_key))
        failures.push(`attachment ${row.id}: key ${row.storage_key}`);
      const reply = await request(server.url, `/innspill/${row.proposal_id}/vedlegg/${row.id}`, {
        cookie: ctx.cookies.submitter,
      });
      if (reply.status !== 200) failures.push(`attachment ${row.id}: ${reply.status}`);
      const type = String(reply.headers["content-type"]);
      if (!allowed.has(type)) failures.push(`attachment ${row.id}: served as ${type}`);
      if (!/^attachment; filename\*=UTF-8''[^\s"]+$/.test(String(reply.headers["content-disposition"])))
        failures.push(`attachment ${row.id}: disposition ${String(reply.headers["content-disposition"])}`);
    }
    expect(failures).toEqual([]);
  });

  it("search and filter query strings never fail the server", async () => {
    const cookie = ctx.cookies.coordinator;
    const values = [
      ...wrongTypes,
      ...htmlAndScript,
      "' OR 1=1 --",
      '"',
      "*",
      "NEAR(",
      "a AND",
      "^",
      "%00",
      // Long, but under Node's 16 kB limit for a request head (longer URLs never reach the app).
      "ø".repeat(200),
    ];
    const paths = (v: string) => {
      const q = encodeURIComponent(v);
      return [
        `/innspill?q=${q}`,
        `/innspill?status=${q}&gruppe=${q}&kommune=${q}&aar=${q}&side=${q}&sorter=${q}&mine=${q}`,
        `/innspill/eksport.csv?q=${q}&status=${q}`,
        `/innspill/lignende?tittel=${q}`,
        `/statistikk?aar=${q}`,
        `/moter/ny?organ=${q}`,
        `/rapport/${q}`,
        `/innspill/${q}`,
        `/moter/${q}`,
        `/strategi/${q}`,
        `/offentlig/moter/${q}`,
        `/admin/brukere/${q}`,
      ];
    };
    const failures: string[] = [];
    for (const value of values) {
      for (const p of paths(value)) {
        const reply = await request(server.url, p, { cookie });
        if (reply.status >= 500) failures.push(`${p.slice(0, 120)}: ${describeReply(reply)}`);
        const marker = scriptMarkers.find((m) => reply.body.includes(m));
        if (marker) failures.push(`${p.slice(0, 120)}: echoes "${marker}" unescaped`);
      }
    }
    expect(failures).toEqual([]);
  });
});
