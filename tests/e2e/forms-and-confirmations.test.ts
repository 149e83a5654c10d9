import { describe, expect, it } from "vitest";
import { expectNoAxeViolations, expectNoAxeViolationsWithoutScripts } from "../support/browser";
import { seededBrowserApp } from "../support/seeded-app";

/** Forms say what they need up front and all at once; every action answers with its own confirmation. */

const app = seededBrowserApp();

const required = ["Tittel", "Bakgrunn", "Problemstilling", "Løsningsforslag", "Kommuner innspillet gjelder"];

for (const javaScriptEnabled of [false, true]) {
  describe(`JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    it("marks the intake form's required fields up front and reports every missing one in one round", async () => {
      const page = await app.open("ansatt@innspill.test", javaScriptEnabled);
      await page.goto(`${app.server.url}/innspill/ny`);
      for (const label of required.slice(0, 4))
        expect(await page.locator("label", { hasText: label }).first().innerText(), label).toContain(
          "(må fylles ut)",
        );
      expect(await page.locator("legend", { hasText: "Kommuner innspillet gjelder" }).innerText()).toContain(
        "(må fylles ut)",
      );
      expect(await page.getByLabel("Bakgrunn").getAttribute("aria-required")).toBe("true");

      await page.getByRole("button", { name: "Send inn" }).click();
      const summary = page.locator(".error-summary");
      await summary.waitFor();
      const items = await summary.locator("li").allInnerTexts();
      for (const label of required)
        expect(
          items.some((i) => i.startsWith(label === "Kommuner innspillet gjelder" ? "Kommuner" : label)),
          `${label} in ${items.join(" | ")}`,
        ).toBe(true);
      if (javaScriptEnabled) await expectNoAxeViolations(page);
      else await expectNoAxeViolationsWithoutScripts(app.browser, page, app.server.url);
      await page.context().close();
    });
  });
}

describe("confirmations", () => {
  for (const javaScriptEnabled of [false, true]) {
    it(`says what was done after assigning, with focus on it (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const submitted = await app.db
        .selectFrom("proposal")
        .where("state", "=", "submitted")
        .select("id")
        .orderBy("id", javaScriptEnabled ? "desc" : "asc")
        .executeTakeFirstOrThrow();
      const page = await app.open("koordinator@innspill.test", javaScriptEnabled);
      await page.goto(`${app.server.url}/innspill/${submitted.id}`);
      const form = page.locator("form", {
        has: page.getByRole("heading", { name: "Fordel til faggruppe", exact: true }),
      });
      await form.getByLabel("Faggruppe").selectOption({ label: "Helse og velferd" });
      await form.getByRole("button", { name: "Fordel til faggruppe" }).click();
      const message = page.locator("#melding");
      await message.waitFor();
      expect(await message.innerText()).toBe("Innspillet er fordelt til Helse og velferd.");
      expect(await message.getAttribute("role")).toBe("status");
      if (javaScriptEnabled) {
        await page.waitForFunction(() => document.activeElement?.id === "melding");
        await expectNoAxeViolations(page);
      } else {
        // Without scripts the redirect's fragment moves the focus starting point to the message.
        expect(new URL(page.url()).hash).toBe("#melding");
        await page.keyboard.press("Tab");
        const next = await page.evaluate(() => {
          const active = document.activeElement;
          const message = document.getElementById("melding")!;
          return active
            ? Boolean(message.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING)
            : false;
        });
        expect(next).toBe(true);
      }
      await page.context().close();
    });
  }
});
