import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { t } from "~/domain/texts";
import { adminTexts } from "~/domain/texts/admin";
import { usersPage } from "~/server/admin.server";
import { requireAdmin } from "~/server/auth.server";

const U = adminTexts.users;

export const meta: MetaFunction = () => [{ title: `${U.title} – ${t.app.name}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return { users: await usersPage() };
}

export default function UsersPage() {
  const { users } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="small muted">
        <Link to="/admin">← {adminTexts.overview.title}</Link>
      </p>
      <h1>{U.title}</h1>
      <p>
        <Link className="button" to="/admin/brukere/ny">
          {U.newUser}
        </Link>
      </p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{U.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{U.name}</th>
              <th scope="col">{U.email}</th>
              <th scope="col">{U.municipality}</th>
              <th scope="col">{U.roles}</th>
              <th scope="col">{U.status}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <th scope="row">
                  <Link to={`/admin/brukere/${u.id}`} aria-label={U.editFor(u.name)}>
                    {u.name}
                  </Link>
                </th>
                <td>{u.email}</td>
                <td>{u.municipality_name ?? "–"}</td>
                <td>
                  {[u.is_admin === 1 ? U.isAdmin : null, u.is_coordinator === 1 ? U.isCoordinator : null]
                    .filter(Boolean)
                    .join(", ") || "–"}
                </td>
                <td>
                  <span className={`badge ${u.active === 1 ? "validity-active" : "validity-ended"}`}>
                    {u.active === 1 ? U.active : U.inactive}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
