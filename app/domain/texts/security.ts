/** What the server's limits, the profile page, the demo banner and the start-up say, in Norwegian bokmål. */
export const securityTexts = {
  requests: {
    tooLarge: (limit: string) =>
      `Forespørselen er for stor. Et skjema kan være høyst ${limit}; vedlegg høyst 10 MB hver og 5 i alt.`,
    notAForm: "Skjemaet kunne ikke leses. Send det fra siden i Innspill.",
    tooLargeTitle: "For stor forespørsel",
  },
  attachments: {
    tooMany: "Et innspill kan ha høyst 5 vedlegg i alt. Fjern noen før du legger ved flere.",
    fileTooLarge: (name: string) => `Vedlegget «${name}» er større enn 10 MB.`,
    tooManyInForm: "Du kan legge ved høyst 5 filer.",
    contentMismatch: (name: string) =>
      `Innholdet i «${name}» stemmer ikke med filtypen. Lagre filen på nytt i riktig format.`,
  },
  demo: {
    banner: "Demo",
    bannerText: "Dette er en demonstrasjon med oppdiktede personer og innspill. Alle passord er demo1234.",
  },
  profile: {
    nav: "Min profil",
    title: "Min profil",
    intro: "Her ser du kontoen din og kan bytte passord.",
    mustChange: "Du er logget inn med et engangspassord. Velg et nytt passord før du går videre.",
    name: "Navn",
    email: "E-post",
    changePassword: "Bytt passord",
    currentPassword: "Nåværende passord",
    newPassword: "Nytt passord",
    newPasswordHint: "Minst 12 tegn.",
    repeatPassword: "Gjenta nytt passord",
    submit: "Bytt passord",
    changed: "Passordet er byttet. Du er logget ut på alle andre enheter.",
    errors: {
      currentRequired: "Skriv det nåværende passordet ditt.",
      currentWrong: "Det nåværende passordet er feil.",
      newRequired: "Skriv et nytt passord.",
      tooShort: "Det nye passordet må ha minst 12 tegn.",
      tooLong: "Det nye passordet kan ha høyst 200 tegn.",
      sameAsCurrent: "Det nye passordet må være forskjellig fra det nåværende.",
      mismatch: "Passordene er ikke like.",
    },
  },
  lastAdmin: "Det må finnes minst én aktiv administrator. Gi en annen bruker administratorrettigheter først.",
} as const;
