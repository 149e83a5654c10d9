import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "#db/connection";
import { openDatabase } from "#db/connection";
import { today as osloToday } from "#workflows/dates";
import { publishProtocol } from "~/server/commands/publish-protocol.server";
import { recordDecision } from "~/server/commands/record-decision.server";
import { currentUser } from "../support/db";
import {
  approveAndSign,
  attend,
  expectOk,
  meetingVersion,
  otherCase,
  plan,
  proposalCase,
  publish,
} from "../support/meetings";
import { readZipEntry } from "../support/unzip";
import { boardInsiders, committeeInsiders } from "./authorization-table";
import { proposalIn } from "./fixtures";
import { loginAll, roleEmails, roles, startSeededServer, type ReliabilityServer, type Role } from "./support";

/**
 * Issue 10's crawl: a proposal goes through an exempt committee case and on to the board (whose
 * case follows the exemption), both protocols are approved and published, and then every role of
 * the authorisation matrix crawls every page and download it can reach — HTML, the `.data` that
 * Remix fetches, Word, Markdown and CSV — and no exempt text reaches a role that may not read it.
 */

let server: ReliabilityServer;
let db: DB;
let cookies: Record<Role, string | null>;
const ids = { proposal: 0, committeeMeeting: 0, boardMeeting: 0, committeeCase: 0, boardCase: 0 };

/** Texts of the exempt cases, each with the roles that may read it. */
const markers = {
  committeeTitle: { text: "Personalsak QX7 tittel", to: committeeInsiders },
  committeeMotion: { text: "Motforslag QX7 utvalg", to: committeeInsiders },
  committeePresentation: {
    text: "Saksframlegg QX7 taushetsbelagt",
    // The board's case on the same matter carries the committee's presentation (exempt there too).
    to: [...new Set<Role>([...committeeInsiders, ...boardInsiders])],
  },
  committeeDecision: {
    text: "Innstilling QX7 hemmelig",
    to: [...new Set<Role>([...committeeInsiders, ...boardInsiders])],
  },
  boardDecision: { text: "Styrevedtak QX7 hemmelig", to: boardInsiders },
  boardMotion: { text: "Motforslag QX7 styret", to: boardInsiders },
};

const daysAgo = (days: number) => osloToday(new Date(Date.now() - days * 86_400_000));

beforeAll(async () => {
  server = await startSeededServer();
  cookies = await loginAll(server.url);
  db = openDatabase(server.database);
  const coordinator = await currentUser(db, await userId(roleEmails.coordinator));
  const bodyOf = async (kind: "committee" | "board") =>
    (
      await db
        .selectFrom("body")
        .select("id")
        .where("kind", "=", kind)
        .where("valid_to", "is", null)
        .executeTakeFirstOrThrow()
    ).id;
  const [committeeId, boardId] = [await bodyOf("committee"), await bodyOf("board")];
  const group = await db
    .selectFrom("body_name")
    .select("body_id")
    .where("name", "=", "Helse og velferd")
    .executeTakeFirstOrThrow();
  const municipality = await db
    .selectFrom("municipality")
    .select("id")
    .orderBy("id")
    .executeTakeFirstOrThrow();
  const users = Object.fromEntries(
    await Promise.all(
      roles.filter((r) => r !== "anonymous").map(async (r) => [r, await userId(roleEmails[r])]),
    ),
  );
  ids.proposal = await proposalIn(
    db,
    { users, groupId: group.body_id, municipalityId: municipality.id } as never,
    "committeeReview",
    "Velferdsteknologi for hjemmetjenesten QX7",
  );
  const members = async (bodyId: number) =>
    (
      await db
        .selectFrom("membership")
        .select("user_id")
        .where("body_id", "=", bodyId)
        .where("valid_to", "is", null)
        .execute()
    ).map((m) => m.user_id);
  const decide = async (meetingId: number, itemId: number, outcome: string, text: string, motions: string) =>
    expectOk(
      await recordDecision(db, {
        user: coordinator,
        meetingId,
        expectedVersion: await meetingVersion(db, meetingId),
        itemId,
        outcome,
        text,
        motions,
        votes: "unanimous",
        proposalVersion: (
          await db
            .selectFrom("proposal")
            .select("version")
            .where("id", "=", ids.proposal)
            .executeTakeFirstOrThrow()
        ).version,
      }),
      `decision ${outcome}`,
    );
  const close = async (meetingId: number) => {
    await approveAndSign(db, coordinator, meetingId);
    expectOk(
      await publishProtocol(db, {
        user: coordinator,
        meetingId,
        expectedVersion: await meetingVersion(db, meetingId),
      }),
      "publish protocol",
    );
  };

  // The committee: an exempt case, recommended to the board.
  ids.committeeMeeting = await plan(db, coordinator, committeeId, daysAgo(3));
  ids.committeeCase = await proposalCase(db, coordinator, ids.committeeMeeting, ids.proposal);
  await db
    .updateTable("protocol_item")
    .set({
      title: markers.committeeTitle.text,
      presentation: markers.committeePresentation.text,
      exempt: 1,
      exempt_basis: "offl. § 13 jf. fvl. § 13",
    })
    .where("id", "=", ids.committeeCase)
    .execute();
  await publish(db, coordinator, ids.committeeMeeting);
  await attend(db, coordinator, ids.committeeMeeting, await members(committeeId));
  await decide(
    ids.committeeMeeting,
    ids.committeeCase,
    "recommend",
    markers.committeeDecision.text,
    markers.committeeMotion.text,
  );
  await close(ids.committeeMeeting);

  // The board: the case on the same matter, added with no word about exemption, and an open case.
  ids.boardMeeting = await plan(db, coordinator, boardId, daysAgo(1));
  ids.boardCase = await proposalCase(db, coordinator, ids.boardMeeting, ids.proposal);
  const openCase = await otherCase(db, coordinator, ids.boardMeeting, "Orientering om drift");
  await publish(db, coordinator, ids.boardMeeting);
  await attend(db, coordinator, ids.boardMeeting, await members(boardId));
  await decide(
    ids.boardMeeting,
    ids.boardCase,
    "approve",
    markers.boardDecision.text,
    markers.boardMotion.text,
  );
  expectOk(
    await recordDecision(db, {
      user: coordinator,
      meetingId: ids.boardMeeting,
      expectedVersion: await meetingVersion(db, ids.boardMeeting),
      itemId: openCase,
      outcome: "noted",
      text: "Tatt til orientering.",
      votes: "unanimous",
    }),
    "open case",
  );
  await close(ids.boardMeeting);
}, 180_000);

