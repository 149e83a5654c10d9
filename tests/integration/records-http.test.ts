import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DB } from "#db/connection";
import { loginCookie, post, startServer, type TestServer } from "../support/server";

/**
 * Issue 10 over HTTP against the built server and the demo seed: closing a proposal for good is
 * confirmed first, and the history names the body and its case with the body's code.
 */
describe("records over HTTP", () => {
  let server: TestServer;
  let db: DB;
  let coordinator: string;

  beforeAll(async () => {
    server = await startServer({ seed: true });
    db = openDatabase(server.database);
    coordinator = await loginCookie(server.url, "koordinator@innspill.test");
  }, 120_000);
  afterAll(async () => {
    await db?.destroy();
    await server?.stop();
  });

  const proposalNow = (id: number) =>
    db.selectFrom("proposal").select(["state", "version"]).where("id", "=", id).executeTakeFirstOrThrow();

  it("asks before redirecting a proposal to Kundeservice, and does nothing until confirmed", async () => {
    const { id } = await db
      .selectFrom("proposal")
      .select("id")
      .where("state", "=", "submitted")
      .executeTakeFirstOrThrow();
    const before = await proposalNow(id);
    const fields = {
      intent: "event",
      type: "REDIRECT",
      version: String(before.version),
      reason: "Brukerstøtte.",
    };
    const asked = await post(server.url, `/innspill/${id}`, new URLSearchParams(fields), coordinator);
    expect(asked.status).toBe(400);
    const html = await asked.text();
    expect(html).toContain("Når innspillet sendes til Kundeservice, avsluttes det her for godt");
    expect(html).toContain('name="confirmed" value="yes"');
    expect(await proposalNow(id)).toEqual(before);
    const done = await post(
      server.url,
      `/innspill/${id}`,
      new URLSearchParams({ ...fields, confirmed: "yes" }),
      coordinator,
    );
    expect(done.status).toBe(302);
    expect((await proposalNow(id)).state).toBe("redirected");
  });

  it("names the body and its case with the body's code in the history, and the recorder only as recorder", async () => {
    const row = await db
      .selectFrom("proposal_history")
      .select("proposal_id")
      .where("event", "=", "BOARD_APPROVE")
      .executeTakeFirstOrThrow();
    const html = await (
      await fetch(`${server.url}/innspill/${row.proposal_id}`, { headers: { Cookie: coordinator } })
    ).text();
    expect(html).toMatch(/Styret, ST-sak \d+\/2021/);
    expect(html).toContain("Ført i protokollen av");
  });
});
