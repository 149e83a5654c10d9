import { parseWithZod } from "@conform-to/zod/v4";
import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  useActionData,
  useLoaderData,
  useRouteError,
  useSearchParams,
} from "@remix-run/react";
import { unsubscribeSchema } from "~/domain/notification-delivery.schema";
import { t } from "~/domain/texts";
import { deliveryTexts } from "~/domain/texts/notification-delivery";
import { notificationKindLabels } from "~/domain/texts/notifications";
import { invalid } from "~/server/reply.server";
import { unsubscribeTarget, unsubscribe } from "~/server/notifications/unsubscribe-page.server";

const U = deliveryTexts.unsubscribe;

export const meta: MetaFunction = () => [{ title: `${U.title} – ${t.app.name}` }];

/** No login: the link in the e-mail is the proof. An invalid or forged link is a 404. */
export async function loader({ params }: LoaderFunctionArgs) {
  const target = await unsubscribeTarget(params.token);
  return { kindLabel: notificationKindLabels[target.kind] };
}

/**
 * "Meld meg av", and a mail client's one-click unsubscribe (RFC 8058: a POST with the body
 * `List-Unsubscribe=One-Click`, from a server, so without an Origin header): the client is answered
 * 200 with a line of text, a browser is sent back to the page.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const target = await unsubscribeTarget(params.token);
  const submission = parseWithZod(await request.formData(), { schema: unsubscribeSchema });
  if (submission.status !== "success") return invalid(submission);
  await unsubscribe(target);
  if (!request.headers.get("origin"))
    return new Response(U.done, { status: 200, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return redirect(`${new URL(request.url).pathname}?melding=avmeldt`, { status: 303 });
}

export default function Unsubscribe() {
  const { kindLabel } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get("melding") === "avmeldt";
  const errors =
    reply && typeof reply === "object"
      ? Object.values(reply.error ?? {})
          .flat()
          .filter(Boolean)
      : [];
  return (
    <>
      <h1>{U.title}</h1>
      {done ? (
        <>
          <p className="notice ok" role="status">
            {U.done}
          </p>
          <p>
            <strong>{kindLabel}</strong>
          </p>
          <p>{U.doneExplain}</p>
        </>
      ) : (
        <>
          {errors.length > 0 ? (
            <p className="notice error" role="alert">
              {errors.join(" ")}
            </p>
          ) : null}
          <p>{U.intro}</p>
          <p>
            <strong>{kindLabel}</strong>
          </p>
          <p>{U.explain}</p>
          <Form method="post">
            <input type="hidden" name="List-Unsubscribe" value="One-Click" />
            <button type="submit">{U.button}</button>
          </Form>
        </>
      )}
    </>
  );
}

/** A link that is not (or no longer) valid says so in words; any other error is the generic page. */
export function ErrorBoundary() {
  const error = useRouteError();
  const missing = isRouteErrorResponse(error) && error.status === 404;
  const title = missing ? t.errors.notFoundTitle : t.errors.genericTitle;
  return (
    <>
      <title>{`${title} – ${t.app.name}`}</title>
      <h1>{title}</h1>
      <p>{missing ? U.notFound : t.errors.genericText}</p>
    </>
  );
}
