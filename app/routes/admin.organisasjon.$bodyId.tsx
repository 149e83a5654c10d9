import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { DoneNotice, EndDateForm, period, useFocusSummary, ValidityText } from "~/components/admin";
import { ErrorSummary, SelectField, TextField } from "~/components/form";
import {
  addMembershipSchema,
  bodySettingsSchema,
  closeBodySchema,
  endMembershipSchema,
  membershipRoles,
  renameBodySchema,
  signingRules,
} from "~/domain/admin.schema";
import { bodyKindLabels, formatDate, roleLabels, t } from "~/domain/texts";
import { replyFor, UnplacedReply } from "~/components/form";
import { adminTexts } from "~/domain/texts/admin";
import { bodyPage } from "~/server/admin.server";
import { invalid, replyTo, unknownForm } from "~/server/reply.server";
import { idParam } from "~/server/params.server";
import { notFound, requireAdmin } from "~/server/auth.server";
import {
  addMembership,
  closeBody,
  endMembership,
  renameBody,
  saveBodySettings,
} from "~/server/commands/admin-organisation.server";
import { db } from "~/server/db.server";

const O = adminTexts.organisation;
const B = adminTexts.body;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? data.body.name : t.errors.notFoundTitle} – ${O.title} – ${t.app.name}` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const page = await bodyPage(idParam(params.bodyId));
  if (!page) notFound();
  return page;
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireAdmin(request);
  const bodyId = idParam(params.bodyId);
  const page = await bodyPage(bodyId);
  if (!page) notFound();
  const here = `/admin/organisasjon/${bodyId}`;
  const formData = await request.formData();
  switch (formData.get("intent")) {
    case "rename": {
      const submission = parseWithZod(formData, { schema: renameBodySchema });
      if (submission.status !== "success") return invalid(submission, { form: "rename" });
      const result = await renameBody(db(), { bodyId, ...submission.value });
      return replyTo(result, submission, () => redirect(`${here}?melding=nytt-navn`), { form: "rename" });
    }
    case "settings": {
      const submission = parseWithZod(formData, { schema: bodySettingsSchema });
      if (submission.status !== "success") return invalid(submission, { form: "settings" });
      const result = await saveBodySettings(db(), { bodyId, ...submission.value });
      return replyTo(result, submission, () => redirect(`${here}?melding=innstillinger-lagret`), {
        form: "settings",
      });
    }
    case "close": {
      const submission = parseWithZod(formData, { schema: closeBodySchema });
      if (submission.status !== "success") return invalid(submission, { form: "close" });
      const result = await closeBody(db(), { bodyId, ...submission.value });
      return replyTo(result, submission, () => redirect(`${here}?melding=avsluttet`), { form: "close" });
    }
    case "addMembership": {
      const schema = addMembershipSchema({
        userIds: page.users.map((u) => u.id),
        municipalityIds: page.municipalities.map((m) => m.id),
      });
      const submission = parseWithZod(formData, { schema });
      if (submission.status !== "success") return invalid(submission, { form: "add-membership" });
      const result = await addMembership(db(), { bodyId, ...submission.value });
      return replyTo(result, submission, () => redirect(`${here}?melding=medlem-lagt-til`), {
        form: "add-membership",
      });
    }
    case "endMembership": {
      const formId = `end-membership-${String(formData.get("membershipId"))}`;
      const schema = endMembershipSchema(page.memberships.map((m) => m.id));
      const submission = parseWithZod(formData, { schema });
      if (submission.status !== "success") return invalid(submission, { form: formId });
      const result = await endMembership(db(), { bodyId, ...submission.value });
      return replyTo(result, submission, () => redirect(`${here}?melding=medlemskap-avsluttet`), {
        form: formId,
      });
    }
    default:
      return unknownForm(adminTexts.errors.unknownIntent);
  }
}

type Reply = SubmissionResult<string[]> | undefined;

export default function BodyPage() {
  const { body, settings, names, memberships, users, municipalities } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const location = useLocation();
  const endSchema = endMembershipSchema(memberships.map((m) => m.id));
  return (
    <>
      <p className="small muted">
        <Link to="/admin/organisasjon">← {B.back}</Link>
      </p>
      <h1>{body.name}</h1>
      <DoneNotice
        messages={{
          "organ-opprettet": O.bodyAdded,
          "nytt-navn": B.renamed,
          "innstillinger-lagret": B.settingsSaved,
          avsluttet: B.closed,
          "medlem-lagt-til": B.membershipAdded,
          "medlemskap-avsluttet": B.membershipEnded,
        }}
      />
      <UnplacedReply
        reply={actionData}
        forms={
          new Set([
            "rename",
            "settings",
            "add-membership",
            ...(body.valid_to ? [] : ["close"]),
            ...memberships.filter((m) => !m.valid_to).map((m) => `end-membership-${m.id}`),
          ])
        }
        title={adminTexts.errors.formGone}
      />
      <dl className="facts card">
        <dt>{O.kind}</dt>
        <dd>{bodyKindLabels[body.kind]}</dd>
        <dt>{O.period}</dt>
        <dd>{period(body.valid_from, body.valid_to)}</dd>
        <dt>{O.status}</dt>
        <dd>
          <ValidityText status={body.status} from={body.valid_from} to={body.valid_to} />
        </dd>
      </dl>

      <section aria-labelledby="settings-heading" className="card">
        <h2 id="settings-heading" style={{ marginTop: 0 }}>
          {B.settings}
        </h2>
        <SettingsForm
          key={`${location.key}-${settings.fingerprint}`}
          settings={settings}
          lastResult={replyFor(actionData, "settings")}
        />
      </section>

      <section aria-labelledby="names-heading">
        <h2 id="names-heading">{B.names}</h2>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{B.namesCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{O.name}</th>
                <th scope="col">{B.nameFrom}</th>
                <th scope="col">{B.nameTo}</th>
              </tr>
            </thead>
            <tbody>
              {names.map((n) => (
                <tr key={n.id}>
                  <th scope="row">
                    {n.name} {n.current ? <span className="muted small">{B.current}</span> : null}
                  </th>
                  <td>{formatDate(n.valid_from)}</td>
                  <td>{n.last_day ? formatDate(n.last_day) : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="card" style={{ marginTop: "1rem" }}>
          <h3 style={{ marginTop: 0 }}>{B.rename}</h3>
          <RenameForm key={location.key} lastResult={replyFor(actionData, "rename")} />
        </div>
      </section>

      <section aria-labelledby="members-heading">
        <h2 id="members-heading">{B.memberships}</h2>
        {memberships.length === 0 ? (
          <p className="muted">{B.noMemberships}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{B.membershipsCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{B.person}</th>
                  <th scope="col">{B.role}</th>
                  <th scope="col">{B.municipality}</th>
                  <th scope="col">{B.voteWeight}</th>
                  <th scope="col">{O.period}</th>
                  <th scope="col">{O.status}</th>
                  <th scope="col">{O.endDate}</th>
                </tr>
              </thead>
              <tbody>
                {memberships.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">{m.user_name}</th>
                    <td>{roleLabels[m.role]}</td>
                    <td>{m.municipality_name ?? "–"}</td>
                    <td>{String(m.vote_weight).replace(".", ",")}</td>
                    <td>{period(m.valid_from, m.valid_to)}</td>
                    <td>
                      <ValidityText status={m.status} from={m.valid_from} to={m.valid_to} />
                    </td>
                    <td>
                      {m.valid_to ? (
                        formatDate(m.valid_to)
                      ) : (
                        <EndDateForm
                          key={location.key}
                          formId={`end-membership-${m.id}`}
                          intent="endMembership"
                          idName="membershipId"
                          idValue={m.id}
                          dateLabel={B.endMembershipDate(m.user_name)}
                          buttonLabel={B.endMembershipFor(m.user_name)}
                          visibleButton={B.endMembership}
                          schema={endSchema}
                          lastResult={replyFor(actionData, `end-membership-${m.id}`)}
                        />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div className="card" style={{ marginTop: "1rem" }}>
          <h3 style={{ marginTop: 0 }}>{B.addMembership}</h3>
          <AddMembershipForm
            key={location.key}
            lastResult={replyFor(actionData, "add-membership")}
            users={users}
            municipalities={municipalities}
          />
        </div>
      </section>

      {body.valid_to ? (
        <p className="notice">{B.closedOn(formatDate(body.valid_to))}</p>
      ) : (
        <section aria-labelledby="close-heading" className="card">
          <h2 id="close-heading" style={{ marginTop: 0 }}>
            {B.close}
          </h2>
          <CloseForm key={location.key} lastResult={replyFor(actionData, "close")} />
        </section>
      )}
    </>
  );
}

function RenameForm({ lastResult }: { lastResult: Reply }) {
  const [form, fields] = useForm({
    id: "rename",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: renameBodySchema }),
    shouldValidate: "onSubmit",
  });
  useFocusSummary(form.id, lastResult);
  return (
    <Form method="post" {...getFormProps(form)}>
      <ErrorSummary
        form={form}
        labels={{ name: B.newName, validFrom: B.renameFrom, shortCode: B.newShortCode }}
      />
      <input type="hidden" name="intent" value="rename" />
      <TextField field={fields.name} label={B.newName} />
      <TextField field={fields.validFrom} label={B.renameFrom} type="date" hint={B.renameHint} />
      <TextField field={fields.shortCode} label={B.newShortCode} hint={B.newShortCodeHint} />
      <button type="submit" className="primary">
        {B.renameSubmit}
      </button>
    </Form>
  );
}

function SettingsForm({
  settings,
  lastResult,
}: {
  settings: { signingRule: string; shortCode: string; fingerprint: string };
  lastResult: Reply;
}) {
  const [form, fields] = useForm({
    id: "settings",
    lastResult,
    defaultValue: { signingRule: settings.signingRule, shortCode: settings.shortCode },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: bodySettingsSchema }),
    shouldValidate: "onSubmit",
  });
  useFocusSummary(form.id, lastResult);
  const labels = { signingRule: B.signingRule, shortCode: B.shortCode };
  return (
    <Form method="post" {...getFormProps(form)}>
      <ErrorSummary form={form} labels={labels} />
      <input type="hidden" name="intent" value="settings" />
      <input type="hidden" name="fingerprint" value={settings.fingerprint} />
      <SelectField
        field={fields.signingRule}
        label={labels.signingRule}
        hint={B.signingRuleHint}
        options={signingRules.map((r) => ({ value: r, label: B.signingRules[r] }))}
      />
      <TextField field={fields.shortCode} label={labels.shortCode} hint={B.shortCodeHint} />
      <button type="submit" className="primary">
        {B.settingsSubmit}
      </button>
    </Form>
  );
}

function CloseForm({ lastResult }: { lastResult: Reply }) {
  const [form, fields] = useForm({
    id: "close",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: closeBodySchema }),
    shouldValidate: "onSubmit",
  });
  useFocusSummary(form.id, lastResult);
  return (
    <Form method="post" {...getFormProps(form)}>
      <ErrorSummary form={form} labels={{ validTo: B.closeFrom }} />
      <input type="hidden" name="intent" value="close" />
      <TextField field={fields.validTo} label={B.closeFrom} type="date" hint={B.closeHint} />
      <button type="submit" className="danger">
        {B.closeSubmit}
      </button>
    </Form>
  );
}

function AddMembershipForm({
  lastResult,
  users,
  municipalities,
}: {
  lastResult: Reply;
  users: { id: number; name: string; email: string }[];
  municipalities: { id: number; name: string; status: string }[];
}) {
  const schema = addMembershipSchema({
    userIds: users.map((u) => u.id),
    municipalityIds: municipalities.map((m) => m.id),
  });
  const [form, fields] = useForm({
    id: "add-membership",
    lastResult,
    defaultValue: { voteWeight: "0" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onSubmit",
  });
  useFocusSummary(form.id, lastResult);
  const labels = {
    userId: B.person,
    role: B.role,
    municipalityId: B.municipality,
    voteWeight: B.voteWeight,
    validFrom: O.validFrom,
    validTo: O.validTo,
  };
  return (
    <Form method="post" {...getFormProps(form)}>
      <ErrorSummary form={form} labels={labels} />
      <input type="hidden" name="intent" value="addMembership" />
      <SelectField
        field={fields.userId}
        label={labels.userId}
        placeholder={B.userPlaceholder}
        options={users.map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }))}
      />
      <SelectField
        field={fields.role}
        label={labels.role}
        placeholder={B.rolePlaceholder}
        options={membershipRoles.map((r) => ({ value: r, label: roleLabels[r] }))}
      />
      <SelectField
        field={fields.municipalityId}
        label={labels.municipalityId}
        placeholder={B.noMunicipality}
        options={municipalities.map((m) => ({
          value: m.id,
          label: m.status === "ended" ? `${m.name} (${O.ended.toLowerCase()})` : m.name,
        }))}
      />
      <TextField field={fields.voteWeight} label={labels.voteWeight} hint={B.voteWeightHint} />
      <TextField field={fields.validFrom} label={labels.validFrom} type="date" />
      <TextField field={fields.validTo} label={labels.validTo} type="date" hint={B.validToHint} />
      <button type="submit" className="primary">
        {B.addMembershipSubmit}
      </button>
    </Form>
  );
}
