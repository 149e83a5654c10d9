import { TextField, type FieldLike } from "~/components/form";

/** The labels each page brings from its own texts (the reset page and the profile page word them alike today). */
export interface NewPasswordTexts {
  newPassword: string;
  newPasswordHint: string;
  repeatPassword: string;
}

/** Choosing a new password: the password and its repetition, both marked for the browser's password manager. */
export function NewPasswordFields({
  fields,
  texts,
}: {
  fields: { newPassword: FieldLike; repeatPassword: FieldLike };
  texts: NewPasswordTexts;
}) {
  return (
    <>
      <TextField
        field={fields.newPassword}
        label={texts.newPassword}
        hint={texts.newPasswordHint}
        type="password"
        autoComplete="new-password"
      />
      <TextField
        field={fields.repeatPassword}
        label={texts.repeatPassword}
        type="password"
        autoComplete="new-password"
      />
    </>
  );
}
