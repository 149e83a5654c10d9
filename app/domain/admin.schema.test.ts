import { isIsoDate } from "#workflows/dates";
import { describe, expect, it } from "vitest";
import {
  addMembershipSchema,
  addMunicipalitySchema,
  createUserSchema,
  endMunicipalitySchema,
} from "./admin.schema";

describe("admin form schemas", () => {
  it("accept only days that exist", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("2023-13-01")).toBe(false);
    const parse = (validFrom: unknown) =>
      addMunicipalitySchema.safeParse({ intent: "addMunicipality", name: "Nyby", validFrom });
    expect(parse("2024-01-01").success).toBe(true);
    // Typed as the date picker shows it (dd.mm.åååå): read as the same day.
    expect(parse("01.01.2024").data?.validFrom).toBe("2024-01-01");
    for (const bad of ["2023-02-30", "30.02.2024", "2024-1-1", "1850-01-01", "", 20240101]) {
      expect(parse(bad).success, String(bad)).toBe(false);
    }
  });

  it("refuse fields the form does not have", () => {
    const result = addMunicipalitySchema.safeParse({
      intent: "addMunicipality",
      name: "Nyby",
      validFrom: "2024-01-01",
      valid_to: "2025-01-01",
    });
    expect(result.error?.issues[0]?.message).toBe("Skjemaet inneholdt ukjente felt.");
  });

  it("refuse ids the page did not offer", () => {
    const schema = endMunicipalitySchema([1, 2]);
    expect(
      schema.safeParse({ intent: "endMunicipality", municipalityId: "2", validTo: "2025-01-01" }).data,
    ).toEqual({
      intent: "endMunicipality",
      municipalityId: 2,
      validTo: "2025-01-01",
    });
    for (const id of ["3", "1 OR 1=1", "-1", "1.5"])
      expect(
        schema.safeParse({ intent: "endMunicipality", municipalityId: id, validTo: "2025-01-01" }).success,
      ).toBe(false);
  });

  it("a membership must end after it begins; a vote weight is a number of 0 or more", () => {
    const schema = addMembershipSchema({ userIds: [7], municipalityIds: [1] });
    const base = { intent: "addMembership", userId: "7", role: "member", validFrom: "2024-01-01" };
    const validTo = (value: string) => schema.safeParse({ ...base, validTo: value });
    expect(validTo("2024-01-01").error?.issues).toMatchObject([
      { path: ["validTo"], message: "Sluttdatoen må være etter startdatoen." },
    ]);
    expect(validTo("2024-01-02").success).toBe(true);
    expect(schema.parse({ ...base, voteWeight: "1,5" }).voteWeight).toBe(1.5);
    expect(schema.parse({ ...base, voteWeight: "0" }).voteWeight).toBe(0);
    for (const bad of ["-1", "abc", "1e3", "5000"])
      expect(schema.safeParse({ ...base, voteWeight: bad }).success, bad).toBe(false);
    expect(schema.safeParse({ ...base, role: "king" }).success).toBe(false);
  });

  it("normalise e-mail addresses and require a password of 8 or more", () => {
    const schema = createUserSchema([]);
    const value = schema.parse({ name: " Kari ", email: " Kari@Molde.Kommune.NO ", password: "12345678" });
    expect(value).toEqual({
      name: "Kari",
      email: "kari@molde.kommune.no",
      password: "12345678",
      isAdmin: false,
      isCoordinator: false,
    });
    expect(schema.safeParse({ name: "K", email: "kari@molde", password: "12345678" }).success).toBe(false);
    expect(schema.safeParse({ name: "K", email: "k@m.no", password: "1234567" }).success).toBe(false);
    expect(
      schema.safeParse({ name: "K", email: "k@m.no", password: "12345678", isAdmin: "yes" }).success,
    ).toBe(false);
  });
});
