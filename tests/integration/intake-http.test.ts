import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginCookie, post, startServer, type TestServer } from "../support/server";
import { openSyncDb, type SyncDb } from "../support/sync-db";

let server: TestServer;
let cookie: string;
let otherCookie: string;
let readDb: SyncDb;

beforeAll(async () => {
  server = await startServer({ seed: true });
  cookie = await loginCookie(server.url, "ansatt@innspill.test");
  otherCookie = await loginCookie(server.url, "ansatt2@innspill.test");
  readDb = openSyncDb(server.database);
});

afterAll(async () => {
  readDb?.close();
  await server?.stop();
});

const counts = () => ({
  proposals: (readDb.prepare("select count(*) n from proposal").get() as { n: number }).n,
  attachments: (readDb.prepare("select count(*) n from attachment").get() as { n: number }).n,
  history: (readDb.prepare("select count(*) n from proposal_history").get() as { n: number }).n,
});

const municipalityIds = () =>
  (readDb.prepare("select id from municipality order by id").all() as { id: number }[]).map((r) => r.id);

function validForm(overrides: Record<string, string | null> = {}): FormData {
  const form = new FormData();
  const values: Record<string, string | null> = {
    intent: "submit",
    title: "Digital timebestilling i helsestasjonen",
    background: "Foreldre ringer for å bestille time.",
    problem: "Telefonen er ofte opptatt.",
    solution: "Timebestilling på nett.",
    benefits: "Mindre telefontid.",
    affected: "Foreldre, helsesykepleiere.",
    resources: "Lisens og oppsett.",
    ...overrides,
  };
  for (const [k, v] of Object.entries(values)) if (v !== null) form.append(k, v);
  if (!("municipalityIds" in overrides)) form.append("municipalityIds", String(municipalityIds()[0]));
  return form;
}

async function expectRefused(form: FormData, message: string, status = 400) {
  const before = counts();
  const response = await post(server.url, "/innspill/ny", form, cookie);
  const html = await response.text();
  expect(response.status).toBe(status);
  expect(html).toContain(message);
  expect(counts()).toEqual(before);
  return html;
}

