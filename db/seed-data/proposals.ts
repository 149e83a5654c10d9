import type { ProposalEventType } from "../../workflows/proposal.machine";
import { boardChairOn } from "./organisation";

/**
 * The demo proposals: the initiatives ROR-IKT's 2021 annual report describes, per specialist
 * field, as the proposals (innspill) they could have started as, with histories replayed through
 * the process machine by db/seed.ts. Most are from 2021 (committee and board decisions on the
 * dates of db/seed-data/meetings-calendar.ts); a handful are recent, in early states, so the
 * work queues have something in them. Authors and actors are person keys from organisation.ts.
 */

/** One step of a demo proposal's history, replayed through the process machine. */
export interface DemoStep {
  event: ProposalEventType;
  /** Person key from organisation.ts. */
  by: string;
  /** ISO date (YYYY-MM-DD) the step happened. */
  on: string;
  reason?: string;
  /** Group name for ASSIGN / MOVE_GROUP. */
  group?: string;
  /** Proposal key for MERGE. */
  target?: string;
  /** Calendar key (meetings-calendar.ts) of the meeting a COMMITTEE_* or BOARD_* decision was taken in. */
  meeting?: string;
}

export interface DemoAssessment {
  strategic_value: number;
  service_quality: number;
  economic_benefit: number;
  necessity: number;
  risk: number;
  adjustment?: number;
  adjustment_reason?: string;
  benefits_plan: string;
  cost_once: number;
  cost_yearly: number;
  /** Strategy sub-goal numbers, e.g. "1.2". */
  goals: string[];
  /** The day the group assessed it (before RECOMMEND). */
  on: string;
  /** Person key of who wrote it; default: the leader of the proposal's group. */
  by?: string;
}

export interface DemoProposal {
  key: string;
  title: string;
  background: string;
  problem: string;
  solution: string;
  benefits: string;
  affected: string;
  resources: string;
  municipalities: string[];
  suggestedGroup?: string;
  author: string;
  /** ISO date the draft was written. */
  created: string;
  assessment?: DemoAssessment;
  steps: DemoStep[];
  /** For the annual report (issue 5): what was introduced, for whom. Completed and in-progress ones. */
  reportText?: string;
}

/** A decision of the committee (Bestillerutvalget) in its meeting that day, recorded by its chair. */
const committee = (
  event: Extract<ProposalEventType, `COMMITTEE_${string}`>,
  on: string,
  reason?: string,
): DemoStep => ({ event, by: "manager", on, meeting: `committee-${on}`, ...(reason ? { reason } : {}) });

/** A decision of the board (Styret) in its meeting that day, recorded by its chair that day. */
const board = (
  event: Extract<ProposalEventType, `BOARD_${string}`>,
  on: string,
  reason?: string,
): DemoStep => ({ event, by: boardChairOn(on), on, meeting: `board-${on}`, ...(reason ? { reason } : {}) });

const all = ["Aukra", "Molde", "Rauma", "Vestnes"];

