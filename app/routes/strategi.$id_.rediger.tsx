import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import {
  ErrorSummary,
  HiddenFields,
  replyFor,
  SelectField,
  TextArea,
  TextField,
  UnplacedReply,
  type FormReplyLike,
} from "~/components/form";
import { strategyEditSchema } from "~/domain/strategy.schema";
import { t } from "~/domain/texts";
import { strategyTexts as S } from "~/domain/texts/strategy";
import { forbidden, notFound, requireUser } from "~/server/auth.server";
import { mayManageStrategies } from "#workflows/policy";
import { editStrategy } from "~/server/commands/edit-strategy.server";
import { db } from "~/server/db.server";
import { invalid, replyTo } from "~/server/reply.server";
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

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  if (!mayManageStrategies(user)) forbidden();
  const id = idFrom(params);
  const formData = await request.formData();
  const form = formKeyOf(Object.fromEntries(formData));
  const submission = parseWithZod(formData, { schema: strategyEditSchema });
  if (submission.status !== "success") return invalid(submission, { form });
  const edit = submission.value;
  const result = await editStrategy(db(), { user, strategyId: id, edit });
  return replyTo(
    result,
    submission,
    (done) => {
      if (done.deleted) return redirect("/strategi?melding=slettet");
      if (edit.intent === "approve") return redirect(`/strategi/${id}?melding=godkjent`);
      const notice =
        edit.intent === "addGoal" ? "lagt-til" : edit.intent === "removeGoal" ? "fjernet" : "lagret";
      return redirect(`/strategi/${id}/rediger?melding=${notice}`);
    },
    { form },
  );
}

const notices: Record<string, string> = {
  opprettet: S.created,
  lagret: S.saved,
  "lagt-til": S.goalAdded,
  fjernet: S.goalRemoved,
};

type Editor = ReturnType<typeof useLoaderData<typeof loader>>;
type Reply = FormReplyLike | undefined;

/** The forms the page shows now, by key: a reply for any other is shown at the top. */
function formKeys(editor: Editor): ReadonlySet<string> {
  const keys = new Set(["meta", "addGoal-main", "approve", "delete"]);
  for (const main of editor.mainGoals) {
    keys.add(`editGoal-${main.id}`).add(`removeGoal-${main.id}`).add(`addGoal-${main.id}`);
    for (const sub of main.subGoals) keys.add(`editGoal-${sub.id}`).add(`removeGoal-${sub.id}`);
  }
  return keys;
}

/** One of the page's forms: a Conform form named by its key, with its hidden fields and errors. */
function EditForm({
  id,
  reply,
  intent,
  version,
  hidden = {},
  labels = {},
  defaultValue,
  label,
  children,
}: {
  id: string;
  reply: Reply;
  intent: string;
  version: number;
  hidden?: Record<string, string | number>;
  labels?: Record<string, string>;
  defaultValue?: Record<string, string>;
  label?: string;
  children: (fields: ReturnType<typeof useForm<Record<string, string>>>[1]) => ReactNode;
}) {
  const [form, fields] = useForm<Record<string, string>>({
    id,
    lastResult: replyFor(reply, id),
    defaultValue,
    shouldValidate: "onSubmit",
  });
  return (
    <Form method="post" {...getFormProps(form)} aria-label={label}>
      <ErrorSummary form={form} labels={labels} compact />
      <HiddenFields values={{ intent, version, ...hidden }} />
      {children(fields)}
    </Form>
  );
}

function GoalFields({
  fields,
  titleLabel = S.fields.title,
  descriptionLabel = S.fields.description,
}: {
  fields: ReturnType<typeof useForm<Record<string, string>>>[1];
  titleLabel?: string;
  descriptionLabel?: string;
}) {
  return (
    <>
      <TextField field={fields.title!} label={titleLabel} />
      <TextArea field={fields.description!} label={descriptionLabel} rows={3} />
    </>
  );
}

const goalLabels = { title: S.fields.title, description: S.fields.description };

/** A goal's two forms: edit its title and description, and remove it. */
function GoalForms({
  goal,
  reply,
  version,
  removeText,
  removeLabel,
}: {
  goal: { id: number; title: string; description: string };
  reply: Reply;
  version: number;
  removeText: string;
  removeLabel: string;
}) {
  return (
    <>
      <EditForm
        id={`editGoal-${goal.id}`}
        reply={reply}
        intent="editGoal"
        version={version}
        hidden={{ goalId: goal.id }}
        labels={goalLabels}
        defaultValue={{ title: goal.title, description: goal.description }}
      >
        {(fields) => (
          <>
            <GoalFields fields={fields} />
            <div className="actions">
              <button type="submit" className="secondary">
                {S.editGoal}
              </button>
            </div>
          </>
        )}
      </EditForm>
      <EditForm
        id={`removeGoal-${goal.id}`}
        reply={reply}
        intent="removeGoal"
        version={version}
        hidden={{ goalId: goal.id }}
      >
        {() => (
          <button type="submit" className="danger" aria-label={removeLabel}>
            {removeText}
          </button>
        )}
      </EditForm>
    </>
  );
}