afterAll(async () => {
  await db?.destroy();
  await server?.dispose();
});

async function userId(email: string): Promise<number> {
  return (await db.selectFrom("user").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
}

// ---------------------------------------------------------------------------------------------
// The crawler

interface Fetched {
  url: string;
  status: number;
  text: string;
  links: string[];
  html: boolean;
}

const year = () => daysAgo(1).slice(0, 4);

/** Where a crawl starts: the pages a user opens, and the searches that would find the proposal. */
const seeds = () => [
  "/",
  "/offentlig",
  `/offentlig/moter/${ids.committeeMeeting}`,
  `/offentlig/moter/${ids.boardMeeting}`,
  `/innspill/${ids.proposal}`,
  `/moter/${ids.committeeMeeting}`,
  `/moter/${ids.boardMeeting}`,
  "/innspill?q=QX7",
  "/innspill?q=hemmelig",
  "/innspill?q=taushetsbelagt",
  "/innspill/lignende?tittel=Velferdsteknologi%20QX7",
  "/innspill/lignende?tittel=Personalsak%20QX7",
  "/innspill/eksport.csv",
  "/innspill/eksport.csv?q=QX7",
  `/rapport/${year()}`,
  `/rapport/${year()}/last-ned/docx`,
  `/rapport/${year()}/last-ned/md`,
  `/rapport/${year()}/last-ned/csv`,
  "/statistikk",
  `/statistikk?ar=${year()}`,
  "/prosess",
  "/moter",
  "/strategi",
];

/**
 * Whether a link found on a page is crawled: every page and download of the site, except pages
 * of other proposals and meetings (the demo has hundreds; ours are the seeds), query-string
 * variants of lists (filters and paging), and what changes things (logging out).
 */
function followed(url: string): boolean {
  if (!url.startsWith("/") || url.startsWith("//")) return false;
  const [path] = url.split("#");
  if (path!.includes("?")) return false;
  if (/^\/(logg-ut|logg-inn)/.test(path!)) return false;
  if (/^\/(build|assets)\//.test(path!) || /\.(css|js|svg|ico|png)$/.test(path!)) return false;
  const proposal = /^\/innspill\/(\d+)/.exec(path!);
  if (proposal && Number(proposal[1]) !== ids.proposal) return false;
  const meeting = /^\/(?:offentlig\/)?moter\/(\d+)/.exec(path!);
  if (meeting && ![ids.committeeMeeting, ids.boardMeeting].includes(Number(meeting[1]))) return false;
  const report = /^\/rapport\/(\d{4})/.exec(path!);
  if (report && report[1] !== year()) return false;
  return true;
}

async function fetchAs(cookie: string | null, url: string): Promise<Fetched> {
  const reply = await fetch(`${server.url}${url}`, {
    redirect: "manual",
    headers: cookie ? { Cookie: cookie } : {},
  });
  const type = reply.headers.get("content-type") ?? "";
  const bytes = new Uint8Array(await reply.arrayBuffer());
  const text = type.includes("wordprocessingml")
    ? readZipEntry(bytes, "word/document.xml")
    : Buffer.from(bytes).toString("utf8");
  const links = type.includes("text/html")
    ? [...text.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&"))
    : [];
  return { url, status: reply.status, text, links, html: type.includes("text/html") };
}

/** Every reachable page and download for one role, and the `.data` of every page. */
async function crawl(cookie: string | null): Promise<Fetched[]> {
  const seen = new Set<string>();
  const queue = [...seeds()];
  const fetched: Fetched[] = [];
  while (queue.length > 0 && fetched.length < 400) {
    const url = queue.shift()!.split("#")[0]!;
    if (seen.has(url)) continue;
    seen.add(url);
    const page = await fetchAs(cookie, url);
    fetched.push(page);
    if (page.status !== 200) continue;
    if (page.html) {
      const [path, query] = url.split("?");
      const data = `${path === "/" ? "/_root" : path}.data${query ? `?${query}` : ""}`;
      if (!seen.has(data)) {
        seen.add(data);
        fetched.push(await fetchAs(cookie, data));
      }
    }
    for (const link of page.links) if (followed(link) && !seen.has(link.split("#")[0]!)) queue.push(link);
  }
  return fetched;
}

describe("exempt cases, crawled as every role", () => {
  it("walked the proposal through an exempt committee case to a board case that follows it", async () => {
    const board = await db
      .selectFrom("protocol_item")
      .select(["exempt", "exempt_basis", "exempt_from_item_id"])
      .where("id", "=", ids.boardCase)
      .executeTakeFirstOrThrow();
    expect(board).toEqual({
      exempt: 1,
      exempt_basis: "offl. § 13 jf. fvl. § 13",
      exempt_from_item_id: ids.committeeCase,
    });
    const state = await db
      .selectFrom("proposal")
      .select("state")
      .where("id", "=", ids.proposal)
      .executeTakeFirstOrThrow();
    expect(state.state).toBe("approved");
  });

  for (const role of roles) {
    it(`shows ${role} no exempt text it may not read, on any page or download`, async () => {
      const pages = await crawl(cookies[role]);
      expect(pages.filter((p) => p.status === 200).length).toBeGreaterThan(5);
      const leaks: string[] = [];
      for (const [name, marker] of Object.entries(markers)) {
        if (marker.to.includes(role)) continue;
        for (const page of pages)
          if (page.text.includes(marker.text)) leaks.push(`${name} on ${page.url} (${page.status})`);
      }
      expect(leaks).toEqual([]);
      // Those who may read an exempt case do read it: the crawl reaches the content.
      for (const [name, marker] of Object.entries(markers))
        if (marker.to.includes(role))
          expect(
            pages.some((p) => p.text.includes(marker.text)),
            `${role} should reach ${name}`,
          ).toBe(true);
      if (role === "anonymous") {
        const board = pages.find((p) => p.url === `/offentlig/moter/${ids.boardMeeting}`)!;
        expect(board.text).toContain("Unntatt offentlighet, jf. offl. § 13 jf. fvl. § 13");
        expect(board.text).toContain("Til stede under behandlingen");
      }
    }, 600_000);
  }

  it("takes exempt content away from a member whose membership has ended", async () => {
    const member = await userId(roleEmails.committeeMember);
    const page = () => fetchAs(cookies.committeeMember, `/moter/${ids.committeeMeeting}`);
    expect((await page()).text).toContain(markers.committeeTitle.text);
    await db
      .updateTable("membership")
      .set({ valid_to: osloToday() })
      .where("user_id", "=", member)
      .where("valid_to", "is", null)
      .execute();
    const after = await page();
    expect(after.status).toBe(200);
    expect(after.text).not.toContain(markers.committeeTitle.text);
    expect(after.text).toContain("Unntatt offentlighet, jf. offl. § 13 jf. fvl. § 13");
  });
});
