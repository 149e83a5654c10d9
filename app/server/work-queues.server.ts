import { homeTexts } from "~/domain/texts/home";

const Q = homeTexts.queues;
import { mayFollowUpDecisions, mayRouteProposals } from "#workflows/policy";
import { listBodies } from "#db/repositories/organisation.repository";
import { latestOfAuthor, waitingProposals } from "#db/repositories/proposal.repository";
import type { CurrentUser } from "./auth.server";
import { db } from "./db.server";
import { bodyNames, stateLabel } from "./process.server";

interface Queue {
  key: string;
  title: string;
  empty: string;
  items: {
    id: number;
    title: string;
    state: string;
    stateLabel: string;
    groupName: string | null;
    since: string;
  }[];
}

/** What waits for this user, by role: the start page's work queues. */
export async function workQueues(user: CurrentUser) {
  const [names, groups] = await Promise.all([bodyNames(), listBodies(db(), { kind: "group" })]);
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  const queues: Queue[] = [];
  const add = async (
    key: string,
    title: string,
    empty: string,
    rows: Awaited<ReturnType<typeof waitingProposals>>,
  ) => {
    queues.push({
      key,
      title,
      empty,
      items: rows.map((r) => ({
        id: r.id,
        title: r.title,
        state: r.state,
        stateLabel: stateLabel(r.state, names),
        groupName: r.group_id ? (groupName.get(r.group_id) ?? null) : null,
        since: r.state_changed_at,
      })),
    });
  };

  await add(
    "answer",
    Q.answer.title,
    Q.answer.empty,
    await waitingProposals(db(), { states: ["awaitingSubmitter"], authorId: user.id }),
  );
  if (mayRouteProposals(user)) {
    await add(
      "unassigned",
      Q.unassigned.title,
      Q.unassigned.empty,
      await waitingProposals(db(), { states: ["submitted"] }),
    );
  }
  const myGroups = user.memberships.filter((m) => m.kind === "group").map((m) => m.body_id);
  if (myGroups.length > 0) {
    await add(
      "group",
      Q.group.title,
      Q.group.empty,
      await waitingProposals(db(), { states: ["groupReview"], groupIds: myGroups }),
    );
  }
  if (user.memberships.some((m) => m.kind === "committee")) {
    await add(
      "committee",
      Q.inBody(names.committee).title,
      Q.inBody(names.committee).empty,
      await waitingProposals(db(), { states: ["committeeReview"] }),
    );
  }
  if (user.memberships.some((m) => m.kind === "board")) {
    await add(
      "board",
      Q.inBody(names.board).title,
      Q.inBody(names.board).empty,
      await waitingProposals(db(), { states: ["boardReview"] }),
    );
  }
  if (mayFollowUpDecisions(user)) {
    await add(
      "followup",
      Q.followup.title,
      Q.followup.empty,
      await waitingProposals(db(), { states: ["approved", "inProgress"] }),
    );
  }
  const mine = await latestOfAuthor(db(), user.id);
  return {
    queues,
    mine: mine.map((m) => ({
      id: m.id,
      title: m.title,
      state: m.state,
      stateLabel: stateLabel(m.state, names),
      date: m.submitted_at ?? m.created_at,
    })),
  };
}
