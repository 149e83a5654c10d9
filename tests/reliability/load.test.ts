import type { SyncDb } from "../support/sync-db";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  login,
  openReadOnly,
  processCounts,
  request,
  startSeededServer,
  type ReliabilityServer,
} from "./support";

/**
 * 30 seconds of mixed reads and writes at 50 connections, on 127.0.0.1 only: signed-in page
 * views and proposal submissions. Not one error, not one 5xx, every request answered as it
 * should be, and every submission the server acknowledged is in the database. With one server
 * process and with two writing to the same database file (decision 021).
 */

interface RequestSpec {
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (req: RequestSpec) => RequestSpec;
  onResponse?: (status: number) => void;
}
interface LoadResult {
  errors: number;
  timeouts: number;
  "1xx": number;
  "2xx": number;
  "3xx": number;
  "4xx": number;
  "5xx": number;
  requests: { total: number; average: number };
  latency: { p50: number; p99: number; max: number };
}
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  headers: Record<string, string>;
  requests: RequestSpec[];
  timeout?: number;
}) => Promise<LoadResult>;

// autocannon ships no types; the little this test uses is typed above.
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

const SECONDS = 30;
const CONNECTIONS = 50;

describe.each(processCounts)("load, %i server process(es)", (processes) => {
  let server: ReliabilityServer;
  let readDb: SyncDb;

  beforeAll(async () => {
    server = await startSeededServer({}, { processes });
    readDb = openReadOnly(server.database);
  });

  afterAll(async () => {
    readDb?.close();
    await server?.dispose();
  });

  describe("load", () => {
    it(`${SECONDS} s of mixed reads and writes at ${CONNECTIONS} connections: no errors, no 5xx, no lost writes`, async () => {
      const cookie = await login(server.url, "ansatt@innspill.test");
      const one = <T>(sql: string) => readDb.prepare(sql).get() as T;
      const proposalId = one<{ id: number }>(
        "select max(id) id from proposal where state = 'groupReview'",
      ).id;
      const municipalityId = one<{ id: number }>("select min(id) id from municipality").id;
      const proposalsBefore = one<{ n: number }>("select count(*) n from proposal").n;

      const pages = [
        "/",
        "/innspill",
        `/innspill/${proposalId}`,
        "/innspill?q=digital",
        "/prosess",
        "/moter",
        "/strategi",
        "/statistikk",
      ];
      // Warm the caches a real server would have warm (the flowchart's layout) before measuring, in
      // every server process: each request on a new connection, which the cluster hands out in turn.
      for (const page of pages)
        for (let i = 0; i < processes; i += 1)
          expect((await request(server.url, page, { cookie, headers: { Connection: "close" } })).status).toBe(
            200,
          );

      const statuses = new Map<string, number>();
      const count = (what: string) => (status: number) =>
        statuses.set(`${what} ${status}`, (statuses.get(`${what} ${status}`) ?? 0) + 1);
      let n = 0;
      const submit: RequestSpec = {
        method: "POST",
        path: "/innspill/ny",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url },
        setupRequest: (req) => ({
          ...req,
          body: new URLSearchParams({
            intent: "submit",
            title: `Lasttest ${n++}`,
            background: "Bakgrunn for lasttesten. ".repeat(20),
            problem: "Problemet.",
            solution: "Løsningen.",
            municipalityIds: String(municipalityId),
          }).toString(),
        }),
        onResponse: count("POST /innspill/ny"),
      };
      const requests: RequestSpec[] = [
        ...pages.slice(0, 4).map((path): RequestSpec => ({ method: "GET", path, onResponse: count("GET") })),
        submit,
        ...pages.slice(4).map((path): RequestSpec => ({ method: "GET", path, onResponse: count("GET") })),
      ];

      const result = await autocannon({
        url: server.url,
        connections: CONNECTIONS,
        duration: SECONDS,
        headers: { Cookie: cookie },
        requests,
      });

      console.info(
        `load: ${result.requests.total} requests in ${SECONDS} s (${Math.round(result.requests.average)}/s), ` +
          `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms; ${JSON.stringify(Object.fromEntries(statuses))}`,
      );
      expect(result.errors).toBe(0);
      expect(result.timeouts).toBe(0);
      expect(result["5xx"]).toBe(0);
      expect(result["4xx"]).toBe(0);
      expect([...statuses.keys()].sort()).toEqual(["GET 200", "POST /innspill/ny 302"]);

      const acknowledged = statuses.get("POST /innspill/ny 302") ?? 0;
      expect(acknowledged).toBeGreaterThan(0);
      // Every acknowledged write is there; submissions still in flight when the clock stopped may have landed too.
      const after = one<{ n: number }>("select count(*) n from proposal").n;
      expect(after).toBeGreaterThanOrEqual(proposalsBefore + acknowledged);
      expect(after).toBeLessThanOrEqual(proposalsBefore + acknowledged + CONNECTIONS);
      expect((await request(server.url, "/healthz")).status).toBe(200);
    });
  });
});
