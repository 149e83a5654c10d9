import { listMeetings, meetingDate } from "#db/repositories/meeting.repository";
import { listBodies, listBodyNamesOf } from "#db/repositories/organisation.repository";
import { meetingStateMeta, type MeetingStatus } from "#workflows/meeting.machine";
import { formatDate } from "~/domain/texts";
import { meetingTexts } from "~/domain/texts/meetings";
import { db } from "../db.server";
import { documentOf, meetingRecord, type MeetingDocument } from "./record.server";

/* Public pages (no login): exempt cases are withheld before anything leaves the server. */

const T = meetingTexts;

const noticePublic = (status: MeetingStatus) => meetingStateMeta(status).noticePublic;
const protocolPublic = (status: MeetingStatus) => meetingStateMeta(status).protocolPublic;

/** The name a body had on a date, from its rename history (oldest first). */
function nameOn(history: { name: string; valid_from: string }[], date: string): string {
  const valid = history.filter((h) => h.valid_from <= date);
  return (valid.at(-1) ?? history[0])?.name ?? "";
}

/** Per body, the meetings whose notice or protocol is published, named as the body was named then. */
export async function publicMeetings() {
  const meetings = (await listMeetings(db())).filter((m) => noticePublic(m.status));
  const bodyIds = new Set(meetings.map((m) => m.body_id));
  const [allBodies, names] = await Promise.all([listBodies(db()), listBodyNamesOf(db(), [...bodyIds])]);
  const bodies = allBodies
    .filter((body) => bodyIds.has(body.id))
    .map((body) => ({ body, history: names.filter((n) => n.body_id === body.id) }));
  const order = { board: 0, committee: 1, group: 2 } as const;
  return bodies
    .sort((a, b) => order[a.body.kind] - order[b.body.kind] || a.body.name.localeCompare(b.body.name, "nb"))
    .map(({ body, history }) => ({
      id: body.id,
      name: body.name,
      formerNames: [...new Set(history.map((h) => h.name))].filter((n) => n !== body.name),
      meetings: meetings
        .filter((m) => m.body_id === body.id)
        .map((m) => ({
          id: m.id,
          date: formatDate(m.starts_at),
          year: m.starts_at.slice(0, 4),
          title: T.meetingTitle(nameOn(history, meetingDate(m.starts_at)), formatDate(m.starts_at)),
          cases: Number(m.case_count),
          protocol: protocolPublic(m.status),
        })),
    }));
}

/** A meeting's public notice and (when published) protocol; undefined when nothing is public. */
export async function publicMeeting(id: number) {
  const record = await meetingRecord(id);
  if (!record || !noticePublic(record.meeting.status)) return undefined;
  const full = documentOf(record, true);
  const protocolPublished = protocolPublic(record.meeting.status);
  // Until the protocol is published, only the notice leaves the server.
  const document: MeetingDocument = protocolPublished
    ? full
    : {
        ...full,
        cases: full.cases.map((c) => ({ ...c, decision: null, conflicts: [], participants: [] })),
        present: [],
        absent: [],
        substitutes: [],
        secretary: null,
        attendanceRecorded: false,
        approval: null,
        signatures: [],
        final: false,
        addenda: [],
      };
  return { document, protocolPublished };
}
