import { t } from "./index";
import { layoutTexts as L } from "./layout";

/** What the server's limits, the profile page, the demo banner and the start-up say, in Norwegian bokmål. */
export const securityTexts = {
  requests: {
    tooLarge: (limit: string) =>
      `Forespørselen er for stor. Et skjema kan være høyst ${limit}; vedlegg høyst 10 MB hver og 5 i alt.`,
    notAForm: "Skjemaet kunne ikke leses. Send det fra siden i Innspill.",
    crossOrigin: t.errors.crossOrigin,
    tooLargeTitle: L.errors.tooLargeTitle,
  },
  attachments: {
    tooMany: "Et innspill kan ha høyst 5 vedlegg i alt. Fjern noen før du legger ved flere.",
    fileTooLarge: (name: string) => `Vedlegget «${name}» er større enn 10 MB.`,
    tooManyInForm: "Du kan legge ved høyst 5 filer.",
    contentMismatch: (name: string) =>
      `Innholdet i «${name}» stemmer ikke med filtypen. Lagre filen på nytt i riktig format.`,
  },
  demo: L.demo,
  profile: {
    nav: L.profileNav,
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
  /** What the server says at start about a wrong setting (each message names the variable). */
  config: {
    heading: "Feil i konfigurasjonen:",
    boolean: (name: string) => `${name} må være "true" eller "false".`,
    number: (name: string) => `${name} må være et tall.`,
    integer: (name: string) => `${name} må være et heltall.`,
    between: (name: string, min: number, max: number) => `${name} må være mellom ${min} og ${max}.`,
    oneOf: (name: string, values: readonly string[]) => `${name} må være ${values.join(", ")}.`,
    notEmpty: (name: string) => `${name} kan ikke være tom.`,
    url: (name: string) =>
      `${name} må være en fullstendig adresse, for eksempel https://innspill.kommune.no.`,
    smtpUrl: "SMTP_URL må være en adresse som smtp://bruker:passord@vert:587 eller smtps://vert:465.",
    databaseUrl:
      "DATABASE_URL må være en PostgreSQL-adresse som postgres://bruker:passord@vert:5432/innspill " +
      "(la den stå tom for å bruke SQLite-filen).",
    secretTooShort: "SESSION_SECRET må ha minst 32 tegn.",
    productionSecret: "SESSION_SECRET: må settes i produksjon (minst 32 tilfeldige tegn).",
    productionSecure: "SECURE_COOKIES: må være true i produksjon (bak HTTPS).",
    demoAccounts: (domain: string) =>
      `INNSPILL_MODE=production: databasen inneholder demokontoer (@${domain}). ` +
      "Start med en tom database og opprett den første administratoren med npm run create-admin.",
  },
  createAdmin: {
    usage: "Bruk: npm run create-admin -- <e-post> [navn]",
    invalidEmail: (email: string) => `Ugyldig e-postadresse: ${email}`,
    adminExists: "Det finnes allerede en aktiv administrator. Opprett flere i Innspill under Administrasjon.",
    emailTaken: (email: string) => `Det finnes allerede en konto med e-postadressen ${email}.`,
    created: (email: string) => `Administrator opprettet: ${email}`,
    oneTimePassword: (password: string) => `Engangspassord: ${password}`,
    changeAtLogin: "Logg inn med det og velg et nytt passord. Det vises ikke igjen.",
  },
} as const;
