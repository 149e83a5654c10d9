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
import { SignInRules } from "~/components/sign-in-rules";
import {
  addBodySchema,
  addMunicipalitySchema,
  bodyKinds,
  endMunicipalitySchema,
} from "~/domain/admin.schema";
import { addSignInRuleSchema, removeSignInRuleSchema } from "~/domain/sign-in.schema";
import { bodyKindLabels, formatDate, t } from "~/domain/texts";
import { replyFor, UnplacedReply } from "~/components/form";
import { adminTexts } from "~/domain/texts/admin";
import { signInTexts } from "~/domain/texts/sign-in";
import { municipalityChoices, organisationPage } from "~/server/admin.server";
import { invalid, replyTo, unknownForm } from "~/server/reply.server";
import { requireAdmin } from "~/server/auth.server";
import { addBody, addMunicipality, endMunicipality } from "~/server/commands/admin-organisation.server";
import { addSignInRule, removeSignInRule } from "~/server/commands/sign-in-rules.server";
import { db } from "~/server/db.server";
import { signInRulesSection } from "~/server/sign-in-rules.server";

const O = adminTexts.organisation;
const PATH = "/admin/organisasjon";

export const meta: MetaFunction = () => [{ title: `${O.title} – ${t.app.name}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const [page, signIn] = await Promise.all([organisationPage(), signInRulesSection()]);
  return { ...page, signIn };
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAdmin(request);
  const formData = await request.formData();
  switch (formData.get("intent")) {
    case "addMunicipality": {
      const submission = parseWithZod(formData, { schema: addMunicipalitySchema });
      if (submission.status !== "success") return invalid(submission, { form: "add-municipality" });
      const result = await addMunicipality(db(), submission.value);
      return replyTo(result, submission, () => redirect(`${PATH}?melding=kommune-lagt-til`), {
        form: "add-municipality",
      });
    }
    case "endMunicipality": {
      const ids = (await municipalityChoices()).map((m) => m.id);
      const formId = `end-municipality-${String(formData.get("municipalityId"))}`;
      const submission = parseWithZod(formData, { schema: endMunicipalitySchema(ids) });
      if (submission.status !== "success") return invalid(submission, { form: formId });
      const result = await endMunicipality(db(), submission.value);
      return replyTo(result, submission, () => redirect(`${PATH}?melding=kommune-avsluttet`), {
        form: formId,
      });
    }
    case "addBody": {
      const submission = parseWithZod(formData, { schema: addBodySchema });
      if (submission.status !== "success") return invalid(submission, { form: "add-body" });
      const result = await addBody(db(), submission.value);
      return replyTo(result, submission, (done) => redirect(`${PATH}/${done.id}?melding=organ-opprettet`), {
        form: "add-body",
      });
    }
    case "addSignInRule": {
      const ids = (await municipalityChoices()).filter((m) => m.status === "active").map((m) => m.id);
      const submission = parseWithZod(formData, { schema: addSignInRuleSchema(ids) });
      if (submission.status !== "success") return invalid(submission, { form: "add-sign-in-rule" });
      const result = await addSignInRule(db(), submission.value);
      return replyTo(
        result,
        submission,
        () => redirect(`${PATH}?melding=regel-lagt-til#sign-in-rules-heading`),
        {
          form: "add-sign-in-rule",
        },
      );
    }
    case "removeSignInRule": {
      const formId = `remove-sign-in-rule-${String(formData.get("ruleId"))}`;
      const submission = parseWithZod(formData, { schema: removeSignInRuleSchema });
      if (submission.status !== "success") return invalid(submission, { form: formId });
      const result = await removeSignInRule(db(), submission.value);
      return replyTo(
        result,
        submission,
        () => redirect(`${PATH}?melding=regel-fjernet#sign-in-rules-heading`),
        {
          form: "remove-sign-in-rule",
        },
      );
    }
    default:
      return unknownForm(adminTexts.errors.unknownIntent);
  }
}

