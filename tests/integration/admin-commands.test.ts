import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import {
  getBody,
  listBodyNames,
  listMembershipsOfBody,
  listMunicipalities,
} from "#db/repositories/organisation.repository";
import { findUserByEmail, getUser } from "#db/repositories/user.repository";
import {
  addMembership,
  addMunicipality,
  closeBody,
  endMembership,
  endMunicipality,
  renameBody,
} from "~/server/commands/admin-organisation.server";
import {
  accountFingerprint,
  createAccount,
  setAccountActive,
  updateAccount,
} from "~/server/commands/admin-users.server";
import { verifyPassword } from "~/server/password.server";
import { currentUser, makeWorld, testDb, type World } from "../support/db";

/** The admin commands' own checks, against a fresh database with the real migrations. */
describe("admin commands", () => {
  let db: DB;
  let world: World;
  beforeEach(async () => {
    db = await testDb();
    world = await makeWorld(db);
  });
  afterEach(async () => {
    await db.destroy();
  });

  const count = async (table: "user" | "membership" | "body_name" | "session" | "municipality") =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  describe("organisation", () => {
    it("refuses a municipality name that exists, and writes nothing", async () => {
      const before = await count("municipality");
      const result = await addMunicipality(db, { name: "Nordby", validFrom: "2024-01-01" });
      expect(result).toMatchObject({ ok: false, status: 400, fieldErrors: { name: [expect.any(String)] } });
      expect(await count("municipality")).toBe(before);
    });

    it("ends a municipality only after it began, and only once", async () => {
      const id = world.municipalities.Nordby!;
      expect(await endMunicipality(db, { municipalityId: id, validTo: "1999-12-31" })).toMatchObject({
        ok: false,
        fieldErrors: { validTo: [expect.stringContaining("etter startdatoen")] },
      });
      expect(await endMunicipality(db, { municipalityId: id, validTo: "2025-01-01" })).toMatchObject({
        ok: true,
      });
      expect((await listMunicipalities(db, { activeOn: "2025-01-01" })).map((m) => m.id)).not.toContain(id);
      expect(await endMunicipality(db, { municipalityId: id, validTo: "2026-01-01" })).toMatchObject({
        ok: false,
        fieldErrors: { validTo: ["Dette er allerede avsluttet."] },
      });
      expect(await endMunicipality(db, { municipalityId: 9999, validTo: "2026-01-01" })).toMatchObject({
        ok: false,
        fieldErrors: { municipalityId: [expect.any(String)] },
      });
    });

    it("renames from a date within the body's life; unknown bodies are 404", async () => {
      const body = world.bodies.committee;
      const names = await listBodyNames(db, body);
      expect(
        await renameBody(db, { bodyId: body, name: "Rådet før", validFrom: "2018-01-01" }),
      ).toMatchObject({
        ok: false,
        fieldErrors: { validFrom: [expect.any(String)] },
      });
      expect(await listBodyNames(db, body)).toEqual(names);
      expect(await renameBody(db, { bodyId: 9999, name: "X", validFrom: "2024-01-01" })).toMatchObject({
        ok: false,
        status: 404,
      });
      expect(
        await renameBody(db, { bodyId: body, name: "Porteføljerådet", validFrom: "2023-01-01" }),
      ).toMatchObject({
        ok: true,
      });
      expect((await getBody(db, body, "2022-12-31"))?.name).toBe("Utvalget");
      expect((await getBody(db, body, "2023-01-01"))?.name).toBe("Porteføljerådet");
    });

    it("closes a body once, after its start", async () => {
      const body = world.bodies.groupTech;
      expect(await closeBody(db, { bodyId: body, validTo: "2019-01-01" })).toMatchObject({ ok: false });
      expect(await closeBody(db, { bodyId: body, validTo: "2024-01-01" })).toMatchObject({ ok: true });
      expect((await getBody(db, body))?.valid_to).toBe("2024-01-01");
      expect(await closeBody(db, { bodyId: body, validTo: "2025-01-01" })).toMatchObject({ ok: false });
    });

    it("adds a membership only while the body exists and the municipality is a member", async () => {
      const body = world.bodies.groupHealth;
      const base = {
        bodyId: body,
        userId: world.users.employee,
        role: "member" as const,
        validFrom: "2024-01-01",
      };
      const before = await count("membership");
      expect(await addMembership(db, { ...base, validFrom: "2018-06-01" })).toMatchObject({
        ok: false,
        fieldErrors: { validFrom: [expect.any(String)] },
      });
      expect(await addMembership(db, { ...base, userId: 9999 })).toMatchObject({
        ok: false,
        fieldErrors: { userId: [expect.any(String)] },
      });
      await endMunicipality(db, { municipalityId: world.municipalities.Vestøy!, validTo: "2023-01-01" });
      expect(await addMembership(db, { ...base, municipalityId: world.municipalities.Vestøy })).toMatchObject(
        {
          ok: false,
          fieldErrors: { municipalityId: ["Kommunen er ikke aktiv på startdatoen."] },
        },
      );
      expect(await addMembership(db, { ...base, validTo: "2024-01-01" })).toMatchObject({
        ok: false,
        fieldErrors: { validTo: [expect.any(String)] },
      });
      expect(await count("membership")).toBe(before);

      const added = await addMembership(db, {
        ...base,
        municipalityId: world.municipalities.Nordby,
        voteWeight: 1.5,
      });
      expect(added).toMatchObject({ ok: true });
      const row = (await listMembershipsOfBody(db, body)).find((m) => added.ok && m.id === added.id);
      expect(row).toMatchObject({ user_id: world.users.employee, vote_weight: 1.5, valid_to: null });
    });

    it("ends a membership of this body only", async () => {
      const [membership] = await listMembershipsOfBody(db, world.bodies.groupHealth);
      expect(
        await endMembership(db, {
          bodyId: world.bodies.groupTech,
          membershipId: membership!.id,
          validTo: "2025-01-01",
        }),
      ).toMatchObject({ ok: false, fieldErrors: { membershipId: [expect.any(String)] } });
      expect(
        await endMembership(db, {
          bodyId: world.bodies.groupHealth,
          membershipId: membership!.id,
          validTo: "2025-01-01",
        }),
      ).toMatchObject({ ok: true });
      const after = (await listMembershipsOfBody(db, world.bodies.groupHealth, { on: "2025-01-01" })).map(
        (m) => m.id,
      );
      expect(after).not.toContain(membership!.id);
    });
  });

  describe("accounts", () => {
    const form = {
      name: "Ny Person",
      email: "ny.person@test.invalid",
      isAdmin: false,
      isCoordinator: true,
      password: "hemmelig123",
    };

    it("creates an account with a hashed password and refuses a taken e-mail", async () => {
      const created = await createAccount(db, form);
      expect(created).toMatchObject({ ok: true });
      const row = (await findUserByEmail(db, form.email))!;
      expect(row.password_hash).not.toContain(form.password);
      expect(await verifyPassword(form.password, row.password_hash)).toBe(true);
      expect(row).toMatchObject({ is_coordinator: 1, is_admin: 0, active: 1 });

      const users = await count("user");
      expect(await createAccount(db, { ...form, name: "Annen" })).toMatchObject({
        ok: false,
        fieldErrors: { email: ["E-postadressen er allerede i bruk."] },
      });
      expect(await count("user")).toBe(users);
    });

    it("refuses a save over an account changed since the form was shown (409)", async () => {
      const admin = await currentUser(db, world.users.admin);
      const shown = (await getUser(db, world.users.employee))!;
      const fingerprint = accountFingerprint(shown);
      const edit = { name: "Endret", email: shown.email, isAdmin: false, isCoordinator: false, fingerprint };
      // Another admin changes the account in between.
      await updateAccount(db, { actor: admin, userId: shown.id, form: { ...edit, name: "Først" } });
      expect(await updateAccount(db, { actor: admin, userId: shown.id, form: edit })).toMatchObject({
        ok: false,
        status: 409,
      });
      expect((await getUser(db, shown.id))!.name).toBe("Først");
    });

    it("refuses an e-mail held by another account, and an admin removing their own admin right", async () => {
      const admin = await currentUser(db, world.users.admin);
      const employee = (await getUser(db, world.users.employee))!;
      const result = await updateAccount(db, {
        actor: admin,
        userId: employee.id,
        form: {
          name: employee.name,
          email: admin.email,
          isAdmin: false,
          isCoordinator: false,
          fingerprint: accountFingerprint(employee),
        },
      });
      expect(result).toMatchObject({ fieldErrors: { email: ["E-postadressen er allerede i bruk."] } });
      const self = (await getUser(db, admin.id))!;
      const own = await updateAccount(db, {
        actor: admin,
        userId: admin.id,
        form: {
          name: self.name,
          email: self.email,
          isAdmin: false,
          isCoordinator: false,
          fingerprint: accountFingerprint(self),
        },
      });
      expect(own).toMatchObject({ ok: false, status: 400, fieldErrors: { isAdmin: [expect.any(String)] } });
      expect((await getUser(db, admin.id))!.is_admin).toBe(1);
    });

    it("deactivating ends the account's sessions; an admin cannot deactivate themself", async () => {
      const admin = await currentUser(db, world.users.admin);
      const target = world.users.employee;
      await db
        .insertInto("session")
        .values({ id: "s1", user_id: target, created_at: "2026-01-01", expires_at: "2099-01-01" })
        .execute();
      expect(await setAccountActive(db, { actor: admin, userId: target, active: false })).toMatchObject({
        ok: true,
      });
      expect((await getUser(db, target))!.active).toBe(0);
      expect(await count("session")).toBe(0);

      expect(await setAccountActive(db, { actor: admin, userId: admin.id, active: false })).toMatchObject({
        ok: false,
        fieldErrors: { intent: ["Du kan ikke deaktivere din egen konto."] },
      });
      expect((await getUser(db, admin.id))!.active).toBe(1);

      expect(await setAccountActive(db, { actor: admin, userId: target, active: true })).toMatchObject({
        ok: true,
      });
      expect((await getUser(db, target))!.active).toBe(1);
    });
  });
});
