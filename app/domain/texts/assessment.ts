import type { CriterionKey } from "#workflows/assessment";

/** Texts of the specialist group's assessment; the criteria's keys and scoring are in workflows/assessment.ts. */
export const assessmentTexts = {
  criteria: {
    strategic_value: { label: "Strategisk verdi", hint: "Hvor godt støtter det strategien?" },
    service_quality: {
      label: "Tjenestekvalitet for brukerne",
      hint: "Blir tjenesten bedre for innbyggere eller ansatte?",
    },
    economic_benefit: { label: "Økonomisk gevinst", hint: "Sparer det penger eller tid som kan tas ut?" },
    necessity: { label: "Lovpålagt eller driftskritisk", hint: "Krever lov, forskrift eller driften dette?" },
    risk: { label: "Risiko (lav risiko gir høy score)", hint: "5 = lav risiko, 1 = høy risiko." },
  } satisfies Record<CriterionKey, { label: string; hint: string }>,
  criteriaLegend: (hint: string) => `Kriterier (${hint})`,
  errors: {
    score: "Velg en score fra 1 til 5.",
    amount: "Oppgi et beløp i hele kroner.",
    amountNegative: "Beløpet kan ikke være negativt.",
    amountTooHigh: "Beløpet er urimelig høyt.",
    adjustment: "Justeringen må være et tall fra −5 til +5.",
    reasonTooLong: "Teksten kan være høyst 2000 tegn.",
    planTooLong: "Teksten kan være høyst 10 000 tegn.",
    goalUnknown: "Velg delmål fra listen.",
    unknownField: "Skjemaet inneholdt ukjente felt.",
  },
  title: "Faggruppens vurdering",
  edit: "Vurder innspillet",
  editTitle: (title: string) => `Vurdering: ${title}`,
  none: "Faggruppen har ikke vurdert innspillet ennå.",
  total: "Sum",
  band: "Prioritet",
  adjustment: "Manuell justering (−5 til +5)",
  adjustmentReason: "Begrunnelse for justeringen",
  benefitsPlan: "Gevinstplan",
  benefitsPlanHint: "Hvilke gevinster skal tas ut, av hvem, når, og hvordan måles de?",
  costOnce: "Engangskostnad (kr)",
  costYearly: "Årlig kostnad (kr)",
  goals: "Delmål i strategien",
  goalsHint: "Velg minst ett delmål før innspillet kan anbefales videre.",
  /** Said in the sub-goal picker for each offered strategy whose period is over. */
  expiredStrategyGoals: (name: string, lastYear: number) =>
    `Strategien «${name}» gjaldt til og med ${lastYear}. Delmålene kan fortsatt velges, men vurder om innspillet hører til en nyere strategi.`,
  /** Labels a sub-goal when goals from more than one strategy are offered. */
  goalOfStrategy: (number: string, title: string, strategy: string) => `${number} ${title} (${strategy})`,
  noGoals: "Ingen delmål er valgt.",
  save: "Lagre vurderingen",
  saved: "Vurderingen er lagret.",
  notScored: "Ikke vurdert",
  complete: "Vurderingen er fullstendig.",
  incomplete:
    "Vurderingen er ikke fullstendig: alle fem kriterier, gevinstplan og begge kostnader må fylles ut.",
  conflict: "Vurderingen er endret av noen andre – last siden på nytt",
  scoreHint: "1 = lav, 5 = høy",
};
