/** The proposal page's own words (the process steps' labels come from the machine's specs). */
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
} as const;
