import { Form, Link, useNavigation } from "@remix-run/react";
import type { ProposalPageData } from "~/server/proposal-page.server";

interface ActionData {
  type: string | null;
  fieldErrors: Record<string, string[]>;
}

/** The process steps this user may take now, each a small form that works without JavaScript. */
export function ProcessActions({
  page,
  actionData,
}: {
  page: ProposalPageData;
  actionData: ActionData | undefined;
}) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const general = actionData?.fieldErrors[""]?.[0];
  if (page.actions.length === 0 && !general) return null;
  return (
    <div>
      {general ? (
        <p className="notice error" role="alert">
          {general}
        </p>
      ) : null}
      {page.actions.map((a) => {
        const id = `action-${a.type}`;
        const errors = actionData?.type === a.type ? actionData.fieldErrors : {};
        const fieldError = a.field ? errors[a.field]?.[0] : undefined;
        if (a.page) {
          return (
            <p key={a.type}>
              <Link className="button" to={`/innspill/${page.proposal.id}/${a.page}`}>
                {a.label}
              </Link>
            </p>
          );
        }
        return (
          <Form
            method="post"
            key={a.type}
            className="card"
            style={{ background: "#fafbfc" }}
            aria-labelledby={`${id}-title`}
          >
            <h3 id={`${id}-title`} style={{ marginTop: 0 }}>
              {a.label}
            </h3>
            <input type="hidden" name="intent" value="event" />
            <input type="hidden" name="type" value={a.type} />
            <input type="hidden" name="version" value={page.proposal.version} />
            {a.blocked ? (
              <p className="small muted" id={`${id}-blocked`}>
                Krever en fullstendig vurdering og minst ett delmål i strategien.
              </p>
            ) : null}
            {a.field ? (
              <div className="field" data-invalid={fieldError ? "true" : undefined}>
                <label htmlFor={`${id}-${a.field}`}>{a.fieldLabel}</label>
                {fieldError ? (
                  <span className="field-error" id={`${id}-error`}>
                    {fieldError}
                  </span>
                ) : null}
                {a.field === "reason" ? (
                  <textarea
                    id={`${id}-reason`}
                    name="reason"
                    rows={3}
                    required
                    aria-invalid={fieldError ? true : undefined}
                    aria-describedby={fieldError ? `${id}-error` : undefined}
                  />
                ) : a.field === "groupId" ? (
                  <select
                    id={`${id}-groupId`}
                    name="groupId"
                    required
                    aria-invalid={fieldError ? true : undefined}
                    aria-describedby={fieldError ? `${id}-error` : undefined}
                  >
                    <option value="">Velg faggruppe</option>
                    {page.groupOptions.map((g) => (
                      <option key={g.id} value={g.id}>
                        {g.name}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    id={`${id}-targetId`}
                    name="targetId"
                    type="number"
                    inputMode="numeric"
                    min={1}
                    required
                    aria-invalid={fieldError ? true : undefined}
                    aria-describedby={fieldError ? `${id}-error` : undefined}
                  />
                )}
              </div>
            ) : null}
            <button
              type="submit"
              className={a.closing ? "danger" : "primary"}
              disabled={busy}
              aria-describedby={a.blocked ? `${id}-blocked` : undefined}
            >
              {a.label}
            </button>
          </Form>
        );
      })}
    </div>
  );
}
