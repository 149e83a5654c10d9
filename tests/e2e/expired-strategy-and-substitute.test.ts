import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { thisYear } from "#workflows/dates";
import { expectNoAxeViolationsWithoutScripts } from "../support/browser";
import { currentUser } from "../support/db";
import { otherCase, plan, publish } from "../support/meetings";
import { seededBrowserApp } from "../support/seeded-app";

/** Two of the first hour's stumbles: an expired strategy's goals offered as if current, and "vara for" names. */

const app = seededBrowserApp();

/** The text a fieldset's aria-describedby points to: what a screen reader says with the group. */
async function description(page: Page, groupName: string) {
  return page.getByRole("group", { name: groupName }).evaluate((el) =>
    (el.getAttribute("aria-describedby") ?? "")
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" "),
  );
}

describe("the assessment form and an expired strategy", () => {
  it("warns, as part of the sub-goals' description, that the strategy's period has ended", async () => {
    const year = thisYear();
    const expired = await app.db
      .selectFrom("strategy")
      .where("status", "=", "approved")
      .where("period_to", "<", year)
      .select(["name", "period_to"])
      .execute();
    // The demo strategy runs 2022–2025; read from 2026 on, it has expired.
    expect(expired.length).toBeGreaterThan(0);
    const target = await app.db
      .selectFrom("proposal")
      .innerJoin("body_name", "body_name.body_id", "proposal.group_id")
      .where("proposal.state", "=", "groupReview")
      .where("body_name.name", "=", "Helse og velferd")
      .select("proposal.id")
      .executeTakeFirstOrThrow();
    const page = await app.open("faggruppemedlem@innspill.test");
    await page.goto(`${app.server.url}/innspill/${target.id}/vurdering`);
    const said = await description(page, "Delmål i strategien");
    for (const s of expired) {
      const warning = `Strategien «${s.name}» gjaldt til og med ${s.period_to}.`;
      expect(said).toContain(warning);
      expect(said).toContain("vurder om innspillet hører til en nyere strategi");
      // In words on the page too, before the choices.
      expect(await page.locator("main").innerText()).toContain(warning);
    }
    await expectNoAxeViolationsWithoutScripts(app.browser, page, app.server.url);
    await page.context().close();
  });
});

describe("the attendance form", () => {
  it("keeps the member's name as written in 'vara for <name>'", async () => {
    const coordinator = await app.db
      .selectFrom("user")
      .where("email", "=", "koordinator@innspill.test")
      .select("id")
      .executeTakeFirstOrThrow();
    const committee = await app.db
      .selectFrom("body_name")
      .where("name", "=", "Porteføljerådet")
      .select("body_id")
      .executeTakeFirstOrThrow();
    // A meeting that has begun, with its notice out: attendance can be recorded.
    const user = await currentUser(app.db, coordinator.id);
    const meetingId = await plan(app.db, user, committee.body_id, `${thisYear() - 1}-10-20`);
    await otherCase(app.db, user, meetingId, "Orienteringssak om fremmøte");
    await publish(app.db, user, meetingId);

    const page = await app.open("koordinator@innspill.test");
    await page.goto(`${app.server.url}/moter/${meetingId}`);
    // Search first (a plain GET form), then fill in the attendance with a hit as the substitute.
    await page.getByLabel("Finn et varamedlem").fill("Gunn Tangen");
    await page.getByRole("button", { name: "Søk", exact: true }).click();
    await page.getByText("1 treff på «Gunn Tangen»").waitFor();
    await page
      .getByRole("group", { name: /Trond Myklebust/ })
      .getByRole("radio", { name: "Forfall" })
      .check();
    const picker = page.getByLabel("Varamedlem som møter for Trond Myklebust", { exact: true });
    const choices = await picker
      .locator("option")
      .evaluateAll((os) =>
        os.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? "" })),
      );
    const deputy = choices.find((c) => c.text.startsWith("Gunn Tangen"));
    expect(deputy).toBeDefined();
    await picker.selectOption(deputy!.value);
    await page.getByRole("button", { name: "Lagre fremmøte" }).click();
    await page.waitForLoadState("load");

    const list = page.locator(".attendance-list");
    await list.waitFor();
    const text = await list.innerText();
    expect(text).toContain("vara for Trond Myklebust");
    expect(text).not.toContain("vara for trond myklebust");
    await expectNoAxeViolationsWithoutScripts(app.browser, page, app.server.url);
    await page.context().close();
  });
});
