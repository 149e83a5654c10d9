import type { ProposalEventType } from "../../workflows/proposal.machine";

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
}

export interface DemoAssessment {
  strategic_value: number;
  service_quality: number;
  economic_benefit: number;
  necessity: number;
  risk: number;
  adjustment?: number;
  benefits_plan: string;
  cost_once: number;
  cost_yearly: number;
  /** Strategy sub-goal numbers, e.g. "1.2". */
  goals: string[];
  /** The day the group assessed it (before RECOMMEND). */
  on: string;
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
}

export const demoProposals: DemoProposal[] = [
  {
    key: "vannmalere",
    title: "Smarte vannmålere med automatisk avlesning",
    background:
      "I dag leser innbyggerne av vannmåleren selv én gang i året og sender inn målerstanden på papir eller nett. Mange glemmer det, og kommunen må purre og stipulere forbruket.",
    problem:
      "Manuell avlesning gir feil i fakturagrunnlaget, mye purring og sen oppdagelse av lekkasjer på ledningsnettet.",
    solution:
      "Ta i bruk smarte vannmålere som sender målerstand automatisk over et trådløst nett (LoRaWAN/NB-IoT), med integrasjon mot fagsystemet for kommunale avgifter.",
    benefits:
      "Riktigere faktura, mindre purring, tidlig varsel om lekkasje hos abonnent og på nettet, og bedre data for planlegging av vannforsyningen.",
    affected: "Innbyggere med vannmåler, teknisk drift, kommunale avgifter, Kundeservice.",
    resources:
      "Innkjøp av målere og nettverk, integrasjon mot fagsystem. Grovt anslag 2–3 mill. kr over tre år.",
    municipalities: ["Aukra", "Molde", "Rauma", "Vestnes"],
    suggestedGroup: "Teknisk",
    author: "employee3",
    created: "2021-02-02",
    steps: [
      { event: "SUBMIT", by: "employee3", on: "2021-02-03" },
      { event: "ASSIGN", by: "coordinator", on: "2021-02-08", group: "Teknisk" },
    ],
  },
  {
    key: "digisos",
    title: "Digisos – digital søknad om økonomisk sosialhjelp",
    background:
      "Søknader om økonomisk sosialhjelp kommer i dag på papir og skannes inn i fagsystemet ved NAV-kontorene.",
    problem: "Papirsøknader gir lang saksbehandlingstid, mange mangelfulle søknader og dobbeltregistrering.",
    solution:
      "Innføre Digisos, den nasjonale løsningen fra NAV og KS for digital søknad, innsyn og dialog, integrert med kommunens fagsystem for sosialtjenesten.",
    benefits:
      "Raskere behandling, færre mangelfulle søknader, innsyn for søker i egen sak og mindre skanning og registrering.",
    affected: "Søkere av sosialhjelp, NAV-kontorene, fagsystemleverandør.",
    resources:
      "Oppsett og integrasjon, opplæring av saksbehandlere. Lav engangskostnad, årlig lisens via KS.",
    municipalities: ["Rauma", "Vestnes", "Aukra", "Molde"],
    suggestedGroup: "Helse og velferd",
    author: "employee2",
    created: "2021-01-11",
    steps: [{ event: "SUBMIT", by: "employee2", on: "2021-01-12" }],
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
