import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { logout, sessionId } from "~/server/auth.server";
import { issuerSignOut } from "~/server/oidc.server";

export async function loader() {
  return redirect("/");
}

/** Ends the Innspill session; one that began at an issuer goes on to sign out there too. */
export async function action({ request }: ActionFunctionArgs) {
  const atIssuer = await issuerSignOut(await sessionId(request));
  const headers = await logout(request);
  if (atIssuer) headers.append("Set-Cookie", atIssuer.cookie);
  return redirect(atIssuer ? "/logget-ut" : "/logg-inn", { headers });
}
