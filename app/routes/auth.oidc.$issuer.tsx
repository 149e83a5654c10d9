import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { issuerKeySchema } from "~/domain/sign-in.schema";
import { getUser, safeRedirect } from "~/server/auth.server";
import { beginSignIn } from "~/server/oidc.server";

/** "Logg inn med …": off to the issuer (a link, so it works without JavaScript). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const redirectTo = new URL(request.url).searchParams.get("redirectTo");
  if (await getUser(request)) throw redirect(safeRedirect(redirectTo));
  const key = issuerKeySchema.safeParse(params.issuer);
  return beginSignIn(key.success ? key.data : "", redirectTo);
}
