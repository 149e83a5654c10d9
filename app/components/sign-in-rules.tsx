import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useFocusSummary } from "~/components/admin";
import { ErrorSummary, HiddenFields, replyFor, SelectField, TextField } from "~/components/form";
import { addSignInRuleSchema, removeSignInRuleSchema } from "~/domain/sign-in.schema";
import { signInTexts } from "~/domain/texts/sign-in";

const R = signInTexts.admin;

/**
 * The organisation page's section on first sign-ins: which municipality a new account gets, by its
 * e-mail's domain or by the issuer it came from.
 */
export function SignInRules({
  rules,
  issuers,
  municipalities,
  addResult,
  reply,
}: {
  rules: { id: number; kind: "domain" | "issuer"; value: string; municipality: string }[];
  issuers: { label: string; issuer: string }[];
  municipalities: { id: number; name: string }[];
  addResult: SubmissionResult<string[]> | undefined;
  /** The page's last reply: each rule's remove form takes its own. */
  reply: { form: string; result: SubmissionResult<string[]> } | undefined;
}) {
  return (
    <section aria-labelledby="sign-in-rules-heading">
      <h2 id="sign-in-rules-heading">{R.rulesHeading}</h2>
      <p>{R.rulesIntro}</p>
      {rules.length === 0 ? (
        <p className="muted">{R.noRules}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{R.rulesCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{R.value}</th>
                <th scope="col">{R.kind}</th>
                <th scope="col">{R.municipality}</th>
                <th scope="col">{R.remove}</th>
              </tr>
            </thead>
            <tbody>
              {rules.map((rule) => (
                <tr key={rule.id}>
                  <th scope="row">{rule.value}</th>
                  <td>{R.kinds[rule.kind]}</td>
                  <td>{rule.municipality}</td>
                  <td>
                    <RemoveRuleForm
                      ruleId={rule.id}
                      value={rule.value}
                      lastResult={replyFor(reply, `remove-sign-in-rule-${rule.id}`)}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="card" style={{ marginTop: "1rem" }}>
        <h3 style={{ marginTop: 0 }}>{R.add}</h3>
        {issuers.length > 0 ? (
          <>
            <p className="small">{R.configuredIssuers}</p>
            <ul className="small">
              {issuers.map((i) => (
                <li key={i.issuer}>
                  {i.label}: <code>{i.issuer}</code>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <AddRuleForm municipalities={municipalities} lastResult={addResult} />
      </div>
    </section>
  );
}

function RemoveRuleForm({
  ruleId,
  value,
  lastResult,
}: {
  ruleId: number;
  value: string;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const [form] = useForm({
    id: `remove-sign-in-rule-${ruleId}`,
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: removeSignInRuleSchema }),
    shouldValidate: "onSubmit",
  });
  useFocusSummary(form.id, lastResult);
  return (
    <Form method="post" {...getFormProps(form)} className="row-form">
      <ErrorSummary form={form} labels={{ ruleId: R.removeFor(value) }} compact />
      <HiddenFields values={{ intent: "removeSignInRule", ruleId }} />
      <button type="submit" className="secondary" aria-label={R.removeFor(value)}>
        {R.remove}
      </button>
    </Form>
  );
}

function AddRuleForm({
  municipalities,
  lastResult,
}: {
  municipalities: { id: number; name: string }[];
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const schema = addSignInRuleSchema(municipalities.map((m) => m.id));
  const [form, fields] = useForm({
    id: "add-sign-in-rule",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onSubmit",
  });
  useFocusSummary(form.id, lastResult);
  return (
    <Form method="post" {...getFormProps(form)}>
      <ErrorSummary form={form} labels={{ kind: R.kind, value: R.value, municipalityId: R.municipality }} />
      <HiddenFields values={{ intent: "addSignInRule" }} />
      <SelectField
        field={fields.kind}
        label={R.kind}
        placeholder={R.kindPlaceholder}
        options={[
          { value: "domain", label: R.kinds.domain },
          { value: "issuer", label: R.kinds.issuer },
        ]}
      />
      <TextField field={fields.value} label={R.value} hint={R.valueHint} />
      <SelectField
        field={fields.municipalityId}
        label={R.municipality}
        placeholder={R.municipalityPlaceholder}
        options={municipalities.map((m) => ({ value: m.id, label: m.name }))}
      />
      <button type="submit" className="primary">
        {R.add}
      </button>
    </Form>
  );
}