export default function OrganisationPage() {
  const { municipalities, bodiesByKind, signIn } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const location = useLocation();
  const municipalityIds = municipalities.map((m) => m.id);
  const endSchema = endMunicipalitySchema(municipalityIds);
  return (
    <>
      <p className="small muted">
        <Link to="/admin">← {adminTexts.overview.title}</Link>
      </p>
      <h1>{O.title}</h1>
      <DoneNotice
        messages={{
          "kommune-lagt-til": O.municipalityAdded,
          "kommune-avsluttet": O.municipalityEnded,
          "regel-lagt-til": signInTexts.admin.added,
          "regel-fjernet": signInTexts.admin.removed,
        }}
      />
      <UnplacedReply
        reply={actionData}
        forms={
          new Set([
            "add-municipality",
            "add-body",
            "add-sign-in-rule",
            ...municipalities.filter((m) => !m.valid_to).map((m) => `end-municipality-${m.id}`),
            ...signIn.rules.map((r) => `remove-sign-in-rule-${r.id}`),
          ])
        }
        title={adminTexts.errors.formGone}
      />

      <section aria-labelledby="municipalities-heading">
        <h2 id="municipalities-heading">{O.municipalities}</h2>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{O.municipalitiesCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{O.name}</th>
                <th scope="col">{O.period}</th>
                <th scope="col">{O.status}</th>
                <th scope="col">{O.endDate}</th>
              </tr>
            </thead>
            <tbody>
              {municipalities.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{m.name}</th>
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
                        formId={`end-municipality-${m.id}`}
                        intent="endMunicipality"
                        idName="municipalityId"
                        idValue={m.id}
                        dateLabel={O.endDateFor(m.name)}
                        buttonLabel={O.endFor(m.name)}
                        visibleButton={O.end}
                        schema={endSchema}
                        lastResult={replyFor(actionData, `end-municipality-${m.id}`)}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="card" style={{ marginTop: "1rem" }}>
          <h3 style={{ marginTop: 0 }}>{O.addMunicipality}</h3>
          <AddMunicipalityForm key={location.key} lastResult={replyFor(actionData, "add-municipality")} />
        </div>
      </section>

      <SignInRules
        key={location.key}
        rules={signIn.rules}
        issuers={signIn.issuers}
        municipalities={municipalities.filter((m) => m.status === "active")}
        addResult={replyFor(actionData, "add-sign-in-rule")}
        reply={actionData}
      />

      <section aria-labelledby="bodies-heading">
        <h2 id="bodies-heading">{O.bodies}</h2>
        {bodiesByKind.map(({ kind, bodies }) => (
          <section key={kind} aria-labelledby={`bodies-${kind}`}>
            <h3 id={`bodies-${kind}`}>{bodyKindLabels[kind]}</h3>
            {bodies.length === 0 ? (
              <p className="muted">{O.noBodies}</p>
            ) : (
              <div className="table-wrap">
                <table>
                  <caption className="visually-hidden">{O.bodiesCaption(bodyKindLabels[kind])}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{O.name}</th>
                      <th scope="col">{adminTexts.body.names}</th>
                      <th scope="col">{O.period}</th>
                      <th scope="col">{O.status}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {bodies.map((b) => (
                      <tr key={b.id}>
                        <th scope="row">
                          <Link to={`${PATH}/${b.id}`}>{b.name}</Link>
                        </th>
                        <td>
                          {b.earlierNames.length === 0 ? (
                            <span className="muted">–</span>
                          ) : (
                            <ul className="plain-list">
                              {b.earlierNames.map((n) => (
                                <li key={n.id}>
                                  {n.name}{" "}
                                  <span className="muted small">({period(n.valid_from, n.last_day)})</span>
                                </li>
                              ))}
                            </ul>
                          )}
                        </td>
                        <td>{period(b.valid_from, b.valid_to)}</td>
                        <td>
                          <ValidityText status={b.status} from={b.valid_from} to={b.valid_to} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        ))}
        <div className="card" style={{ marginTop: "1rem" }}>
          <h3 style={{ marginTop: 0 }}>{O.addBody}</h3>
          <AddBodyForm key={location.key} lastResult={replyFor(actionData, "add-body")} />
        </div>
      </section>
    </>
  );
}

function AddMunicipalityForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const [form, fields] = useForm({
    id: "add-municipality",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: addMunicipalitySchema }),
    shouldValidate: "onSubmit",
  });
  useFocusSummary(form.id, lastResult);
  return (
    <Form method="post" {...getFormProps(form)}>
      <ErrorSummary form={form} labels={{ name: O.name, validFrom: O.validFrom }} />
      <input type="hidden" name="intent" value="addMunicipality" />
      <TextField field={fields.name} label={O.name} />
      <TextField field={fields.validFrom} label={O.validFrom} type="date" hint={O.hintValidFrom} />
      <button type="submit" className="primary">
        {O.addMunicipality}
      </button>
    </Form>
  );
}

function AddBodyForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const [form, fields] = useForm({
    id: "add-body",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: addBodySchema }),
    shouldValidate: "onSubmit",
  });
  useFocusSummary(form.id, lastResult);
  return (
    <Form method="post" {...getFormProps(form)}>
      <ErrorSummary form={form} labels={{ kind: O.kind, name: O.name, validFrom: O.validFrom }} />
      <input type="hidden" name="intent" value="addBody" />
      <SelectField
        field={fields.kind}
        label={O.kind}
        placeholder={O.kindPlaceholder}
        options={bodyKinds.map((k) => ({ value: k, label: bodyKindLabels[k] }))}
      />
      <TextField field={fields.name} label={O.name} />
      <TextField field={fields.validFrom} label={O.validFrom} type="date" hint={O.hintValidFrom} />
      <button type="submit" className="primary">
        {O.addBody}
      </button>
    </Form>
  );
}
