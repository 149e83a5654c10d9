import { Link } from "@remix-run/react";
import { formatDate } from "~/domain/texts";
import { followupTexts as F } from "~/domain/texts/report";
import type { FollowupPanelData } from "~/server/followup.server";

/**
 * The follow-up of decided work on the proposal page: who leads it, the dates, the realised
 * benefits and the annual report's text, with a link to edit the text while that is allowed.
 * Its data comes from `followupPanel` (app/server/followup.server.ts); renders nothing before
 * the work has started.
 */
export function FollowupPanel({ followup }: { followup: FollowupPanelData | null }) {
  if (!followup) return null;
  const value = (v: string | null) => (v ? v : F.notGiven);
  return (
    <section className="card" aria-labelledby="followup-heading">
      <h2 id="followup-heading" style={{ marginTop: 0 }}>
        {F.panelTitle}
      </h2>
      <dl className="facts">
        <dt>{F.projectLead}</dt>
        <dd>{value(followup.projectLeadName)}</dd>
        <dt>{F.startDate}</dt>
        <dd>{value(formatDate(followup.startDate))}</dd>
        <dt>{F.plannedEnd}</dt>
        <dd>{value(formatDate(followup.plannedEnd))}</dd>
        {followup.completedOn ? (
          <>
            <dt>{F.completedOn}</dt>
            <dd>{formatDate(followup.completedOn)}</dd>
          </>
        ) : null}
      </dl>
      {followup.realisedBenefits ? (
        <>
          <h3>{F.realisedBenefits}</h3>
          <p className="prose">{followup.realisedBenefits}</p>
        </>
      ) : null}
      <h3>{F.reportText}</h3>
      <p className="prose">{followup.reportText || F.notGiven}</p>
      {followup.lockedYear !== null ? (
        <p className="small muted">{F.lockedNotice(followup.lockedYear)}</p>
      ) : null}
      {followup.canEditText ? (
        <p>
          <Link to={`/innspill/${followup.proposalId}/rapporttekst`}>{F.editReportText}</Link>
        </p>
      ) : null}
    </section>
  );
}
