import type { Gap, StateGroup } from "#workflows/report";

/** Texts of the strategy pages: the goal view and the management of strategies. */
export const strategyTexts = {
  title: "Strategi",
  goalViewIntro:
    "Hovedmål og delmål i strategien, med innspillene som er koblet til hvert delmål, og hvor det ikke skjer noe ennå.",
  noStrategy: "Det finnes ingen godkjent strategi ennå.",
  manage: "Administrer strategier",
  manageTitle: "Strategier",
  manageIntro:
    "Lag et utkast, skriv inn hovedmål og delmål, og godkjenn strategien når styret har vedtatt den. En godkjent strategi kan ikke endres; en ny strategi erstatter den, og innspill beholder koblingene til de gamle delmålene.",
  newStrategy: "Ny strategi",
  newTitle: "Ny strategi (utkast)",
  editTitle: (name: string) => `Rediger utkast: ${name}`,
  otherStrategies: "Andre strategier",
  period: (from: number, to: number) => `${from}–${to}`,
  status: { draft: "Utkast", approved: "Godkjent", replaced: "Erstattet" } as const,
  /** "Godkjent i Sak 30/2021 i styret (8.12.2021)."; the body's name as it reads mid-sentence. */
  approvedIn: (item: string, body: string | null, date: string) =>
    `Godkjent i ${item}${body ? ` i ${body}` : ""} (${date}).`,
  approvedOn: (date: string) => `Godkjent ${date}.`,
  replacedBy: "Erstattet av",
  readOnly: "Strategien er godkjent og kan ikke endres. Lag en ny strategi som erstatter den.",
  expiredNotice: (period: string, year: number) =>
    `Perioden for denne strategien (${period}) er over, og det er ikke godkjent noen strategi for ${year} ennå. Delmålene vises for å følge opp innspillene som er koblet til dem.`,
  replacedNotice:
    "Denne strategien er erstattet. Innspill som ble koblet til delmålene, beholder koblingene og vises her.",
  mainGoal: "Hovedmål",
  subGoal: "Delmål",
  subGoals: "Delmål",
  gaps: "Hull i strategien",
  gapsIntro:
    "Delmål der det ikke er foreslått noe, eller der ingenting er vedtatt eller under gjennomføring.",
  noGaps: "Alle delmål har innspill som er vedtatt eller under gjennomføring.",
  gapLabels: {
    noneProposed: "Ingen innspill",
    noneUnderway: "Ingenting vedtatt eller under gjennomføring",
  } satisfies Record<Gap, string>,
  groupLabels: {
    proposed: "Foreslått",
    underConsideration: "Til behandling",
    decided: "Vedtatt",
    inProgress: "Under gjennomføring",
    completed: "Gjennomført",
    rejected: "Avslått eller avsluttet",
  } satisfies Record<StateGroup, string>,
  noProposals: "Ingen innspill er koblet til dette delmålet.",
  countsCaption: (number: string, title: string) =>
    `Innspill koblet til delmål ${number} ${title}, etter status`,
  fields: {
    name: "Navn",
    periodFrom: "Gjelder fra år",
    periodTo: "Gjelder til og med år",
    title: "Tittel",
    description: "Beskrivelse",
    parent: "Hører til hovedmål",
    approvedItem: "Sak i styret som godkjente strategien (valgfritt)",
  },
  hints: {
    name: "For eksempel «Strategi for digital transformasjon 2026–2029».",
    approvedItem: "Velg protokollført sak, hvis vedtaket er registrert i et møte.",
  },
  noItem: "Ingen sak valgt",
  save: "Lagre",
  saved: "Endringene er lagret.",
  created: "Utkastet er opprettet. Legg til hovedmål og delmål.",
  addMainGoal: "Legg til hovedmål",
  addSubGoal: "Legg til delmål",
  editGoal: "Lagre målet",
  removeGoal: "Fjern",
  removeMainGoal: "Fjern hovedmålet og delmålene",
  goalAdded: "Målet er lagt til.",
  goalRemoved: "Målet er fjernet, og målene er nummerert på nytt.",
  approve: "Godkjenn strategien",
  approveIntro:
    "Når strategien godkjennes, kan den ikke lenger endres. En strategi som er godkjent fra før, blir erstattet av denne.",
  approved: "Strategien er godkjent.",
  deleteDraft: "Slett utkastet",
  deleted: "Utkastet er slettet.",
  emptyDraft: "Utkastet har ingen mål ennå.",
  errors: {
    nameRequired: "Skriv et navn.",
    nameTooLong: "Navnet kan være høyst 200 tegn.",
    yearInvalid: "Oppgi et årstall mellom 2000 og 2100.",
    periodOrder: "Til-året kan ikke være før fra-året.",
    titleRequired: "Skriv en tittel.",
    titleTooLong: "Tittelen kan være høyst 200 tegn.",
    textTooLong: "Teksten kan være høyst 5000 tegn.",
    parentUnknown: "Velg et hovedmål fra listen.",
    goalUnknown: "Målet finnes ikke i dette utkastet.",
    itemUnknown: "Velg en sak fra listen.",
    noGoals: "Strategien må ha minst ett hovedmål med minst ett delmål før den godkjennes.",
    mainWithoutSub: (number: string) => `Hovedmål ${number} har ingen delmål.`,
    conflict: "Strategien er endret av noen andre – last siden på nytt.",
  },
};