export const demoProposals: DemoProposal[] = [
  // ── Helse og velferd ───────────────────────────────────────────────────────────────────
  {
    key: "digisos",
    title: "Digisos – digital søknad om økonomisk sosialhjelp",
    background:
      "Innføringen av Digital sosialtjenester (Digisos) startet i 2020. Søknader om økonomisk sosialhjelp kom fram til da på papir og ble skannet inn i fagsystemet ved NAV-kontorene. Det gjenstår å ta i bruk innsyn og digital dialog i alle fire kommunene.",
    problem:
      "Papirsøknader gir lang saksbehandlingstid, mange mangelfulle søknader og dobbeltregistrering. Søkerne vet ikke hvor saken står og ringer NAV-kontoret for å spørre.",
    solution:
      "Fullføre innføringen av Digisos, den nasjonale løsningen fra NAV og KS for digital søknad, innsyn og dialog, integrert med kommunenes fagsystem for sosialtjenesten. ROR-IKT setter opp integrasjonen og Fiks-oppsettet; NAV-kontorene lærer opp veilederne.",
    benefits:
      "Raskere behandling, færre mangelfulle søknader, innsyn for søker i egen sak og mindre skanning og registrering. Erfaringer fra andre kommuner tilsier at over halvparten av søknadene kommer digitalt etter kort tid.",
    affected:
      "Søkere av økonomisk sosialhjelp, NAV-kontorene i de fire kommunene, fagsystemleverandør, KS (Fiks).",
    resources:
      "Om lag 15 dagsverk i ROR-IKT til oppsett og test, opplæring av veiledere. Engangskostnad ca. 80 000 kr, årlig lisens via KS ca. 45 000 kr.",
    municipalities: ["Rauma", "Vestnes", "Aukra", "Molde"],
    suggestedGroup: "Helse og velferd",
    author: "employee2",
    created: "2021-01-04",
    assessment: {
      strategic_value: 5,
      service_quality: 5,
      economic_benefit: 4,
      necessity: 4,
      risk: 5,
      benefits_plan:
        "Måles 3 og 6 måneder etter innføring: andel digitale søknader (mål: over 50 %), antall telefonhenvendelser om saksstatus og tid brukt på skanning. NAV-lederne i hver kommune er gevinsteiere.",
      cost_once: 80_000,
      cost_yearly: 45_000,
      goals: ["1.1", "2.2"],
      on: "2021-01-13",
    },
    steps: [
      { event: "SUBMIT", by: "employee2", on: "2021-01-05" },
      { event: "ASSIGN", by: "coordinator", on: "2021-01-06", group: "Helse og velferd" },
      { event: "RECOMMEND", by: "groupLeader", on: "2021-01-14" },
      committee("COMMITTEE_APPROVE", "2021-01-27"),
      { event: "START", by: "coordinator", on: "2021-01-28" },
      { event: "COMPLETE", by: "coordinator", on: "2021-03-26" },
    ],
    reportText:
      "Digisos – Rauma, Vestnes, Aukra og Molde kommune. Innføringen av Digital sosialtjenester (Digisos) ble fullført. Digisos gir sosialtjenestens brukere mulighet til å søke sosialhjelp elektronisk. Alle fire kommunene erfarte at over 50 % av søknadene ble fylt ut og levert elektronisk etter kort tids bruk.",
  },
  {
    key: "digihelsestasjon",
    title: "DigiHelsestasjon – digital dialog med helsestasjon og skolehelsetjenesten",
    background:
      "Foreldre og ungdom kontakter helsestasjonen og skolehelsetjenesten mest på telefon. Helsesykepleierne bruker mye tid på å ringe tilbake, og mange timer blir ikke avlyst når barnet er sykt.",
    problem:
      "Det finnes ingen sikker digital kanal mellom innbyggerne og helsestasjonen. SMS og e-post kan ikke brukes til helseopplysninger, og avbestillinger registreres manuelt i journalen.",
    solution:
      "Ta i bruk DigiHelsestasjon via Helsenorge: innbyggerne sender meldinger som kommer rett inn i den elektroniske pasientjournalen (EPJ), ser sine avtaler med helsestasjons- og skolehelsetjenesten og kan avlyse dem selv.",
    benefits:
      "Færre telefoner til helsestasjonen, færre ubenyttede timer, enklere hverdag for familiene og sikker kommunikasjon av helseopplysninger.",
    affected:
      "Foreldre, barn og ungdom, helsestasjonene og skolehelsetjenesten i alle fire kommunene, EPJ-leverandøren, Norsk helsenett.",
    resources:
      "Oppsett av Helsenorge-tjenester og meldingsutveksling i EPJ, opplæring av helsesykepleiere. Engangskostnad ca. 150 000 kr, årlig ca. 60 000 kr.",
    municipalities: all,
    suggestedGroup: "Helse og velferd",
    author: "employee4",
    created: "2021-01-18",
    assessment: {
      strategic_value: 5,
      service_quality: 5,
      economic_benefit: 3,
      necessity: 3,
      risk: 4,
      benefits_plan:
        "Helsestasjonene teller innkommende telefoner i fire uker før og seks måneder etter innføring, og andel avbestilte timer som registreres digitalt. Leder for helsestasjonen i hver kommune følger opp.",
      cost_once: 150_000,
      cost_yearly: 60_000,
      goals: ["1.1"],
      on: "2021-03-10",
    },
    steps: [
      { event: "SUBMIT", by: "employee4", on: "2021-01-18" },
      { event: "ASSIGN", by: "coordinator", on: "2021-01-20", group: "Helse og velferd" },
      {
        event: "REQUEST_INFO",
        by: "groupMember",
        on: "2021-02-03",
        reason:
          "Hvilket journalsystem bruker helsestasjonene i de fire kommunene i dag, og har leverandøren bekreftet at meldinger fra Helsenorge kan gå rett inn i journalen?",
      },
      {
        event: "SUPPLEMENT",
        by: "employee4",
        on: "2021-02-08",
        reason:
          "Alle fire bruker samme EPJ for helsestasjon og skolehelsetjeneste. Leverandøren bekrefter at meldingsmodulen mot Helsenorge er en del av avtalen vår; den må bare bestilles og settes opp. Molde har også meldt samme behov.",
      },
      { event: "RECOMMEND", by: "groupLeader", on: "2021-03-12" },
      committee("COMMITTEE_RECOMMEND", "2021-03-31"),
      board("BOARD_APPROVE", "2021-04-14"),
      { event: "START", by: "coordinator", on: "2021-04-20" },
      { event: "COMPLETE", by: "coordinator", on: "2021-10-29" },
    ],
    reportText:
      "DigiHelsestasjon – Rauma, Vestnes, Aukra og Molde kommune. DigiHelsestasjon gir innbyggere mulighet til å kommunisere med helsestasjonen og skolehelsetjenesten på nett; meldingene kommer direkte inn i den elektroniske pasientjournalen. På Helsenorge kan brukerne se og avlyse avtaler med helsestasjons- og skolehelsetjenesten. Helsestasjonen i Molde rapporterer færre telefoner og ser gevinst ved løsningen.",
  },
  {
    key: "helsestasjon-duplikat",
    title: "Avbestilling av time på helsestasjonen via nett",
    background:
      "Vi får mange telefoner på morgenen fra foreldre som må avbestille timen på helsestasjonen fordi barnet er sykt.",
    problem: "Telefonen er opptatt, og timer blir stående ubrukt fordi foreldrene ikke kommer gjennom.",
    solution: "En nettløsning der foreldre kan avbestille og sende beskjed til helsestasjonen.",
    benefits: "Færre telefoner og færre tapte timer.",
    affected: "Foreldre, helsestasjonen i Molde.",
    resources: "Ukjent.",
    municipalities: ["Molde"],
    suggestedGroup: "Helse og velferd",
    author: "employee",
    created: "2021-02-01",
    steps: [
      { event: "SUBMIT", by: "employee", on: "2021-02-01" },
      { event: "MERGE", by: "coordinator", on: "2021-02-02", target: "digihelsestasjon" },
    ],
  },
  {
    key: "mda-erstatning",
    title: "Ny løsning for mobile enheter i hjemmesykepleien (erstatte MDA)",
    background:
      "Ansatte i hjemmesykepleien bruker EPJ-apper som Gerica og Mobil omsorg på mobil og nettbrett. Innholdet publiseres i dag gjennom en lite fleksibel løsning (MDA).",
    problem:
      "Oppdateringer av appene gjøres manuelt: enhetene må samles inn og leveres til ROR-IKT. Det tar mye tid, enhetene er borte fra tjenesten imens, og brukerne blir frustrerte.",
    solution:
      "Fase ut MDA og rulle alle enhetene inn i ROR-IKTs flåtestyring, slik at apper og innstillinger oppdateres og endres via fjernstyring, uten at enheten må inn.",
    benefits:
      "Flere dagsverk spart i både tjenesten og ROR-IKT hver gang appene oppdateres, enhetene er alltid tilgjengelige, og brukerne får de tilgangene de trenger.",
    affected:
      "Ansatte i hjemmesykepleien og hjemmetjenestene i alle fire kommunene, ROR-IKT Drift og Kundeservice.",
    resources:
      "Lisenser i flåtestyring og innrullering av rundt 350 enheter. Engangskostnad ca. 600 000 kr, årlig ca. 180 000 kr.",
    municipalities: all,
    suggestedGroup: "Helse og velferd",
    author: "employee3",
    created: "2021-02-15",
    assessment: {
      strategic_value: 4,
      service_quality: 5,
      economic_benefit: 4,
      necessity: 4,
      risk: 4,
      benefits_plan:
        "Antall enheter innrullert i ny løsning (mål: alle innen første halvår 2022), spart tid per appoppdatering (målt i dagsverk) og antall supportsaker om EPJ-appene.",
      cost_once: 600_000,
      cost_yearly: 180_000,
      goals: ["2.3", "4.3"],
      on: "2021-03-15",
    },
    steps: [
      { event: "SUBMIT", by: "employee3", on: "2021-02-15" },
      { event: "ASSIGN", by: "coordinator", on: "2021-02-16", group: "Helse og velferd" },
      { event: "RECOMMEND", by: "groupLeader", on: "2021-03-16" },
      committee("COMMITTEE_RECOMMEND", "2021-03-31"),
      board("BOARD_APPROVE", "2021-04-14"),
      { event: "START", by: "coordinator", on: "2021-04-26" },
    ],
    reportText:
      "Forbedringer for ansatte i hjemmesykepleien. Den gamle løsningen (MDA) for å publisere innhold i EPJ-apper som Gerica og Mobil omsorg er i løpet av året nesten helt faset ut og erstattet med en ny løsning som muliggjør fjernstyring av alle nødvendige oppdateringer. Vi slipper nå å samle inn mobile flater for å oppdatere appene, og sparer flere dagsverk. Ved årsslutt var 332 enheter innrullert; de resterende overføres i første halvår 2022.",
  },
  {
    key: "digihelse-rauma",
    title: "DigiHelse – avtaler med hjemmetjenesten på Helsenorge",
    background:
      "Brukere av hjemmetjenesten og pårørende ringer ofte for å høre når hjemmesykepleien kommer, eller for å avbestille et besøk.",
    problem:
      "Det finnes ingen oversikt over avtaler for brukeren, og avbestillinger på telefon blir ikke alltid registrert i tide.",
    solution:
      "Ta i bruk DigiHelse i Rauma: visning av avtaler med hjemmetjenesten på helsenorge.no med mulighet for avbestilling, og varsling om gjennomførte besøk.",
    benefits:
      "Brukere og pårørende får oversikt og trygghet, hjemmetjenesten får færre telefoner og færre bomturer.",
    affected: "Brukere av hjemmetjenesten i Rauma og deres pårørende, hjemmetjenesten i Rauma.",
    resources:
      "Oppsett i EPJ og Helsenorge, opplæring. Ca. 120 000 kr engangs, 30 000 kr årlig, betalt av Rauma.",
    municipalities: ["Rauma"],
    suggestedGroup: "Helse og velferd",
    author: "formerEmployee",
    created: "2021-03-01",
    assessment: {
      strategic_value: 4,
      service_quality: 5,
      economic_benefit: 3,
      necessity: 2,
      risk: 4,
      benefits_plan:
        "Rauma teller telefoner til hjemmetjenesten og antall bomturer før og etter innføring, og spør et utvalg brukere om opplevd trygghet. Erfaringene deles med de andre kommunene.",
      cost_once: 120_000,
      cost_yearly: 30_000,
      goals: ["1.1"],
      on: "2021-05-12",
    },
    steps: [
      { event: "SUBMIT", by: "formerEmployee", on: "2021-03-02" },
      { event: "ASSIGN", by: "coordinator", on: "2021-03-03", group: "Helse og velferd" },
      { event: "RECOMMEND", by: "groupLeader", on: "2021-05-14" },
      committee("COMMITTEE_APPROVE", "2021-06-02"),
      { event: "START", by: "coordinator", on: "2021-06-07" },
      { event: "COMPLETE", by: "coordinator", on: "2021-11-19" },
    ],
    reportText:
      "DigiHelse – Rauma. DigiHelse gir blant annet visning av avtaler med hjemmetjenesten gjennom helsenorge.no med mulighet for avbestilling, samt varsling av gjennomførte besøk. Det er kun Rauma som har tatt løsningen i bruk så langt.",
  },
  {
    key: "barnevern-ipad",
    title: "Sikker tilgang til fagprogram på iPad for barnevernvakten og PPT",
    background:
      "Barnevernvakten og PPT er mye ute på oppdrag og i beredskap. I dag må de tilbake til kontoret eller bruke en bærbar PC for å komme inn i fagprogrammene.",
    problem:
      "Opplysninger noteres på papir og føres inn i etterkant. Det tar tid, gir risiko for feil og for at sensitive notater kommer på avveie.",
    solution:
      "Et oppsett der iPad er arbeidsverktøyet: flåtestyrt, med tilgang til fagprogrammene i sikker sone og innlogging med sterk autentisering.",
    benefits:
      "Dokumentasjon der arbeidet skjer, mindre dobbeltarbeid og bedre informasjonssikkerhet enn papir og private enheter.",
    affected: "Barnevernvakten, PPT, barneverntjenesten, ROR-IKT Drift.",
    resources:
      "Innkjøp av iPader, oppsett av sikker sone og opplæring. Ca. 250 000 kr engangs, 50 000 kr årlig.",
    municipalities: ["Molde", "Rauma"],
    suggestedGroup: "Helse og velferd",
    author: "employee2",
    created: "2021-04-19",
    assessment: {
      strategic_value: 4,
      service_quality: 5,
      economic_benefit: 2,
      necessity: 5,
      risk: 4,
      benefits_plan:
        "Antall saker dokumentert direkte fra oppdrag, tid fra oppdrag til ført journal, og avvik knyttet til papirnotater. Leder for barnevernvakten følger opp etter seks måneder.",
      cost_once: 250_000,
      cost_yearly: 50_000,
      goals: ["2.3", "4.3"],
      on: "2021-05-20",
    },
    steps: [
      { event: "SUBMIT", by: "employee2", on: "2021-04-19" },
      { event: "ASSIGN", by: "coordinator", on: "2021-04-21", group: "Helse og velferd" },
      { event: "MOVE_GROUP", by: "groupLeader", on: "2021-04-28", group: "Oppvekst og utdanning" },
      { event: "RECOMMEND", by: "leaderOppvekst", on: "2021-05-21" },
      committee("COMMITTEE_APPROVE", "2021-06-02"),
      { event: "START", by: "coordinator", on: "2021-06-10" },
      { event: "COMPLETE", by: "coordinator", on: "2021-10-15" },
    ],
    reportText:
      "Andre fagspesifikke løsninger. Nettbrett er nå arbeidsverktøyet for barnevernvakten: oppgaver som tidligere ble utført på PC, gjøres i stor grad på iPad – alltid tilgjengelig. Vi har fått utviklet et oppsett som gir PPT og barnevernvakten tilgang til alle sine fagprogram i sikker sone når de er på oppdrag eller i beredskap.",
  },
  {
    key: "helseplattformen",
    title: "Helseplattformen – infrastruktur, pålogging og tilgangsstyring i kommunene",
    background:
      "Helseplattformen er en ny felles pasientjournal for hele helsetjenesten i Midt-Norge: sykehus, kommuner, fastleger og avtalespesialister. Romsdalskommunene skal ta den i bruk våren 2023.",
    problem:
      "Helseplattformen stiller krav til autentisering, sikkerhetsløsninger, nettverk og klienter som dagens oppsett i kommunene ikke oppfyller. Uten et samlet løp i ROR-IKT blir innføringen forsinket og dyrere.",
    solution:
      "Et innføringsprosjekt i ROR-IKT for den tekniske delen: tilgangsstyring med grunnlag i HRM, sterk autentisering, nettverk og klienter, og en midlertidig ressurs som bistår kommunene fram til innføringen.",
    benefits:
      "Innføringen skjer på tid i alle fire kommunene, med felles oppsett i stedet for fire. Tilgangsstyringen blir bedre også for andre systemer.",
    affected:
      "Pleie- og omsorgstjenestene, legetjenesten og helsestasjonene i alle fire kommunene, Helseplattformen AS, ROR-IKT.",
    resources:
      "Midlertidig prosjektressurs fram til sommeren 2023, innkjøp av utstyr og lisenser. Ca. 3,5 mill. kr engangs og 0,9 mill. kr årlig.",
    municipalities: all,
    suggestedGroup: "Helse og velferd",
    author: "coordinator2",
    created: "2021-05-03",
    assessment: {
      strategic_value: 5,
      service_quality: 4,
      economic_benefit: 2,
      necessity: 5,
      risk: 2,
      adjustment: 2,
      adjustment_reason: "Regional beslutning; kommunene er forpliktet til innføringen.",
      benefits_plan:
        "Gevinstene følger den regionale gevinstplanen for Helseplattformen. ROR-IKT rapporterer framdrift per arbeidspakke til styret, og antall brukere med korrekt tilgang ved oppstart.",
      cost_once: 3_500_000,
      cost_yearly: 900_000,
      goals: ["5.2", "4.3"],
      on: "2021-05-25",
    },
    steps: [
      { event: "SUBMIT", by: "coordinator2", on: "2021-05-03" },
      { event: "ASSIGN", by: "coordinator", on: "2021-05-04", group: "Helse og velferd" },
      { event: "RECOMMEND", by: "groupLeader", on: "2021-05-26" },
      committee("COMMITTEE_RECOMMEND", "2021-06-02"),
      board("BOARD_APPROVE", "2021-06-16"),
      { event: "START", by: "coordinator", on: "2021-10-01" },
    ],
    reportText:
      "Helseplattformen – Rauma, Vestnes, Aukra og Molde kommune. Helseplattformen er en ny felles pasientjournal for hele helsetjenesten i Midt-Norge. Innføringsprosjektet for Romsdalskommunene hadde formell oppstart 1. oktober, og de første arbeidspakkene ble levert fra kommunene i 2021. ROR-IKT bistår med kompetanse og infrastruktur, særlig for Helseplattformens krav til autentiserings- og sikkerhetsløsninger.",
  },
  {
    key: "responssenter",
    title: "Felles digitalt responssenter for trygghetsalarmer og velferdsteknologi",
    background:
      "Kommunene tar i bruk stadig mer velferdsteknologi: trygghetsalarmer, dørsensorer, fallalarmer og digitalt tilsyn. Alarmene mottas i dag på ulike måter i hver kommune.",
    problem:
      "Ingen felles mottak av alarmer, ulike leverandører og avtaler, og sårbar bemanning om natten i de minste kommunene.",
    solution:
      "Et felles responssenter driftet av ROR-IKT som mottar og fordeler alarmer fra velferdsteknologi for alle fire kommunene, på en felles plattform.",
    benefits:
      "Likere tjenester, bedre utnyttelse av nattbemanningen, én felles plattform og bedre data om bruken av velferdsteknologi.",
    affected: "Brukere av trygghetsalarm og velferdsteknologi, hjemmetjenestene, legevakten, ROR-IKT.",
    resources:
      "Plattform, integrasjoner og bemanning av mottak. Grovt anslag 1,8 mill. kr engangs og 2,4 mill. kr årlig.",
    municipalities: all,
    suggestedGroup: "Helse og velferd",
    author: "employee2",
    created: "2021-08-02",
    assessment: {
      strategic_value: 4,
      service_quality: 4,
      economic_benefit: 2,
      necessity: 3,
      risk: 2,
      benefits_plan:
        "Responstid på alarmer, antall alarmer håndtert per natt og kostnad per bruker sammenlignet med dagens avtaler. Krever en egen utredning av organisering og kostnadsfordeling.",
      cost_once: 1_800_000,
      cost_yearly: 2_400_000,
      goals: ["3.2", "1.1"],
      on: "2021-09-20",
    },
    steps: [
      { event: "SUBMIT", by: "employee2", on: "2021-08-02" },
      { event: "ASSIGN", by: "coordinator", on: "2021-08-03", group: "Helse og velferd" },
      { event: "RECOMMEND", by: "groupLeader", on: "2021-09-21" },
      committee("COMMITTEE_RECOMMEND", "2021-10-06"),
      board(
        "BOARD_RETURN",
        "2021-10-20",
        "Styret ber bestillerutvalget legge fram forslag til kostnadsfordeling og vurdere om et responssenter hører hjemme i ROR-IKT eller i kommunenes helsetjenester.",
      ),
      committee("COMMITTEE_RECOMMEND", "2021-11-03"),
      board(
        "BOARD_REJECT",
        "2021-11-17",
        "Et responssenter er en helsetjeneste som kommunene må organisere selv, ikke en IKT-tjeneste fra ROR-IKT. Spørsmålet tas opp igjen i arbeidet med framtidig organisering.",
      ),
    ],
  },
  // ── Oppvekst og utdanning ──────────────────────────────────────────────────────────────
  {
    key: "flatestyring-apper",
    title: "Sentral publisering og godkjenning av apper på elev- og lærer-iPader",
    background:
      "I koronaåret 2020 ble svært mange iPader til elever og lærere innlemmet i flåtestyringen til ROR-IKT. Det er nå over 4200 enheter i flåtestyringen.",
    problem:
      "Skolene ber om nye apper hver uke, og de installeres uten at noen har vurdert personvernet eller databehandleravtalen. Utrullingen skjer ulikt fra skole til skole.",
    solution:
      "Publisere apper sentralt gjennom flåtestyringen og innføre en felles godkjenningsrutine: skolen ber om appen, personvernet vurderes, og godkjente apper legges i en felles katalog for alle skolene.",
    benefits:
      "Ivaretatt personvern for elevene, raskere og likere utrulling, færre supportsaker og bedre oversikt over hvilke apper som er i bruk.",
    affected: "Elever og lærere i grunnskolen i alle fire kommunene, rektorene, personvernombudene, ROR-IKT.",
    resources:
      "Ca. 40 dagsverk i ROR-IKT det første året og tid fra personvernombudene. 120 000 kr engangs, 30 000 kr årlig.",
    municipalities: all,
    suggestedGroup: "Oppvekst og utdanning",
    author: "employee5",
    created: "2021-05-10",
    assessment: {
      strategic_value: 4,
      service_quality: 3,
      economic_benefit: 3,
      necessity: 4,
      risk: 4,
      benefits_plan:
        "Andel apper i bruk som er vurdert og godkjent (mål: 100 % innen utgangen av 2022), tid fra bestilling til app er tilgjengelig, og antall supportsaker om apper.",
      cost_once: 120_000,
      cost_yearly: 30_000,
      goals: ["4.2", "2.3"],
      on: "2021-08-10",
    },
    steps: [
      { event: "SUBMIT", by: "employee5", on: "2021-05-10" },
      { event: "ASSIGN", by: "coordinator2", on: "2021-05-11", group: "Oppvekst og utdanning" },
      { event: "RECOMMEND", by: "leaderOppvekst", on: "2021-08-11" },
      committee("COMMITTEE_APPROVE", "2021-08-25"),
      { event: "START", by: "coordinator", on: "2021-09-01" },
    ],
    reportText:
      "Oppvekst og utdanning – Rauma, Vestnes, Aukra og Molde kommune. Alle mobile flater til ansatte og elever skal være flåtestyrt; det er nå over 4200 enheter i flåtestyringen. Det har blitt jobbet mye med å profesjonalisere utrulling av apper: apper publiseres sentralt, og vi er i gang med å få på plass godkjenningsrutiner for nye apper, slik at personvernet blir ivaretatt.",
  },
  {
    key: "pc-smatrinn",
    title: "Bærbar PC til alle elever på 1.–4. trinn",
    background:
      "Elevene på småtrinnet bruker i dag iPad. Noen lærere ønsker at elevene skal lære tastatur og vanlige kontorprogrammer tidligere.",
    problem:
      "Elevene møter PC først på mellomtrinnet og bruker lang tid på å lære tastatur og filbehandling.",
    solution: "Kjøpe inn bærbare PC-er til alle elever på 1.–4. trinn i tillegg til iPadene.",
    benefits: "Bedre digitale ferdigheter tidlig og en enklere overgang til mellomtrinnet.",
    affected: "Elever og lærere på småtrinnet, foreldre, ROR-IKT Kundeservice.",
    resources: "Om lag 1600 PC-er med utrulling og drift. Ca. 8 mill. kr engangs og 1,2 mill. kr årlig.",
    municipalities: ["Aukra", "Vestnes"],
    suggestedGroup: "Oppvekst og utdanning",
    author: "employee4",
    created: "2021-09-06",
    assessment: {
      strategic_value: 2,
      service_quality: 3,
      economic_benefit: 1,
      necessity: 2,
      risk: 3,
      benefits_plan:
        "Ingen målbar økonomisk gevinst. Eventuell effekt på digitale ferdigheter måtte følges opp gjennom kartleggingsprøver.",
      cost_once: 8_000_000,
      cost_yearly: 1_200_000,
      goals: ["2.1"],
      on: "2021-09-22",
    },
    steps: [
      { event: "SUBMIT", by: "employee4", on: "2021-09-06" },
      { event: "ASSIGN", by: "coordinator", on: "2021-09-07", group: "Oppvekst og utdanning" },
      { event: "RECOMMEND", by: "leaderOppvekst", on: "2021-09-23" },
      committee(
        "COMMITTEE_REJECT",
        "2021-10-06",
        "Kommunene har valgt iPad som elevenhet på småtrinnet. En ekstra PC til alle elever er en pedagogisk og økonomisk prioritering som må tas i hver kommune, ikke i det felles porteføljearbeidet.",
      ),
    ],
  },
  {
    key: "skjermtid",
    title: "Filter for skjermtid på elevenes iPad hjemme",
    background:
      "Foreldre i Vestnes har tatt opp at elevene bruker skole-iPaden til spill og video sent på kvelden.",
    problem: "Skole-iPaden har ingen begrensning på bruk utenom skoletid.",
    solution:
      "Sette opp tidsstyrte begrensninger i flåtestyringen, slik at apper utenom skolearbeid sperres om kvelden.",
    benefits: "Mindre skjermtid om kvelden og færre konflikter hjemme.",
    affected: "Elever og foreldre, skolene i Vestnes.",
    resources: "Noen dager med oppsett i flåtestyringen.",
    municipalities: ["Vestnes"],
    suggestedGroup: "Oppvekst og utdanning",
    author: "employee3",
    created: "2021-09-27",
    steps: [
      { event: "SUBMIT", by: "employee3", on: "2021-09-28" },
      { event: "ASSIGN", by: "coordinator2", on: "2021-09-29", group: "Oppvekst og utdanning" },
      {
        event: "REQUEST_INFO",
        by: "leaderOppvekst",
        on: "2021-10-12",
        reason:
          "Er dette forankret hos rektorene i Vestnes? Sperring utenom skoletid rammer også lekser og digitale læremidler, så vi trenger å vite hvilke apper som skal være tilgjengelige, og hvem som skal bestemme det.",
      },
      {
        event: "WITHDRAW",
        by: "employee3",
        on: "2021-10-25",
        reason:
          "Rektorene i Vestnes vil heller løse dette med foreldreveiledning og skolens ordensregler. Jeg trekker innspillet.",
      },
    ],
  },
  // ── Teknisk ────────────────────────────────────────────────────────────────────────────
  {
    key: "tradlost-nett",
    title: "Kartlegging og utbedring av trådløst nett i skoler og kommunale bygg",
    background:
      "Med flere tusen iPader og PC-er i daglig bruk er det trådløse nettet i skoler og andre kommunale bygg blitt en flaskehals. Mange aksesspunkt er gamle og plassert før bruken tok av.",
    problem:
      "Elever og ansatte mister forbindelsen i klasserom, på sykehjem og i møterom. Digitale prøver og Teams-møter faller ut, og Kundeservice får mange saker om nettet.",
    solution:
      "En systematisk kartlegging av dekning og kapasitet i alle kommunale bygg sammen med ekstern leverandør, og deretter utbedring: nye og flere aksesspunkt, oppgradert kabling og felles oppsett.",
    benefits:
      "Stabilt nett der tjenestene ytes, færre supportsaker og et godt grunnlag for videre digitalisering i skole og helse.",
    affected:
      "Skoler, barnehager, sykehjem og andre bygg med kommunal aktivitet i alle fire kommunene; ROR-IKT Drift.",
    resources:
      "Ekstern kartlegging og utstyr. Ca. 2,4 mill. kr engangs og 150 000 kr årlig i lisenser og vedlikehold.",
    municipalities: all,
    suggestedGroup: "Teknisk",
    author: "employee3",
    created: "2021-01-25",
    assessment: {
      strategic_value: 4,
      service_quality: 4,
      economic_benefit: 2,
      necessity: 5,
      risk: 4,
      benefits_plan:
        "Dekningskart før og etter utbedring per bygg, antall supportsaker om trådløst nett per måned og brukertilfredshet i skolene. Drift følger opp kvartalsvis.",
      cost_once: 2_400_000,
      cost_yearly: 150_000,
      goals: ["4.3", "2.1"],
      on: "2021-03-05",
    },
    steps: [
      { event: "SUBMIT", by: "employee3", on: "2021-01-25" },
      { event: "ASSIGN", by: "coordinator2", on: "2021-01-26", group: "Teknisk" },
      { event: "RECOMMEND", by: "leaderTeknisk", on: "2021-03-08" },
      committee("COMMITTEE_RECOMMEND", "2021-03-31"),
      board(
        "BOARD_DEFER",
        "2021-04-14",
        "Styret ber om et forslag til fordeling av kostnadene mellom kommunene før saken avgjøres.",
      ),
      board("BOARD_APPROVE", "2021-06-16"),
      { event: "START", by: "coordinator", on: "2021-06-21" },
    ],
    reportText:
      "Teknisk – Rauma, Vestnes, Aukra og Molde kommune. Det er gjennomført en omfattende kartlegging og utbedring av trådløse nett på kommunale bygg i samarbeid med ekstern leverandør. Både skoler og andre bygg med kommunal aktivitet har i løpet av året fått bedre kapasitet. Arbeidet pågår ut første kvartal 2022.",
  },
  {
    key: "vannmalere",
    title: "Smarte vannmålere – pilot med automatisk avlesning",
    background:
      "I dag leser innbyggerne av vannmåleren selv én gang i året og sender inn målerstanden på papir eller nett. Mange glemmer det, og kommunen må purre og stipulere forbruket. Smart Molde ønsker å prøve ut smarte målere.",
    problem:
      "Manuell avlesning gir feil i fakturagrunnlaget, mye purring og sen oppdagelse av lekkasjer på ledningsnettet.",
    solution:
      "En pilot med smarte vannmålere som sender målerstand automatisk over et trådløst nett, en dataplattform som samler inn dataene, og en flyt videre til Molde VA slik at faktura kan lages automatisk.",
    benefits:
      "Riktigere faktura, mindre purring, tidlig varsel om lekkasje hos abonnent og på nettet, og bedre data for planlegging av vannforsyningen. Piloten gir erfaringer før eventuell utrulling.",
    affected: "Innbyggere med vannmåler i pilotområdet, Molde VA, kommunale avgifter, Smart Molde, ROR-IKT.",
    resources:
      "Målere for 10 husstander, dataplattform og integrasjon. Ca. 350 000 kr engangs og 40 000 kr årlig i piloten.",
    municipalities: ["Molde"],
    suggestedGroup: "Teknisk",
    author: "employee5",
    created: "2021-02-02",
    assessment: {
      strategic_value: 4,
      service_quality: 3,
      economic_benefit: 4,
      necessity: 3,
      risk: 3,
      benefits_plan:
        "Piloten måler andel automatiske avlesninger, tid fra avlesning til faktura og oppdagede lekkasjer. Molde VA vurderer etter fire måneder om løsningen skal rulles ut.",
      cost_once: 350_000,
      cost_yearly: 40_000,
      goals: ["3.2", "3.1"],
      on: "2021-03-12",
    },
    steps: [
      { event: "SUBMIT", by: "employee5", on: "2021-02-03" },
      { event: "ASSIGN", by: "coordinator", on: "2021-02-08", group: "Teknisk" },
      { event: "RECOMMEND", by: "leaderTeknisk", on: "2021-03-15" },
      committee("COMMITTEE_RECOMMEND", "2021-03-31"),
      board("BOARD_APPROVE", "2021-04-14"),
      { event: "START", by: "coordinator", on: "2021-06-01" },
      { event: "COMPLETE", by: "leaderTeknisk", on: "2021-10-29" },
    ],
    reportText:
      "Smarte vannmålere – Molde kommune. ROR-IKT har bistått Smart Molde med et pilotprosjekt for smarte vannmålere. Vi etablerte en dataplattform for innsamling av data fra vannmålerne, og 10 husstander fikk installert en smart vannmåler før sommerferien. Etter sommeren kom nødvendig dataflyt på plass, slik at Molde VA kunne lage en faktura til kunden. Prosjektet har fått mye oppmerksomhet i kommune-Norge.",
  },
  {
    key: "veilys-app",
    title: "Egen app for å melde feil på gatelys og veier",
    background: "Innbyggere ringer servicetorget for å melde om gatelys som ikke virker og hull i veien.",
    problem:
      "Meldingene noteres på papir og sendes videre på e-post. Det er vanskelig å vite hvor feilen er.",
    solution:
      "Utvikle en egen app for Molde der innbyggerne kan ta bilde, markere i kart og sende inn feilmeldinger.",
    benefits: "Raskere utbedring og bedre oversikt over feil.",
    affected: "Innbyggere, servicetorget, teknisk drift.",
    resources: "Utvikling av app, ca. 400 000 kr.",
    municipalities: ["Molde"],
    suggestedGroup: "Teknisk",
    author: "employee",
    created: "2021-06-07",
    steps: [
      { event: "SUBMIT", by: "employee", on: "2021-06-07" },
      { event: "ASSIGN", by: "coordinator2", on: "2021-06-08", group: "Teknisk" },
      {
        event: "GROUP_REJECT",
        by: "leaderTeknisk",
        on: "2021-06-24",
        reason:
          "Kommunene har allerede en kartbasert løsning for å melde feil på vei, vann og lys via nettsidene. Faggruppen anbefaler å gjøre den bedre kjent og legge lenken på forsiden i stedet for å utvikle en egen app.",
      },
    ],
  },
  // ── Dokumentasjonsforvaltning ──────────────────────────────────────────────────────────
  {
    key: "historisk-arkiv",
    title: "Historisk arkiv – eldre sak/arkiv-baser samlet i én løsning",
    background:
      "Ved overgangen til nytt sak/arkiv-system (Public 360) i 2019 ble de gamle basene stående, blant annet ePhorte og basene fra kommunene før sammenslåingen av Midsund, Molde og Nesset.",
    problem:
      "De gamle basene må holdes i drift på utdaterte servere for å kunne gi innsyn. Det er en sikkerhetsrisiko og gjør det tungvint å finne eldre saker.",
    solution:
      "Avlevere de historiske basene til en felles løsning for historisk arkiv, med søk og innsyn, og avvikle de gamle systemene og serverne.",
    benefits:
      "Gamle systemer kan slås av, sikkerheten blir bedre, innsyn i eldre saker blir raskere, og arkivlovens krav blir ivaretatt.",
    affected:
      "Arkivtjenestene og saksbehandlere i alle fire kommunene, innbyggere som ber om innsyn, ROR-IKT Drift.",
    resources: "Konvertering og avlevering av baser, lisens. Ca. 1,8 mill. kr engangs og 220 000 kr årlig.",
    municipalities: all,
    suggestedGroup: "Dokumentasjonsforvaltning",
    author: "employee4",
    created: "2021-01-11",
    assessment: {
      strategic_value: 4,
      service_quality: 3,
      economic_benefit: 3,
      necessity: 5,
      risk: 3,
      benefits_plan:
        "Antall gamle baser og servere som avvikles, tid brukt på innsynskrav i eldre saker, og sparte driftskostnader for de gamle systemene.",
      cost_once: 1_800_000,
      cost_yearly: 220_000,
      goals: ["3.1", "2.2"],
      on: "2021-01-19",
    },
    steps: [
      { event: "SUBMIT", by: "employee4", on: "2021-01-11" },
      { event: "ASSIGN", by: "coordinator", on: "2021-01-12", group: "Dokumentasjonsforvaltning" },
      { event: "RECOMMEND", by: "leaderDok", on: "2021-01-20" },
      committee("COMMITTEE_RECOMMEND", "2021-01-27"),
      board("BOARD_APPROVE", "2021-02-10"),
      { event: "START", by: "coordinator", on: "2021-02-15" },
    ],
    reportText:
      "Dokumentasjonsforvaltning – Rauma, Vestnes, Aukra og Molde kommune. Innføringen av historisk arkiv ble dessverre forsinket. Ny løsning skulle i drift i løpet av sommeren, men først helt mot slutten av året kom produksjonsbasen til Molde i gang. De andre basene settes i gang i 2022.",
  },
  {
    key: "firstagenda-live",
    title: "FirstAgenda Live for digital møtegjennomføring",
    background:
      "Med sak/arkiv-systemet Public 360 fikk kommunene FirstAgenda Prepare for møteforberedelser, og leverandøren lovet også en løsning for møtegjennomføring, FirstAgenda Live.",
    problem:
      "Voteringer, talerlister og protokoll i kommunestyrer og utvalg føres manuelt, og møtene har blitt digitale under pandemien uten et verktøy for det.",
    solution:
      "Ta i bruk FirstAgenda Live som lovet i avtalen: digitale talerlister, votering og protokollføring, integrert med møteforberedelsene.",
    benefits: "Sikrere voteringer, raskere protokoll og enklere digitale og hybride møter.",
    affected: "Folkevalgte, politisk sekretariat i alle fire kommunene, leverandøren TietoEvry.",
    resources: "Inngår i avtalen; oppsett og opplæring ca. 100 000 kr.",
    municipalities: all,
    suggestedGroup: "Dokumentasjonsforvaltning",
    author: "employee5",
    created: "2021-01-04",
    assessment: {
      strategic_value: 4,
      service_quality: 4,
      economic_benefit: 3,
      necessity: 3,
      risk: 2,
      benefits_plan:
        "Tid fra møteslutt til godkjent protokoll, og antall møter gjennomført med digital votering.",
      cost_once: 100_000,
      cost_yearly: 0,
      goals: ["2.2"],
      on: "2021-01-15",
    },
    steps: [
      { event: "SUBMIT", by: "employee5", on: "2021-01-04" },
      { event: "ASSIGN", by: "coordinator", on: "2021-01-05", group: "Dokumentasjonsforvaltning" },
      { event: "RECOMMEND", by: "leaderDok", on: "2021-01-18" },
      committee("COMMITTEE_APPROVE", "2021-01-27"),
      { event: "START", by: "coordinator", on: "2021-02-01" },
      {
        event: "CANCEL",
        by: "coordinator",
        on: "2021-03-05",
        reason:
          "TietoEvry har bekreftet at de ikke kan levere FirstAgenda Live. Behovet følges opp i et eget innspill om anskaffelse av ny løsning for møtegjennomføring.",
      },
    ],
  },
  {
    key: "motegjennomforing",
    title: "Ny løsning for digital møtegjennomføring i folkevalgte organer",
    background:
      "FirstAgenda Live kan likevel ikke leveres, og gjennomføringen ble avbrutt. Kommunene trenger fortsatt en løsning for digitale og hybride politiske møter.",
    problem:
      "Talerlister, voteringer og protokoll føres manuelt. I digitale møter er det vanskelig å sikre korrekt votering og at alle får ordet.",
    solution:
      "Anskaffe en ny løsning for møtegjennomføring i tett dialog med politisk sekretariat i kommunene, integrert med sak/arkiv og møteforberedelsene.",
    benefits:
      "Korrekte voteringer, raskere protokoll, og folkevalgte som kan delta likeverdig både fysisk og digitalt.",
    affected: "Folkevalgte og politisk sekretariat i alle fire kommunene.",
    resources: "Anskaffelse, oppsett og opplæring. Ca. 400 000 kr engangs og 150 000 kr årlig.",
    municipalities: all,
    suggestedGroup: "Dokumentasjonsforvaltning",
    author: "employee5",
    created: "2021-03-08",
    assessment: {
      strategic_value: 4,
      service_quality: 4,
      economic_benefit: 3,
      necessity: 4,
      risk: 3,
      benefits_plan:
        "Tid fra møteslutt til publisert protokoll (mål: samme uke), andel møter med digital votering og folkevalgtes tilfredshet målt etter første halvår i bruk.",
      cost_once: 400_000,
      cost_yearly: 150_000,
      goals: ["2.2"],
      on: "2021-03-22",
    },
    steps: [
      { event: "SUBMIT", by: "employee5", on: "2021-03-08" },
      { event: "ASSIGN", by: "coordinator", on: "2021-03-09", group: "Dokumentasjonsforvaltning" },
      { event: "RECOMMEND", by: "leaderDok", on: "2021-03-23" },
      committee(
        "COMMITTEE_RETURN",
        "2021-03-31",
        "Bestillerutvalget ber faggruppen utrede markedet i dialog med politisk sekretariat i kommunene og komme tilbake med kravspesifikasjon og kostnadsoverslag før saken sendes styret.",
      ),
      { event: "RECOMMEND", by: "leaderDok", on: "2021-05-20" },
      committee("COMMITTEE_RECOMMEND", "2021-06-02"),
      board("BOARD_APPROVE", "2021-06-16"),
      { event: "START", by: "coordinator", on: "2021-09-20" },
    ],
    reportText:
      "Ny løsning for møtegjennomføring – Rauma, Vestnes, Aukra og Molde kommune. Våren 2021 ble det gjennomført en anskaffelse av ny løsning i tett dialog med politisk sekretariat i kommunene, og Aventia ble tildelt kontrakten i september. Molde kommune gjennomførte opplæring i november og desember med sikte på innføring i januar 2022; de andre kommunene innfører løsningen tidlig i 2022.",
  },
  // ── Portal og innbyggerdialog ──────────────────────────────────────────────────────────
  {
    key: "mobil-telefoni",
    title: "Mobilt sentralbord og overgang fra fasttelefon til mobil",
    background:
      "Kommunene har egne telefonsentraler og fasttelefoner på kontorene. Under pandemien har mange jobbet hjemmefra, og sentralbordet må betjenes fra kontoret.",
    problem:
      "Telefonsentralene er gamle og dyre å drifte, fasttelefonene følger ikke de ansatte, og innbyggere blir satt over til tomme kontorer.",
    solution:
      "Avvikle telefonsentralene, bytte ut alle fasttelefoner med mobiltelefon i felles mobilt bedriftsnett, og innføre mobilt sentralbord som kan betjenes hvor som helst.",
    benefits:
      "Innbyggerne når riktig person oftere, sentralbordet kan betjenes fra hjemmekontor, og kommunene sparer drift av egne sentraler.",
    affected:
      "Alle ansatte, sentralbord og servicetorg i alle fire kommunene, innbyggere som ringer kommunen.",
    resources:
      "Innkjøp av mobiltelefoner, oppsett av mobilt sentralbord og porting av numre. Ca. 1,2 mill. kr engangs og 250 000 kr årlig.",
    municipalities: all,
    suggestedGroup: "Portal og innbyggerdialog",
    author: "employee",
    created: "2021-01-06",
    assessment: {
      strategic_value: 4,
      service_quality: 4,
      economic_benefit: 5,
      necessity: 3,
      risk: 4,
      benefits_plan:
        "Svarprosent i sentralbordet, antall samtaler som settes over til riktig person, og sparte kostnader til sentraler og fastlinjer. Måles ved utgangen av 2021.",
      cost_once: 1_200_000,
      cost_yearly: 250_000,
      goals: ["1.2", "2.1"],
      on: "2021-01-15",
    },
    steps: [
      { event: "SUBMIT", by: "employee", on: "2021-01-06" },
      { event: "ASSIGN", by: "coordinator", on: "2021-01-07", group: "Portal og innbyggerdialog" },
      { event: "RECOMMEND", by: "leaderPortal", on: "2021-01-18" },
      committee("COMMITTEE_RECOMMEND", "2021-01-27"),
      board("BOARD_APPROVE", "2021-02-10"),
      { event: "START", by: "coordinator", on: "2021-02-15" },
      { event: "COMPLETE", by: "coordinator", on: "2021-12-17" },
    ],
    reportText:
      "Ny telefoniløsning – Rauma, Vestnes, Aukra og Molde kommune. Faggruppen Portal og innbyggerdialog har koordinert innføringen av ny telefoniløsning for alle kommunene. Alle fasttelefoner er byttet ut med mobiltelefon, og sentralbordet har gått over til mobilt sentralbord, slik at man kan svare innkommende samtaler nesten hvor som helst.",
  },
  {
    key: "chatbot-rakel",
    title: "Chatbot Rakel – selvbetjening for ansatte i Teams",
    background:
      "Kundeservice i ROR-IKT får mange like spørsmål om passord, PC-rullering, Teams og e-læring. Studenter fra Høgskolen i Molde skal være utplassert hos Kundeservice et halvt år og kan bidra.",
    problem:
      "Ansatte venter i telefonkø eller på svar i portalen for spørsmål som allerede er besvart på Kompetanseportalen. Kundeservice bruker tid på rutinesaker.",
    solution:
      "Utvikle en chatbot, Rakel, tilgjengelig i Teams, som søker i innhold i Microsoft365 og på Kompetanseportalen og automatiserer enkle dialoger, først for PC-rullering. Publiseres stegvis til ansatte i kommunene når kvaliteten er god nok.",
    benefits:
      "Svar døgnet rundt for ansatte, færre rutinesaker hos Kundeservice, og et springbrett for videre automatisering i ROR-IKT og i kommunene.",
    affected: "Ansatte i kommunene og i ROR-IKT, ROR-IKT Kundeservice, Høgskolen i Molde.",
    resources:
      "Utplasserte studenter, plattform og lisens. Ca. 450 000 kr engangs og 90 000 kr årlig i forvaltning.",
    municipalities: all,
    suggestedGroup: "Portal og innbyggerdialog",
    author: "coordinator2",
    created: "2021-01-08",
    assessment: {
      strategic_value: 4,
      service_quality: 4,
      economic_benefit: 4,
      necessity: 2,
      risk: 3,
      adjustment: 1,
      adjustment_reason: "Springbrett for videre automatisering; samarbeid med Høgskolen i Molde.",
      benefits_plan:
        "Antall dialoger Rakel løser uten at en sak opprettes, antall saker om PC-rullering hos Kundeservice, og brukernes vurdering av svarene. Kundeserviceleder er gevinsteier.",
      cost_once: 450_000,
      cost_yearly: 90_000,
      goals: ["1.2", "5.1"],
      on: "2021-01-20",
    },
    steps: [
      { event: "SUBMIT", by: "coordinator2", on: "2021-01-08" },
      { event: "ASSIGN", by: "coordinator", on: "2021-01-11", group: "Portal og innbyggerdialog" },
      { event: "RECOMMEND", by: "leaderPortal", on: "2021-01-21" },
      committee("COMMITTEE_RECOMMEND", "2021-01-27"),
      board("BOARD_APPROVE", "2021-02-10"),
      { event: "START", by: "coordinator", on: "2021-02-15" },
      { event: "COMPLETE", by: "coordinator", on: "2021-12-15" },
    ],
    reportText:
      "Chatbot Rakel – ROR-IKT. Fase 1 av prosjektet er gjennomført, og forvaltningsavtale for drift av chatboten er etablert. Rakel er tilgjengelig for ansatte i ROR-IKT via Teams og kan søke etter innhold i flere plattformer, blant annet Microsoft365 og Kompetanseportalen. Det er laget en flyt som automatiserer dialogen med brukerne rundt PC-rullering. Publiseringen til ansatte i kommunene tas stegvis når kvaliteten er god nok.",
  },
  {
    key: "bildedatabase",
    title: "Felles bildedatabase med styring av samtykke",
    background:
      "Kommunenes bilder ligger spredt på filområder, minnepinner og i ulike publiseringsløsninger. Mange bilder viser innbyggere, elever og ansatte.",
    problem:
      "Ingen vet hvem som eier bildene eller om de avbildede har samtykket. Bilder blir brukt på nett uten kontroll på personvern og rettigheter.",
    solution:
      "Etablere en felles bildedatabase for kommunene, overføre bildene fra filområdene, registrere eier og rettigheter, og ta i bruk modulen for styring av samtykke. Integrere bildebasen med publiseringsløsningen for nettsidene.",
    benefits:
      "Kontroll på personvern og rettigheter, bilder som er lette å finne og gjenbruke, og mindre risiko for feil publisering.",
    affected:
      "Kommunikasjonsrådgivere og nettredaktører, ansatte som tar bilder, innbyggere som blir avbildet.",
    resources: "Lisens, oppsett og overføring av bilder. Ca. 180 000 kr engangs og 60 000 kr årlig.",
    municipalities: all,
    suggestedGroup: "Portal og innbyggerdialog",
    author: "employee4",
    created: "2021-02-22",
    assessment: {
      strategic_value: 3,
      service_quality: 4,
      economic_benefit: 3,
      necessity: 4,
      risk: 4,
      benefits_plan:
        "Andel bilder med registrert eier og samtykke, antall bilder flyttet fra filområdene, og tid nettredaktørene bruker på å finne bilder.",
      cost_once: 180_000,
      cost_yearly: 60_000,
      goals: ["3.1", "4.2"],
      on: "2021-03-16",
    },
    steps: [
      { event: "SUBMIT", by: "employee4", on: "2021-02-22" },
      { event: "ASSIGN", by: "coordinator", on: "2021-02-23", group: "Portal og innbyggerdialog" },
      {
        event: "REQUEST_INFO",
        by: "leaderPortal",
        on: "2021-03-02",
        reason:
          "Hvor mange bilder gjelder det omtrent, og hvem i kommunene skal være eier av bildene og godkjenne samtykkene?",
      },
      {
        event: "SUPPLEMENT",
        by: "employee4",
        on: "2021-03-05",
        reason:
          "Vi anslår rundt 40 000 bilder i de fire kommunene. Kommunikasjonsrådgiveren i hver kommune blir eier for sin kommunes bilder, og samtykker registreres av den som tar bildet.",
      },
      { event: "RECOMMEND", by: "leaderPortal", on: "2021-03-17" },
      committee("COMMITTEE_APPROVE", "2021-03-31"),
      { event: "START", by: "coordinator", on: "2021-04-12" },
      { event: "COMPLETE", by: "coordinator", on: "2021-12-10" },
    ],
    reportText:
      "Bildedatabase – Rauma, Vestnes, Aukra og Molde kommune. Etablering av bildedatabase er utført i 2021. Alle kommunale bilder som tidligere var lagret på ulike filområder, blir overført til den nye løsningen. Det gir bedre kontroll på bildene, hvem som eier dem, og på personvernet. En egen modul for styring av samtykke tas i bruk i første halvdel av 2022. Bildebasen er integrert med administrasjonsløsningen for hjemmesidene.",
  },
  {
    key: "historiefortelling",
    title: "Verktøy for digital historiefortelling",
    background:
      "Molde kommune ønsker å jobbe mer med atferds- og holdningsendringer blant innbyggerne når det gjelder klima og miljø. Rauma vil fortelle om kommunen på nye måter.",
    problem:
      "Kommunenes kommunikasjon på nett er mest tekst og pressemeldinger, som når få og engasjerer lite.",
    solution:
      "Anskaffe et verktøy for digital historiefortelling med bilder, video, kart og tekst i én fortelling, slik det brukes i mediebransjen.",
    benefits:
      "Kommunikasjon som når fram og kan dreie holdninger, og gjenbruk av innhold på tvers av kanaler.",
    affected: "Kommunikasjonsavdelingene i Molde og Rauma, klima- og miljørådgivere, innbyggerne.",
    resources: "Lisens og opplæring, betalt av Molde og Rauma. Ca. 90 000 kr engangs og 70 000 kr årlig.",
    municipalities: ["Molde", "Rauma"],
    suggestedGroup: "Portal og innbyggerdialog",
    author: "employee5",
    created: "2021-04-06",
    assessment: {
      strategic_value: 3,
      service_quality: 3,
      economic_benefit: 2,
      necessity: 1,
      risk: 4,
      adjustment: 2,
      adjustment_reason: "Finansieres av Molde og Rauma; ingen kostnad for de andre kommunene.",
      benefits_plan:
        "Antall publiserte fortellinger, lesere og lesetid sammenlignet med vanlige nyhetssaker. Kommunikasjonssjefene i Molde og Rauma følger opp.",
      cost_once: 90_000,
      cost_yearly: 70_000,
      goals: ["1.2"],
      on: "2021-05-18",
    },
    steps: [
      { event: "SUBMIT", by: "employee5", on: "2021-04-06" },
      { event: "ASSIGN", by: "coordinator", on: "2021-04-07", group: "Portal og innbyggerdialog" },
      { event: "RECOMMEND", by: "leaderPortal", on: "2021-05-19" },
      committee("COMMITTEE_APPROVE", "2021-06-02"),
      { event: "START", by: "coordinator", on: "2021-06-14" },
      { event: "COMPLETE", by: "coordinator", on: "2021-11-26" },
    ],
    reportText:
      "Digital historiefortelling – Molde og Rauma kommune. Rauma og Molde har innført en løsning for digital historiefortelling. Molde vil bruke den i arbeidet med atferds- og holdningsendringer blant innbyggerne innen klima og miljø; Rauma bruker løsningen på andre områder og ble med på anskaffelsen.",
  },
  {
    key: "innbyggerapp",
    title: "Egen innbyggerapp for de fire kommunene",
    background:
      "Innbyggerne må i dag forholde seg til nettsidene, Helsenorge, Digisos, Altinn og flere andre løsninger for å finne fram til kommunens tjenester.",
    problem:
      "Det er vanskelig for innbyggerne å vite hvor de skal gå, og kommunene har ingen egen kanal på mobilen.",
    solution:
      "Utvikle en felles innbyggerapp for de fire kommunene med varsler, søknader, avtaler og nyheter samlet på ett sted.",
    benefits: "Én inngang til kommunen på mobilen og mulighet for push-varsler til innbyggerne.",
    affected: "Alle innbyggere, kommunikasjonsavdelingene, tjenesteområdene med digitale tjenester.",
    resources: "Utvikling og forvaltning av app. Grovt anslag 3 mill. kr engangs og 600 000 kr årlig.",
    municipalities: all,
    suggestedGroup: "Portal og innbyggerdialog",
    author: "employee3",
    created: "2021-08-30",
    assessment: {
      strategic_value: 3,
      service_quality: 3,
      economic_benefit: 1,
      necessity: 1,
      risk: 2,
      benefits_plan:
        "Antall nedlastinger og aktive brukere. Faggruppen ser ingen sikker gevinst så lenge tjenestene uansett ligger i nasjonale løsninger.",
      cost_once: 3_000_000,
      cost_yearly: 600_000,
      goals: ["1.2"],
      on: "2021-09-24",
    },
    steps: [
      { event: "SUBMIT", by: "employee3", on: "2021-08-30" },
      { event: "ASSIGN", by: "coordinator", on: "2021-08-31", group: "Portal og innbyggerdialog" },
      { event: "RECOMMEND", by: "leaderPortal", on: "2021-09-27" },
      committee("COMMITTEE_RECOMMEND", "2021-10-06"),
      board(
        "BOARD_REJECT",
        "2021-10-20",
        "Styret vil satse på nasjonale fellesløsninger som Helsenorge og Digisos og på kommunenes nettsider, ikke på en egen app. Kostnaden står ikke i forhold til gevinsten.",
      ),
    ],
  },
  {
    key: "innbyggerportal",
    title: "Videreutvikling av innbyggerportalene – klarspråk og universell utforming",
    background:
      "Kommunenes nettsider er hovedinngangen for innbyggerne. Innholdet har vokst over mange år, og mye er skrevet for saksbehandlere, ikke for innbyggerne.",
    problem:
      "Innbyggerne finner ikke fram, mye innhold er utdatert, og sidene oppfyller ikke alle kravene til universell utforming (WCAG 2.1).",
    solution:
      "Videreutvikle innbyggerportalene med ny informasjonsarkitektur, klarspråk, tjenestebeskrivelser per livssituasjon og tilgjengelighetserklæring, med innleid hjelp for å holde framdriften.",
    benefits:
      "Innbyggerne finner svar selv, færre telefoner til servicetorgene, og kommunene oppfyller lovkravene om universell utforming.",
    affected: "Alle innbyggere, nettredaktører og servicetorg i alle fire kommunene.",
    resources: "Innleid kompetanse og interne nettredaktører. Ca. 900 000 kr engangs og 120 000 kr årlig.",
    municipalities: all,
    suggestedGroup: "Portal og innbyggerdialog",
    author: "employee5",
    created: "2021-10-11",
    assessment: {
      strategic_value: 4,
      service_quality: 4,
      economic_benefit: 3,
      necessity: 4,
      risk: 4,
      benefits_plan:
        "Antall avvik i tilgjengelighetstest, andel sider gjennomgått i klarspråk, søk uten treff og henvendelser til servicetorgene. Måles halvårlig.",
      cost_once: 900_000,
      cost_yearly: 120_000,
      goals: ["1.2", "5.2"],
      on: "2021-11-10",
    },
    steps: [
      { event: "SUBMIT", by: "employee5", on: "2021-10-11" },
      { event: "ASSIGN", by: "coordinator", on: "2021-10-12", group: "Portal og innbyggerdialog" },
      { event: "RECOMMEND", by: "leaderPortal", on: "2021-11-11" },
      committee("COMMITTEE_RECOMMEND", "2021-11-24"),
      board("BOARD_APPROVE", "2021-12-08"),
    ],
  },
  // ── Økonomi ────────────────────────────────────────────────────────────────────────────
  {
    key: "budsjettverktoy",
    title: "Eget verktøy for budsjettering i enhetene",
    background:
      "Enhetslederne lager budsjettene sine i egne regneark som økonomiavdelingen samler og legger inn.",
    problem: "Regnearkene har ulike formater, formler går i stykker, og tallene må legges inn to ganger.",
    solution: "Anskaffe et eget budsjetteringsverktøy for enhetslederne, ved siden av økonomisystemet.",
    benefits: "Mindre dobbeltarbeid og bedre oversikt under budsjettprosessen.",
    affected: "Enhetsledere og økonomiavdelingene.",
    resources: "Lisens og integrasjon. Ca. 500 000 kr engangs og 200 000 kr årlig.",
    municipalities: ["Molde", "Aukra"],
    suggestedGroup: "Økonomi",
    author: "employee",
    created: "2021-09-01",
    assessment: {
      strategic_value: 3,
      service_quality: 2,
      economic_benefit: 2,
      necessity: 1,
      risk: 3,
      benefits_plan:
        "Tid brukt på budsjettprosessen i økonomiavdelingen og antall feil i budsjettgrunnlaget.",
      cost_once: 500_000,
      cost_yearly: 200_000,
      goals: ["3.3"],
      on: "2021-10-20",
    },
    steps: [
      { event: "SUBMIT", by: "employee", on: "2021-09-01" },
      { event: "ASSIGN", by: "coordinator", on: "2021-09-02", group: "Økonomi" },
      { event: "RECOMMEND", by: "leaderOkonomi", on: "2021-10-21" },
      committee(
        "COMMITTEE_REJECT",
        "2021-11-03",
        "Overlapper med budsjettmodulen i økonomisystemet kommunene allerede har lisens på. Faggruppen bes heller se på opplæring og bedre bruk av den.",
      ),
    ],
  },
  {
    key: "ehf-faktura",
    title: "Automatisk tolkning og kontering av inngående EHF-faktura",
    background:
      "Kommunene mottar de fleste fakturaer som EHF, men de konteres og attesteres fortsatt manuelt i økonomisystemet.",
    problem:
      "Manuell kontering tar mye tid i regnskapsavdelingene, gir feil og forsinkede betalinger, og mange fakturaer blir liggende hos attestanter.",
    solution:
      "Ta i bruk maskinlæringsbasert tolkning og forslag til kontering av EHF-faktura i økonomisystemet, med automatisk fordeling til riktig attestant.",
    benefits:
      "Kortere tid fra mottak til betaling, færre purregebyr, mindre manuelt arbeid i regnskap og bedre data for økonomistyring.",
    affected: "Regnskapsavdelingene, attestanter og anvisere i alle fire kommunene, leverandører.",
    resources: "Tilleggsmodul og oppsett. Ca. 350 000 kr engangs og 180 000 kr årlig.",
    municipalities: all,
    suggestedGroup: "Økonomi",
    author: "employee3",
    created: "2021-09-13",
    assessment: {
      strategic_value: 4,
      service_quality: 3,
      economic_benefit: 5,
      necessity: 3,
      risk: 4,
      benefits_plan:
        "Andel fakturaer kontert automatisk, gjennomsnittlig behandlingstid og antall purregebyr. Regnskapslederne er gevinsteiere; rapport til bestillerutvalget etter ett år.",
      cost_once: 350_000,
      cost_yearly: 180_000,
      goals: ["2.2", "3.3"],
      on: "2021-10-27",
    },
    steps: [
      { event: "SUBMIT", by: "employee3", on: "2021-09-13" },
      { event: "ASSIGN", by: "coordinator2", on: "2021-09-14", group: "Økonomi" },
      { event: "RECOMMEND", by: "leaderOkonomi", on: "2021-10-28" },
      committee(
        "COMMITTEE_DEFER",
        "2021-11-03",
        "Utsatt til neste møte. Faggruppen bes legge fram fakturavolum per kommune.",
      ),
      committee("COMMITTEE_RECOMMEND", "2021-11-24"),
      board(
        "BOARD_DEFER",
        "2021-12-08",
        "Utsatt til første styremøte i 2022, for å ses i sammenheng med budsjett 2022 og ny strategi.",
      ),
    ],
  },
  {
    key: "utskrift",
    title: "Får ikke skrevet ut fra ny PC",
    background: "Jeg fikk ny PC i forrige uke i PC-rulleringen.",
    problem: "Skriveren på kontoret dukker ikke opp når jeg skal skrive ut. Det gjelder også to kolleger.",
    solution: "Kan noen legge inn skriveren på den nye PC-en?",
    benefits: "At vi får skrevet ut igjen.",
    affected: "Meg og kollegene på servicetorget i Åndalsnes.",
    resources: "",
    municipalities: ["Rauma"],
    author: "employee2",
    created: "2021-09-20",
    steps: [
      { event: "SUBMIT", by: "employee2", on: "2021-09-20" },
      {
        event: "REDIRECT",
        by: "coordinator",
        on: "2021-09-21",
        reason:
          "Dette er en brukerstøttesak, ikke et digitaliseringsforslag, så vi har sendt den til Kundeservice. De tar kontakt i dag. Neste gang kan du melde slike feil i selvbetjeningsportalen eller ringe Kundeservice direkte.",
      },
    ],
  },
  // ── Lønn og personal ───────────────────────────────────────────────────────────────────
  {
    key: "rekruttering",
    title: "Fullelektronisk rekruttering: integrasjon mot sak/arkiv og e-signering i HRM",
    background:
      "Molde, Aukra, Rauma og Vestnes innførte nytt rekrutteringssystem i starten av 2020. Søknadene kommer digitalt, men resten av ansettelsen går fortsatt på papir.",
    problem:
      "Arbeidskontrakter skrives ut, signeres for hånd, skannes og arkiveres manuelt. Dokumentene fra rekrutteringen må legges i sak/arkiv for hånd, og nyansatte venter på kontrakten.",
    solution:
      "Sette opp integrasjon fra rekrutteringssystemet til sak/arkiv og innføre e-signering av arbeidskontrakter i HRM-systemet, slik at hele prosessen er elektronisk fra søknad til ferdig ansettelse.",
    benefits: "Raskere ansettelser, ingen skanning, korrekt arkivering og en bedre start for nyansatte.",
    affected: "Ledere som ansetter, HR og lønn, arkivtjenestene, søkere og nyansatte i alle fire kommunene.",
    resources: "Integrasjon og e-signeringsmodul. Ca. 200 000 kr engangs og 60 000 kr årlig.",
    municipalities: all,
    suggestedGroup: "Lønn og personal",
    author: "employee3",
    created: "2021-04-12",
    assessment: {
      strategic_value: 4,
      service_quality: 4,
      economic_benefit: 4,
      necessity: 3,
      risk: 4,
      benefits_plan:
        "Tid fra tilbud til signert kontrakt, andel kontrakter signert elektronisk (mål: over 90 %) og tid brukt på manuell arkivering i HR.",
      cost_once: 200_000,
      cost_yearly: 60_000,
      goals: ["2.2"],
      on: "2021-05-10",
    },
    steps: [
      { event: "SUBMIT", by: "employee3", on: "2021-04-12" },
      { event: "ASSIGN", by: "coordinator2", on: "2021-04-13", group: "Lønn og personal" },
      { event: "RECOMMEND", by: "leaderLonn", on: "2021-05-11" },
      committee("COMMITTEE_APPROVE", "2021-06-02"),
      { event: "START", by: "coordinator", on: "2021-06-07" },
      { event: "COMPLETE", by: "coordinator", on: "2021-11-30" },
    ],
    reportText:
      "Rekruttering – Molde, Aukra, Rauma og Vestnes kommune. I løpet av 2021 er det satt opp integrasjoner til sak/arkiv og innført e-signering i HRM-systemet, slik at rekrutteringsprosessen er fullelektronisk helt fra kandidaten søker, gjennom dokumentflyten under ansettelsen og signering av kontrakt, til ansettelsen er ferdig.",
  },
  {
    key: "renhold-rauma",
    title: "Renholds-app og personlig iPad for renholdere i Rauma",
    background:
      "Renholderne i Rauma får arbeidsoppgavene sine på papirlister og har ikke egen PC. Intranett, e-post og personalhåndbok er vanskelig tilgjengelig for dem.",
    problem:
      "Utført arbeid dokumenteres på papir, avvik meldes muntlig, og timelister føres for hånd og registreres på nytt.",
    solution:
      "Gi renholderne en personlig iPad med renholds-app, der de får arbeidsoppgavene direkte og dokumenterer utført arbeid, og et eget Team med tilgang til intranett, e-post, avvikshåndtering, timeregistrering, personalhåndbok og kvalitetssystemet.",
    benefits:
      "Mindre papir og dobbeltregistrering, bedre dokumentasjon av renholdet og renholdere som er like digitalt inkludert som andre ansatte.",
    affected: "Renholdere og renholdsledere i Rauma, HR og lønn.",
    resources: "iPader, app-lisens og opplæring. Ca. 300 000 kr engangs og 50 000 kr årlig, betalt av Rauma.",
    municipalities: ["Rauma"],
    suggestedGroup: "Lønn og personal",
    author: "employee2",
    created: "2021-04-26",
    assessment: {
      strategic_value: 3,
      service_quality: 4,
      economic_benefit: 4,
      necessity: 2,
      risk: 4,
      benefits_plan:
        "Tid brukt på planlegging og rapportering i renholdsavdelingen, antall avvik meldt digitalt, og andel timelister ført digitalt. Følges opp av renholdsleder i Rauma.",
      cost_once: 300_000,
      cost_yearly: 50_000,
      goals: ["2.3"],
      on: "2021-08-10",
    },
    steps: [
      { event: "SUBMIT", by: "employee2", on: "2021-04-26" },
      { event: "ASSIGN", by: "coordinator", on: "2021-04-27", group: "Lønn og personal" },
      { event: "RECOMMEND", by: "leaderLonn", on: "2021-08-11" },
      committee("COMMITTEE_APPROVE", "2021-08-25"),
      { event: "START", by: "coordinator", on: "2021-08-30" },
      { event: "COMPLETE", by: "coordinator", on: "2021-11-26" },
    ],
    reportText:
      "Renhold – Rauma kommune. Renholdsarbeiderne i Rauma har nå en personlig iPad med egen renholds-app, der de får arbeidsoppgaver direkte og dokumenterer utført arbeid. I eget Team har de tilgang til intranett, e-post, avvikshåndtering, timeregistrering, personalhåndbok og kvalitetssystemet. Det gir en stor gevinst for avdelingen sammenlignet med tidligere manuelle rutiner.",
  },
  {
    key: "hrm-organisasjon",
    title: "Organisasjonsstruktur i HRM som grunnlag for tilgangsstyring",
    background:
      "Organisasjonsstrukturen i HRM-systemet danner grunnlaget for uttrekk til identitetssystemet som alle kommunene bruker, og dermed for hvem som får tilgang til hva.",
    problem:
      "Strukturen er ulik fra kommune til kommune og ikke oppdatert etter omorganiseringer. Tilganger blir feil, og deaktivering av brukere stemmer ikke alltid med virkeligheten.",
    solution:
      "Rydde og harmonisere organisasjonsstrukturen i HRM i alle fire kommunene, med faste rutiner for vedlikehold, slik at identitetssystemet gir riktige tilganger automatisk.",
    benefits:
      "Riktige tilganger fra første dag, automatisk deaktivering når noen slutter, og full kontroll på tilgangsstyringen før Helseplattformen innføres.",
    affected: "HR og lønn, ledere, alle ansatte, ROR-IKT Drift og Kundeservice.",
    resources: "Ca. 60 dagsverk fordelt på kommunene og ROR-IKT. 150 000 kr engangs, ingen årlig kostnad.",
    municipalities: all,
    suggestedGroup: "Lønn og personal",
    author: "coordinator2",
    created: "2021-06-14",
    assessment: {
      strategic_value: 4,
      service_quality: 3,
      economic_benefit: 3,
      necessity: 5,
      risk: 4,
      benefits_plan:
        "Antall feil i tilganger meldt til Kundeservice, andel brukere deaktivert automatisk, og tid fra ansettelse til bruker med riktige tilganger.",
      cost_once: 150_000,
      cost_yearly: 0,
      goals: ["4.3", "5.2"],
      on: "2021-08-12",
    },
    steps: [
      { event: "SUBMIT", by: "coordinator2", on: "2021-06-14" },
      { event: "ASSIGN", by: "coordinator", on: "2021-06-15", group: "Lønn og personal" },
      { event: "RECOMMEND", by: "leaderLonn", on: "2021-08-13" },
      committee("COMMITTEE_RECOMMEND", "2021-08-25"),
      board("BOARD_APPROVE", "2021-09-08"),
      { event: "START", by: "coordinator", on: "2021-09-13" },
    ],
    reportText:
      "Organisasjonsstruktur i HRM – Rauma, Vestnes, Aukra og Molde kommune. Det har vært videre arbeid med organisasjonsstrukturen i HRM, som danner grunnlaget for uttrekk til identitetssystemet alle kommunene bruker, og dermed for tilgangskontrollen. Det er viktig å ha full kontroll på dette ved innføringen av Helseplattformen.",
  },
  // ── Microsoft365 ───────────────────────────────────────────────────────────────────────
  {
    key: "onedrive-teams",
    title: "Flytte arbeidsdokumenter fra filservere til OneDrive og Teams",
    background:
      "Kommunene har tatt i bruk Teams, men arbeidsdokumentene ligger fortsatt på felles filområder på filserverne i ROR-IKTs datarom.",
    problem:
      "Dokumenter sendes som vedlegg på e-post, det finnes mange versjoner av samme fil, og filområdene er vanskelige å nå fra hjemmekontor og mobil.",
    solution:
      "Flytte personlige dokumenter til OneDrive og fellesområder til Teams og SharePoint, med en plan per enhet, opplæring og avvikling av de gamle filområdene.",
    benefits:
      "Bedre og mer effektiv samhandling om dokumenter, tilgang hvor som helst, og mindre lagring og backup på egne servere.",
    affected: "Alle ansatte i de fire kommunene, ROR-IKT Drift og Kundeservice.",
    resources:
      "Migreringsverktøy og ca. 80 dagsverk i ROR-IKT. 400 000 kr engangs, lisenser inngår i Microsoft365.",
    municipalities: all,
    suggestedGroup: "Microsoft365",
    author: "coordinator2",
    created: "2021-04-06",
    assessment: {
      strategic_value: 5,
      service_quality: 4,
      economic_benefit: 4,
      necessity: 4,
      risk: 3,
      benefits_plan:
        "Andel filområder avviklet, bruk av Teams målt mot e-post per kommune, og reduksjon i lagring på filserverne.",
      cost_once: 400_000,
      cost_yearly: 0,
      goals: ["2.1"],
      on: "2021-08-09",
    },
    steps: [
      { event: "SUBMIT", by: "coordinator2", on: "2021-04-06" },
      { event: "ASSIGN", by: "coordinator", on: "2021-04-07", group: "Microsoft365" },
      { event: "RECOMMEND", by: "leaderM365", on: "2021-08-10" },
      committee("COMMITTEE_RECOMMEND", "2021-08-25"),
      board("BOARD_APPROVE", "2021-09-08"),
      { event: "START", by: "coordinator", on: "2021-09-13" },
      { event: "COMPLETE", by: "coordinator", on: "2021-12-20" },
    ],
    reportText:
      "Teams og brukeradopsjon – Rauma, Vestnes, Aukra og Molde kommune. I 2021 flyttet kommunene arbeidsdokumenter fra filservere til OneDrive og Teams, et stort steg mot bedre og mer effektiv samhandling om dokumenter. Analyser viser at Teams nå er like mye brukt som e-post.",
  },
  {
    key: "webinarer",
    title: "Webinarer og e-læring om Teams og Microsoft365 på Kompetanseportalen",
    background:
      "Ansatte har fått Teams og Microsoft365, men mange bruker bare en liten del av verktøyene, og spørsmålene til Kundeservice handler ofte om grunnleggende bruk.",
    problem: "Opplæringen har vært tilfeldig og ulik i kommunene. Ansatte i turnus når ikke kurs på dagtid.",
    solution:
      "En serie webinarer om Teams og de andre Microsoft365-verktøyene, med opptak og annet opplæringsmateriell lagt ut fortløpende på Kompetanseportalen.",
    benefits: "Ansatte som bruker verktøyene bedre, bedre samhandling og færre enkle supportsaker.",
    affected: "Alle ansatte i de fire kommunene, ledere, ROR-IKT Kundeservice.",
    resources: "Tid i Kundeservice til å lage og holde webinarene. 30 000 kr engangs, ingen årlig kostnad.",
    municipalities: all,
    suggestedGroup: "Microsoft365",
    author: "unionRep",
    created: "2021-05-03",
    assessment: {
      strategic_value: 4,
      service_quality: 4,
      economic_benefit: 3,
      necessity: 2,
      risk: 5,
      benefits_plan:
        "Deltakere per webinar og visninger av opptak i etterkant, sett i forhold til antall ansatte i hver kommune, og antall supportsaker om Teams.",
      cost_once: 30_000,
      cost_yearly: 0,
      goals: ["5.1", "2.1"],
      on: "2021-08-09",
    },
    steps: [
      { event: "SUBMIT", by: "unionRep", on: "2021-05-03" },
      { event: "ASSIGN", by: "coordinator", on: "2021-05-04", group: "Microsoft365" },
      { event: "RECOMMEND", by: "leaderM365", on: "2021-08-10" },
      committee("COMMITTEE_APPROVE", "2021-08-25"),
      { event: "START", by: "coordinator", on: "2021-08-30" },
      { event: "COMPLETE", by: "coordinator", on: "2021-12-15" },
    ],
    reportText:
      "Opplæring i Teams og Microsoft365 – alle kommunene. Det er arrangert 6 webinarer om bruken av Teams og de øvrige Microsoft365-verktøyene. Opptak og annet opplæringsmateriell er gjort tilgjengelig på Kompetanseportalen. Hvert webinar hadde i gjennomsnitt rundt 170 deltakere, og i tillegg omtrent 100 visninger i etterkant.",
  },
  {
    key: "infosikkerhet-elaering",
    title: "E-læring i informasjonssikkerhet og personvern for alle ansatte",
    background:
      "2021 startet med et alvorlig dataangrep på en norsk kommune, som måtte ty til analoge hjelpemidler over lang tid. Gode tekniske løsninger holder ikke alene; alle ansatte må være med.",
    problem:
      "Mange ansatte kjenner ikke til phishing, sikker bruk av Teams og deling av filer, eller hva de skal gjøre ved et avvik. Opplæringen i informasjonssikkerhet er ikke systematisk.",
    solution:
      "Et felles e-læringsprogram i informasjonssikkerhet og personvern på Kompetanseportalen, med korte moduler, jevnlige phishing-øvelser og oppfølging gjennom ledere.",
    benefits:
      "En mer robust sikkerhetskultur, færre vellykkede phishing-angrep og bedre meldekultur for avvik.",
    affected: "Alle ansatte og ledere i de fire kommunene, personvernombudene, ROR-IKT.",
    resources: "Lisens for e-læring og phishing-øvelser. Ca. 150 000 kr engangs og 120 000 kr årlig.",
    municipalities: all,
    suggestedGroup: "Microsoft365",
    author: "groupMember",
    created: "2021-09-13",
    assessment: {
      strategic_value: 5,
      service_quality: 3,
      economic_benefit: 3,
      necessity: 5,
      risk: 5,
      benefits_plan:
        "Andel ansatte som har fullført grunnmodulen (mål: 90 % innen ett år), klikkrate i phishing-øvelser og antall meldte sikkerhetsavvik.",
      cost_once: 150_000,
      cost_yearly: 120_000,
      goals: ["4.1", "5.1"],
      on: "2021-09-28",
    },
    steps: [
      { event: "SUBMIT", by: "groupMember", on: "2021-09-14" },
      { event: "ASSIGN", by: "coordinator", on: "2021-09-15", group: "Microsoft365" },
      { event: "RECOMMEND", by: "leaderM365", on: "2021-09-29" },
      committee("COMMITTEE_APPROVE", "2021-10-06"),
      { event: "START", by: "coordinator", on: "2021-10-11" },
    ],
    reportText:
      "Informasjonssikkerhet – alle kommunene. For å skape en mest mulig robust organisasjon har vi i tillegg til tekniske sikkerhetsløsninger hatt fokus på opplæring i personvern og informasjonssikkerhet. Et felles e-læringsprogram på Kompetanseportalen er under innføring.",
  },
  // ── Recent proposals (November 2026), in early states, for the work queues ─────────────
  {
    key: "copilot-pilot",
    title: "Pilot med KI-assistent i Microsoft365 for saksbehandlere",
    background:
      "Saksbehandlere bruker mye tid på å lese lange dokumenter, skrive referater og lage utkast til standardbrev. KI-assistenter i Microsoft365 er nå tilgjengelige for offentlig sektor.",
    problem:
      "Vi vet ikke om KI-assistenten sparer tid i praksis, hvilke data den får tilgang til, eller hvilke krav til personvern og informasjonssikkerhet som må være på plass først.",
    solution:
      "En avgrenset pilot med 40 saksbehandlere fra de fire kommunene i seks måneder, med risiko- og personvernvurdering (DPIA) før start, retningslinjer for bruk og opplæring på Kompetanseportalen.",
    benefits:
      "Kunnskap om reell tidsbesparelse før en eventuell bred innføring, og felles retningslinjer for bruk av KI i kommunene.",
    affected: "Saksbehandlere i piloten, personvernombudene, ledere, ROR-IKT.",
    resources:
      "Lisenser for 40 brukere i seks måneder, DPIA og oppfølging. Ca. 250 000 kr engangs og 180 000 kr årlig.",
    municipalities: all,
    suggestedGroup: "Microsoft365",
    author: "employee4",
    created: "2026-10-26",
    assessment: {
      strategic_value: 4,
      service_quality: 3,
      economic_benefit: 4,
      necessity: 2,
      risk: 2,
      benefits_plan:
        "Pilotdeltakerne registrerer tidsbruk på utvalgte oppgaver før og under piloten. Evaluering etter seks måneder med anbefaling til bestillerutvalget om videre innføring.",
      cost_once: 250_000,
      cost_yearly: 180_000,
      goals: ["2.1", "4.2", "5.1"],
      on: "2026-11-16",
    },
    steps: [
      { event: "SUBMIT", by: "employee4", on: "2026-10-27" },
      { event: "ASSIGN", by: "coordinator", on: "2026-10-28", group: "Microsoft365" },
      { event: "RECOMMEND", by: "leaderM365", on: "2026-11-18" },
    ],
  },
  {
    key: "nattilsyn",
    title: "Digitalt nattilsyn med sensorer i omsorgsboliger",
    background:
      "Nattpatruljen i hjemmetjenesten går fysiske tilsynsrunder hos brukere i omsorgsboliger. Mange av besøkene vekker brukeren uten at det er behov for hjelp.",
    problem:
      "Fysiske tilsyn forstyrrer søvnen, binder opp nattbemanningen og oppdager likevel ikke fall som skjer mellom rundene.",
    solution:
      "Ta i bruk digitalt tilsyn med sensorer (bevegelse, seng og dør) i omsorgsboligene, med varsler til nattpatruljen, etter samtykke fra brukeren eller pårørende.",
    benefits: "Bedre søvn for brukerne, raskere hjelp ved fall og nattbemanning som brukes der behovet er.",
    affected:
      "Brukere i omsorgsboliger og pårørende, nattpatruljen i hjemmetjenesten, velferdsteknologiansvarlige.",
    resources: "Sensorer og plattform for 30 boenheter. Ca. 400 000 kr engangs og 90 000 kr årlig.",
    municipalities: ["Rauma", "Vestnes"],
    suggestedGroup: "Helse og velferd",
    author: "employee2",
    created: "2026-10-29",
    assessment: {
      strategic_value: 4,
      service_quality: 5,
      economic_benefit: 4,
      necessity: 3,
      risk: 3,
      benefits_plan:
        "Antall fysiske tilsyn per natt før og etter, tid fra fall til hjelp, og brukernes og pårørendes opplevelse. Hjemmetjenestelederne i Rauma og Vestnes følger opp.",
      cost_once: 400_000,
      cost_yearly: 90_000,
      goals: ["3.2", "2.3"],
      on: "2026-11-19",
    },
    steps: [
      { event: "SUBMIT", by: "employee2", on: "2026-10-30" },
      { event: "ASSIGN", by: "coordinator", on: "2026-11-02", group: "Helse og velferd" },
    ],
  },
  {
    key: "startlan",
    title: "Digital søknad om startlån med automatisk innhenting av inntekt",
    background:
      "Søknader om startlån kommer i dag som PDF-skjema på e-post, og saksbehandler må be om lønnsslipper og skattemelding i etterkant.",
    problem: "Mange søknader er mangelfulle, og det tar flere uker før saksbehandlingen kan starte.",
    solution:
      "Et digitalt søknadsskjema med innlogging via ID-porten der inntekt og formue hentes automatisk fra Skatteetaten etter samtykke.",
    benefits: "Komplette søknader, kortere saksbehandlingstid og mindre papir.",
    affected: "Søkere av startlån, saksbehandlere for startlån.",
    resources: "Skjemaløsning og integrasjon. Usikker på kostnaden.",
    municipalities: ["Molde"],
    suggestedGroup: "Økonomi",
    author: "employee",
    created: "2026-11-03",
    steps: [
      { event: "SUBMIT", by: "employee", on: "2026-11-04" },
      { event: "ASSIGN", by: "coordinator", on: "2026-11-06", group: "Økonomi" },
      {
        event: "REQUEST_INFO",
        by: "leaderOkonomi",
        on: "2026-11-17",
        reason:
          "Gjelder dette bare Molde, eller også de andre kommunene? Hvor mange søknader om startlån behandler dere i året, og hvilket saksbehandlingssystem brukes i dag?",
      },
    ],
  },
  {
    key: "inneklima",
    title: "Sensorer for inneklima og CO₂ i skolebygg",
    background:
      "Lærere og elever klager over tung luft og høy temperatur i flere klasserom, særlig i eldre skolebygg.",
    problem:
      "Vi har ingen målinger av inneklimaet og kan ikke dokumentere problemet eller prioritere tiltak riktig.",
    solution:
      "Montere sensorer for CO₂, temperatur og fukt i klasserommene og samle dataene på en felles plattform med varsling til driftsoperatøren.",
    benefits: "Bedre læringsmiljø, dokumentasjon for prioritering av vedlikehold og energisparing.",
    affected: "Elever og lærere, eiendomsavdelingen, driftsoperatører.",
    resources: "Sensorer for ca. 120 klasserom og dataplattform. Ca. 300 000 kr engangs.",
    municipalities: ["Molde", "Aukra"],
    suggestedGroup: "Teknisk",
    author: "employee5",
    created: "2026-11-09",
    steps: [
      { event: "SUBMIT", by: "employee5", on: "2026-11-10" },
      { event: "ASSIGN", by: "coordinator2", on: "2026-11-16", group: "Teknisk" },
    ],
  },
  {
    key: "vannbrudd-varsling",
    title: "SMS-varsling til innbyggere ved vannbrudd og stengte veier",
    background:
      "Når det er vannbrudd eller en vei må stenges, legger kommunen ut en melding på nettsiden og Facebook. Mange berørte ser den ikke.",
    problem: "Innbyggere som mister vannet, får ikke beskjed i tide, og servicetorget får mange telefoner.",
    solution:
      "Kartbasert varsling på SMS og e-post til innbyggere og virksomheter i det berørte området, med adresse hentet fra matrikkelen og kontaktinformasjon fra Kontakt- og reservasjonsregisteret.",
    benefits: "Innbyggerne får beskjed raskt, færre telefoner og bedre beredskap.",
    affected: "Innbyggere og virksomheter, vann og avløp, vei, servicetorg, beredskapsansvarlige.",
    resources: "Varslingstjeneste med kartmodul. Ca. 150 000 kr engangs og 80 000 kr årlig.",
    municipalities: ["Vestnes", "Rauma"],
    suggestedGroup: "Teknisk",
    author: "employee3",
    created: "2026-11-23",
    steps: [{ event: "SUBMIT", by: "employee3", on: "2026-11-23" }],
  },
  {
    key: "besoksregistrering",
    title: "Digital besøksregistrering og timebestilling på sykehjem",
    background:
      "Pårørende ringer sykehjemmet for å avtale besøk på fellesarealer og i helgene. Besøk registreres i en perm i resepsjonen.",
    problem:
      "Telefonene tar tid fra pleierne, og permen gir ingen oversikt over kapasitet eller hvem som har vært på besøk.",
    solution: "En enkel nettløsning der pårørende booker besøkstid og registrerer seg ved ankomst.",
    benefits: "Mindre telefontid for pleierne og bedre oversikt over besøk.",
    affected: "Pårørende, ansatte og beboere på sykehjemmene.",
    resources: "Standard bookingløsning. Ca. 50 000 kr årlig.",
    municipalities: ["Aukra"],
    suggestedGroup: "Helse og velferd",
    author: "employee4",
    created: "2026-11-24",
    steps: [{ event: "SUBMIT", by: "employee4", on: "2026-11-25" }],
  },
  {
    key: "utkast-chatbot",
    title: "Chatbot for spørsmål om eiendomsskatt",
    background: "Kundeservice får mange like spørsmål om eiendomsskatt hver vår.",
    problem: "",
    solution: "",
    benefits: "",
    affected: "",
    resources: "",
    municipalities: ["Molde"],
    author: "employee",
    created: "2026-11-20",
    steps: [],
  },
];
