import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useEffect } from "react";
import { t } from "~/domain/texts";
import { signInTexts } from "~/domain/texts/sign-in";
import { pendingIssuerSignOut } from "~/server/oidc.server";

const S = signInTexts.signedOut;

/** Without JavaScript the browser goes on to the issuer's sign-out at once. */
export const meta: MetaFunction<typeof loader> = ({ data: atIssuer }) => [
  { title: `${S.title} – ${t.app.name}` },
  ...(atIssuer ? [{ httpEquiv: "refresh", content: `0;url=${atIssuer.url}` }] : []),
];

/**
 * Signed out of Innspill; on to the issuer's sign-out. A page, not a redirect from the logout
 * post: the site's `form-action 'self'` stops a form post that redirects to another site.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const pending = await pendingIssuerSignOut(request);
  if (!pending.atIssuer) throw redirect("/logg-inn");
  return data(pending.atIssuer, { headers: { "Set-Cookie": pending.clear } });
}

export default function SignedOutPage() {
  const atIssuer = useLoaderData<typeof loader>();
  useEffect(() => {
    window.location.replace(atIssuer.url);
  }, [atIssuer.url]);
  return (
    <div className="card" style={{ maxWidth: "32rem" }}>
      <h1>{S.title}</h1>
      <p>{S.text(atIssuer.label)}</p>
      <p>
        <a className="button primary" href={atIssuer.url}>
          {S.continue(atIssuer.label)}
        </a>
      </p>
      <p>
        <Link to="/logg-inn">{S.back}</Link>
      </p>
    </div>
  );
}
