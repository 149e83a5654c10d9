import type { Lane } from "#workflows/proposal.machine";

/**
 * The proposal page's own words (the states' labels come from the machine; the events' from
 * ./proposal-events.ts).
 */
export const proposalPageTexts = {
  number: (id: number) => `Innspill #${id}`,
  editAndSubmit: "Rediger og send inn",
  mergedInto: "Dette innspillet er slått sammen med",
  mergedTarget: (id: number) => `innspill #${id}`,
  mergedContinues: ", som behandles videre.",
  whereHeading: "Hvor står innspillet?",
  nextStep: (who: string) => `Neste steg: ${who}.`,
  showInProcess: "Vis hvor innspillet er i prosessen",
  historyHeading: "Historikk",
  factsHeading: "Fakta",
  municipalities: "Kommuner",
  notAssigned: "Ikke fordelt",
  suggested: "Foreslått",
  size: (kb: number) => `(${kb} kB)`,
  mergedHeading: "Sammenslåtte innspill",
  /** The history's first row (not a process event). */
  created: "Opprettet",
  /** Who acts next, by the current state's lane; {Committee}/{Board} filled with `bodyText`. */
  whoActs: {
    submitter: "Innsenderen",
    rorikt: "ROR-IKT",
    group: "Faggruppen",
    committee: "{Committee}",
    board: "{Board}",
  } satisfies Record<Lane, string>,
} as const;
