import { Form, Link, useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { recordTexts } from "~/domain/texts/records";

/**
 * The confirmation of an irreversible step: its consequence in one sentence, and the same form
 * sent again with `confirmed=yes`. Rendered from the action's answer, so it works without
 * JavaScript (the answer is a page of its own) and with it (focus moves to the question).
 */
export function ConfirmStep({
  consequence,
  values,
  action,
}: {
  consequence: string;
  values: Record<string, string>;
  action?: string;
}) {
  const C = recordTexts.confirm;
  const location = useLocation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="card confirm-step" role="alert" aria-labelledby="bekreft-tittel">
      <h2 id="bekreft-tittel" tabIndex={-1} ref={heading} style={{ marginTop: 0 }}>
        {C.heading}
      </h2>
      <p>{consequence}</p>
      <Form method="post" action={action}>
        {Object.entries(values).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name="confirmed" value="yes" />
        <div className="actions">
          <button type="submit" className="primary">
            {C.yes}
          </button>
          <Link to={location.pathname}>{C.cancel}</Link>
        </div>
      </Form>
    </section>
  );
}
