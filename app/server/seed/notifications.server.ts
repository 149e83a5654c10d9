import type { Executor } from "#db/connection";
import { demoFollowers, demoNotifications, demoPreferences } from "#db/seed-data/notifications";
import { addFollower } from "#db/repositories/notification-center.repository";
import { insertNotifications } from "#db/repositories/notification.repository";

/**
 * The demo's followers, e-mail choices and a few notifications per demo account (some read),
 * after the replay, so the bell has something to show at the first login. Seeded notifications
 * send no e-mail (`email: "none"`): the demo's outbox holds only what happens after it starts.
 */
export async function seedNotifications(
  trx: Executor,
  ids: { userIds: Record<string, number>; proposalIds: Record<string, number> },
  now = new Date(),
): Promise<void> {
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * 3600_000).toISOString();
  for (const f of demoFollowers) {
    const userId = ids.userIds[f.person];
    const proposalId = ids.proposalIds[f.proposal];
    if (userId !== undefined && proposalId !== undefined)
      await addFollower(trx, { proposalId, userId, at: at(24 * 7) });
  }
  for (const p of demoPreferences) {
    const userId = ids.userIds[p.person];
    if (userId !== undefined)
      await trx
        .insertInto("notification_preference")
        .values({ user_id: userId, kind: p.kind, mode: p.mode })
        .onConflict((oc) => oc.columns(["user_id", "kind"]).doUpdateSet({ mode: p.mode }))
        .execute();
  }
  await insertNotifications(
    trx,
    demoNotifications.flatMap((n, i) => {
      const userId = ids.userIds[n.person];
      const proposalId = ids.proposalIds[n.proposal];
      if (userId === undefined || proposalId === undefined) return [];
      return [
        {
          user_id: userId,
          kind: n.kind,
          proposal_id: proposalId,
          meeting_id: null,
          title: n.title,
          body: n.body,
          link: `/innspill/${proposalId}`,
          dedupe_key: `demo-seed-${i}`,
          email: "none" as const,
          digested_at: null,
          created_at: at(n.hoursAgo),
          read_at: n.read ? at(n.hoursAgo - 1) : null,
        },
      ];
    }),
  );
}
