import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { strategyEditSchema } from "~/domain/strategy.schema";
import { t } from "~/domain/texts";
import { strategyTexts as S } from "~/domain/texts/strategy";
import { forbidden, notFound, requireUser } from "~/server/auth.server";
import { mayManageStrategies } from "#workflows/policy";
import { editStrategy } from "~/server/commands/edit-strategy.server";
import { db } from "~/server/db.server";
import { strategyEditor } from "~/server/strategy.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? S.editTitle(data.strategy.name) : t.errors.notFoundTitle} – ${t.app.name}` },
];

function idFrom(params: { id?: string }): number {
  const id = Number(params.id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!mayManageStrategies(user)) forbidden();
  const editor = await strategyEditor(db(), idFrom(params));
  if (!editor) notFound();
  return editor;
}

/** Which form on the page an answer belongs to, so its messages appear next to its fields. */
function formKeyOf(raw: Record<string, FormDataEntryValue>): string {
  const intent = String(raw.intent ?? "");
  if (intent === "editGoal" || intent === "removeGoal") return `${intent}-${String(raw.goalId ?? "")}`;
  if (intent === "addGoal") return `addGoal-${String(raw.parentId || "main")}`;
  return intent;
}

interface ActionData {
  formKey: string;
  fieldErrors: Record<string, string[]>;
  values: Record<string, string>;
  message?: string;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  if (!mayManageStrategies(user)) forbidden();
  const id = idFrom(params);
  const raw = Object.fromEntries(await request.formData());
  const values = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, String(v)]));
  const formKey = formKeyOf(raw);
  const parsed = strategyEditSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues)
      (fieldErrors[String(issue.path[0] ?? "")] ??= []).push(issue.message);
    return data<ActionData>({ formKey, fieldErrors, values }, { status: 400 });
  }
  const result = await editStrategy(db(), { user, strategyId: id, edit: parsed.data });
  if (result.ok) {
    if (result.deleted) return redirect("/strategi?melding=slettet");
    if (parsed.data.intent === "approve") return redirect(`/strategi/${id}?melding=godkjent`);
    const notice =
      parsed.data.intent === "addGoal"
        ? "lagt-til"
        : parsed.data.intent === "removeGoal"
          ? "fjernet"
          : "lagret";
    return redirect(`/strategi/${id}/rediger?melding=${notice}`);
  }
  if (result.status === 400)
    return data<ActionData>({ formKey, fieldErrors: result.fieldErrors, values }, { status: 400 });
  if (result.status === 409)
    return data<ActionData>({ formKey, fieldErrors: {}, values, message: result.message }, { status: 409 });
  throw new Response(null, { status: result.status });
}

const notices: Record<string, string> = {
  opprettet: S.created,
  lagret: S.saved,
  "lagt-til": S.goalAdded,
  fjernet: S.goalRemoved,
};

