import { describe, expect, it } from "vitest";
import { expectNoAxeViolationsWithoutScripts } from "../support/browser";
import { seededBrowserApp } from "../support/seeded-app";

/** The first hour's small stumbles, each seen in the browser. */

const app = seededBrowserApp();

const nbDate = (iso: string) => {
  const [y, m, d] = iso.slice(0, 10).split("-");
  return `${Number(d)}.${Number(m)}.${y}`;
};

describe("small fixes", () => {
  it("says since when work under way has run, instead of how long it has 'waited'", async () => {
    const running = await app.db
      .selectFrom("proposal")
      .where("state", "=", "inProgress")
      .select(["id", "title", "state_changed_at"])
      .execute();
    expect(running.length).toBeGreaterThan(0);
    const page = await app.open("koordinator@innspill.test");
    await page.goto(`${app.server.url}/`);
    for (const p of running) {
      const item = page.locator(".proposal-list li", {
        has: page.getByRole("link", { name: p.title, exact: true }),
      });
      const text = await item.first().innerText();
      expect(text).toContain(`Under gjennomføring siden ${nbDate(p.state_changed_at)}`);
      expect(text).not.toContain("Har ventet");
    }
    await page.context().close();
  });

  it("offers only years with submissions, the same list on /innspill and /statistikk", async () => {
    const rows = await app.db
      .selectFrom("proposal")
      .where("state", "!=", "draft")
      .select("submitted_at")
      .execute();
    const years = [...new Set(rows.map((r) => Number(r.submitted_at!.slice(0, 4))))].sort((a, b) => b - a);
    const page = await app.open("koordinator@innspill.test");
    const options = async (path: string) => {
      await page.goto(`${app.server.url}${path}`);
      const values = await page
        .locator("select#aar option")
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      return values.filter((v) => /^\d{4}$/.test(v)).map(Number);
    };
    const list = await options("/innspill");
    const stats = await options("/statistikk");
    expect(list).toEqual(years);
    expect(stats).toEqual(years);
    await page.context().close();
  });

  it("lists ROR-IKT's staff first in the project-lead picker, and writes every date hint as dd.mm.åååå", async () => {
    const approved = await app.db
      .selectFrom("proposal")
      .where("state", "=", "approved")
      .select("id")
      .executeTakeFirstOrThrow();
    const coordinators = await app.db
      .selectFrom("user")
      .where("is_coordinator", "=", 1)
      .where("active", "=", 1)
      .select("name")
      .orderBy("name")
      .execute();
    const page = await app.open("koordinator@innspill.test");
    await page.goto(`${app.server.url}/innspill/${approved.id}/oppstart`);
    const labels = await page.getByLabel("Prosjektleder").locator("option").allTextContents();
    const real = labels.filter((l) => l !== "Velg prosjektleder");
    expect(real.slice(0, coordinators.length)).toEqual(coordinators.map((c) => `${c.name} (ROR-IKT)`));
    expect(real.slice(coordinators.length).some((l) => l.includes("(ROR-IKT)"))).toBe(false);
    const main = await page.locator("main").innerText();
    expect(main).toContain("Dato som dd.mm.åååå.");
    expect(main).not.toContain("åååå-mm-dd");
    await expectNoAxeViolationsWithoutScripts(app.browser, page, app.server.url);
    await page.context().close();

    const admin = await app.open("admin@innspill.test");
    await admin.goto(`${app.server.url}/admin/organisasjon`);
    const adminText = await admin.locator("main").innerText();
    expect(adminText).toContain("(dd.mm.åååå)");
    expect(adminText).not.toContain("åååå-mm-dd");
    await admin.context().close();
  });

  it("writes the adjustment's range with one minus sign, in the label and in its error", async () => {
    const target = await app.db
      .selectFrom("proposal")
      .innerJoin("body_name", "body_name.body_id", "proposal.group_id")
      .where("proposal.state", "=", "groupReview")
      .where("body_name.name", "=", "Helse og velferd")
      .select("proposal.id")
      .executeTakeFirstOrThrow();
    const page = await app.open("faggruppemedlem@innspill.test");
    await page.goto(`${app.server.url}/innspill/${target.id}/vurdering`);
    const field = page.getByLabel("Manuell justering (−5 til +5)");
    await field.fill("9");
    await page.getByRole("button", { name: "Lagre vurderingen" }).click();
    await page.getByText("Justeringen må være et tall fra −5 til +5.").first().waitFor();
    expect(await page.locator("main").innerText()).not.toMatch(/-5 til/);
    await page.context().close();
  });
});
