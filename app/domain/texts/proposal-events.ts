/** Why a process event on a proposal was refused, as the proposal page shows it. */
export const proposalEventTexts = {
  blockedHint: "Krever en fullstendig vurdering og minst ett delmål i strategien.",
  chooseGroup: "Velg faggruppe",
  formGone: "Skjemaet kunne ikke behandles. Last siden på nytt og prøv igjen.",
  errors: {
    conflict: "Innspillet er endret av noen andre – last siden på nytt",
    /** Allowed for the user, but the proposal is not ready (only RECOMMEND has such conditions). */
    blocked: "Fullfør vurderingen og koble innspillet til minst ett delmål i strategien først.",
    /** START and COMPLETE record a project lead, dates and results: only their own forms may send them. */
    ownForm: "Bruk skjemaet for dette steget, det trenger flere opplysninger.",
    groupUnknown: "Velg en faggruppe fra listen.",
    mergeTargetUnknown: "Det finnes ikke noe innsendt innspill med det nummeret å slå sammen med.",
    notPossible: "Steget kan ikke tas med disse opplysningene.",
    invalidForm: "Ugyldig skjema.",
  },
} as const;