describe("proposal intake over HTTP", () => {
  it("stores a submitted proposal with its municipalities, attachment and history", async () => {
    const before = counts();
    const form = validForm();
    form.append("attachments", new File(["%PDF-1.4 test"], "notat.pdf", { type: "application/pdf" }));
    const response = await post(server.url, "/innspill/ny", form, cookie);
    expect(response.status).toBe(302);
    const location = response.headers.get("location")!;
    const id = Number(/\/innspill\/(\d+)/.exec(location)![1]);
    const row = readDb.prepare("select state, title, submitted_at from proposal where id = ?").get(id) as {
      state: string;
      title: string;
      submitted_at: string | null;
    };
    expect(row.state).toBe("submitted");
    expect(row.submitted_at).not.toBeNull();
    expect(counts()).toEqual({
      proposals: before.proposals + 1,
      attachments: before.attachments + 1,
      history: before.history + 2,
    });
    const attachment = readDb.prepare("select id from attachment where proposal_id = ?").get(id) as {
      id: number;
    };
    const download = await fetch(`${server.url}/innspill/${id}/vedlegg/${attachment.id}`, {
      headers: { Cookie: otherCookie },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toContain("notat.pdf");
    expect(await download.text()).toBe("%PDF-1.4 test");
  });

  it("refuses an empty title and keeps what was typed", async () => {
    const html = await expectRefused(validForm({ title: "" }), "Skriv en tittel.");
    expect(html).toContain("Foreldre ringer for å bestille time.");
  });

  it("refuses a title over 200 characters", async () => {
    await expectRefused(validForm({ title: "x".repeat(201) }), "Tittelen kan være høyst 200 tegn.");
  });

  it("refuses text fields over the limit", async () => {
    await expectRefused(validForm({ background: "y".repeat(10_001) }), "Teksten kan være høyst 10 000 tegn.");
  });

  it("refuses a missing municipality and an unknown one", async () => {
    await expectRefused(validForm({ municipalityIds: null }), "Velg minst én kommune.");
    await expectRefused(validForm({ municipalityIds: "999999" }), "Velg kommuner fra listen.");
  });

  it("refuses an inactive municipality", async () => {
    const writable = openSyncDb(server.database, { writable: true });
    writable
      .prepare(
        "insert into municipality (name, valid_from, valid_to) values ('Nedlagt', '2000-01-01', '2020-01-01')",
      )
      .run();
    const id = (
      writable.prepare("select id from municipality where name = 'Nedlagt'").get() as { id: number }
    ).id;
    writable.close();
    await expectRefused(validForm({ municipalityIds: String(id) }), "Velg kommuner fra listen.");
  });

  it("refuses a disallowed file type, and an oversized file with 413 while reading it", async () => {
    const exe = validForm();
    exe.append("attachments", new File(["MZ"], "program.exe", { type: "application/octet-stream" }));
    await expectRefused(exe, "Filtypen er ikke tillatt.");
    const big = validForm();
    big.append(
      "attachments",
      new File([new Uint8Array(10 * 1024 * 1024 + 1)], "stor.pdf", { type: "application/pdf" }),
    );
    await expectRefused(big, "Vedlegget «stor.pdf» er større enn 10 MB.", 413);
  });

  it("refuses more than five files (413, while reading them)", async () => {
    const form = validForm();
    for (let i = 0; i < 6; i++)
      form.append("attachments", new File(["%PDF-1.4 x"], `f${i}.pdf`, { type: "application/pdf" }));
    await expectRefused(form, "Du kan legge ved høyst 5 filer.", 413);
  });

  it("refuses extra fields and a missing intent", async () => {
    await expectRefused(validForm({ isAdmin: "1" }), "Skjemaet inneholdt ukjente felt.");
    await expectRefused(validForm({ intent: null }), "Skjemaet inneholdt ukjente felt.");
  });

  it("requires background, problem and solution to submit, but not to save a draft", async () => {
    await expectRefused(
      validForm({ problem: "" }),
      "Et innspill må ha bakgrunn, problemstilling og løsningsforslag",
    );
    const before = counts();
    const response = await post(
      server.url,
      "/innspill/ny",
      validForm({ intent: "draft", problem: "" }),
      cookie,
    );
    expect(response.status).toBe(302);
    expect(counts().proposals).toBe(before.proposals + 1);
  });

  it("shows HTML and script as text", async () => {
    const response = await post(
      server.url,
      "/innspill/ny",
      validForm({ title: "<script>alert(1)</script> Tittel" }),
      cookie,
    );
    const location = response.headers.get("location")!;
    const page = await fetch(`${server.url}${location.split("?")[0]}`, { headers: { Cookie: cookie } });
    const html = await page.text();
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; Tittel");
  });

  it("hides another user's draft (404), and an unknown id is 404", async () => {
    const response = await post(
      server.url,
      "/innspill/ny",
      validForm({ intent: "draft", title: "Mitt hemmelige utkast" }),
      cookie,
    );
    const path = response.headers.get("location")!.split("?")[0]!;
    expect((await fetch(`${server.url}${path}`, { headers: { Cookie: cookie } })).status).toBe(200);
    expect((await fetch(`${server.url}${path}`, { headers: { Cookie: otherCookie } })).status).toBe(404);
    expect((await fetch(`${server.url}/innspill/99999999`, { headers: { Cookie: cookie } })).status).toBe(
      404,
    );
    const list = await (
      await fetch(`${server.url}/innspill?q=hemmelige`, { headers: { Cookie: otherCookie } })
    ).text();
    expect(list).not.toContain("Mitt hemmelige utkast");
  });

  it("refuses a POST from another origin", async () => {
    const before = counts();
    const response = await fetch(`${server.url}/innspill/ny`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: "https://evil.example", Cookie: cookie },
      body: validForm(),
    });
    expect(response.status).toBe(403);
    expect(counts()).toEqual(before);
  });

  it("redirects anonymous visitors to the login page and back", async () => {
    const response = await fetch(`${server.url}/innspill/ny`, { redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/logg-inn?redirectTo=%2Finnspill%2Fny");
  });

  it("shows a repeated search's new hits: one submitted, and one renamed by another process", async () => {
    const search = async () =>
      (await fetch(`${server.url}/innspill?q=solcellepanel`, { headers: { Cookie: cookie } })).text();
    expect(await search()).toContain("Ingen innspill");
    expect(await search()).not.toContain("Solcellepanel");
    await post(server.url, "/innspill/ny", validForm({ title: "Solcellepanel på skolen" }), cookie);
    expect(await search()).toContain("Solcellepanel på skolen");
    // A write outside this server process (another process on the same file, or an administrator's
    // statement) is seen too: the kept hits are read again whenever the database has changed.
    const writer = openSyncDb(server.database, { writable: true });
    try {
      writer
        .prepare(
          "update proposal set title = ? where id = (select min(id) from proposal where state != 'draft' and title != ?)",
        )
        .run("Solcellepanel på rådhuset", "Smarte vannmålere");
    } finally {
      writer.close();
    }
    const html = await search();
    expect(html).toContain("Solcellepanel på skolen");
    expect(html).toContain("Solcellepanel på rådhuset");
  });

  it("finds proposals by a part of a Norwegian compound word", async () => {
    const html = await (
      await fetch(`${server.url}/innspill?q=vannm%C3%A5l`, { headers: { Cookie: cookie } })
    ).text();
    expect(html).toContain("Smarte vannmålere");
  });
});

describe("login", () => {
  it("says only 'Feil e-post eller passord' for a wrong password and for an unknown account", async () => {
    for (const email of ["ansatt@innspill.test", "finnes.ikke@innspill.test"]) {
      const response = await post(
        server.url,
        "/logg-inn",
        new URLSearchParams({ email, password: "feil-passord" }),
      );
      expect(response.status).toBe(401);
      expect(await response.text()).toContain("Feil e-post eller passord");
    }
  });

  it("sets an httpOnly SameSite session cookie and rotates it at each login", async () => {
    const first = await post(
      server.url,
      "/logg-inn",
      new URLSearchParams({ email: "koordinator@innspill.test", password: "demo1234" }),
    );
    const second = await post(
      server.url,
      "/logg-inn",
      new URLSearchParams({ email: "koordinator@innspill.test", password: "demo1234" }),
    );
    const a = first.headers.get("set-cookie")!;
    const b = second.headers.get("set-cookie")!;
    expect(a).toMatch(/HttpOnly/i);
    expect(a).toMatch(/SameSite=Lax/i);
    expect(a.split(";")[0]).not.toBe(b.split(";")[0]);
  });

  it("logs out: the old cookie no longer opens pages", async () => {
    const session = await loginCookie(server.url, "ansatt3@innspill.test");
    expect(
      (await fetch(`${server.url}/innspill`, { headers: { Cookie: session }, redirect: "manual" })).status,
    ).toBe(200);
    await post(server.url, "/logg-ut", new URLSearchParams(), session);
    expect(
      (await fetch(`${server.url}/innspill`, { headers: { Cookie: session }, redirect: "manual" })).status,
    ).toBe(302);
  });
});
