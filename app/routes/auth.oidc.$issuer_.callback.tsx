import type { LoaderFunctionArgs } from "@remix-run/node";
import { issuerKeySchema } from "~/domain/sign-in.schema";
import { completeSignIn } from "~/server/oidc.server";

/** The issuer sends the browser back here with a code (or an error). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const key = issuerKeySchema.safeParse(params.issuer);
  return completeSignIn(key.success ? key.data : "", request);
}