/** A labelled text field of one of the page's forms, with its message and the typed value kept. */
function Field({
  formKey,
  name,
  label,
  defaultValue,
  answer,
  multiline,
  type = "text",
}: {
  formKey: string;
  name: string;
  label: string;
  defaultValue: string;
  answer: ActionData | undefined;
  multiline?: boolean;
  type?: "text" | "number";
}) {
  const mine = answer?.formKey === formKey;
  const error = mine ? answer.fieldErrors[name]?.[0] : undefined;
  const value = mine ? (answer.values[name] ?? defaultValue) : defaultValue;
  const id = `${formKey}-${name}`;
  const common = {
    id,
    name,
    defaultValue: value,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? `${id}-error` : undefined,
  };
  return (
    <div className="field" data-invalid={error ? "true" : undefined}>
      <label htmlFor={id}>{label}</label>
      {error ? (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
      {multiline ? (
        <textarea rows={3} {...common} key={`${id}-${value}`} />
      ) : (
        <input type={type} {...common} key={`${id}-${value}`} />
      )}
    </div>
  );
}

function GeneralError({ formKey, answer }: { formKey: string; answer: ActionData | undefined }) {
  const message = answer?.formKey === formKey ? answer.fieldErrors[""]?.[0] : undefined;
  return message ? (
    <p className="notice error" role="alert">
      {message}
    </p>
  ) : null;
}

export default function EditStrategyPage() {
  const { strategy, mainGoals, itemOptions } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as ActionData | undefined;
  const [params] = useSearchParams();
  const notice = notices[params.get("melding") ?? ""];
  const version = String(strategy.version);
  const hidden = (intent: string) => (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="version" value={version} />
    </>
  );
  const readOnly = strategy.status !== "draft";

  return (
    <>
      <p className="small muted">
        <Link to={`/strategi/${strategy.id}`}>← {strategy.name}</Link>
      </p>
      <h1>{S.editTitle(strategy.name)}</h1>
      {notice ? (
        <p className="notice ok" role="status">
          {notice}
        </p>
      ) : null}
      {answer?.message ? (
        <p className="notice error" role="alert">
          {answer.message}
        </p>
      ) : null}
      {readOnly ? (
        <p className="notice warn">{S.readOnly}</p>
      ) : (
        <>
          <section className="card" aria-labelledby="meta-heading">
            <h2 id="meta-heading" style={{ marginTop: 0 }}>
              {S.fields.name} og periode
            </h2>
            <Form method="post">
              {hidden("meta")}
              <Field
                formKey="meta"
                name="name"
                label={S.fields.name}
                defaultValue={strategy.name}
                answer={answer}
              />
              <Field
                formKey="meta"
                name="periodFrom"
                label={S.fields.periodFrom}
                type="number"
                defaultValue={String(strategy.periodFrom)}
                answer={answer}
              />
              <Field
                formKey="meta"
                name="periodTo"
                label={S.fields.periodTo}
                type="number"
                defaultValue={String(strategy.periodTo)}
                answer={answer}
              />
              <button type="submit" className="primary">
                {S.save}
              </button>
            </Form>
          </section>

          <h2>Mål</h2>
          {mainGoals.length === 0 ? <p>{S.emptyDraft}</p> : null}
          {mainGoals.map((main) => (
            <section key={main.id} className="card" aria-labelledby={`goal-${main.id}-heading`}>
              <h3 id={`goal-${main.id}-heading`} style={{ marginTop: 0 }}>
                {S.mainGoal} {main.number}: {main.title}
              </h3>
              <Form method="post">
                {hidden("editGoal")}
                <input type="hidden" name="goalId" value={main.id} />
                <GeneralError formKey={`editGoal-${main.id}`} answer={answer} />
                <Field
                  formKey={`editGoal-${main.id}`}
                  name="title"
                  label={S.fields.title}
                  defaultValue={main.title}
                  answer={answer}
                />
                <Field
                  formKey={`editGoal-${main.id}`}
                  name="description"
                  label={S.fields.description}
                  defaultValue={main.description}
                  answer={answer}
                  multiline
                />
                <div className="actions">
                  <button type="submit" className="secondary">
                    {S.editGoal}
                  </button>
                </div>
              </Form>
              <Form method="post">
                {hidden("removeGoal")}
                <input type="hidden" name="goalId" value={main.id} />
                <button type="submit" className="danger" aria-label={`${S.removeMainGoal} ${main.number}`}>
                  {S.removeMainGoal}
                </button>
              </Form>

              <h4>{S.subGoals}</h4>
              {main.subGoals.map((sub) => (
                <div
                  key={sub.id}
                  className="card sub-goal-edit"
                  role="group"
                  aria-labelledby={`goal-${sub.id}-label`}
                >
                  <p id={`goal-${sub.id}-label`}>
                    <strong>
                      {S.subGoal} {sub.number}
                    </strong>
                  </p>
                  <Form method="post">
                    {hidden("editGoal")}
                    <input type="hidden" name="goalId" value={sub.id} />
                    <Field
                      formKey={`editGoal-${sub.id}`}
                      name="title"
                      label={S.fields.title}
                      defaultValue={sub.title}
                      answer={answer}
                    />
                    <Field
                      formKey={`editGoal-${sub.id}`}
                      name="description"
                      label={S.fields.description}
                      defaultValue={sub.description}
                      answer={answer}
                      multiline
                    />
                    <div className="actions">
                      <button type="submit" className="secondary">
                        {S.editGoal}
                      </button>
                    </div>
                  </Form>
                  <Form method="post">
                    {hidden("removeGoal")}
                    <input type="hidden" name="goalId" value={sub.id} />
                    <button
                      type="submit"
                      className="danger"
                      aria-label={`${S.removeGoal} ${S.subGoal.toLowerCase()} ${sub.number}`}
                    >
                      {S.removeGoal}
                    </button>
                  </Form>
                </div>
              ))}
              <Form method="post" aria-label={`${S.addSubGoal} ${main.number}`}>
                {hidden("addGoal")}
                <input type="hidden" name="parentId" value={main.id} />
                <GeneralError formKey={`addGoal-${main.id}`} answer={answer} />
                <Field
                  formKey={`addGoal-${main.id}`}
                  name="title"
                  label={`${S.subGoal}: ${S.fields.title.toLowerCase()}`}
                  defaultValue=""
                  answer={answer}
                />
                <Field
                  formKey={`addGoal-${main.id}`}
                  name="description"
                  label={`${S.subGoal}: ${S.fields.description.toLowerCase()}`}
                  defaultValue=""
                  answer={answer}
                  multiline
                />
                <button type="submit" className="secondary">
                  {S.addSubGoal}
                </button>
              </Form>
            </section>
          ))}

          <section className="card" aria-labelledby="add-main-heading">
            <h2 id="add-main-heading" style={{ marginTop: 0 }}>
              {S.addMainGoal}
            </h2>
            <Form method="post">
              {hidden("addGoal")}
              <input type="hidden" name="parentId" value="" />
              <Field
                formKey="addGoal-main"
                name="title"
                label={S.fields.title}
                defaultValue=""
                answer={answer}
              />
              <Field
                formKey="addGoal-main"
                name="description"
                label={S.fields.description}
                defaultValue=""
                answer={answer}
                multiline
              />
              <button type="submit" className="secondary">
                {S.addMainGoal}
              </button>
            </Form>
          </section>

          <section className="card" aria-labelledby="approve-heading">
            <h2 id="approve-heading" style={{ marginTop: 0 }}>
              {S.approve}
            </h2>
            <p>{S.approveIntro}</p>
            <Form method="post">
              {hidden("approve")}
              <GeneralError formKey="approve" answer={answer} />
              <div
                className="field"
                data-invalid={
                  answer?.formKey === "approve" && answer.fieldErrors.approvedItemId ? "true" : undefined
                }
              >
                <label htmlFor="approve-approvedItemId">{S.fields.approvedItem}</label>
                <span className="hint" id="approve-approvedItemId-hint">
                  {S.hints.approvedItem}
                </span>
                {answer?.formKey === "approve" && answer.fieldErrors.approvedItemId ? (
                  <span className="field-error" id="approve-approvedItemId-error">
                    {answer.fieldErrors.approvedItemId[0]}
                  </span>
                ) : null}
                <select
                  id="approve-approvedItemId"
                  name="approvedItemId"
                  defaultValue=""
                  aria-describedby="approve-approvedItemId-hint"
                >
                  <option value="">{S.noItem}</option>
                  {itemOptions.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="primary">
                {S.approve}
              </button>
            </Form>
          </section>

          <Form method="post">
            {hidden("delete")}
            <button type="submit" className="danger">
              {S.deleteDraft}
            </button>
          </Form>
        </>
      )}
    </>
  );
}
