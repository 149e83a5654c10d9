import { describe, expect, it } from "vitest";
import { expectNoAxeViolations, expectNoAxeViolationsWithoutScripts } from "../support/browser";
import { seededBrowserApp } from "../support/seeded-app";

/**
 * What public-sector users expect to find: the accessibility statement and the privacy page
 * (footer, intake), texts an administrator edits, Kundeservice's contact details for a proposal
 * sent there, the reason by the status, and a help page with medians from the data.
 */

const app = seededBrowserApp();

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return Math.round(s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2);
};

describe("public pages", () => {
  it("links the accessibility statement, privacy and help from every page's footer, open without login", async () => {
    const page = await app.open(undefined, false);
    await page.goto(`${app.server.url}/prosess`);
    const footer = page.getByRole("navigation", { name: "Om nettstedet" });
    await footer.getByRole("link", { name: "Tilgjengelighetserklæring" }).click();
    await page.waitForURL(/\/tilgjengelighet$/);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Tilgjengelighetserklæring");
    const text = await page.locator("main").innerText();
    expect(text).toContain("WCAG 2.1");
    expect(await page.getByRole("heading", { name: "Dette oppfyller ikke kravene" }).count()).toBe(1);
    expect(await page.getByRole("heading", { name: "Meld fra om feil" }).count()).toBe(1);
    expect(text).toContain("kundeservice@ror-ikt.no");
    await expectNoAxeViolationsWithoutScripts(app.browser, page, app.server.url);

    await page
      .getByRole("navigation", { name: "Om nettstedet" })
      .getByRole("link", { name: "Personvern" })
      .click();
    await page.waitForURL(/\/personvern$/);
    for (const heading of ["Hva lagres", "Hvorfor", "Hvor lenge", "Kontakt"])
      expect(await page.getByRole("heading", { name: heading, exact: true }).count(), heading).toBe(1);
    await expectNoAxeViolationsWithoutScripts(app.browser, page, app.server.url);
    await page.context().close();
  });

  it("links the privacy page from the privacy notice on the intake form", async () => {
    const page = await app.open("ansatt@innspill.test", true);
    await page.goto(`${app.server.url}/innspill/ny`);
    await page.getByRole("link", { name: "Les om personvern i Innspill" }).click();
    await page.waitForURL(/\/personvern$/);
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it("shows first-time employees what happens, who decides, median times from the data and the words", async () => {
    const rows = await app.db
      .selectFrom("proposal_history as h")
      .innerJoin("proposal_history as s", (j) =>
        j.onRef("s.proposal_id", "=", "h.proposal_id").on("s.to_state", "=", "submitted"),
      )
      .where("h.to_state", "in", ["approved", "rejected"])
      .select(["h.proposal_id", "h.at as reached", "s.at as submitted"])
      .execute();
    const first = new Map<number, { reached: number; submitted: number }>();
    for (const r of rows) {
      const reached = Date.parse(r.reached);
      const submitted = Date.parse(r.submitted);
      const seen = first.get(r.proposal_id);
      first.set(r.proposal_id, {
        reached: Math.min(seen?.reached ?? Infinity, reached),
        submitted: Math.min(seen?.submitted ?? Infinity, submitted),
      });
    }
    const days = [...first.values()].map((v) => (v.reached - v.submitted) / 86_400_000);
    expect(days.length).toBeGreaterThan(3);

    const page = await app.open(undefined, true);
    await page.goto(`${app.server.url}/`);
    await page
      .getByRole("navigation", { name: "Om nettstedet" })
      .getByRole("link", { name: "Hjelp" })
      .click();
    await page.waitForURL(/\/hjelp$/);
    await page.getByRole("heading", { level: 1, name: "Hjelp for nye brukere" }).waitFor();
    const text = await page.locator("main").innerText();
    expect(text).toContain(`${median(days)} dager (median av ${days.length} innspill)`);
    expect(text).toContain("Porteføljerådet");
    for (const word of ["Faggruppe", "Porteføljeråd", "Innstilling", "Saksframlegg"])
      expect(await page.locator("dl.glossary dt", { hasText: word }).count(), word).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});

describe("texts an administrator edits", () => {
  it("changes Kundeservice's contact details, shown to a submitter whose proposal was sent there, without JavaScript", async () => {
    const redirected = await app.db
      .selectFrom("proposal")
      .innerJoin("user", "user.id", "proposal.author_id")
      .where("proposal.state", "=", "redirected")
      .select(["proposal.id", "user.email"])
      .executeTakeFirstOrThrow();

    const admin = await app.open("admin@innspill.test", false);
    await admin.goto(`${app.server.url}/admin`);
    await admin.getByRole("link", { name: "Tekster på nettstedet" }).click();
    const form = admin.locator("form", {
      has: admin.getByRole("heading", { name: "Kontaktinformasjon til Kundeservice" }),
    });
    await form
      .getByLabel("Kontaktinformasjon til Kundeservice")
      .fill("Telefon: 71 22 33 44\nE-post: hjelp@ror-ikt.test");
    await form.getByRole("button", { name: "Lagre teksten" }).click();
    await admin.getByText("Teksten er lagret.").waitFor();
    await expectNoAxeViolationsWithoutScripts(app.browser, admin, app.server.url);

    // Saved meanwhile by someone else: the stale form is refused, nothing overwritten.
    const stale = await admin.context().request.post(`${app.server.url}/admin/tekster`, {
      form: { key: "kundeservice", body: "Gammel tekst", version: "0" },
      headers: { origin: app.server.url },
    });
    expect(stale.status()).toBe(409);
    await admin.context().close();

    const submitter = await app.open(redirected.email, false);
    await submitter.goto(`${app.server.url}/innspill/${redirected.id}`);
    const status = submitter.locator("section", {
      has: submitter.getByRole("heading", { name: "Hvor står innspillet?" }),
    });
    const words = await status.innerText();
    expect(words).toContain("Saken er sendt til Kundeservice. Slik når du dem:");
    expect(words).toContain("Telefon: 71 22 33 44");
    expect(words).toContain("E-post: hjelp@ror-ikt.test");
    // The reason given when it was sent there stands by the status, not only in the history.
    const reason = await app.db
      .selectFrom("proposal_history")
      .where("proposal_id", "=", redirected.id)
      .where("to_state", "=", "redirected")
      .select("reason")
      .executeTakeFirstOrThrow();
    expect(await status.locator(".state-reason").innerText()).toBe(`Begrunnelse: ${reason.reason}`);
    await submitter.goto(`${app.server.url}/tilgjengelighet`);
    expect(await submitter.locator("main").innerText()).toContain("Telefon: 71 22 33 44");
    await submitter.context().close();
  });

  it("shows the reason by the status of a rejected proposal", async () => {
    const rejected = await app.db
      .selectFrom("proposal")
      .innerJoin("user", "user.id", "proposal.author_id")
      .innerJoin("proposal_history as h", (j) =>
        j.onRef("h.proposal_id", "=", "proposal.id").on("h.to_state", "=", "rejected"),
      )
      .where("proposal.state", "=", "rejected")
      .select(["proposal.id", "user.email", "h.reason"])
      .executeTakeFirstOrThrow();
    const page = await app.open(rejected.email, true);
    await page.goto(`${app.server.url}/innspill/${rejected.id}`);
    expect(await page.locator(".state-reason").innerText()).toBe(`Begrunnelse: ${rejected.reason}`);
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
