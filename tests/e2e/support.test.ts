import { describe, expect, it } from "vitest";
import { expectNoAxeViolations, expectNoAxeViolationsWithoutScripts } from "../support/browser";
import { seededBrowserApp } from "../support/seeded-app";

/** "Dette gjelder også oss": supporting a proposal for one's municipality, with and without JavaScript. */

const app = seededBrowserApp();

/** A proposal in the Helse og velferd group's review (the demo has one), written by someone else than `email`. */
async function proposalInReview(email: string, skip: number) {
  return app.db
    .selectFrom("proposal")
    .innerJoin("user as author", "author.id", "proposal.author_id")
    .innerJoin("body_name", "body_name.body_id", "proposal.group_id")
    .where("proposal.state", "=", "groupReview")
    .where("body_name.name", "=", "Helse og velferd")
    .where("author.email", "!=", email)
    .select(["proposal.id", "proposal.title", "author.email as authorEmail"])
    .orderBy("proposal.id")
    .offset(skip)
    .limit(1)
    .executeTakeFirstOrThrow();
}

async function municipalityOf(email: string) {
  const row = await app.db
    .selectFrom("user")
    .innerJoin("municipality", "municipality.id", "user.municipality_id")
    .where("user.email", "=", email)
    .select("municipality.name")
    .executeTakeFirstOrThrow();
  return row.name;
}

for (const javaScriptEnabled of [false, true]) {
  describe(`supporting a proposal, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    it("records the support with the municipality, shows it on the page, the list and the assessment, and refuses a second time", async () => {
      const email = javaScriptEnabled ? "ansatt@innspill.test" : "bestiller@innspill.test";
      const target = await proposalInReview(email, 0);
      const municipality = await municipalityOf(email);
      const before = await app.db
        .selectFrom("proposal_support")
        .where("proposal_id", "=", target.id)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();

      const page = await app.open(email, javaScriptEnabled);
      // A second tab opened before supporting still shows the button: the server refuses the repeat.
      const stale = await page.context().newPage();
      await stale.goto(`${app.server.url}/innspill/${target.id}`);

      await page.goto(`${app.server.url}/innspill/${target.id}`);
      await page.getByRole("button", { name: "Dette gjelder også oss" }).click();
      await page.getByText("Takk! Støtten din er registrert.").waitFor();
      const panel = page.getByRole("region", { name: "Støtte fra andre kommuner" });
      const total = Number(before.n) + 1;
      expect(await panel.locator(".support-summary").innerText()).toContain(
        `Støttet av ${total === 1 ? "1 person" : `${total} personer`}: `,
      );
      expect(await panel.locator(".support-summary").innerText()).toContain(municipality);
      expect(await panel.getByText("Du har støttet dette innspillet.").count()).toBe(1);
      expect(await panel.getByRole("button", { name: "Dette gjelder også oss" }).count()).toBe(0);
      if (javaScriptEnabled) await expectNoAxeViolations(page);
      else await expectNoAxeViolationsWithoutScripts(app.browser, page, app.server.url);

      await stale.getByRole("button", { name: "Dette gjelder også oss" }).click();
      await stale
        .getByRole("alert")
        .filter({ hasText: "Du har allerede støttet dette innspillet." })
        .waitFor();
      const rows = await app.db
        .selectFrom("proposal_support")
        .where("proposal_id", "=", target.id)
        .selectAll()
        .execute();
      expect(rows).toHaveLength(total);

      await page.goto(`${app.server.url}/innspill?status=groupReview`);
      const row = page.locator(".proposal-list li", { has: page.getByRole("link", { name: target.title }) });
      expect(await row.locator(".support-line").innerText()).toContain(municipality);

      // The group sees it while it assesses.
      const member = await app.open("faggruppemedlem@innspill.test", javaScriptEnabled);
      await member.goto(`${app.server.url}/innspill/${target.id}/vurdering`);
      expect(await member.locator(".support-summary").innerText()).toContain(municipality);
      await member.context().close();
      await page.context().close();
    });
  });
}

describe("supports that are refused", () => {
  it("refuses one's own proposal (403) and one's own draft (409) with a Norwegian message", async () => {
    const target = await proposalInReview("", 0);
    const author = await app.open(target.authorEmail, true);
    await author.goto(`${app.server.url}/innspill/${target.id}`);
    expect(await author.getByRole("button", { name: "Dette gjelder også oss" }).count()).toBe(0);
    const own = await author.context().request.post(`${app.server.url}/innspill/${target.id}`, {
      form: { intent: "support" },
      headers: { origin: app.server.url },
    });
    expect(own.status()).toBe(403);
    expect(await own.text()).toContain("Du kan ikke støtte ditt eget innspill.");

    const draft = await app.db
      .selectFrom("proposal")
      .innerJoin("user", "user.id", "proposal.author_id")
      .where("proposal.state", "=", "draft")
      .select(["proposal.id", "user.email"])
      .executeTakeFirstOrThrow();
    const writer = await app.open(draft.email, true);
    const refused = await writer.context().request.post(`${app.server.url}/innspill/${draft.id}`, {
      form: { intent: "support" },
      headers: { origin: app.server.url },
    });
    expect(refused.status()).toBe(409);
    expect(await refused.text()).toContain("Et utkast kan ikke støttes.");
    // Someone else's draft cannot be seen at all.
    const other = await app.open("bestiller@innspill.test", true);
    const hidden = await other.context().request.post(`${app.server.url}/innspill/${draft.id}`, {
      form: { intent: "support" },
      headers: { origin: app.server.url },
    });
    expect(hidden.status()).toBe(404);
    for (const p of [author, writer, other]) await p.context().close();
  });
});