export default function EditStrategyPage() {
  const editor = useLoaderData<typeof loader>();
  const { strategy, mainGoals, itemOptions } = editor;
  const reply = useActionData<typeof action>() as Reply;
  const [params] = useSearchParams();
  const notice = notices[params.get("melding") ?? ""];
  const v = strategy.version;
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
      <UnplacedReply
        reply={reply}
        forms={readOnly ? new Set() : formKeys(editor)}
        title={S.errors.unknownForm}
      />
      {readOnly ? (
        <p className="notice warn">{S.readOnly}</p>
      ) : (
        <>
          <section className="card" aria-labelledby="meta-heading">
            <h2 id="meta-heading" style={{ marginTop: 0 }}>
              {S.metaHeading}
            </h2>
            <EditForm
              id="meta"
              reply={reply}
              intent="meta"
              version={v}
              labels={{ name: S.fields.name, periodFrom: S.fields.periodFrom, periodTo: S.fields.periodTo }}
              defaultValue={{
                name: strategy.name,
                periodFrom: String(strategy.periodFrom),
                periodTo: String(strategy.periodTo),
              }}
            >
              {(fields) => (
                <>
                  <TextField field={fields.name!} label={S.fields.name} />
                  <TextField field={fields.periodFrom!} label={S.fields.periodFrom} type="number" />
                  <TextField field={fields.periodTo!} label={S.fields.periodTo} type="number" />
                  <button type="submit" className="primary">
                    {S.save}
                  </button>
                </>
              )}
            </EditForm>
          </section>

          <h2>{S.goalsHeading}</h2>
          {mainGoals.length === 0 ? <p>{S.emptyDraft}</p> : null}
          {mainGoals.map((main) => (
            <section key={main.id} className="card" aria-labelledby={`goal-${main.id}-heading`}>
              <h3 id={`goal-${main.id}-heading`} style={{ marginTop: 0 }}>
                {S.mainGoal} {main.number}: {main.title}
              </h3>
              <GoalForms
                goal={main}
                reply={reply}
                version={v}
                removeText={S.removeMainGoal}
                removeLabel={`${S.removeMainGoal} ${main.number}`}
              />

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
                  <GoalForms
                    goal={sub}
                    reply={reply}
                    version={v}
                    removeText={S.removeGoal}
                    removeLabel={`${S.removeGoal} ${S.subGoal.toLowerCase()} ${sub.number}`}
                  />
                </div>
              ))}
              <EditForm
                id={`addGoal-${main.id}`}
                reply={reply}
                intent="addGoal"
                version={v}
                hidden={{ parentId: main.id }}
                labels={goalLabels}
                label={`${S.addSubGoal} ${main.number}`}
              >
                {(fields) => (
                  <>
                    <GoalFields
                      fields={fields}
                      titleLabel={`${S.subGoal}: ${S.fields.title.toLowerCase()}`}
                      descriptionLabel={`${S.subGoal}: ${S.fields.description.toLowerCase()}`}
                    />
                    <button type="submit" className="secondary">
                      {S.addSubGoal}
                    </button>
                  </>
                )}
              </EditForm>
            </section>
          ))}

          <section className="card" aria-labelledby="add-main-heading">
            <h2 id="add-main-heading" style={{ marginTop: 0 }}>
              {S.addMainGoal}
            </h2>
            <EditForm
              id="addGoal-main"
              reply={reply}
              intent="addGoal"
              version={v}
              hidden={{ parentId: "" }}
              labels={goalLabels}
            >
              {(fields) => (
                <>
                  <GoalFields fields={fields} />
                  <button type="submit" className="secondary">
                    {S.addMainGoal}
                  </button>
                </>
              )}
            </EditForm>
          </section>

          <section className="card" aria-labelledby="approve-heading">
            <h2 id="approve-heading" style={{ marginTop: 0 }}>
              {S.approve}
            </h2>
            <p>{S.approveIntro}</p>
            <EditForm
              id="approve"
              reply={reply}
              intent="approve"
              version={v}
              labels={{ approvedItemId: S.fields.approvedItem }}
            >
              {(fields) => (
                <>
                  <SelectField
                    field={fields.approvedItemId!}
                    label={S.fields.approvedItem}
                    hint={S.hints.approvedItem}
                    placeholder={S.noItem}
                    options={itemOptions}
                  />
                  <button type="submit" className="primary">
                    {S.approve}
                  </button>
                </>
              )}
            </EditForm>
          </section>

          <EditForm id="delete" reply={reply} intent="delete" version={v}>
            {() => (
              <button type="submit" className="danger">
                {S.deleteDraft}
              </button>
            )}
          </EditForm>
        </>
      )}
    </>
  );
}
