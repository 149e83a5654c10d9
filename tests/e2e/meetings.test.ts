import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations, launchBrowser, loginAs } from "../support/browser";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ seed: true }), launchBrowser()]);
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
});

async function as(email: string | null): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  if (email) await loginAs(page, server.url, email);
  return page;
}

/** A process action on the proposal page: the small form titled with the action's name. */
async function act(page: Page, action: string, select?: { label: string; value: string }) {
  const form = page.locator("form", { has: page.getByRole("heading", { name: action, exact: true }) });
  if (select) await form.getByLabel(select.label).selectOption({ label: select.value });
  await form.getByRole("button", { name: action }).click();
}

/**
 * Submits a form on the meeting page and waits for the page to show the result: every change
 * bumps the meeting's version, which each form carries. Fails with the form's errors.
 */
async function save(page: Page, button: Locator) {
  const before = await page.evaluate(
    () => document.querySelector('input[name="version"]')?.getAttribute("value") ?? null,
  );
  await button.click();
  await page.waitForFunction(
    (previous) =>
      document.querySelector(".error-summary") !== null ||
      (document.querySelector('input[name="version"]')?.getAttribute("value") ?? null) !== previous,
    before,
  );
  const errors = page.locator(".error-summary");
  if ((await errors.count()) > 0)
    throw new Error(`The form was refused: ${await errors.first().innerText()}`);
}

/** Next year: planning suggests dates from the meetings to come. */
/**
 * An irreversible step asks first, with its consequence in one sentence; the confirmation sends
 * the same form again.
 */
async function saveConfirmed(page: Page, button: Locator) {
  await button.click();
  const yes = page.getByRole("button", { name: "Ja, gjør det" });
  await yes.waitFor();
  await save(page, yes);
}

/** A signer approves the protocol in the app (a signature does not change the meeting's version). */
async function sign(page: Page, meetingUrl: string) {
  await page.goto(meetingUrl);
  await page.getByRole("button", { name: "Signer protokollen" }).click();
  await page.getByRole("button", { name: "Ja, gjør det" }).click();
  await page.getByRole("button", { name: "Signer protokollen" }).waitFor({ state: "detached" });
}

const year = new Date().getFullYear() + 1;
/** Last year: attendance and decisions are recorded only once a meeting has begun. */
const past = new Date().getFullYear() - 1;

