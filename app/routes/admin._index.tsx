import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { t } from "~/domain/texts";
import { adminTexts } from "~/domain/texts/admin";
import { deliveryTexts } from "~/domain/texts/notification-delivery";
import { siteTexts } from "~/domain/texts/site";
import { notificationCenterTexts } from "~/domain/texts/notification-center";
import { requireAdmin } from "~/server/auth.server";

const A = adminTexts.overview;

export const meta: MetaFunction = () => [{ title: `${A.title} – ${t.app.name}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return null;
}

export default function AdminOverview() {
  return (
    <>
      <h1>{A.title}</h1>
      <p>{A.intro}</p>
      <div className="grid">
        <section className="card" aria-labelledby="admin-organisation">
          <h2 id="admin-organisation" style={{ marginTop: 0 }}>
            <Link to="/admin/organisasjon">{A.organisation}</Link>
          </h2>
          <p>{A.organisationText}</p>
        </section>
        <section className="card" aria-labelledby="admin-users">
          <h2 id="admin-users" style={{ marginTop: 0 }}>
            <Link to="/admin/brukere">{A.users}</Link>
          </h2>
          <p>{A.usersText}</p>
        </section>
        <section className="card" aria-labelledby="admin-texts">
          <h2 id="admin-texts" style={{ marginTop: 0 }}>
            <Link to="/admin/tekster">{siteTexts.admin.title}</Link>
          </h2>
          <p>{siteTexts.admin.overviewText}</p>
        </section>
        <section className="card" aria-labelledby="admin-email">
          <h2 id="admin-email" style={{ marginTop: 0 }}>
            <Link to="/admin/e-post">{deliveryTexts.admin.title}</Link>
          </h2>
          <p>{deliveryTexts.admin.overviewText}</p>
        </section>
        <section className="card" aria-labelledby="admin-step-limits">
          <h2 id="admin-step-limits" style={{ marginTop: 0 }}>
            <Link to="/admin/frister">{notificationCenterTexts.stepLimits.title}</Link>
          </h2>
          <p>{notificationCenterTexts.stepLimits.overviewText}</p>
        </section>
      </div>
    </>
  );
}
