/**
 * The cases of the 2021 meetings that are not proposals: what a board of chief executives
 * deals with in a year (the annual report and accounts, tertial reports, the budget, the new
 * strategy, appointments, orientations), and the committee's standing orientation. The seed
 * takes as many board cases as it needs, by priority, so that the seven board meetings hold
 * 32 protocol items together with the proposals decided in them (the annual report: "7
 * styremøter … 32 saker").
 */

export interface DemoMeetingCase {
  /** Calendar key of the meeting (db/seed-data/meetings-calendar.ts). */
  meeting: string;
  /** Set for a case other demo data refers to. */
  key?: "strategy2022";
  title: string;
  presentation: string;
  recommendation: string;
  outcome: "decided" | "noted";
  decision: string;
  /** 1 is always on the agenda; 2 and 3 fill up to the year's total. */
  priority: 1 | 2 | 3;
  /** Place on the agenda: 0 formalities, 5 proposals, 6 other cases, 9 orientations. */
  rank: number;
  /** Legal basis when exempt from public access; the public pages show only this. */
  exemptBasis?: string;
  /** Municipality of the member who declares a conflict of interest and leaves. */
  conflictOf?: string;
}

const orientation = (meeting: string, points: string): DemoMeetingCase => ({
  meeting,
  title: "Orienteringssaker fra daglig leder",
  presentation: `Daglig leder orienterer om:\n${points}`,
  recommendation: "Orienteringene tas til orientering.",
  outcome: "noted",
  decision: "Orienteringene ble tatt til orientering.",
  priority: 1,
  rank: 9,
});

const previousProtocol = (meeting: string, previous: string): DemoMeetingCase => ({
  meeting,
  title: `Godkjenning av protokoll fra styremøtet ${previous}`,
  presentation: `Protokollen fra styremøtet ${previous} er sendt ut sammen med innkallingen.`,
  recommendation: `Protokollen fra styremøtet ${previous} godkjennes.`,
  outcome: "decided",
  decision: `Protokollen fra styremøtet ${previous} ble godkjent.`,
  priority: 3,
  rank: 0,
});

