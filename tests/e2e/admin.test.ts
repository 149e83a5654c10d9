import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations, launchBrowser, loginAs } from "../support/browser";
import { startServer, type TestServer } from "../support/server";

/** The admin pages in Chromium, against the built server with the demo world. */
describe("admin pages in the browser", () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ seed: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function adminPage(javaScriptEnabled = true): Promise<Page> {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await loginAs(page, server.url, "admin@innspill.test");
    return page;
  }

  it("renames a body from a date and adds a membership, accessibly", { timeout: 150_000 }, async () => {
    const page = await adminPage();
    await page.goto(`${server.url}/admin`);
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Organisasjonen" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Organisasjonen");
    await expectNoAxeViolations(page);

    // The committee as it is named today; its 2021 name is kept as history.
    await page.getByRole("link", { name: "Porteføljerådet" }).click();
    await page.getByRole("heading", { level: 1, name: "Porteføljerådet" }).waitFor();
    await expectNoAxeViolations(page);

    await page.getByLabel("Nytt navn", { exact: true }).fill("Investeringsrådet");
    await page.getByLabel("Nytt navn gjelder fra").fill("2026-01-01");
    await page.getByRole("button", { name: "Lagre nytt navn" }).click();
    await page.getByRole("status").filter({ hasText: "Det nye navnet er lagret." }).waitFor();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Investeringsrådet");
    const history = page.getByRole("table", {
      name: "Navn organet har hatt, med datoen hvert navn gjelder fra",
    });
    const names = await history.getByRole("rowheader").allTextContents();
    expect(names.map((n) => n.replace("(gjeldende)", "").trim())).toEqual([
      "Bestillerutvalget",
      "Porteføljerådet",
      "Investeringsrådet",
    ]);

    // The add-membership form in its error state: nothing chosen.
    await page.getByRole("button", { name: "Legg til medlem" }).click();
    const summary = page.locator("#add-membership-summary");
    await summary.waitFor();
    expect(await summary.textContent()).toContain("Velg en person.");
    expect(await summary.textContent()).toContain("Velg en rolle.");
    await expectNoAxeViolations(page);

    await page.getByLabel("Person").selectOption({ label: "Ola Hansen (ansatt@innspill.test)" });
    await page.getByLabel("Rolle", { exact: true }).selectOption({ label: "Medlem" });
    await page.getByLabel("Representerer").selectOption({ label: "Molde" });
    await page.getByLabel("Stemmevekt").fill("1,5");
    await page.getByLabel("Gyldig fra", { exact: true }).fill("2026-02-01");
    await page.getByRole("button", { name: "Legg til medlem" }).click();
    await page.getByRole("status").filter({ hasText: "Medlemmet er lagt til." }).waitFor();
    const members = page.getByRole("table", { name: /Medlemskap i organet/ });
    const row = members.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Ola Hansen" }) });
    expect(await row.textContent()).toContain("Molde");
    expect(await row.textContent()).toContain("1,5");
    // The new member's row offers a labelled way to end the membership.
    await expect.poll(() => page.getByLabel("Sluttdato for Ola Hansen").count()).toBe(1);
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it(
    "account pages pass axe, including the form's error state from the server",
    { timeout: 150_000 },
    async () => {
      const page = await adminPage();
      await page.goto(`${server.url}/admin/brukere`);
      await expectNoAxeViolations(page);
      await page.getByRole("link", { name: "Ny brukerkonto" }).click();
      await page.getByRole("heading", { level: 1, name: "Ny brukerkonto" }).waitFor();
      await expectNoAxeViolations(page);

      // Passes the browser's checks; the server finds the e-mail taken and answers next to the field.
      await page.getByLabel("Navn").fill("Dobbel Konto");
      await page.getByLabel("E-post").fill("ansatt@innspill.test");
      await page.getByLabel("Passord").fill("langtpassord");
      await page.getByRole("button", { name: "Opprett konto" }).click();
      await page.locator("#account-email-error").waitFor();
      expect(await page.locator("#account-email-error").textContent()).toBe(
        "E-postadressen er allerede i bruk.",
      );
      expect(await page.getByLabel("Navn").inputValue()).toBe("Dobbel Konto");
      await expectNoAxeViolations(page);

      await page.goto(`${server.url}/admin/brukere`);
      await page.getByRole("link", { name: "Rediger Ola Hansen" }).click();
      await page.getByRole("heading", { level: 1, name: "Rediger Ola Hansen" }).waitFor();
      await expectNoAxeViolations(page);

      await page.goto(`${server.url}/admin/organisasjon`);
      await page.getByLabel("Avsluttes fra (Aukra)").fill("1990-01-01");
      await page.getByRole("button", { name: "Avslutt Aukra" }).click();
      await page.locator("#end-municipality-1-summary, .row-form .error-summary").first().waitFor();
      expect(await page.locator(".row-form .field-error").first().textContent()).toContain(
        "etter startdatoen",
      );
      await expectNoAxeViolations(page);
      await page.context().close();
    },
  );

  it("the account form works without JavaScript, errors included", async () => {
    const page = await adminPage(false);
    await page.goto(`${server.url}/admin/brukere/ny`);
    await page.getByLabel("Navn").fill("Uten Skript");
    await page.getByLabel("E-post").fill("ansatt@innspill.test");
    await page.getByLabel("Passord").fill("kort");
    await page.getByRole("button", { name: "Opprett konto" }).click();
    await page.locator("#account-summary").waitFor();
    expect(await page.locator("#account-password-error").textContent()).toBe("Passordet må ha minst 8 tegn.");
    expect(await page.getByLabel("Passord").inputValue()).toBe("");
    expect(await page.getByLabel("Navn").inputValue()).toBe("Uten Skript");

    await page.getByLabel("Passord").fill("langtpassord");
    await page.getByRole("button", { name: "Opprett konto" }).click();
    await page.locator("#account-email-error").waitFor();
    expect(await page.locator("#account-email-error").textContent()).toBe(
      "E-postadressen er allerede i bruk.",
    );

    await page.getByLabel("E-post").fill("uten.skript@test.no");
    await page.getByLabel("Passord").fill("langtpassord");
    await page.getByRole("button", { name: "Opprett konto" }).click();
    await page.getByRole("status").filter({ hasText: "Kontoen er opprettet." }).waitFor();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Rediger Uten Skript");
    await page.context().close();
  });
});
