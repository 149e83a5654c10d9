import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { findUserByEmail } from "#db/repositories/user.repository";
import { hashToVerify } from "~/server/auth.server";
import { setAccountActive } from "~/server/commands/admin-users.server";
import { hashPassword, verifyPassword } from "~/server/password.server";
import { currentUser, makeWorld, testDb, type World } from "../support/db";

/**
 * No account enumeration: the hash a login verifies for an unknown or deactivated e-mail is a
 * well-formed scrypt hash like a real one, so `verifyPassword` does the full scrypt work instead
 * of returning early, and the answer costs what a wrong password costs. Asserted on the hash's
 * form, never on time (the timing itself is measured by `npm run bench`).
 */
describe("the hash a login verifies", () => {
  let db: DB;
  let world: World;
  beforeEach(async () => {
    db = await testDb();
    world = await makeWorld(db);
  });
  afterEach(async () => {
    await db.destroy();
  });

  /** Scheme, salt length and key length: what decides the work `verifyPassword` does. */
  const shape = (stored: string) => {
    const parts = stored.split("$");
    return {
      parts: parts.length,
      scheme: parts[0],
      saltHexLength: parts[1]?.length,
      keyHexLength: parts[2]?.length,
      hex: parts.slice(1).every((p) => /^[0-9a-f]+$/.test(p)),
    };
  };

  it("is an active account's own stored hash", async () => {
    const user = await findUserByEmail(db, "ansatt@test.invalid");
    expect(user?.active).toBe(1);
    expect(await hashToVerify(user)).toBe(user!.password_hash);
  });

  it("is a well-formed scrypt hash, like a real one, for an unknown e-mail and a deactivated account", async () => {
    const real = shape(await hashPassword("et-passord"));
    expect(real).toEqual({ parts: 3, scheme: "scrypt", saltHexLength: 32, keyHexLength: 128, hex: true });

    const unknown = await findUserByEmail(db, "finnes.ikke@test.invalid");
    expect(unknown).toBeUndefined();
    const admin = await currentUser(db, world.users.admin);
    expect(
      await setAccountActive(db, { actor: admin, userId: world.users.employee, active: false }),
    ).toMatchObject({ ok: true });
    const deactivated = await findUserByEmail(db, "ansatt@test.invalid");
    expect(deactivated?.active).toBe(0);

    for (const user of [unknown, deactivated]) {
      const stored = await hashToVerify(user);
      expect(shape(stored)).toEqual(real);
      // Not the deactivated account's own hash: its right password must not match either.
      expect(stored).not.toBe(deactivated!.password_hash);
      expect(await verifyPassword("demo1234", stored)).toBe(false);
      expect(await verifyPassword("feil-passord", stored)).toBe(false);
    }
  });
});
