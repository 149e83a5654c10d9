import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useFocusSummary } from "~/components/admin";
import { ErrorSummary, SelectField, TextField } from "~/components/form";
import { createUserSchema, editUserSchema } from "~/domain/admin.schema";
import { adminTexts } from "~/domain/texts/admin";
import type { Validity } from "~/domain/validity";

const U = adminTexts.users;

export interface AccountFormProps {
  lastResult: SubmissionResult<string[]> | undefined;
  municipalities: { id: number; name: string; status: Validity }[];
  /** The account being edited; absent when creating one. */
  account?: {
    name: string;
    email: string;
    municipality_id: number | null;
    is_admin: number;
    is_coordinator: number;
    fingerprint: string;
  };
}

/** Create or edit an account: the same fields, with the password required only when creating. */
export function AccountForm({ lastResult, municipalities, account }: AccountFormProps) {
  const ids = municipalities.map((m) => m.id);
  const schema = account ? editUserSchema(ids) : createUserSchema(ids);
  const [form, fields] = useForm({
    id: "account",
    lastResult,
    defaultValue: account
      ? {
          name: account.name,
          email: account.email,
          municipalityId: account.municipality_id === null ? undefined : String(account.municipality_id),
          isAdmin: account.is_admin === 1 ? "on" : undefined,
          isCoordinator: account.is_coordinator === 1 ? "on" : undefined,
        }
      : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onSubmit",
  });
  useFocusSummary(form.id, lastResult);
  const labels = {
    name: U.name,
    email: U.email,
    municipalityId: U.municipality,
    isAdmin: U.isAdmin,
    isCoordinator: U.isCoordinator,
    password: account ? U.newPassword : U.password,
  };
  const roleErrors = [...(fields.isAdmin.errors ?? []), ...(fields.isCoordinator.errors ?? [])];
  return (
    <Form method="post" {...getFormProps(form)}>
      <ErrorSummary form={form} labels={labels} />
      {account ? (
        <>
          <input type="hidden" name="intent" value="save" />
          <input type="hidden" name="fingerprint" value={account.fingerprint} />
        </>
      ) : null}
      <TextField field={fields.name} label={labels.name} autoComplete="off" />
      <TextField field={fields.email} label={labels.email} type="email" autoComplete="off" />
      <SelectField
        field={fields.municipalityId}
        label={labels.municipalityId}
        placeholder={U.noMunicipality}
        options={municipalities.map((m) => ({
          value: m.id,
          label: m.status === "ended" ? `${m.name} (${adminTexts.organisation.ended.toLowerCase()})` : m.name,
        }))}
      />
      <fieldset className="field" data-invalid={roleErrors.length > 0 ? "true" : undefined}>
        <legend>{U.roles}</legend>
        <span className="hint" id="account-roles-hint">
          {U.rolesHint}
        </span>
        {roleErrors.length > 0 ? (
          <span className="field-error" id="account-roles-error">
            {roleErrors[0]}
          </span>
        ) : null}
        <div className="checks" key={fields.isAdmin.key}>
          {(["isAdmin", "isCoordinator"] as const).map((name) => (
            <label key={name}>
              <input
                type="checkbox"
                id={fields[name].id}
                name={fields[name].name}
                defaultChecked={fields[name].initialValue === "on"}
                aria-describedby={roleErrors.length > 0 ? "account-roles-error" : "account-roles-hint"}
              />
              {labels[name]}
            </label>
          ))}
        </div>
      </fieldset>
      <TextField
        field={fields.password}
        label={labels.password}
        type="password"
        autoComplete="new-password"
        hint={account ? U.newPasswordHint : U.passwordHint}
      />
      <button type="submit" className="primary">
        {account ? U.save : U.create}
      </button>
    </Form>
  );
}
