import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/server/auth.server";
import { idParam } from "~/server/params.server";
import { publicMeetingDocx } from "~/server/public-meetings.server";

/** No login: the public protocol as a Word file, exempt cases withheld; built once per meeting version. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return (await publicMeetingDocx(request, idParam(params.id), "protocol")) ?? notFound();
}