describe("a proposal decided in meetings, in the browser", () => {
  it(
    "goes from the employee through the group, the committee's vote and the board's decision to the public protocol",
    { timeout: 240_000 },
    async () => {
      const title = "Digital timebestilling i helsestasjonen";

      // An employee submits.
      const employee = await as("ansatt@innspill.test");
      await employee.goto(`${server.url}/innspill/ny`);
      await employee.getByLabel("Tittel").fill(title);
      await employee.getByLabel("Bakgrunn").fill("Foreldre ringer helsestasjonen for å bestille time.");
      await employee
        .getByLabel("Problemstilling")
        .fill("Telefonen er ofte opptatt, og timer blir ikke brukt.");
      await employee.getByLabel("Løsningsforslag").fill("Timebestilling på nett med påminnelse på SMS.");
      await employee.getByRole("checkbox", { name: "Rauma" }).check();
      await employee.getByRole("button", { name: "Send inn" }).click();
      await employee.waitForURL(/\/innspill\/\d+\?melding=sendt/);
      const proposalUrl = employee.url().split("?")[0]!;
      const proposalId = Number(proposalUrl.split("/").pop());

      // The coordinator routes it; the group assesses it and recommends it to the committee.
      const coordinator = await as("koordinator@innspill.test");
      await coordinator.goto(proposalUrl);
      await act(coordinator, "Fordel til faggruppe", { label: "Faggruppe", value: "Helse og velferd" });
      await coordinator.getByText("Til vurdering i faggruppe.").first().waitFor();

      const leader = await as("faggruppeleder@innspill.test");
      await leader.goto(proposalUrl);
      await leader.getByRole("link", { name: "Vurder innspillet" }).click();
      for (const criterion of [
        "Strategisk verdi",
        "Tjenestekvalitet for brukerne",
        "Økonomisk gevinst",
        "Lovpålagt eller driftskritisk",
        "Risiko (lav risiko gir høy score)",
      ])
        await leader.getByLabel(criterion).selectOption("4");
      await leader.getByLabel("Gevinstplan").fill("Færre ubrukte timer og mindre telefontid innen ett år.");
      await leader.getByLabel("Engangskostnad (kr)").fill("80000");
      await leader.getByLabel("Årlig kostnad (kr)").fill("20000");
      await leader
        .locator("fieldset", { hasText: "Delmål i strategien" })
        .getByRole("checkbox")
        .first()
        .check();
      await leader.getByRole("button", { name: "Lagre vurderingen" }).click();
      await leader.getByText("Vurderingen er lagret.").waitFor();
      await act(leader, "Anbefal til porteføljerådet");
      await leader.getByText("Til behandling i porteføljerådet.").first().waitFor();

      // The board's meeting is planned first; the committee's date is then suggested two weeks before it.
      await coordinator.goto(`${server.url}/moter/ny`);
      await coordinator.getByRole("link", { name: "Samarbeidsrådet" }).click();
      await coordinator.getByLabel("Dato").fill(`${year}-03-17`);
      await coordinator.getByLabel("Fra klokken").fill("10:00");
      await coordinator.getByLabel("Møtested").fill("Molde rådhus, formannskapssalen");
      await coordinator.getByRole("button", { name: "Planlegg møte" }).click();
      await coordinator.waitForURL(/\/moter\/\d+$/);

      await coordinator.goto(`${server.url}/moter/ny`);
      await coordinator.getByRole("link", { name: "Porteføljerådet" }).click();
      await coordinator
        .getByText(`Foreslått dato: 3.3.${year}, to uker før møtet i samarbeidsrådet 17.3.${year}`)
        .waitFor();
      expect(await coordinator.getByLabel("Dato").inputValue()).toBe(`${year}-03-03`);
      // The meetings this proposal goes through were held last year (nothing is recorded before a meeting begins).
      await coordinator.getByLabel("Dato").fill(`${past}-03-03`);
      await coordinator.getByLabel("Møtested").fill("ROR-IKT, møterom Fjorden");
      await coordinator.getByRole("button", { name: "Planlegg møte" }).click();
      await coordinator.waitForURL(/\/moter\/\d+$/);
      const committeeMeetingUrl = coordinator.url();
      await coordinator.goto(`${server.url}/moter/ny`);
      await coordinator.getByRole("link", { name: "Samarbeidsrådet" }).click();
      await coordinator.getByLabel("Dato").fill(`${past}-03-17`);
      await coordinator.getByLabel("Fra klokken").fill("10:00");
      await coordinator.getByLabel("Møtested").fill("Molde rådhus, formannskapssalen");
      await coordinator.getByRole("button", { name: "Planlegg møte" }).click();
      await coordinator.waitForURL(/\/moter\/\d+$/);
      const boardMeetingUrl = coordinator.url();
      await coordinator.goto(committeeMeetingUrl);

      // The committee meets: the case is numbered at the notice, attendance is recorded, and it votes.
      await coordinator
        .getByLabel("Innspill", { exact: true })
        .selectOption({ label: `#${proposalId} ${title}` });
      await save(coordinator, coordinator.getByRole("button", { name: "Sett opp sak" }).first());
      await saveConfirmed(coordinator, coordinator.getByRole("button", { name: "Publiser innkallingen" }));
      // Notices are published on the site, not e-mailed: the page says only what is true.
      const afterNotice = await coordinator.locator("main").innerText();
      expect(afterNotice).toContain("Innkallingen er publisert.");
      expect(afterNotice).not.toContain("Innkallingen er sendt");
      // The step's own confirmation, with focus moved to it.
      expect(await coordinator.locator("#melding").innerText()).toBe("Innkallingen er publisert.");
      expect(await coordinator.evaluate(() => document.activeElement?.id)).toBe("melding");
      const committeeCase = coordinator.getByRole("region", {
        name: new RegExp(`Sak \\d+/${past}: ${title}`),
      });
      await committeeCase.waitFor();
      await coordinator
        .getByRole("group", { name: /Trond Myklebust/ })
        .getByRole("radio", { name: "Forfall" })
        .check();
      await save(coordinator, coordinator.getByRole("button", { name: "Lagre fremmøte" }));
      // The absent member cannot vote: no vote row for him.
      expect(await committeeCase.getByRole("group", { name: /Trond Myklebust/ }).count()).toBe(0);
      for (const [name, choice] of [
        ["Nina Fiksdal", "For"],
        ["Rune Hjelle", "For"],
        ["Sissel Brevik", "Mot"],
      ] as const)
        await committeeCase
          .getByRole("group", { name: new RegExp(name) })
          .getByRole("radio", { name: choice })
          .check();
      expect(await committeeCase.getByLabel("Utfall").inputValue()).toBe("recommend");
      await save(coordinator, committeeCase.getByRole("button", { name: "Registrer vedtak", exact: true }));
      const decided = coordinator.getByRole("region", { name: new RegExp(title) });
      await decided.getByText("Vedtatt med 2 mot 1 stemmer.").waitFor();
      expect(await decided.innerText()).toContain("Mot: Sissel Brevik");
      // The committee's protocol is signed by its chair and one member chosen in the meeting.
      await coordinator
        .getByRole("group", { name: "Velg medlemmet som signerer sammen med møtelederen" })
        .getByRole("checkbox", { name: "Nina Fiksdal" })
        .check();
      await saveConfirmed(coordinator, coordinator.getByRole("button", { name: "Godkjenn protokollen" }));
      expect(await coordinator.locator("section.signatures").innerText()).toContain("Nina Fiksdal");
      await expectNoAxeViolations(coordinator);

      await employee.goto(proposalUrl);
      await employee.getByText("Til behandling i samarbeidsrådet.").first().waitFor();

      // The board meets and approves it as a numbered case, in its own words; the committee's
      // recommendation is part of the presentation.
      await coordinator.goto(boardMeetingUrl);
      await coordinator
        .getByLabel("Innspill", { exact: true })
        .selectOption({ label: `#${proposalId} ${title}` });
      await save(coordinator, coordinator.getByRole("button", { name: "Sett opp sak" }).first());
      const boardCase = coordinator.getByRole("region", { name: new RegExp(title) });
      const boardText = await boardCase.innerText();
      expect(boardText).toContain(`Samarbeidsrådet vedtar at innspillet «${title}» gjennomføres.`);
      expect(boardText).not.toMatch(/Forslag til vedtak[^]*innstiller overfor samarbeidsrådet/);
      await saveConfirmed(coordinator, coordinator.getByRole("button", { name: "Publiser innkallingen" }));
      const heading = await boardCase.getByRole("heading", { level: 3 }).innerText();
      const caseLabel = /Sak \d+\/\d{4}/.exec(heading)![0];
      expect(caseLabel).toMatch(new RegExp(`^Sak \\d+/${past}$`));
      await save(coordinator, coordinator.getByRole("button", { name: "Lagre fremmøte" }));
      expect(await boardCase.getByLabel("Utfall").inputValue()).toBe("approve");
      await expectNoAxeViolations(coordinator);
      await save(coordinator, boardCase.getByRole("button", { name: "Enstemmig – registrer vedtak" }));
      await boardCase.getByText("Enstemmig vedtatt.").waitFor();

      await employee.goto(proposalUrl);
      await employee.getByText("Vedtatt.", { exact: true }).first().waitFor();
      const itemLink = employee.locator(`ol.timeline a[href^="${new URL(boardMeetingUrl).pathname}#sak-"]`);
      // Several bodies' cases meet in the history: each carries its body's code.
      expect(await itemLink.innerText()).toBe(`SR-${caseLabel.toLowerCase()}`);

      // The protocol is approved, signed by every member present (the board's rule), published,
      // and appears without login.
      await saveConfirmed(coordinator, coordinator.getByRole("button", { name: "Godkjenn protokollen" }));
      for (const email of [
        "styreleder@innspill.test",
        "styremedlem.aukra@innspill.test",
        "styremedlem.rauma@innspill.test",
        "styremedlem@innspill.test",
      ])
        await sign(await as(email), boardMeetingUrl);
      await coordinator.goto(boardMeetingUrl);
      expect(await coordinator.locator("section.signatures").innerText()).toContain(
        "Protokollen er signert av alle og er endelig.",
      );
      await saveConfirmed(coordinator, coordinator.getByRole("button", { name: "Publiser protokollen" }));
      await expectNoAxeViolations(coordinator);
      await coordinator.getByRole("link", { name: "Protokoll (utskrift)" }).click();
      await coordinator.getByRole("heading", { level: 1, name: "Møteprotokoll" }).waitFor();
      expect(await coordinator.locator("main").innerText()).toContain(`${caseLabel} ${title}`);
      await expectNoAxeViolations(coordinator);
      const docx = await coordinator.request.get(`${boardMeetingUrl}/protokoll.docx`);
      expect(docx.headers()["content-type"]).toContain("wordprocessingml");
      expect((await docx.body()).subarray(0, 2).toString()).toBe("PK");

      const anonymous = await as(null);
      await anonymous.goto(`${server.url}/offentlig`);
      await expectNoAxeViolations(anonymous);
      await anonymous
        .getByRole("row", { name: new RegExp(`Samarbeidsrådet, møte 17.3.${past}`) })
        .getByRole("link", { name: "Møteprotokoll" })
        .click();
      await anonymous
        .getByRole("heading", { level: 1, name: `Samarbeidsrådet, møte 17.3.${past}` })
        .waitFor();
      const publicText = await anonymous.locator("main").innerText();
      expect(publicText).toContain(`${caseLabel} ${title}`);
      expect(publicText).toContain("Enstemmig vedtatt.");
      await expectNoAxeViolations(anonymous);

      // The committee's protocol is approved but not published: not public yet.
      expect(committeeMeetingUrl).not.toBe(boardMeetingUrl);
      await anonymous.goto(`${server.url}/offentlig`);
      expect(await anonymous.locator("main").innerText()).toContain("Protokollen er ikke publisert ennå.");
    },
  );
});
