import { meetingTexts } from "~/domain/texts/meetings";
import { recordTexts } from "~/domain/texts/records";
import type { MeetingDocument } from "~/server/meetings/record.server";

const D = meetingTexts.documents;

type Level = 1 | 2 | 3;

function Heading({ level, id, children }: { level: Level; id?: string; children: React.ReactNode }) {
  const Tag = `h${Math.min(level, 6)}` as "h1" | "h2" | "h3" | "h4";
  return <Tag id={id}>{children}</Tag>;
}

/** Who signs the protocol and each one's electronic approval (name, role, date and time). */
export function SignatureBlock({ doc, level }: { doc: MeetingDocument; level: Level }) {
  const S = recordTexts.signing;
  return (
    <section className="signatures" aria-labelledby={`signaturer-${doc.meetingId}`}>
      <Heading level={level} id={`signaturer-${doc.meetingId}`}>
        {S.heading}
      </Heading>
      <p className="small">{doc.signingRule}</p>
      {doc.signatures.length > 0 ? (
        <>
          <div className="table-wrap">
            <table className="doc-table">
              <caption className="visually-hidden">{S.heading}</caption>
              <thead>
                <tr>
                  <th scope="col">{S.columns.name}</th>
                  <th scope="col">{S.columns.role}</th>
                  <th scope="col">{S.columns.signed}</th>
                </tr>
              </thead>
              <tbody>
                {doc.signatures.map((s) => (
                  <tr key={s.userId}>
                    <td>{s.name}</td>
                    <td>{s.role}</td>
                    <td>{s.signedAt ? S.signed(s.signedAt) : S.waiting}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className={doc.final ? "notice" : "notice warn"}>
            {doc.final ? S.finalNote : S.pendingNote(doc.signatures.filter((s) => !s.signedAt).length)}
          </p>
        </>
      ) : null}
    </section>
  );
}

function People({
  caption,
  rows,
}: {
  caption: string;
  rows: { name: string; role: string; represents: string }[];
}) {
  return (
    <div className="table-wrap">
      <table className="doc-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{D.name}</th>
            <th scope="col">{D.role}</th>
            <th scope="col">{D.represents}</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={3}>{D.noMembers}</td>
            </tr>
          ) : (
            rows.map((r) => (
              <tr key={r.name}>
                <td>{r.name}</td>
                <td>{r.role}</td>
                <td>{r.represents}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

/** Who voted how, in the words of a protocol. */
export function VotingText({
  decision,
}: {
  decision: NonNullable<MeetingDocument["cases"][number]["decision"]>;
}) {
  if (decision.votes.length === 0) return <p>{meetingTexts.noVote}</p>;
  const names = (choice: "for" | "against" | "abstain") =>
    decision.votes
      .filter((v) => v.choice === choice)
      .map((v) => `${v.name}${D.weight(v.weight)}`)
      .join(", ");
  const t = decision.tally!;
  return (
    <>
      <p>
        {decision.unanimous
          ? D.unanimous
          : decision.result === "adopted"
            ? D.adoptedWith(t.for, t.against)
            : D.notAdoptedWith(t.for, t.against)}
      </p>
      <ul className="small">
        {names("for") ? (
          <li>
            {D.votedFor}: {names("for")}
          </li>
        ) : null}
        {names("against") ? (
          <li>
            {D.votedAgainst}: {names("against")}
          </li>
        ) : null}
        {names("abstain") ? (
          <li>
            {D.abstained}: {names("abstain")}
          </li>
        ) : null}
      </ul>
    </>
  );
}

/**
 * A meeting notice (møteinnkalling) or protocol (møteprotokoll) in the layout Norwegian
 * municipalities use. Exempt cases arrive already withheld from readers who may not see them.
 */
export function MeetingDocumentView({
  doc,
  kind,
  level = 1,
}: {
  doc: MeetingDocument;
  kind: "notice" | "protocol";
  level?: Level;
}) {
  const sub = (level + 1) as Level;
  const caseLevel = (level + 2) as Level;
  const protocol = kind === "protocol";
  return (
    <article className="meeting-doc" aria-labelledby={`${kind}-title`}>
      <Heading level={level} id={`${kind}-title`}>
        {protocol ? D.protocol : D.notice}
      </Heading>
      <dl className="facts doc-facts">
        <dt>{D.body}</dt>
        <dd>{doc.bodyName}</dd>
        <dt>{D.place}</dt>
        <dd>
          {doc.place}
          {doc.videoLink ? (
            <>
              {doc.place ? " / " : ""}
              <a href={doc.videoLink}>{meetingTexts.fields.videoLink.replace(" (valgfritt)", "")}</a>
            </>
          ) : null}
        </dd>
        <dt>{D.date}</dt>
        <dd>{doc.date}</dd>
        <dt>{D.time}</dt>
        <dd>{doc.time}</dd>
      </dl>
      {doc.cancelled ? (
        <p className="notice warn">{meetingTexts.cancelled(doc.cancelled.at, doc.cancelled.reason)}</p>
      ) : null}
      {protocol && !doc.approval ? <p className="notice warn">{D.notApproved}</p> : null}
      {!protocol ? <p>{D.absenceNote}</p> : null}

      {protocol ? (
        <>
          <People caption={D.presentMembers} rows={doc.present} />
          <People caption={D.absentMembers} rows={doc.absent} />
          <div className="table-wrap">
            <table className="doc-table">
              <caption>{D.substitutes}</caption>
              <thead>
                <tr>
                  <th scope="col">{D.name}</th>
                  <th scope="col">{D.metFor}</th>
                </tr>
              </thead>
              <tbody>
                {doc.substitutes.length === 0 ? (
                  <tr>
                    <td colSpan={2}>{D.noMembers}</td>
                  </tr>
                ) : (
                  doc.substitutes.map((s) => (
                    <tr key={s.name}>
                      <td>{s.name}</td>
                      <td>{s.forName}</td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </div>
          {doc.secretary ? (
            <p>
              <strong>{D.secretary}:</strong> {doc.secretary}
            </p>
          ) : null}
        </>
      ) : null}

      <Heading level={sub}>{D.caseList}</Heading>
      <div className="table-wrap">
        <table className="doc-table">
          <caption className="visually-hidden">{D.caseList}</caption>
          <thead>
            <tr>
              <th scope="col">{D.caseNo}</th>
              <th scope="col">{D.caseTitle}</th>
            </tr>
          </thead>
          <tbody>
            {doc.cases.map((c) => (
              <tr key={c.id}>
                <td className="nowrap">{c.label ?? "–"}</td>
                <td>
                  <a href={`#${kind}-sak-${c.id}`}>{c.title}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {doc.cases.map((c) => (
        <section
          key={c.id}
          id={`${kind}-sak-${c.id}`}
          className="doc-case"
          aria-labelledby={`${kind}-case-${c.id}`}
        >
          <Heading level={caseLevel} id={`${kind}-case-${c.id}`}>
            {c.label ? `${c.label} ` : ""}
            {c.title}
          </Heading>
          {c.deferredFrom ? <p className="small muted">{meetingTexts.deferredFrom(c.deferredFrom)}</p> : null}
          {c.redacted ? (
            protocol && c.participants.length > 0 ? (
              <>
                <p className="doc-label">{recordTexts.exempt.participants}</p>
                <p>{c.participants.join(", ")}</p>
              </>
            ) : null
          ) : (
            <>
              {c.exemptBasis ? (
                <p className="notice warn">{meetingTexts.exemptInternal(c.exemptBasis)}</p>
              ) : null}
              {c.exemptFollows ? <p className="small">{c.exemptFollows}</p> : null}
              {c.exemptLifted ? <p className="small">{c.exemptLifted}</p> : null}
              {!protocol && c.presentation ? (
                <>
                  <p className="doc-label">{D.presentation}</p>
                  <p className="prose">{c.presentation}</p>
                </>
              ) : null}
              {c.recommendation ? (
                <>
                  <p className="doc-label">{D.proposedDecision}</p>
                  <p className="prose">{c.recommendation}</p>
                </>
              ) : null}
            </>
          )}
          {protocol && c.decision ? (
            <>
              <p className="doc-label">{D.treatmentIn(doc.bodyName, doc.date)}</p>
              {c.conflicts.map((x) => (
                <p key={x.name}>
                  {meetingTexts.conflictLine(x.name)}
                  {x.reason ? ` ${x.reason}` : ""}
                </p>
              ))}
              {c.decision.motions ? (
                <>
                  <p className="doc-label">{D.motions}</p>
                  <p className="prose">{c.decision.motions}</p>
                </>
              ) : null}
              <p className="doc-label">{D.voting}</p>
              <VotingText decision={c.decision} />
              <p className="doc-label">
                {D.decision} ({c.decision.outcomeLabel.toLowerCase()})
              </p>
              <p className="prose">{c.decision.text}</p>
            </>
          ) : null}
        </section>
      ))}

      {protocol ? (
        <>
          <Heading level={sub}>{D.approval}</Heading>
          <p>{doc.approval ? meetingTexts.approvedBy(doc.approval.by, doc.approval.at) : D.notApproved}</p>
          <SignatureBlock doc={doc} level={(sub + 1) as Level} />
          {doc.addenda.length > 0 ? (
            <>
              <Heading level={sub}>{meetingTexts.addenda}</Heading>
              {doc.addenda.map((a) => (
                <div key={a.id}>
                  <p className="doc-label">{meetingTexts.addendumLine(a.at, a.by)}</p>
                  <p className="prose">{a.text}</p>
                </div>
              ))}
            </>
          ) : null}
        </>
      ) : null}
    </article>
  );
}
