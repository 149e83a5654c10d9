import { dateFormat } from "./dates";
import type { GroupActivity, OrganisationChange, Service } from "#workflows/report-organisation";
import { formatDate, listNb } from "./index";

/**
 * Texts of the annual report draft (/rapport), the follow-up of decided work and the statistics
 * page. The report's sentences are written here as functions of the figures, so the Word file,
 * the Markdown and the page say exactly the same.
 */

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Molde kommune", "Molde og Rauma kommune", "Aukra, Molde, Rauma og Vestnes kommune" (as the report writes it). */
export function municipalitiesPhrase(names: readonly string[]): string {
  return names.length === 0 ? "" : `${listNb([...names])} kommune`;
}

const isStyret = (kind: string, name: string) => kind === "board" && name.trim().toLowerCase() === "styret";

/**
 * A body's name in the middle of a sentence. The board and the committee are named by common
 * nouns ("styret", "bestillerutvalget", "porteføljerådet") and are written in lower case there,
 * as the annual report does; a specialist group's name is a name ("Helse og velferd") and keeps
 * its case. An abbreviation ("ROR-IKT-styret") is left as it is.
 */
export function bodyMidSentence(kind: string, name: string): string {
  if (kind === "group") return name;
  return /^\p{Lu}\p{Ll}/u.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

/** A body's name at the start of a sentence. */
const capitalised = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** What a body's meetings are called in a sentence: the board named "Styret" holds "styremøter". */
function meetingNoun(kind: string, name: string): [one: string, many: string] {
  if (isStyret(kind, name)) return ["styremøte", "styremøter"];
  const body = bodyMidSentence(kind, name);
  return [`møte i ${body}`, `møter i ${body}`];
}

/** A member's role as the report names it: "styreleder", "styremedlem" in "Styret"; "leder", "medlem" elsewhere. */
export function roleNoun(kind: string, bodyName: string, role: string): string {
  const styret = isStyret(kind, bodyName);
  switch (role) {
    case "chair":
    case "leader":
      return styret ? "styreleder" : "leder";
    case "member":
      return styret ? "styremedlem" : "medlem";
    case "union_rep":
      return "tillitsvalgt";
    default:
      return role;
  }
}

/**
 * One line of a body's composition, as in the annual report's 3.1:
 * "Marianne Stokkereit Aasen, styreleder, Molde kommune (fra 9.8.2021)". A member without a
 * municipality represents ROR-IKT; a union representative is named by the role alone.
 */
export function serviceLine(s: Service, body: { kind: string; name: string }): string {
  const where = s.municipality ? `${s.municipality} kommune` : s.role === "union_rep" ? null : "ROR-IKT";
  const dates = [
    s.from ? `fra ${formatDate(s.from)}` : null,
    s.until ? `fram til ${formatDate(s.until)}` : null,
  ]
    .filter(Boolean)
    .join(" ");
  return (
    [s.person, roleNoun(body.kind, body.name, s.role), where].filter(Boolean).join(", ") +
    (dates ? ` (${dates})` : "")
  );
}

/** "Faggruppen Økonomi", "Faggruppene Økonomi, Lønn og personal og Microsoft365", "Porteføljerådet". */
function bodiesPhrase(kind: string, names: readonly string[]): string {
  if (kind === "group")
    return names.length === 1 ? `Faggruppen ${names[0]}` : `Faggruppene ${listNb([...names])}`;
  return capitalised(listNb([...names]));
}

/**
 * An organisation change in words: "Bestillerutvalget ble fra 1.1.2023 til porteføljerådet.",
 * "Faggruppene Økonomi og Microsoft365 ble opprettet fra 1.4.2021.",
 * "Hustadvika kommune ble med i samarbeidet fra 1.1.2024."
 */
export function organisationChangeSentence(change: OrganisationChange): string {
  const on = formatDate(change.on);
  switch (change.kind) {
    case "renamed":
      return change.bodyKind === "group"
        ? `Faggruppen ${change.previous} fikk fra ${on} navnet ${change.name}.`
        : `${capitalised(change.previous)} ble fra ${on} til ${bodyMidSentence(change.bodyKind, change.name)}.`;
    case "established":
      return `${bodiesPhrase(change.bodyKind, change.names)} ble opprettet fra ${on}.`;
    case "closed":
      return `${bodiesPhrase(change.bodyKind, change.names)} ble lagt ned fra ${on}.`;
    case "municipalityJoined":
      return `${municipalitiesPhrase(change.names)} ble med i samarbeidet fra ${on}.`;
    case "municipalityLeft":
      return `${municipalitiesPhrase(change.names)} gikk ut av samarbeidet fra ${on}.`;
  }
}

/** "Gruppen fikk 5 innspill i 2021, vurderte 4 og innstilte 3. Mediantiden … var 12 dager." */
export function groupActivitySentence(a: GroupActivity, year: number): string {
  const got =
    a.received === 0
      ? a.assessed === 0
        ? `Gruppen fikk ingen innspill i ${year}.`
        : `Gruppen fikk ingen nye innspill i ${year}, men vurderte ${a.assessed} og innstilte ${a.recommended}.`
      : `Gruppen fikk ${plural(a.received, "innspill", "innspill")} i ${year}, vurderte ${a.assessed} og innstilte ${a.recommended}.`;
  return a.medianDays === null
    ? got
    : `${got} Mediantiden fra fordeling til innstilling var ${days(a.medianDays)}.`;
}

/** "Per 30.11.2026" for the running year, "Ved utgangen av 2025" for a past one. */
const atEnd = (year: number, asOf: string | null) =>
  asOf ? `Per ${formatDate(asOf)}` : `Ved utgangen av ${year}`;

/**
 * The governance sentence of the report, per body:
 * "Det har blitt avholdt 7 styremøter i 2021 og det er blitt protokollført 32 saker."
 */
export function governanceSentence(input: {
  kind: string;
  name: string;
  year: number;
  meetings: number;
  items: number;
}): string {
  const [one, many] = meetingNoun(input.kind, input.name);
  if (input.meetings === 0) return `Det har ikke blitt avholdt noen ${many} i ${input.year}.`;
  const held = `Det har blitt avholdt ${plural(input.meetings, one, many)} i ${input.year}`;
  if (input.items === 0) return `${held}, og det er ikke protokollført noen saker.`;
  return `${held} og det er blitt protokollført ${plural(input.items, "sak", "saker")}.`;
}

/** "1 dag", "12 dager", "12,5 dager". */
export function days(n: number): string {
  const text = Number.isInteger(n) ? String(n) : n.toFixed(1).replace(".", ",");
  return `${text} ${n === 1 ? "dag" : "dager"}`;
}

export const reportTexts = {
  unknownForm: "Skjemaet kunne ikke behandles. Last siden på nytt og prøv igjen.",
  organisation: "ROR-IKT",
  indexTitle: "Årsrapport",
  indexIntro:
    "Et utkast til årsrapportens kapittel om aktiviteter, laget fra innspill, vedtak, oppfølging og møter i året. Last det ned som Word-fil, rediger og publiser.",
  years: "År med data",
  noYears: "Det finnes ingen data ennå.",
  title: (year: number) => `Årsrapport ${year} – utkast til kapittel om aktiviteter`,
  finalTitle: (year: number) => `Årsrapport ${year} – kapittel om aktiviteter`,
  status: { draft: "Utkast", final: "Endelig" } as const,
  draftNotice: (date: string) =>
    `Utkast laget fra registreringene i Innspill ${date}. Tallene og tekstene oppdateres til rapporten markeres som endelig.`,
  finalNotice: (date: string) =>
    `Rapporten ble markert som endelig ${date}. Innholdet er låst slik det var da, og rapporttekster for tiltak gjennomført i året kan ikke lenger endres.`,
  liveFallback: "Den lagrede versjonen kunne ikke leses; dette er rapporten slik dataene er nå.",
  downloads: "Last ned",
  docx: "Word (.docx)",
  markdown: "Markdown (.md)",
  csv: "Grunnlagsdata (.csv)",
  markFinal: "Marker som endelig",
  markFinalIntro:
    "Når rapporten er endelig, låses innholdet, og rapporttekstene for tiltak som ble gjennomført i året kan ikke lenger endres.",
  markedFinal: "Rapporten er markert som endelig.",
  alreadyFinal: "Rapporten er allerede markert som endelig.",
  documentLabel: "Rapportutkastet",
  /** The page shows the first entries of a long specialist field; the downloads hold them all. */
  entriesShown: (shown: number, total: number) =>
    `Viser ${shown} av ${total} innspill her. Nedlastingene har alle.`,
  showAllEntries: (total: number, field: string) => `Vis alle ${total} innspill i ${field}`,
  showFewerEntries: "Vis færre",
  entriesPage: (page: number, pages: number) => `Side ${page} av ${pages}`,
  entriesPaging: (field: string) => `Sider i ${field}`,
  previousPage: "Forrige side",
  nextPage: "Neste side",
  empty: (year: number) => `Det er ikke registrert noe i Innspill for ${year}.`,

  chapter2: (year: number) => `Status ROR-IKT ${year}`,
  overall: (year: number) => `Overordnede aktiviteter ${year}`,
  strategyHeading: "Strategi for digital transformasjon",
  processHeading: "Innspillsprosessen",
  departments: (year: number) => `Avdelingsaktiviteter ${year}`,
  customerService: "Kundeservice",
  operations: "Drift",
  departmentPlaceholder: "[Avdelingen skriver dette avsnittet selv.]",
  serviceDevelopment: "Tjenesteutvikling",
  serviceDevelopmentIntro: (year: number) =>
    `I de påfølgende avsnittene oppsummeres initiativene som ble vedtatt, startet eller gjennomført i ${year}, per fagområde.`,
  noActivities: (year: number) => `Ingen initiativ ble vedtatt, startet eller gjennomført i ${year}.`,
  noGroup: "Uten faggruppe",
  noReportText: "[Rapporttekst mangler.]",
  cancelledBecause: (reason: string) => `Gjennomføringen ble avbrutt: ${reason}`,
  entryState: (label: string, asOf: string | null) =>
    asOf ? `Status per ${formatDate(asOf)}: ${label}.` : `Status ved årsslutt: ${label}.`,
  chapter3: "Organisasjon",
  noMeetingsBody: "Ingen organer med møter.",

  newMembersHeading: (kind: string, name: string) =>
    isStyret(kind, name) ? "Nye styremedlemmer" : `Nye medlemmer i ${bodyMidSentence(kind, name)}`,
  membersLeft: (kind: string, name: string, year: number) =>
    `Gikk ut av ${bodyMidSentence(kind, name)} i ${year}:`,
  membersJoined: (kind: string, name: string, year: number) =>
    `Kom inn i ${bodyMidSentence(kind, name)} i ${year}:`,
  noMemberChanges: (kind: string, name: string, year: number) =>
    `Det var ingen endringer i hvem som satt i ${bodyMidSentence(kind, name)} i ${year}.`,
  noBoard: (year: number) => `Det er ikke registrert noe styre for ${year}.`,
  composition: (name: string, year: number) => `${capitalised(name)} har i ${year} bestått av:`,
  noMembers: (kind: string, name: string, year: number) =>
    `Det er ikke registrert medlemmer i ${bodyMidSentence(kind, name)} for ${year}.`,
  organisationHeading: "Endringer i organiseringen",
  noOrganisationChanges: (year: number) =>
    `Det var ingen endringer i organene eller i hvilke kommuner som er med i samarbeidet i ${year}.`,
  groupsHeading: "Faggruppene",
  groupsIntro: (year: number) =>
    `Tabellen viser hvor mange innspill hver faggruppe fikk, vurderte (innstilte eller avslo) og innstilte i ${year}, og hvor mange dager det i median gikk fra et innspill ble fordelt til gruppen til gruppen innstilte det. Under står hvem som satt i gruppene.`,
  noGroups: (year: number) => `Det var ingen faggrupper i ${year}.`,
  groupsTableCaption: (year: number) => `Faggruppenes behandling av innspill i ${year}`,
  groupColumns: {
    group: "Faggruppe",
    received: "Mottatt",
    assessed: "Vurdert",
    recommended: "Innstilt",
    medianDays: "Mediantid til innstilling (dager)",
  },
  noneValue: "–",

  strategyApproved: (board: string, name: string, date: string, item: string | null) =>
    `${board} godkjente hovedmål og delmål i «${name}» i sitt møte ${date}${item ? ` (${item})` : ""}.`,
  strategyInForce: (name: string, from: number, to: number) => `«${name}» gjelder for ${from}–${to}.`,
  strategyExpired: (name: string, from: number, to: number) =>
    `«${name}» gjaldt for ${from}–${to}. Perioden er over; innspill som fortsatt er koblet til delmålene, vises under.`,
  noStrategy: (year: number) => `Det var ingen godkjent strategi å rapportere på for ${year}.`,
  strategySummary: (year: number, asOf: string | null, total: number, parts: string) =>
    total === 0
      ? `${atEnd(year, asOf)} var ingen innspill koblet til strategiens delmål.`
      : `${atEnd(year, asOf)} var ${plural(total, "innspill", "innspill")} koblet til strategiens delmål: ${parts}.`,
  strategyTableCaption: (name: string, asOf: string | null) =>
    `Innspill per mål i «${name}», etter status ${asOf ? `per ${formatDate(asOf)}` : "ved årsslutt"}`,
  goalColumn: "Mål",
  gapsNoneProposed: (list: string) => `Delmål uten innspill: ${list}.`,
  gapsNoneUnderway: (list: string) => `Delmål der ingenting er vedtatt eller under gjennomføring: ${list}.`,
  noGaps: "Alle delmål har innspill som er vedtatt eller under gjennomføring.",

  received: (year: number, n: number) =>
    n === 0
      ? `Det kom ikke inn noen innspill i ${year}.`
      : `I ${year} kom det inn ${plural(n, "innspill", "innspill")}.`,
  decided: (n: number, approved: number, rejected: number) =>
    n === 0
      ? "Ingen innspill ble endelig avgjort i året."
      : `${plural(n, "innspill", "innspill")} ble endelig avgjort: ${approved} vedtatt og ${rejected} avslått.`,
  startedCompleted: (started: number, completed: number) =>
    started === 0 && completed === 0
      ? "Ingen tiltak ble startet eller gjennomført."
      : `${plural(started, "tiltak", "tiltak")} ble startet og ${completed} gjennomført.`,
  leadTime: (median: number | null) =>
    median === null
      ? ""
      : `Mediantiden fra et innspill ble sendt inn til det var endelig avgjort, var ${days(median)}.`,
  byMunicipalityCaption: (year: number) => `Innspill mottatt i ${year} per kommune`,
  byGroupCaption: (year: number) => `Innspill mottatt i ${year} per faggruppe`,
  byStateCaption: (year: number, asOf: string | null) =>
    asOf ? `Innspill etter status per ${formatDate(asOf)}` : `Innspill etter status ved utgangen av ${year}`,
  municipality: "Kommune",
  group: "Faggruppe",
  state: "Status",
  count: "Antall",
  notAssigned: "Ikke fordelt",
  wholeYearNote: "Et innspill kan gjelde flere kommuner og telles da hos hver av dem.",

  csvColumns: {
    id: "Nr",
    title: "Tittel",
    group: "Faggruppe",
    municipalities: "Kommuner",
    submitted: "Sendt inn",
    receivedInYear: "Mottatt i året",
    decision: "Endelig vedtak",
    decidedOn: "Vedtaksdato",
    daysToDecision: "Dager fra innsending til vedtak",
    started: "Startet",
    completed: "Gjennomført",
    stateAtEnd: (asOf: string | null) => (asOf ? `Status per ${formatDate(asOf)}` : "Status ved årsslutt"),
    goals: "Delmål",
    reportText: "Rapporttekst",
  },
  csvOrganisation: {
    body: "Organ",
    bodyKind: "Type",
    person: "Navn",
    role: "Rolle",
    municipality: "Kommune",
    from: "Fra",
    until: "Fram til",
  },
  csvChanges: { date: "Dato", change: "Endring i organiseringen" },
  yes: "ja",
  no: "nei",
  approvedWord: "Vedtatt",
  rejectedWord: "Avslått",
};

/** Texts of the follow-up of decided work: start, completion and the report text. */
export const followupTexts = {
  panelTitle: "Oppfølging",
  startTitle: (title: string) => `Start gjennomføring: ${title}`,
  completeTitle: (title: string) => `Meld som gjennomført: ${title}`,
  reportTextTitle: (title: string) => `Rapporttekst: ${title}`,
  startIntro: "Hvem leder arbeidet, og når skal det være ferdig?",
  completeIntro: "Hva ble innført, for hvem, og hvilke gevinster er tatt ut? Teksten brukes i årsrapporten.",
  fields: {
    projectLeadId: "Prosjektleder",
    startDate: "Startdato",
    plannedEnd: "Planlagt ferdig",
    completedOn: "Gjennomført dato",
    realisedBenefits: "Realiserte gevinster",
    reportText: "Tekst til årsrapporten",
  },
  hints: {
    realisedBenefits: "Hva er målt eller observert, sett opp mot gevinstplanen?",
    reportText: "Hva ble innført, for hvem? Et kort avsnitt slik det skal stå i årsrapporten.",
    date: `Dato som ${dateFormat}.`,
  },
  chooseLead: "Velg prosjektleder",
  roriktLead: (name: string) => `${name} (ROR-IKT)`,
  benefitsPlan: "Gevinstplan fra vurderingen",
  noBenefitsPlan: "Faggruppen skrev ingen gevinstplan.",
  start: "Start gjennomføringen",
  complete: "Meld som gjennomført",
  saveText: "Lagre rapportteksten",
  started: "Gjennomføringen er startet.",
  completed: "Innspillet er meldt som gjennomført.",
  textSaved: "Rapportteksten er lagret.",
  projectLead: "Prosjektleder",
  startDate: "Startet",
  plannedEnd: "Planlagt ferdig",
  completedOn: "Gjennomført",
  realisedBenefits: "Realiserte gevinster",
  reportText: "Tekst til årsrapporten",
  notGiven: "Ikke oppgitt",
  editReportText: "Rediger rapportteksten",
  lockedNotice: (year: number) =>
    `Årsrapporten for ${year} er markert som endelig, så rapportteksten kan ikke lenger endres.`,
  notNow: "Dette steget er ikke tilgjengelig for innspillet nå.",
  errors: {
    leadRequired: "Velg en prosjektleder fra listen.",
    dateRequired: `Oppgi dato som ${dateFormat}.`,
    dateInvalid: `Oppgi en gyldig dato som ${dateFormat}.`,
    endBeforeStart: "Planlagt ferdig kan ikke være før startdatoen.",
    completedBeforeStart: "Gjennomført dato kan ikke være før startdatoen.",
    futureDate: "Datoen kan ikke være fram i tid.",
    reportTextRequired: "Skriv hva som ble innført, og for hvem.",
    textTooLong: "Teksten kan være høyst 5000 tegn.",
    conflict: "Innspillet er endret av noen andre – last siden på nytt.",
    locked: (year: number) =>
      `Årsrapporten for ${year} er endelig. Rapporttekster for tiltak gjennomført i ${year} kan ikke endres.`,
  },
};

/** Texts of the statistics page. */
export const statisticsTexts = {
  title: "Statistikk",
  intro:
    "Tall om innspillene: hvor mange som kommer inn, hvor de står, hvor de kommer fra og hvor lang tid hvert steg tar.",
  yearFilter: "År",
  allYears: "Alle år",
  show: "Vis",
  perMonth: (year: number) => `Innspill sendt inn per måned i ${year}`,
  perYear: "Innspill sendt inn per år",
  byState: "Innspill etter status nå",
  byMunicipality: "Innspill per kommune",
  byGroup: "Innspill per faggruppe",
  timeInState: "Tid i hvert steg",
  timeInStateNote:
    "Gjennomsnittlig og median antall dager innspillene har vært i hvert steg, regnet fra historikken. Innspill som står i et steg nå, teller med tiden så langt.",
  chartDesc: (caption: string, parts: string) => `${caption}. ${parts}`,
  month: "Måned",
  year: "År",
  count: "Antall",
  state: "Status",
  municipality: "Kommune",
  group: "Faggruppe",
  averageDays: "Gjennomsnitt (dager)",
  medianDays: "Median (dager)",
  periods: "Antall opphold",
  none: "Ingen data for utvalget.",
  dataTable: "Tallene i tabell",
  months: ["jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"],
  monthNames: [
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
  ],
  notAssigned: "Ikke fordelt",
};

/** Texts of the CSV export of the proposal list. */
export const exportTexts = {
  columns: {
    id: "Nr",
    title: "Tittel",
    state: "Status",
    group: "Faggruppe",
    municipalities: "Kommuner",
    author: "Innsender",
    submitted: "Sendt inn",
    created: "Opprettet",
    stateChanged: "Sist endret status",
  },
  fileName: "innspill.csv",
};
