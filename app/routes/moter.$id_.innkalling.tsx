import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { MeetingPrintPage } from "~/components/meeting-print-page";
import { t } from "~/domain/texts";
import { meetingTexts as T } from "~/domain/texts/meetings";
import { requireUser } from "~/server/auth.server";
import { printableMeeting } from "~/server/meetings/page.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${T.documents.notice} ${data.bodyName} ${data.date} – ${t.app.name}` : t.app.name },
];

/** The notice as a clean page to print. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return printableMeeting(params.id, await requireUser(request));
}

export default function PrintPage() {
  return <MeetingPrintPage doc={useLoaderData<typeof loader>()} kind="notice" />;
}
