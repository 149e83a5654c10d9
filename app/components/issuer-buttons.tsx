import { signInTexts } from "~/domain/texts/sign-in";

/**
 * One "Logg inn med …" per configured issuer. Plain links: they work without JavaScript, and a
 * form post that redirects to another site would be stopped by the page's `form-action 'self'`.
 */
export function IssuerButtons({
  issuers,
  redirectTo,
}: {
  issuers: { key: string; label: string }[];
  redirectTo: string;
}) {
  if (issuers.length === 0) return null;
  const query = redirectTo === "/" ? "" : `?redirectTo=${encodeURIComponent(redirectTo)}`;
  return (
    <section aria-labelledby="issuers-heading">
      <h2 id="issuers-heading">{signInTexts.issuersHeading}</h2>
      <ul className="plain-list">
        {issuers.map((issuer) => (
          <li key={issuer.key} style={{ marginBottom: "0.5rem" }}>
            <a className="button primary" href={`/auth/oidc/${issuer.key}${query}`}>
              {signInTexts.withIssuer(issuer.label)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
