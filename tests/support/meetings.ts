import type { DB, Executor } from "#db/connection";
import { getMeeting, signersOfMeeting } from "#db/repositories/meeting.repository";
import { createProposal, getProposal } from "#db/repositories/proposal.repository";
import type { CurrentUser } from "~/server/auth.server";
import { addCase } from "~/server/commands/add-case.server";
import {
  approveProtocol,
  firstPresentMembers,
  signProtocol,
} from "~/server/commands/approve-protocol.server";
import { planMeeting } from "~/server/commands/plan-meeting.server";
import { publishNotice } from "~/server/commands/publish-notice.server";
import { recordAttendance } from "~/server/commands/record-attendance.server";
import { currentUser, type World } from "./db";

/** Builders for meeting tests: they go through the real commands and fail loudly when refused. */

export function expectOk<T extends { ok: boolean }>(result: T, what: string): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`${what} refused: ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

export async function meetingVersion(db: Executor, id: number): Promise<number> {
  return (await getMeeting(db, id))!.version;
}

export async function proposalVersion(db: Executor, id: number): Promise<number> {
  return (await getProposal(db, id))!.version;
}

/** A proposal already waiting in a state (the process tests cover how it got there). */
export async function proposalIn(db: DB, world: World, state: string, title = "Digital postkasse") {
  return createProposal(db, {
    title,
    background: "Bakgrunn",
    problem: "Problem",
    solution: "Løsning",
    benefits: "Gevinst",
    affected: "",
    resources: "",
    authorId: world.users.employee,
    municipalityIds: [world.municipalities.Nordby!],
    suggestedGroupId: null,
    state,
    now: "2021-01-05T09:00:00.000Z",
  });
}

export async function plan(
  db: DB,
  user: CurrentUser,
  bodyId: number,
  date: string,
  place = "Rådhuset, møterom 1",
): Promise<number> {
  const result = await planMeeting(db, {
    user,
    form: { bodyId, date, startTime: "10:00", endTime: "12:00", place },
  });
  return expectOk(result, "plan").id;
}

export async function otherCase(db: DB, user: CurrentUser, meetingId: number, title: string, extra = {}) {
  const result = await addCase(db, {
    user,
    meetingId,
    expectedVersion: await meetingVersion(db, meetingId),
    form: {
      intent: "addCase",
      version: 0,
      kind: "other",
      title,
      presentation: "",
      recommendation: "",
      exempt: false,
      ...extra,
    },
  });
  return expectOk(result, `add case ${title}`).itemId;
}

export async function proposalCase(
  db: DB,
  user: CurrentUser,
  meetingId: number,
  proposalId: number,
  extra = {},
) {
  const result = await addCase(db, {
    user,
    meetingId,
    expectedVersion: await meetingVersion(db, meetingId),
    form: {
      intent: "addCase",
      version: 0,
      kind: "proposal",
      proposalId,
      presentation: "",
      recommendation: "",
      exempt: false,
      ...extra,
    },
  });
  return expectOk(result, "add proposal case").itemId;
}

export async function publish(db: DB, user: CurrentUser, meetingId: number) {
  return expectOk(
    await publishNotice(db, { user, meetingId, expectedVersion: await meetingVersion(db, meetingId) }),
    "publish",
  ).numbers;
}

/** Everyone present except `absent`. */
export async function attend(
  db: DB,
  user: CurrentUser,
  meetingId: number,
  memberIds: number[],
  opts: { absent?: number[]; substitutes?: Record<number, number> } = {},
) {
  const members = Object.fromEntries(
    memberIds.map((id) => [id, opts.absent?.includes(id) ? "absent" : "present"] as const),
  );
  expectOk(
    await recordAttendance(db, {
      user,
      meetingId,
      expectedVersion: await meetingVersion(db, meetingId),
      attendance: { members, substitutes: opts.substitutes ?? {} },
    }),
    "attendance",
  );
}

/** Every signer of a protocol sent for signing signs it (as themselves). */
export async function signAll(db: DB, meetingId: number, now?: Date) {
  for (const signer of await signersOfMeeting(db, meetingId))
    expectOk(
      await signProtocol(db, { user: await currentUser(db, signer.user_id), meetingId, now }),
      `signature of ${signer.user_name}`,
    );
}

/** Closes a protocol for signing (choosing the first members present where the rule asks) and has everyone sign. */
export async function approveAndSign(db: DB, user: CurrentUser, meetingId: number) {
  expectOk(
    await approveProtocol(db, {
      user,
      meetingId,
      expectedVersion: await meetingVersion(db, meetingId),
      signers: await firstPresentMembers(db, meetingId),
    }),
    "approve protocol",
  );
  await signAll(db, meetingId);
}
