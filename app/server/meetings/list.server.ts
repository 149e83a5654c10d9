import { listMeetings, meetingDate, nextPlannedMeeting } from "#db/repositories/meeting.repository";
import { getBody, listBodies } from "#db/repositories/organisation.repository";
import { addDays, today } from "#workflows/dates";
import { meetingStateMeta } from "#workflows/meeting.machine";
import { mayOrganiseMeetings } from "#workflows/policy";
import { formatDate } from "~/domain/texts";
import { meetingTexts } from "~/domain/texts/meetings";
import type { CurrentUser } from "../auth.server";
import { meetingActorToday } from "../commands/meeting-command.server";
import { db } from "../db.server";
import { timeSpan } from "./record.server";

/* The meetings overview and the planning form's choices. Who may plan is read from the session's memberships. */

const T = meetingTexts;

/** Bodies of the user's organisation today, with their meetings split into upcoming and past. */
export async function meetingsOverview(user: CurrentUser) {
  const on = today();
  const [bodies, meetings] = await Promise.all([
    listBodies(db(), { on, activeOnly: true }),
    listMeetings(db()),
  ]);
  const order = { board: 0, committee: 1, group: 2 } as const;
  const rows = [...bodies]
    .sort((a, b) => order[a.kind] - order[b.kind] || a.name.localeCompare(b.name, "nb"))
    .map((body) => {
      const own = meetings.filter((m) => m.body_id === body.id);
      const row = (m: (typeof own)[number]) => ({
        id: m.id,
        date: formatDate(m.starts_at),
        time: timeSpan(m.starts_at, m.end_time),
        place: m.place || (m.video_link ? T.videoMeeting : ""),
        status: m.status,
        statusLabel: meetingStateMeta(m.status).label,
        cases: Number(m.case_count),
      });
      return {
        id: body.id,
        name: body.name,
        kind: body.kind,
        mayPlan: mayOrganiseMeetings(meetingActorToday(user, body.id)),
        upcoming: own
          .filter((m) => meetingDate(m.starts_at) >= on && m.status !== "cancelled")
          .reverse()
          .map(row),
        past: own.filter((m) => meetingDate(m.starts_at) < on || m.status === "cancelled").map(row),
      };
    });
  return { bodies: rows, mayPlanAny: rows.some((r) => r.mayPlan) };
}

/** The bodies a user may plan meetings for today, and a date to suggest. */
export async function planChoices(user: CurrentUser, bodyId: number | null) {
  const on = today();
  const bodies = await listBodies(db(), { on, activeOnly: true });
  const allowed = bodies
    .filter((body) => mayOrganiseMeetings(meetingActorToday(user, body.id)))
    .map((body) => ({ id: body.id, name: body.name, kind: body.kind }));
  const chosen = allowed.find((b) => b.id === bodyId) ?? null;
  let suggestion: { date: string; text: string } | null = null;
  if (chosen?.kind === "committee") {
    // The committee meets two weeks before each board meeting (its mandate).
    const boardMeeting = await nextPlannedMeeting(db(), "board", addDays(on, 15));
    if (boardMeeting) {
      const date = addDays(meetingDate(boardMeeting.starts_at), -14);
      const board = await getBody(db(), boardMeeting.body_id, meetingDate(boardMeeting.starts_at));
      suggestion = {
        date,
        text: T.suggestedDate(formatDate(date), board?.name ?? "", formatDate(boardMeeting.starts_at)),
      };
    }
  }
  return { bodies: allowed, chosen, suggestion, allBodyIds: bodies.map((b) => b.id) };
}
