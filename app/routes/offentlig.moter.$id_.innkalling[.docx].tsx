import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/server/auth.server";
import { publicMeetingDocx } from "~/server/public-meetings.server";

/** No login: the public notice as a Word file, exempt cases withheld; built once per meeting version. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = Number(params.id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  return (await publicMeetingDocx(request, id, "notice")) ?? notFound();
}
