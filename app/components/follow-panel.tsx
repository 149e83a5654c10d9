import { Form } from "@remix-run/react";
import { notificationCenterTexts } from "~/domain/texts/notification-center";

const F = notificationCenterTexts.follow;

/** "Følg innspillet" / "Slutt å følge": a plain form, no script needed. */
export function FollowPanel({ following, error }: { following: boolean; error?: string | null }) {
  return (
    <section className="card" aria-labelledby="follow-heading">
      <h2 id="follow-heading" style={{ marginTop: 0 }}>
        {F.heading}
      </h2>
      {error ? (
        <p className="notice error" role="alert">
          {error}
        </p>
      ) : null}
      <p>{following ? F.following : F.notFollowing}</p>
      <Form method="post">
        <input type="hidden" name="intent" value={following ? "unfollow" : "follow"} />
        <button type="submit">{following ? F.unfollow : F.follow}</button>
      </Form>
    </section>
  );
}
