import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations, launchBrowser, loginAs } from "../support/browser";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ seed: true }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The number shown for a state in the flowchart's text version ("Mottatt: 3 innspill"). */
async function countOnProcessPage(page: Page, label: string): Promise<number> {
  await page.goto(`${server.url}/prosess`);
  const text = await page.locator("main").innerText();
  const match = new RegExp(`${label}[^\\n\\d]*(\\d+)`).exec(text);
  if (!match) throw new Error(`No count for ${label} on /prosess`);
  return Number(match[1]);
}

async function as(
  email: string,
  javaScriptEnabled: boolean,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await loginAs(page, server.url, email);
  return { context, page };
}

async function act(page: Page, action: string, fill?: { label: string; value: string; select?: boolean }) {
  const form = page.locator("form", { has: page.getByRole("heading", { name: action, exact: true }) });
  if (fill) {
    if (fill.select) await form.getByLabel(fill.label).selectOption({ label: fill.value });
    else await form.getByLabel(fill.label).fill(fill.value);
  }
  await form.getByRole("button", { name: action }).click();
}

for (const javaScriptEnabled of [true, false]) {
  describe(`the process in the browser, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    it("goes from submission through the group to the committee, and /prosess follows", async () => {
      const title = `Digitalt skjema for ledsagerbevis ${javaScriptEnabled ? "A" : "B"}`;
      const submitter = await as("ansatt@innspill.test", javaScriptEnabled);
      const groupBefore = await countOnProcessPage(submitter.page, "Til vurdering i faggruppe");
      const committeeBefore = await countOnProcessPage(submitter.page, "Til behandling i porteføljerådet");

      await submitter.page.goto(`${server.url}/innspill/ny`);
      await submitter.page.getByLabel("Tittel").fill(title);
      await submitter.page.getByLabel("Bakgrunn").fill("Søknad om ledsagerbevis skjer på papir.");
      await submitter.page.getByLabel("Problemstilling").fill("Lang behandlingstid.");
      await submitter.page
        .getByLabel("Løsningsforslag")
        .fill("Digitalt skjema med automatisk journalføring.");
      await submitter.page.getByRole("checkbox", { name: "Molde" }).check();
      await submitter.page.getByRole("button", { name: "Send inn" }).click();
      await submitter.page.waitForURL(/\/innspill\/\d+\?melding=sendt/);
      const proposalUrl = submitter.page.url().split("?")[0]!;

      const coordinator = await as("koordinator@innspill.test", javaScriptEnabled);
      await coordinator.page.goto(proposalUrl);
      await act(coordinator.page, "Fordel til faggruppe", {
        label: "Faggruppe",
        value: "Helse og velferd",
        select: true,
      });
      await coordinator.page.getByText("Til vurdering i faggruppe.", { exact: true }).waitFor();
      expect(await countOnProcessPage(coordinator.page, "Til vurdering i faggruppe")).toBe(groupBefore + 1);

      const member = await as("faggruppemedlem@innspill.test", javaScriptEnabled);
      await member.page.goto(`${server.url}/`);
      await member.page.getByRole("link", { name: title }).click();
      await act(member.page, "Be innsender om mer informasjon", {
        label: "Spørsmål til innsenderen",
        value: "Hvor mange søknader kommer per år?",
      });
      await member.page.getByText("Venter på innsender.", { exact: true }).waitFor();

      await submitter.page.goto(`${server.url}/`);
      await submitter.page
        .getByRole("region", { name: /Venter på svar fra deg/ })
        .getByRole("link", { name: title })
        .click();
      await act(submitter.page, "Send svar til faggruppen", {
        label: "Ditt svar",
        value: "Omtrent 300 i året i Molde.",
      });
      await submitter.page.getByText("Til vurdering i faggruppe.", { exact: true }).waitFor();

      await member.page.goto(proposalUrl);
      expect(await member.page.getByText("Hvor mange søknader kommer per år?").isVisible()).toBe(true);
      expect(await member.page.getByText("Omtrent 300 i året i Molde.").isVisible()).toBe(true);
      await member.page.getByRole("link", { name: "Vurder innspillet" }).click();
      for (const criterion of [
        "Strategisk verdi",
        "Tjenestekvalitet for brukerne",
        "Økonomisk gevinst",
        "Lovpålagt eller driftskritisk",
        "Risiko (lav risiko gir høy score)",
      ]) {
        await member.page.getByLabel(criterion).selectOption("4");
      }
      await member.page.getByLabel("Gevinstplan").fill("Saksbehandlingstiden halveres innen ett år.");
      await member.page.getByLabel("Engangskostnad (kr)").fill("50000");
      await member.page.getByLabel("Årlig kostnad (kr)").fill("10000");
      await member.page
        .locator("fieldset", { hasText: "Delmål i strategien" })
        .getByRole("checkbox")
        .first()
        .check();
      await member.page.getByRole("button", { name: "Lagre vurderingen" }).click();
      await member.page.getByText("Vurderingen er lagret.").waitFor();
      expect(await member.page.getByText("Vurderingen er fullstendig.").isVisible()).toBe(true);
      await expectNoAxeViolationsIfScripted(member.page, javaScriptEnabled);

      await act(member.page, "Anbefal til porteføljerådet");
      await member.page.getByText("Til behandling i porteføljerådet.", { exact: true }).waitFor();
      const history = await member.page.locator("ol.timeline").innerText();
      expect(history).toContain("Fordel til faggruppe");
      expect(history).toContain("Be innsender om mer informasjon");
      expect(history).toContain("Send svar til faggruppen");
      expect(history).toContain("Anbefal til porteføljerådet");

      expect(await countOnProcessPage(member.page, "Til vurdering i faggruppe")).toBe(groupBefore);
      expect(await countOnProcessPage(member.page, "Til behandling i porteføljerådet")).toBe(
        committeeBefore + 1,
      );
      await expectNoAxeViolationsIfScripted(member.page, javaScriptEnabled);
      for (const c of [submitter, coordinator, member]) await c.context.close();
    });
  });
}

async function expectNoAxeViolationsIfScripted(page: Page, javaScriptEnabled: boolean) {
  if (javaScriptEnabled) await expectNoAxeViolations(page);
}

describe("refusals in the browser", () => {
  it("shows no process actions to an employee who may not act, and the server refuses a forged post with 403", async () => {
    const { context, page } = await as("ansatt2@innspill.test", true);
    await page.goto(`${server.url}/innspill?status=submitted`);
    await page.locator(".proposal-list a").first().click();
    await page.waitForURL(/\/innspill\/\d+$/);
    // The proposal page rendered (the URL changes before React renders it), then: no action for this user.
    await page.locator(".process-path-text").waitFor();
    expect(await page.getByRole("button", { name: "Fordel til faggruppe" }).count()).toBe(0);
    const id = /\/innspill\/(\d+)/.exec(page.url())![1];
    const status = await page.evaluate(async (proposalId) => {
      const body = new URLSearchParams({ intent: "event", type: "ASSIGN", version: "2", groupId: "1" });
      const response = await fetch(`/innspill/${proposalId}`, { method: "POST", body });
      return response.status;
    }, id);
    expect(status).toBe(403);
    await context.close();
  });
});
