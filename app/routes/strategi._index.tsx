import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { OtherStrategies, StrategyGoals } from "~/components/strategy-goals";
import { t } from "~/domain/texts";
import { strategyTexts as S } from "~/domain/texts/strategy";
import { requireUser } from "~/server/auth.server";
import { db } from "~/server/db.server";
import { strategyView } from "~/server/strategy.server";

export const meta: MetaFunction = () => [{ title: `${S.title} – ${t.app.name}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return (await strategyView(db(), user))!;
}

export default function StrategyPage() {
  const view = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <>
      {params.get("melding") === "slettet" ? (
        <p className="notice ok" role="status">
          {S.deleted}
        </p>
      ) : null}
      <h1>{view.strategy ? view.strategy.name : S.title}</h1>
      <p>{S.goalViewIntro}</p>
      {view.manager ? (
        <p className="actions">
          <Link className="button secondary" to="/strategi/ny">
            {S.newStrategy}
          </Link>
          {view.strategy?.status === "draft" ? (
            <Link className="button secondary" to={`/strategi/${view.strategy.id}/rediger`}>
              {S.editTitle(view.strategy.name)}
            </Link>
          ) : null}
        </p>
      ) : null}
      <StrategyGoals view={view} />
      <OtherStrategies others={view.others} />
    </>
  );
}
