import { Form } from "@remix-run/react";
import { supportTexts } from "~/domain/texts/support";

export interface SupportPanelProps {
  text: string;
  mine: boolean;
  canSupport: boolean;
  hint: string;
  /** A refusal from the last post (supporting twice, one's own, a draft). */
  error?: string | null;
}

/** Who supported the proposal, and the "Dette gjelder også oss" button (a plain form, no script needed). */
export function SupportPanel({ text, mine, canSupport, hint, error }: SupportPanelProps) {
  return (
    <section className="card" aria-labelledby="support-heading">
      <h2 id="support-heading" style={{ marginTop: 0 }}>
        {supportTexts.heading}
      </h2>
      <p className="support-summary">{text}</p>
      {error ? (
        <p className="notice error" role="alert" id="support-error">
          {error}
        </p>
      ) : null}
      {mine ? <p>{supportTexts.youSupported}</p> : null}
      {canSupport ? (
        <Form method="post">
          <input type="hidden" name="intent" value="support" />
          <p className="small muted" id="support-hint">
            {hint}
          </p>
          <button type="submit" aria-describedby="support-hint">
            {supportTexts.button}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
