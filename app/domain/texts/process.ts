import type { EdgeNeed, ProcessRole } from "#workflows/proposal.graph";
import type { Lane } from "#workflows/proposal.machine";

/**
 * Texts of the process flowchart (/prosess) and the proposal page's process diagram.
 * State labels come from the machine and action labels from ./proposal-events.ts; these are the words around them.
 * Texts naming the committee or the board hold {committee}/{board} placeholders, filled on the
 * server with `bodyText` (kept out of here so the page's browser code needs no process machine).
 */
export const processTexts = {
  title: "Prosessen for innspill",
  intro:
    "Slik behandles et innspill i ROR-IKT, fra det sendes inn til det er vedtatt og gjennomført. Skjemaet lages automatisk fra de samme reglene som systemet bruker, og viser hvor mange innspill som er i hvert steg akkurat nå.",
  anonymousHint: "Logg inn for å se innspillene bak tallene.",
  chartHeading: "Flytskjema",
  chartCaption:
    "Flytskjema over prosessen, med ett felt per aktør. Hver boks er et steg med antall innspill i steget nå; velg en boks for å se innspillene. Pilene er handlingene mellom stegene. Den samme informasjonen står som tekst under skjemaet.",
  chartLabel: "Flytskjema over prosessen for innspill",
  toTextVersion: "Gå til prosessen i tekst",
  interactiveHint: "Zoom med knappene nede til venstre, og dra i skjemaet for å flytte det.",
  textHeading: "Prosessen steg for steg",
  textIntro: "Alle steg i prosessen, hvem som handler, og hvor innspillet kan gå videre.",
  whoActs: "Hvem handler",
  ways: "Veien videre",
  endState: "Sluttsteg: innspillet er ferdig behandlet her.",
  showProposals: (label: string) => `Se innspillene med status «${label}»`,
  goesTo: "går til",
  decides: "Bestemmes av",
  inMeeting: "protokollført sak",
  selfLoop: "blir i samme steg",
  legendHeading: "Slik leser du skjemaet",
  legendFinal: "Dobbel ramme: sluttsteg",
  legendLane: "Feltene viser hvem som handler i steget",
} as const;

/** React Flow's own labels, in Norwegian (nodes and edges are not selectable here; the texts still must not be English). */
export const flowAriaLabels = {
  "node.a11yDescription.default": "Steg i prosessen.",
  "node.a11yDescription.keyboardDisabled": "Steg i prosessen.",
  "node.a11yDescription.ariaLiveMessage": () => "",
  "edge.a11yDescription.default": "Handling mellom to steg.",
  "controls.ariaLabel": "Zoom og visning",
  "controls.zoomIn.ariaLabel": "Zoom inn",
  "controls.zoomOut.ariaLabel": "Zoom ut",
  "controls.fitView.ariaLabel": "Vis hele skjemaet",
  "controls.interactive.ariaLabel": "Lås eller lås opp skjemaet",
  "minimap.ariaLabel": "Oversiktskart",
  "handle.ariaLabel": "Koblingspunkt",
} as const;

/** An arrow's name in the zoomable chart: "Send inn: fra Utkast til Mottatt". */
export function flowEdgeLabel(action: string, from: string, to: string): string {
  return from === to ? `${action}: blir i ${from}` : `${action}: fra ${from} til ${to}`;
}

/** "3 innspill" / "1 innspill" / "ingen innspill". */
export function proposalCount(n: number): string {
  return n === 0 ? "ingen innspill" : `${n} innspill`;
}

/** Lane names; {Committee}/{Board} are the body names valid now (a renamed committee shows its new name). */
export const laneNames: Record<Lane, string> = {
  submitter: "Innsender",
  rorikt: "ROR-IKT",
  group: "Faggruppe",
  committee: "{Committee}",
  board: "{Board}",
};

/** Who acts in a state of each lane. */
export const laneActors: Record<Lane, string> = {
  submitter: "Innsenderen",
  rorikt: "ROR-IKT",
  group: "Faggruppen",
  committee: "{Committee}, i møte",
  board: "{Board}, i møte",
};

/**
 * Who decides a step, in words: the group as a whole when any member may, otherwise the
 * narrowest role that can ("faggruppens leder"), joined with "eller". Starts with a capital
 * letter once the body names are filled in (`{Committee}` when the committee comes first).
 */
export function whoDecides(roles: readonly ProcessRole[]): string {
  const has = (role: ProcessRole) => roles.includes(role);
  const parts: string[] = [];
  if (has("submitter")) parts.push("innsenderen");
  if (has("coordinator")) parts.push("ROR-IKT (koordinator)");
  if (has("groupMember")) parts.push("faggruppen");
  else if (has("anyGroupLeader")) parts.push("en faggruppeleder");
  else if (has("groupLeader")) parts.push("faggruppens leder");
  if (has("committee")) parts.push("{committee} i møte");
  if (has("board")) parts.push("{board} i møte");
  if (parts.length === 0) return "Ingen";
  const text = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(", ")} eller ${parts.at(-1)}`;
  return text.startsWith("{")
    ? text.replace(/^\{(\w)/, (_, c: string) => `{${c.toUpperCase()}`)
    : text.charAt(0).toUpperCase() + text.slice(1);
}

const needTexts: Record<EdgeNeed, string> = {
  reason: "med begrunnelse",
  groupId: "velger faggruppe",
  targetId: "oppgir innspillet det slås sammen med",
  assessment: "krever fullført vurdering og minst ett delmål i strategien",
};

/** The note standing for one action possible in many steps (withdraw), instead of one arrow per step. */
export function anyStepNote(who: string, action: string, first: string, last: string): string {
  return `${who} kan velge «${action}» i alle steg fra «${first}» til og med «${last}».`;
}

/** What a step needs, in words ("med begrunnelse"). */
export function needsText(needs: readonly EdgeNeed[]): string {
  return needs.map((n) => needTexts[n]).join(", ");
}

/** Texts of the compact diagram on the proposal page. */
export const diagramTexts = {
  title: "Innspillets vei gjennom prosessen",
  show: "Vis hvor innspillet er i prosessen",
  here: "Her er innspillet nå",
  visited: "Innom",
  description: (current: string, path: readonly string[]) =>
    path.length > 1
      ? `Innspillet er nå i steget «${current}». Veien så langt: ${path.join(" → ")}.`
      : `Innspillet er nå i steget «${current}».`,
  legendCurrent: "Tykk ramme: her er innspillet nå",
  legendVisited: "Hake og heltrukken pil: steg og handlinger innspillet har vært innom",
  legendOther: "Stiplet: steg og handlinger det ikke har vært innom",
} as const;
