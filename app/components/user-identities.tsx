import { formatDate } from "~/domain/texts";
import { signInTexts } from "~/domain/texts/sign-in";

const A = signInTexts.admin;

/** The organisation accounts (issuer identities) a user signs in with, and how each came to be tied. */
export function UserIdentities({
  identities,
}: {
  identities: {
    id: number;
    issuer: string;
    subject: string;
    how: "created" | "linked";
    linked_email: string;
    created_at: string;
    last_sign_in_at: string;
  }[];
}) {
  return (
    <section className="card" aria-labelledby="identities-heading">
      <h2 id="identities-heading" style={{ marginTop: 0 }}>
        {A.identitiesHeading}
      </h2>
      {identities.length === 0 ? (
        <p className="muted">{A.noIdentities}</p>
      ) : (
        <ul className="plain-list">
          {identities.map((i) => (
            <li key={i.id}>
              <strong>
                {i.how === "linked"
                  ? A.identityLinked(i.linked_email, formatDate(i.created_at))
                  : A.identityCreated(formatDate(i.created_at))}
              </strong>
              <br />
              <span className="small">
                {A.issuer}: {i.issuer}
                <br />
                {A.subject}: {i.subject}
                <br />
                {A.lastSignIn(formatDate(i.last_sign_in_at))}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
