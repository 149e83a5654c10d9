import { RadioGroup, SelectField, TextArea } from "~/components/form";
import { meetingTexts as T } from "~/domain/texts/meetings";
import type { MeetingPageData } from "~/server/meetings/page.server";
import { PageForm, usePageForm, type MeetingReply } from "./page-form";

type Case = MeetingPageData["cases"][number];

const choices = [
  ["for", T.voteFor],
  ["against", T.voteAgainst],
  ["abstain", T.voteAbstain],
  ["", T.notVoting],
] as const;

/** Recording the decision on a case: outcome, decision text, motions and a vote per voter. */
export function DecisionForm({
  page,
  item,
  reply,
}: {
  page: MeetingPageData;
  item: Case;
  reply: MeetingReply;
}) {
  const key = `decision-${item.id}`;
  const doc = page.document.cases.find((c) => c.id === item.id)!;
  const [form, fields] = usePageForm<{
    outcome: string;
    text: string;
    motions: string;
    votes: Record<string, string>;
  }>(key, reply, { outcome: item.outcomes[0]?.value, text: doc.redacted ? "" : doc.recommendation });
  const votes = fields.votes.getFieldset();
  const nameOf = new Map(page.people.map((p) => [p.userId, p.name]));
  const votesField = fields.votes;
  return (
    <PageForm
      form={form}
      hidden={{
        intent: "decision",
        version: page.version,
        itemId: item.id,
        proposalVersion: item.proposalVersion,
      }}
      labels={{
        outcome: T.fields.outcome,
        text: T.fields.decisionText,
        motions: T.fields.motions,
        votes: T.votes,
      }}
      className="decision-form"
      label={`${key}-title`}
    >
      <h4 id={`${key}-title`}>{T.recordDecision}</h4>
      <SelectField
        field={fields.outcome}
        label={T.fields.outcome}
        options={item.outcomes.map((o) => ({ value: o.value, label: o.label }))}
      />
      <TextArea field={fields.text} label={T.fields.decisionText} rows={4} />
      <TextArea field={fields.motions} label={T.fields.motions} hint={T.hints.motions} rows={2} />
      <fieldset
        className="votes"
        id={votesField.id}
        tabIndex={-1}
        aria-describedby={`${key}-votes-hint${votesField.errors ? ` ${votesField.errorId}` : ""}`}
      >
        <legend>{T.votes}</legend>
        <span className="hint" id={`${key}-votes-hint`}>
          {T.hints.vote}
        </span>
        {votesField.errors ? (
          <span className="field-error" id={votesField.errorId}>
            {votesField.errors.join(" ")}
          </span>
        ) : null}
        {item.noQuorum ? <p className="notice warn">{T.errors.noQuorum}</p> : null}
        {item.voters.map((v) => (
          <RadioGroup
            key={v.userId}
            className="vote-row"
            field={votes[String(v.userId)]!}
            legend={
              <>
                {nameOf.get(v.userId)}
                {v.weight !== 1 ? (
                  <span className="muted">{T.weight(String(v.weight).replace(".", ","))}</span>
                ) : null}
              </>
            }
            options={choices}
            defaultValue=""
          />
        ))}
      </fieldset>
      <div className="actions">
        <button type="submit" name="mode" value="votes" className="primary">
          {T.recordDecision}
        </button>
        <button type="submit" name="mode" value="unanimous" className="secondary">
          {T.unanimousButton}
        </button>
      </div>
    </PageForm>
  );
}
