import { daysFromSubmission } from "#db/repositories/process.repository";
import { storedSiteTexts } from "#db/repositories/site-text.repository";
import { bodyText } from "#workflows/proposal.machine";
import { siteTextDefaults, siteTextKeys, siteTexts, type SiteTextKey } from "~/domain/texts/site";
import { db } from "./db.server";
import { bodyNames } from "./process.server";

/** A site text as shown: the administrator's version, or the default. */
export async function siteText(key: SiteTextKey): Promise<string> {
  const stored = await storedSiteTexts(db());
  return stored[key]?.body ?? siteTextDefaults[key];
}

/** Every editable text with its version (0: still the default), for the admin page. */
export async function editableSiteTexts() {
  const stored = await storedSiteTexts(db());
  return siteTextKeys.map((key) => ({
    key,
    label: siteTexts.admin.labels[key],
    body: stored[key]?.body ?? siteTextDefaults[key],
    version: stored[key]?.version ?? 0,
  }));
}

/** The middle value, rounded to whole days; null when there is nothing to count. */
export function medianDays(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(median);
}

/** The help page: the steps and the glossary with today's body names, and median times from the data. */
export async function helpPage() {
  const [names, toGroup, toDecision] = await Promise.all([
    bodyNames(),
    daysFromSubmission(db(), ["groupReview"]),
    daysFromSubmission(db(), ["approved", "rejected"]),
  ]);
  const H = siteTexts.help;
  return {
    steps: H.whatHappens.map((s) => bodyText(s, names)),
    whoDecides: bodyText(H.whoDecides, names),
    durations: [
      { label: H.toGroup, days: medianDays(toGroup), count: toGroup.length },
      { label: H.toDecision, days: medianDays(toDecision), count: toDecision.length },
    ],
  };
}