export const boardCases2021: DemoMeetingCase[] = [
  previousProtocol("board-2021-02-10", "9.12.2020"),
  orientation(
    "board-2021-02-10",
    "- drift og brukerstøtte i januar, med økt pågang etter overgang til hjemmekontor\n- status for utrulling av Microsoft 365",
  ),
  previousProtocol("board-2021-04-14", "10.2.2021"),
  {
    meeting: "board-2021-04-14",
    title: "Årsrapport og årsregnskap 2020 for ROR-IKT",
    presentation:
      "Årsrapporten for 2020 beskriver drift, leveranser og gjennomførte digitaliseringsinitiativ i samarbeidet. Årsregnskapet viser et mindreforbruk som foreslås avsatt til fond for fellesprosjekter.",
    recommendation: "Styret godkjenner årsrapport og årsregnskap for 2020.",
    outcome: "decided",
    decision: "Styret godkjente årsrapport og årsregnskap for 2020.",
    priority: 1,
    rank: 6,
  },
  {
    meeting: "board-2021-04-14",
    title: "Oppnevning av faggrupper etter omorganiseringen",
    presentation:
      "Faggruppene er gjennomgått og rekonstitueres fra april 2021. Økonomi og administrasjon deles i Økonomi og Lønn og personal. Kommunene har meldt inn sine representanter.",
    recommendation:
      "Styret oppnevner faggruppene med de representantene kommunene har meldt inn, med virkning fra 1.4.2021.",
    outcome: "decided",
    decision:
      "Styret oppnevnte faggruppene med de representantene kommunene har meldt inn, med virkning fra 1.4.2021.",
    priority: 1,
    rank: 6,
  },
  orientation(
    "board-2021-04-14",
    "- ny leverandøravtale for skrivere\n- erfaringer med digitale møter i kommunestyrene",
  ),
  previousProtocol("board-2021-06-16", "14.4.2021"),
  {
    meeting: "board-2021-06-16",
    title: "Økonomirapport 1. tertial 2021",
    presentation:
      "Rapporten viser drift i tråd med budsjett. Lisenskostnadene er noe høyere enn budsjettert på grunn av flere brukere av Microsoft 365.",
    recommendation: "Økonomirapporten for 1. tertial 2021 tas til orientering.",
    outcome: "noted",
    decision: "Økonomirapporten for 1. tertial 2021 ble tatt til orientering.",
    priority: 1,
    rank: 6,
  },
  {
    meeting: "board-2021-06-16",
    title: "Oppstart av arbeidet med ny strategi for digital transformasjon",
    presentation:
      "Gjeldende strategi går ut i 2021. Daglig leder foreslår en prosess med innspill fra faggruppene og bestillerutvalget i høst, og behandling av hovedmål og delmål i styret i desember.",
    recommendation: "Styret slutter seg til den foreslåtte prosessen for ny strategi.",
    outcome: "decided",
    decision: "Styret sluttet seg til den foreslåtte prosessen for ny strategi.",
    priority: 2,
    rank: 6,
  },
  orientation("board-2021-06-16", "- sommerberedskap i Drift\n- status for Digisos i kommunene"),
  previousProtocol("board-2021-09-08", "16.6.2021"),
  {
    meeting: "board-2021-09-08",
    title: "Informasjonssikkerhet – status og risikovurdering",
    presentation:
      "Gjennomgang av sårbarheter funnet i sikkerhetstesten i august, med tiltak og frister for lukking. Enkelte systemer er fortsatt utsatt.",
    recommendation: "Styret tar statusen til orientering og ber om rapport på lukkede tiltak i desember.",
    outcome: "noted",
    decision: "Styret tok statusen til orientering og ba om rapport på lukkede tiltak i desember.",
    priority: 1,
    rank: 6,
    exemptBasis: "offl. § 24 tredje ledd",
  },
  orientation(
    "board-2021-09-08",
    "- rekruttering til Tjenesteutvikling\n- tilbakemeldinger fra brukerundersøkelsen",
  ),
  previousProtocol("board-2021-10-20", "8.9.2021"),
  {
    meeting: "board-2021-10-20",
    title: "Økonomirapport 2. tertial 2021",
    presentation:
      "Prognosen for året viser et lite mindreforbruk. Investeringer i nytt lagringsmiljø er forskjøvet til 2022.",
    recommendation: "Økonomirapporten for 2. tertial 2021 tas til orientering.",
    outcome: "noted",
    decision: "Økonomirapporten for 2. tertial 2021 ble tatt til orientering.",
    priority: 1,
    rank: 6,
  },
  orientation("board-2021-10-20", "- status for innspillene som er under gjennomføring"),
  previousProtocol("board-2021-11-17", "20.10.2021"),
  {
    meeting: "board-2021-11-17",
    title: "Budsjett 2022 og økonomiplan 2022–2025 for ROR-IKT",
    presentation:
      "Forslaget viderefører dagens tjenester, prisjusterer lisenser og setter av midler til fellesprosjekter fra innspillsprosessen. Fordelingen mellom kommunene følger innbyggertall.",
    recommendation:
      "Styret vedtar budsjett for 2022 og tar økonomiplanen for 2022–2025 til orientering. Budsjettet sendes kommunene for innarbeiding.",
    outcome: "decided",
    decision:
      "Styret vedtok budsjett for 2022 og tok økonomiplanen for 2022–2025 til orientering. Budsjettet sendes kommunene for innarbeiding.",
    priority: 1,
    rank: 6,
  },
  {
    meeting: "board-2021-11-17",
    title: "Personalsak",
    presentation: "Saken gjelder en enkelt ansatts arbeidsforhold.",
    recommendation: "Styret slutter seg til daglig leders forslag.",
    outcome: "decided",
    decision: "Styret sluttet seg til daglig leders forslag.",
    priority: 1,
    rank: 7,
    exemptBasis: "offl. § 13 jf. fvl. § 13 første ledd nr. 1",
    conflictOf: "Vestnes",
  },
  orientation("board-2021-11-17", "- høringsinnspill til strategien fra faggruppene"),
  previousProtocol("board-2021-12-08", "17.11.2021"),
  {
    meeting: "board-2021-12-08",
    key: "strategy2022",
    title: "Strategi for digital transformasjon 2022–2025 – hovedmål og delmål",
    presentation:
      "Strategien er utarbeidet med innspill fra faggruppene og bestillerutvalget. Styret behandler hovedmål og delmål; kommunestyrene vedtar den endelige strategien.",
    recommendation:
      "Styret godkjenner hovedmål og delmål i strategi for digital transformasjon 2022–2025 og sender strategien til kommunene for endelig behandling.",
    outcome: "decided",
    decision:
      "Styret godkjente hovedmål og delmål i strategi for digital transformasjon 2022–2025 og sendte strategien til kommunene for endelig behandling.",
    priority: 1,
    rank: 6,
  },
  {
    meeting: "board-2021-12-08",
    title: "Møteplan for styret 2022",
    presentation: "Forslaget legger styremøtene to uker etter bestillerutvalgets møter.",
    recommendation: "Møteplanen for 2022 vedtas.",
    outcome: "decided",
    decision: "Møteplanen for 2022 ble vedtatt.",
    priority: 2,
    rank: 6,
  },
  orientation("board-2021-12-08", "- rapport på lukkede sikkerhetstiltak\n- planer for årsrapporten 2021"),
];

/** The committee's standing case at every meeting, besides the proposals. */
export const committeeOrientation = (meeting: string): DemoMeetingCase => ({
  meeting,
  title: "Orientering fra daglig leder og saker til neste styremøte",
  presentation: "Daglig leder orienterer om porteføljen og om hvilke saker som går videre til styret.",
  recommendation: "Orienteringen tas til orientering.",
  outcome: "noted",
  decision: "Orienteringen ble tatt til orientering.",
  priority: 1,
  rank: 9,
});

/** How many protocol items the board recorded in 2021 (the annual report). */
export const boardItems2021 = 32;
