import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDate, formatTime } from "#workflows/dates";
import { t } from "~/domain/texts";
import { adminTexts } from "~/domain/texts/admin";
import { deliveryTexts } from "~/domain/texts/notification-delivery";
import { emailStatuses } from "~/domain/notification-delivery.schema";
import { outboxPage, requireOutboxAdmin } from "~/server/notifications/outbox-page.server";

const A = deliveryTexts.admin;

export const meta: MetaFunction = () => [{ title: `${A.title} – ${t.app.name}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOutboxAdmin(request);
  return outboxPage(new URL(request.url));
}

type Page = ReturnType<typeof useLoaderData<typeof loader>>;

const when = (iso: string | null) => (iso ? `${formatDate(iso)} ${formatTime(iso)}` : "–");

function EmailTable({ emails, caption }: { emails: Page["emails"]; caption: string }) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{A.subject}</th>
            <th scope="col">{A.to}</th>
            <th scope="col">{A.status}</th>
            <th scope="col">{A.created}</th>
            <th scope="col">{A.sent}</th>
            <th scope="col">{A.attempts}</th>
            <th scope="col">{A.lastError}</th>
          </tr>
        </thead>
        <tbody>
          {emails.map((e) => (
            <tr key={e.id}>
              <th scope="row">
                <Link to={`/admin/e-post/${e.id}`} aria-label={A.read(e.subject)}>
                  {e.subject}
                </Link>
              </th>
              <td>{e.to_address}</td>
              <td>{A.statusLabels[e.status]}</td>
              <td>{when(e.created_at)}</td>
              <td>{when(e.sent_at)}</td>
              <td>{e.attempts}</td>
              <td>{e.last_error ?? "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function Outbox() {
  const page = useLoaderData<typeof loader>();
  const label = page.status ? A.statusLabels[page.status] : A.all;
  const pageLink = (side: number) =>
    `?${new URLSearchParams({ ...(page.status ? { status: page.status } : {}), side: String(side) })}`;
  return (
    <>
      <p className="small muted">
        <Link to="/admin">← {adminTexts.overview.title}</Link>
      </p>
      <h1>{A.title}</h1>
      <p>{A.intro}</p>
      {page.writesFiles ? <p className="notice">{A.demoMode}</p> : null}
      <div className="table-wrap">
        <table>
          <caption>{A.countsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{A.status}</th>
              <th scope="col">{A.count}</th>
            </tr>
          </thead>
          <tbody>
            {emailStatuses.map((s) => (
              <tr key={s}>
                <th scope="row">
                  <Link to={`?status=${s}`} aria-current={page.status === s ? "page" : undefined}>
                    {A.statusLabels[s]}
                  </Link>
                </th>
                <td>{page.counts[s]}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">
                <Link to="?" aria-current={page.status === null ? "page" : undefined}>
                  {A.all}
                </Link>
              </th>
              <td>{emailStatuses.reduce((sum, s) => sum + page.counts[s], 0)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      {page.status === null ? (
        <section aria-labelledby="failed-heading">
          <h2 id="failed-heading">{A.failedHeading}</h2>
          {page.failed.length === 0 ? (
            <p>{A.noFailed}</p>
          ) : (
            <>
              <EmailTable emails={page.failed} caption={A.failedHeading} />
              {page.moreFailed ? (
                <p>
                  <Link to="?status=failed">{A.showStatus(A.statusLabels.failed)}</Link>
                </p>
              ) : null}
            </>
          )}
        </section>
      ) : null}
      <section aria-labelledby="latest-heading">
        <h2 id="latest-heading">{A.latestHeading(label)}</h2>
        {page.emails.length === 0 ? (
          <p>{A.none}</p>
        ) : (
          <EmailTable emails={page.emails} caption={A.listCaption} />
        )}
        {page.page > 1 || page.hasNext ? (
          <nav className="pagination" aria-label={A.pages}>
            {page.page > 1 ? <Link to={pageLink(page.page - 1)}>{A.previous}</Link> : null}
            {page.hasNext ? <Link to={pageLink(page.page + 1)}>{A.next}</Link> : null}
          </nav>
        ) : null}
      </section>
    </>
  );
}
