import type { SyncDb } from "../support/sync-db";
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { authorizationTable, type Outcome, type Probe } from "./authorization-table";
import { buildFixtures, type Fixtures } from "./fixtures";
import {
  dataVersion,
  databaseChecksum,
  describeReply,
  form,
  inParallel,
  login,
  loginAll,
  openReadOnly,
  request,
  roleEmails,
  roles,
  startSeededServer,
  type ReliabilityServer,
  type Reply,
  type Role,
} from "./support";

/**
 * Every role × every route, generated from authorization-table.ts: pages and form posts are
 * allowed or refused exactly as the table says, refused requests write nothing, and texts only
 * some may read (drafts, exempt meeting cases) reach only them.
 */

let server: ReliabilityServer;
let cookies: Record<Role, string | null>;
let fx: Fixtures;
let db: DB;
let readDb: SyncDb;

beforeAll(async () => {
  server = await startSeededServer();
  cookies = await loginAll(server.url);
  ({ db, fx } = await buildFixtures(server, cookies.submitter!));
  readDb = openReadOnly(server.database);
});

afterAll(async () => {
  readDb?.close();
  await db?.destroy();
  await server?.dispose();
});

function outcomeOf(reply: Reply, probe: Probe): Outcome | string {
  const location = reply.location ?? "";
  // requireUser sends the user to the login page with the way back; logging out sends to it bare.
  if (reply.status === 302 && location.startsWith("/logg-inn?redirectTo=")) return "login";
  if (reply.status === (probe.ok ?? 200)) return "ok";
  if (reply.status === 403) return "forbidden";
  if (reply.status === 404) return "notFound";
  if (reply.status >= 300 && reply.status < 400) return "away";
  return `status ${reply.status}`;
}

async function send(probe: Probe, cookie: string | null): Promise<Reply> {
  const body = probe.body ? form(probe.body(fx)) : undefined;
  return request(server.url, probe.path(fx), { method: probe.method, body, cookie });
}

describe("authorisation matrix", () => {
  it("has an entry for every route in app/routes, and none for a route that does not exist", () => {
    const routes = readdirSync(path.resolve(__dirname, "../../app/routes")).filter((f) => !f.startsWith("."));
    const covered = authorizationTable.map((e) => e.route);
    expect(
      routes.filter((r) => !covered.includes(r)),
      "routes without an entry in authorization-table.ts",
    ).toEqual([]);
    expect(
      covered.filter((r) => !routes.includes(r)),
      "entries for routes that do not exist",
    ).toEqual([]);
  });

  for (const entry of authorizationTable) {
    for (const probe of entry.probes) {
      it(`${entry.route} · ${probe.method} ${probe.name}`, async () => {
        const allowed = roles.filter((r) => probe.expect[r] === "ok");
        if (probe.mutates)
          expect(allowed.length <= 1 || probe.freshSession, "one allowed role at most").toBe(true);
        // Refused roles first (they must change nothing), then the allowed ones.
        const order = probe.mutates ? [...roles.filter((r) => !allowed.includes(r)), ...allowed] : [...roles];
        const mismatches: string[] = [];
        const check = async (role: Role) => {
          let cookie = cookies[role];
          if (probe.freshSession && role !== "anonymous") cookie = await login(server.url, roleEmails[role]);
          const reply = await send(probe, cookie);
          const got = outcomeOf(reply, probe);
          if (got !== probe.expect[role])
            mismatches.push(`${role}: expected ${probe.expect[role]}, got ${got} (${describeReply(reply)})`);
          if (got === "ok" && probe.reveals) {
            const text = probe.reveals.text(fx);
            const shown = reply.body.includes(text);
            const may = probe.reveals.to.includes(role);
            if (shown !== may)
              mismatches.push(`${role}: "${text}" ${shown ? "shown" : "not shown"} (may read: ${may})`);
          }
        };

        const refusedRoles = order.filter((r) => !probe.mutates || !allowed.includes(r));
        const before = databaseChecksum(readDb, {
          ignore: probe.freshSession ? ["session", "login_attempt"] : [],
        });
        const version = dataVersion(readDb);
        await inParallel(refusedRoles, probe.freshSession ? 1 : 3, check);
        if (dataVersion(readDb) !== version) {
          // Something committed: only acceptable if nothing actually changed (fresh logins write sessions).
          expect(
            databaseChecksum(readDb, { ignore: probe.freshSession ? ["session", "login_attempt"] : [] }),
            "a refused or non-mutating request changed the database",
          ).toEqual(before);
        }
        if (probe.mutates) for (const role of allowed) await check(role);
        expect(mismatches).toEqual([]);
      });
    }
  }
});
