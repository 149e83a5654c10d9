import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { OtherStrategies, StrategyGoals } from "~/components/strategy-goals";
import { t } from "~/domain/texts";
import { strategyTexts as S } from "~/domain/texts/strategy";
import { notFound, requireUser } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { strategyView } from "~/server/strategy.server";
import { idParam } from "~/server/params.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.strategy?.name ?? t.errors.notFoundTitle} – ${t.app.name}` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  const view = await strategyView(db(), user, id);
  if (!view?.strategy) notFound();
  return view;
}

export default function StrategyByIdPage() {
  const view = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const notice = params.get("melding");
  return (
    <>
      {notice === "godkjent" ? (
        <p className="notice ok" role="status">
          {S.approved}
        </p>
      ) : null}
      <p className="small muted">
        <Link to="/strategi">← {S.title}</Link>
      </p>
      <h1>{view.strategy!.name}</h1>
      {view.manager && view.strategy!.status === "draft" ? (
        <p>
          <Link className="button secondary" to={`/strategi/${view.strategy!.id}/rediger`}>
            {S.editTitle(view.strategy!.name)}
          </Link>
        </p>
      ) : null}
      <StrategyGoals view={view} />
      <OtherStrategies others={view.others} />
    </>
  );
}
