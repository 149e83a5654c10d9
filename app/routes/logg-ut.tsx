import { data, redirect, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { useEffect } from "react";
import { t } from "~/domain/texts";
import { signInTexts } from "~/domain/texts/sign-in";
import { logout, sessionId } from "~/server/auth.server";
import { issuerSignOut } from "~/server/oidc.server";

export const meta: MetaFunction = () => [{ title: `${signInTexts.signedOut.title} – ${t.app.name}` }];

export async function loader() {
  return redirect("/");
}

/**
 * Ends the Innspill session. A session that began at an issuer with an end-session endpoint is
 * signed out there too: the page below sends the browser on (a redirect after a form post to
 * another site would be stopped by the page's `form-action 'self'`).
 */
export async function action({ request }: ActionFunctionArgs) {
  const atIssuer = await issuerSignOut(await sessionId(request));
  const headers = await logout(request);
  if (!atIssuer) return redirect("/logg-inn", { headers });
  return data(atIssuer, { headers });
}

export default function SignedOutPage() {
  const atIssuer = useActionData<typeof action>();
  useEffect(() => {
    if (atIssuer) window.location.replace(atIssuer.url);
  }, [atIssuer]);
  if (!atIssuer) return null;
  return (
    <div className="card" style={{ maxWidth: "32rem" }}>
      {/* Without JavaScript the browser follows this at once. */}
      <meta httpEquiv="refresh" content={`0;url=${atIssuer.url}`} />
      <h1>{signInTexts.signedOut.title}</h1>
      <p>{signInTexts.signedOut.text(atIssuer.label)}</p>
      <p>
        <a className="button primary" href={atIssuer.url}>
          {signInTexts.signedOut.continue(atIssuer.label)}
        </a>
      </p>
      <p>
        <Link to="/logg-inn">{signInTexts.signedOut.back}</Link>
      </p>
    </div>
  );
}
