import type { Migration, MigrationProvider } from "kysely";
import * as foundation from "./2026-11-26-001-foundation";
import * as process from "./2026-11-26-002-process";
import * as meetings from "./2026-11-26-003-meetings";
import * as followupReport from "./2026-11-26-004-followup-report";
import * as indexes from "./2026-11-26-005-indexes";
import * as frozenDocuments from "./2026-11-30-h15b-001-frozen-documents";
import * as historyAt from "./2026-11-30-h15b-002-history-at";
import * as historyEvents from "./2026-11-30-h17-001-history-events";
import * as notifications from "./2026-11-30-h13-001-notifications";
import * as stepLimits from "./2026-11-30-h13a-001-step-limits";
import * as notificationLookups from "./2026-11-30-h13a-002-notification-lookups";
import * as resetRequests from "./2026-11-30-h13b-001-reset-requests";
import * as openIdConnect from "./2026-11-30-h14-001-openid-connect";
import * as records from "./2026-11-30-h10-001-records";
import * as sessionHardening from "./2026-11-30-h11-001-session-hardening";
import * as siteTexts from "./2026-11-30-h12-001-site-texts";
import * as support from "./2026-11-30-h12-002-support";
import * as deferredCasesIndex from "./2026-11-30-h15c-001-deferred-cases-index";
import * as digestIndexById from "./2026-11-30-h15d-001-digest-index-by-id";
import * as digestIndexWaitingOnly from "./2026-11-30-h15f-001-digest-index-waiting-only";
import * as notificationJobProgress from "./2026-11-30-h15j-001-notification-job-progress";
import * as notificationEvents from "./2026-11-30-h15m-001-notification-events";
import * as municipalityListed from "./2026-11-30-h15t-001-municipality-listed";
import * as searchFoldsDiacritics from "./2026-11-30-h15v-001-search-folds-diacritics";

/**
 * Migrations are imported statically so the production bundle carries them
 * (a FileMigrationProvider would look for files the build does not ship).
 */
const migrations: Record<string, Migration> = {
  "2026-11-26-001-foundation": foundation,
  "2026-11-26-002-process": process,
  "2026-11-26-003-meetings": meetings,
  "2026-11-26-004-followup-report": followupReport,
  "2026-11-26-005-indexes": indexes,
  "2026-11-30-h10-001-records": records,
  "2026-11-30-h11-001-session-hardening": sessionHardening,
  "2026-11-30-h12-001-site-texts": siteTexts,
  "2026-11-30-h12-002-support": support,
  "2026-11-30-h13-001-notifications": notifications,
  "2026-11-30-h13a-001-step-limits": stepLimits,
  "2026-11-30-h13a-002-notification-lookups": notificationLookups,
  "2026-11-30-h13b-001-reset-requests": resetRequests,
  "2026-11-30-h14-001-openid-connect": openIdConnect,
  "2026-11-30-h15b-001-frozen-documents": frozenDocuments,
  "2026-11-30-h15b-002-history-at": historyAt,
  "2026-11-30-h15c-001-deferred-cases-index": deferredCasesIndex,
  "2026-11-30-h15d-001-digest-index-by-id": digestIndexById,
  "2026-11-30-h15f-001-digest-index-waiting-only": digestIndexWaitingOnly,
  "2026-11-30-h15j-001-notification-job-progress": notificationJobProgress,
  "2026-11-30-h15m-001-notification-events": notificationEvents,
  "2026-11-30-h15t-001-municipality-listed": municipalityListed,
  "2026-11-30-h15v-001-search-folds-diacritics": searchFoldsDiacritics,
  "2026-11-30-h17-001-history-events": historyEvents,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
