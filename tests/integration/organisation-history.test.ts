import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { makeBody, makeMembership, makeMunicipalities, makeUser } from "#db/factories";
import {
  closeBody,
  createMunicipality,
  getBody,
  listBodies,
  listMembershipsOfUser,
  listMunicipalities,
  membershipsOfUser,
  renameBody,
} from "#db/repositories/organisation.repository";
import { demoHash, testDb } from "../support/db";

/** The organisation is data with validity periods: every date sees the organisation as it was then. */
describe("organisation history", () => {
  let db: DB;
  beforeEach(async () => {
    db = await testDb();
  });
  afterEach(async () => {
    await db.destroy();
  });

  it("a renamed body keeps its old name for earlier dates", async () => {
    const committee = await makeBody(db, "committee", "Bestillerutvalget", "2019-01-01");
    await renameBody(db, { bodyId: committee, name: "Porteføljerådet", validFrom: "2023-01-01" });

    expect((await getBody(db, committee, "2021-06-01"))?.name).toBe("Bestillerutvalget");
    expect((await getBody(db, committee, "2022-12-31"))?.name).toBe("Bestillerutvalget");
    expect((await getBody(db, committee, "2023-01-01"))?.name).toBe("Porteføljerådet");
    expect((await getBody(db, committee, "2023-06-01"))?.name).toBe("Porteføljerådet");

    const in2021 = await listBodies(db, { kind: "committee", on: "2021-06-01" });
    const in2023 = await listBodies(db, { kind: "committee", on: "2023-06-01" });
    expect(in2021.map((b) => b.name)).toEqual(["Bestillerutvalget"]);
    expect(in2023.map((b) => b.name)).toEqual(["Porteføljerådet"]);
    // The same body, not a new one.
    expect(in2023[0]!.id).toBe(committee);
  });

  it("a rename shows at once in the bodies of a date already asked for (only the statement is kept)", async () => {
    const board = await makeBody(db, "board", "Styret", "2019-01-01");
    const on = "2024-06-01";
    expect((await listBodies(db, { kind: "board", on, activeOnly: true })).map((b) => b.name)).toEqual([
      "Styret",
    ]);
    await renameBody(db, { bodyId: board, name: "Samarbeidsrådet", validFrom: "2024-01-01" });
    expect((await listBodies(db, { kind: "board", on, activeOnly: true })).map((b) => b.name)).toEqual([
      "Samarbeidsrådet",
    ]);
  });

  it("a municipality added from a date is active only from that date", async () => {
    await makeMunicipalities(db, ["Nordby", "Sørvik"], "2000-01-01");
    await createMunicipality(db, { name: "Nyvik", validFrom: "2024-01-01" });

    const before = await listMunicipalities(db, { activeOn: "2023-12-31" });
    const after = await listMunicipalities(db, { activeOn: "2024-01-02" });
    expect(before.map((m) => m.name)).toEqual(["Nordby", "Sørvik"]);
    expect(after.map((m) => m.name)).toEqual(["Nordby", "Nyvik", "Sørvik"]);
    // Without a date every municipality is listed, so the admin page shows the future one too.
    expect((await listMunicipalities(db)).map((m) => m.name)).toContain("Nyvik");
  });

  it("a closed body leaves the active lists from its closing date but keeps its name", async () => {
    const health = await makeBody(db, "group", "Helse", "2019-01-01");
    const econ = await makeBody(db, "group", "Økonomi og administrasjon", "2019-01-01");
    await closeBody(db, econ, "2021-04-01");

    const active = (on: string) =>
      listBodies(db, { kind: "group", on, activeOnly: true }).then((bs) => bs.map((b) => b.id));
    expect(await active("2021-03-31")).toEqual([health, econ]);
    expect(await active("2021-04-01")).toEqual([health]);
    expect(await active("2022-01-01")).toEqual([health]);
    // Not active, but still there with its name for reports about earlier years.
    const all = await listBodies(db, { kind: "group", on: "2022-01-01" });
    expect(all.find((b) => b.id === econ)).toMatchObject({
      name: "Økonomi og administrasjon",
      valid_to: "2021-04-01",
    });
  });

  it("a user's memberships count only within their own and their body's validity", async () => {
    const passwordHash = await demoHash();
    const userId = await makeUser(db, { passwordHash, name: "Medlem" });
    const group = await makeBody(db, "group", "Helse", "2019-01-01");
    const oldGroup = await makeBody(db, "group", "Gammel", "2019-01-01");
    await closeBody(db, oldGroup, "2022-01-01");
    const current = await makeMembership(db, {
      userId,
      bodyId: group,
      role: "leader",
      validFrom: "2021-04-01",
      validTo: "2023-04-01",
    });
    const inClosedBody = await makeMembership(db, {
      userId,
      bodyId: oldGroup,
      role: "member",
      validFrom: "2019-01-01",
    });

    const on = async (date: string) => (await membershipsOfUser(db, userId, date)).map((m) => m.id).sort();
    expect(await on("2020-06-01")).toEqual([inClosedBody]);
    expect(await on("2021-04-01")).toEqual([current, inClosedBody].sort());
    // The body closed: its open-ended membership no longer counts.
    expect(await on("2022-06-01")).toEqual([current]);
    // valid_to is the first day the membership no longer holds.
    expect(await on("2023-03-31")).toEqual([current]);
    expect(await on("2023-04-01")).toEqual([]);
  });

  it("a user's membership history names each body as it was called when the membership began", async () => {
    const passwordHash = await demoHash();
    const userId = await makeUser(db, { passwordHash, name: "Bestiller" });
    const committee = await makeBody(db, "committee", "Bestillerutvalget", "2019-01-01");
    await renameBody(db, { bodyId: committee, name: "Porteføljerådet", validFrom: "2023-01-01" });
    await makeMembership(db, { userId, bodyId: committee, validFrom: "2021-01-01", validTo: "2023-06-01" });
    await makeMembership(db, { userId, bodyId: committee, validFrom: "2024-01-01" });
    const history = await listMembershipsOfUser(db, userId);
    expect(history.map((m) => [m.valid_from, m.body_name])).toEqual([
      ["2024-01-01", "Porteføljerådet"],
      ["2021-01-01", "Bestillerutvalget"],
    ]);
  });
});
