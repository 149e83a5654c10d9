import { describe, expect, it } from "vitest";
import { notificationKinds, type PlannedNotification } from "#workflows/notifications";
import { eventSpecs } from "#workflows/proposal.events";
import { proposalStates, type ProposalEventType } from "#workflows/proposal.machine";
import {
  meetingInvitation,
  needsBodyNames,
  notificationText,
  renderDigest,
  renderEmail,
  type RenderContext,
} from "./render.server";

const ctx: RenderContext = {
  publicUrl: "https://innspill.example.no",
  names: { committee: "Porteføljerådet", board: "Samarbeidsrådet" },
  now: new Date("2026-11-30T10:00:00Z"),
};

const meeting = {
  topic: "meeting" as const,
  meetingId: 42,
  bodyName: "Samarbeidsrådet",
  startsAt: "2026-12-10T09:30",
  endTime: "11:00",
  place: "Molde rådhus, møterom «Fjorden»; 2. etasje",
  videoLink: null,
  agenda: [
    {
      number: "Sak 1/2026",
      title: "Felles innbyggerportal for alle fire kommunene, med innlogging og meldinger",
      exemptBasis: null,
    },
    { number: "Sak 2/2026", title: null, exemptBasis: "offl. § 13" },
  ],
  sequence: 4,
  updated: false,
};

describe("the calendar invitation", () => {
  const ics = meetingInvitation(meeting, ctx);
  const lines = ics.split("\r\n");

  it("is RFC 5545: CRLF, lines folded at 75 octets, PUBLISH with a stable UID and the sequence", () => {
    expect(ics.endsWith("\r\n")).toBe(true);
    for (const line of lines) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(lines).toContain("METHOD:PUBLISH");
    expect(lines).toContain("UID:meeting-42@innspill.example.no");
    expect(lines).toContain("SEQUENCE:4");
    expect(lines).toContain("DTSTART:20261210T083000Z");
    expect(lines).toContain("DTEND:20261210T100000Z");
  });

  it("escapes text values and keeps an exempt case's title out", () => {
    const unfolded = ics.replace(/\r\n /g, "");
    expect(unfolded).toContain("LOCATION:Molde rådhus\\, møterom «Fjorden»\\; 2. etasje");
    expect(unfolded).toContain("Sak 2/2026: Unntatt offentlighet (offl. § 13)");
  });
});

describe("the e-mail", () => {
  const planned: PlannedNotification = {
    userId: 1,
    kind: "proposalChanged",
    proposalId: 7,
    meetingId: null,
    link: "/innspill/7",
    facts: {
      topic: "proposal",
      proposalId: 7,
      title: "<script>x</script>",
      event: "BOARD_RETURN",
      to: "committeeReview",
      reason: "Mer «utredning» & kost",
    },
    dedupeKey: null,
  };

  it("is accessible HTML in Norwegian with absolute text links, escaped, and the preferences in the footer", () => {
    const mail = renderEmail(planned, { name: "Kari" }, ctx);
    expect(mail.html).toContain('<html lang="nb">');
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;");
    expect(mail.html).not.toContain("<img");
    expect(mail.html).toContain('href="https://innspill.example.no/innspill/7"');
    expect(mail.html).toContain('href="https://innspill.example.no/min-profil#varsler"');
    expect(mail.text).toContain("https://innspill.example.no/min-profil#varsler");
    expect(mail.text).toContain("Mer «utredning» & kost");
    // The state label names the committee by today's name.
    expect(mail.subject).toContain("porteføljerådet");
    expect(mail.ics).toBeNull();
  });

  it("says only the neutral line when the rules withheld the title", () => {
    const mail = renderEmail(
      { ...planned, facts: { ...planned.facts, title: null, reason: null } as PlannedNotification["facts"] },
      { name: "Kari" },
      ctx,
    );
    expect(mail.subject).toBe("Ny hendelse i en sak du følger");
    expect(mail.text).not.toContain("script");
    expect(mail.text).not.toContain("utredning");
  });

  it("a digest lists each notification with its link", () => {
    const mail = renderDigest(
      [
        { title: "A", body: "a", link: "/innspill/1" },
        { title: "B", body: "b", link: "/innspill/2" },
      ],
      { name: "Kari" },
      ctx.publicUrl,
    );
    expect(mail.subject).toContain("2 varsler");
    expect(mail.text).toContain("https://innspill.example.no/innspill/2");
    expect(mail.html).toContain('href="https://innspill.example.no/innspill/1"');
  });
});

describe("reading the body names only when words need them", () => {
  const unnamed = { committee: "", board: "" };
  const events = Object.keys(eventSpecs) as ProposalEventType[];

  it("says so for every state, event and kind whose words name the committee or the board, and only those", () => {
    let named = 0;
    for (const kind of notificationKinds)
      for (const to of proposalStates)
        for (const event of events) {
          const proposal: PlannedNotification = {
            userId: 1,
            kind,
            proposalId: 7,
            meetingId: null,
            link: "/innspill/7",
            facts: { topic: "proposal", proposalId: 7, title: "Tittel", event, to, reason: null },
            dedupeKey: null,
          };
          const waiting: PlannedNotification = {
            ...proposal,
            facts: { topic: "waiting", proposalId: 7, title: "Tittel", state: to, days: 3 },
          };
          for (const p of [proposal, waiting]) {
            const differs =
              JSON.stringify(notificationText(p, ctx.names)) !== JSON.stringify(notificationText(p, unnamed));
            if (differs) named++;
            // Words that name a body are always flagged; the flag may be set where the names stay unused.
            if (differs) expect(needsBodyNames(p), `${kind} ${event} → ${to} (${p.facts.topic})`).toBe(true);
          }
        }
    expect(named).toBeGreaterThan(0);
  });

  it("is not needed for an assignment, the bench's most common event", () => {
    const assigned: PlannedNotification = {
      userId: 1,
      kind: "proposalAssigned",
      proposalId: 7,
      meetingId: null,
      link: "/innspill/7",
      facts: {
        topic: "proposal",
        proposalId: 7,
        title: "Tittel",
        event: "ASSIGN",
        to: "groupReview",
        reason: null,
      },
      dedupeKey: null,
    };
    expect(needsBodyNames(assigned)).toBe(false);
    expect(needsBodyNames({ ...assigned, kind: "proposalChanged" })).toBe(false);
    expect(
      needsBodyNames({
        ...assigned,
        facts: { ...assigned.facts, to: "committeeReview" },
      } as PlannedNotification),
    ).toBe(true);
  });
});
