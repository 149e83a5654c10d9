import { Form } from "@remix-run/react";
import { RadioGroup, SelectField } from "~/components/form";
import { meetingTexts as T } from "~/domain/texts/meetings";
import type { MeetingPageData } from "~/server/meetings/page.server";
import { PageForm, usePageForm, type MeetingReply } from "./page-form";

const P = T.substitutePicker;

/**
 * Finding a substitute who is not among the body's deputies: a plain GET search (works without
 * JavaScript) whose hits the substitute lists below then offer.
 */
function SubstituteSearch({ page }: { page: MeetingPageData }) {
  const s = page.substitutes;
  return (
    <Form method="get" action={`/moter/${page.document.meetingId}#fremmote`} className="stack" role="search">
      <div className="field">
        <label htmlFor="vara-search">{P.searchLabel}</label>
        <span className="hint" id="vara-search-hint">
          {P.searchHint}
        </span>
        <input
          id="vara-search"
          name="vara"
          type="search"
          defaultValue={s.query}
          maxLength={100}
          aria-describedby="vara-search-hint"
        />
      </div>
      <button type="submit" className="secondary">
        {P.searchButton}
      </button>
      {s.query ? (
        <p className="small" role="status">
          {P.foundCount(s.found.length, s.query)}
        </p>
      ) : null}
    </Form>
  );
}

function AttendanceForm({ page, reply }: { page: MeetingPageData; reply: MeetingReply }) {
  const [form, fields] = usePageForm<{ status: Record<string, string>; sub: Record<string, string> }>(
    "attendance",
    reply,
    {
      status: Object.fromEntries(
        page.members.map((m) => [String(m.userId), m.status === "absent" ? "absent" : "present"]),
      ),
      sub: Object.fromEntries(
        page.members.map((m) => [String(m.userId), m.substituteId ? String(m.substituteId) : ""]),
      ),
    },
  );
  const status = fields.status.getFieldset();
  const sub = fields.sub.getFieldset();
  const option = (o: { id: number; name: string; municipality: string }) => ({
    value: o.id,
    label: o.municipality ? `${o.name} (${o.municipality})` : o.name,
  });
  const groups = [
    { label: P.deputies, options: page.substitutes.deputies.map(option) },
    { label: P.found, options: page.substitutes.found.map(option) },
  ];
  return (
    <PageForm
      form={form}
      hidden={{ intent: "attendance", version: page.version }}
      className="stack"
      label="attendance-form-heading"
    >
      <h3 id="attendance-form-heading">{T.saveAttendance}</h3>
      <p className="small muted">{T.attendanceHint}</p>
      {page.members.map((m) => (
        <div key={m.userId} className="attendance-row">
          <RadioGroup
            field={status[String(m.userId)]!}
            legend={
              <>
                {m.name}{" "}
                <span className="muted small">({[m.role, m.municipality].filter(Boolean).join(", ")})</span>
              </>
            }
            options={[
              ["present", T.present],
              ["absent", T.absent],
            ]}
          />
          <SelectField
            field={sub[String(m.userId)]!}
            label={T.substituteLabel(m.name)}
            placeholder={T.noSubstitute}
            options={[]}
            groups={groups}
          />
        </div>
      ))}
      <button type="submit" className="primary">
        {T.saveAttendance}
      </button>
    </PageForm>
  );
}

/** Who attended, and the form to record it. */
export function AttendanceSection({ page, reply }: { page: MeetingPageData; reply: MeetingReply }) {
  const doc = page.document;
  return (
    <section className="card" aria-labelledby="fremmote">
      <h2 id="fremmote" style={{ marginTop: 0 }}>
        {T.attendance}
      </h2>
      {doc.attendanceRecorded ? (
        <ul className="attendance-list">
          {doc.present.map((p) => (
            <li key={p.name}>
              {p.name} – {T.present.toLowerCase()}
            </li>
          ))}
          {doc.absent.map((p) => (
            <li key={p.name}>
              {p.name} – {T.absent.toLowerCase()}
            </li>
          ))}
          {doc.substitutes.map((s) => (
            <li key={s.name}>
              {/* The line used to be lower-cased whole ("vara for trond myklebust"); the name keeps its capitals. */}
              {s.name} – {T.substituteFor(s.forName)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{T.notRecorded}</p>
      )}
      {page.actions.recordAttendance ? (
        <>
          <SubstituteSearch page={page} />
          <AttendanceForm page={page} reply={reply} />
        </>
      ) : null}
    </section>
  );
}
