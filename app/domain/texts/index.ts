import { formatDate, formatTime } from "#workflows/dates";
import { layoutTexts as L } from "./layout";
import { proposalListTexts } from "./proposal-list";
/**
 * Everything a user reads, in Norwegian bokmål, in one place. Process labels (states and
 * actions) live with the process in workflows/, which is their single source.
 */
export const t = {
  forms: {
    required: "må fylles ut",
    requiredIntro:
      "Felt merket «må fylles ut» må være med før du sender inn. Et utkast kan lagres med bare tittel og kommuner.",
  },
  app: L.app,
  nav: L.nav,
  errors: {
    ...L.errors,
    summaryTitle: "Skjemaet har feil som må rettes",
    crossOrigin: "Forespørselen kom fra et annet nettsted og ble avvist.",
    forbidden: "Du har ikke tilgang til dette.",
    notFound: "Fant ikke siden.",
  },
  actions: {
    save: "Lagre",
    cancel: "Avbryt",
  },
  login: {
    title: "Logg inn",
    email: "E-post",
    password: "Passord",
    submit: "Logg inn",
    invalid: "Feil e-post eller passord",
    locked: (minutes: number) =>
      `For mange mislykkede forsøk. Innloggingen er sperret i ${minutes} minutter. Prøv igjen senere.`,
    emailRequired: "Skriv e-postadressen din.",
    passwordRequired: "Skriv passordet ditt.",
  },
  proposal: {
    ...proposalListTexts,
    fields: {
      title: "Tittel",
      background: "Bakgrunn",
      problem: "Problemstilling",
      solution: "Løsningsforslag",
      benefits: "Mulige gevinster",
      affected: "Berørte parter",
      resources: "Ressursbehov og grov kostnad",
      municipalities: "Kommuner innspillet gjelder",
      suggestedGroup: "Foreslått faggruppe (valgfritt)",
      attachments: "Vedlegg",
    },
    hints: {
      title: "Kort og beskrivende, høyst 200 tegn.",
      background: "Hva er situasjonen i dag?",
      problem: "Hvilket problem eller behov skal løses?",
      solution: "Hvordan kan det løses digitalt?",
      benefits: "Hva blir bedre, for hvem, og hva kan spares?",
      affected: "Hvem berøres: ansatte, innbyggere, andre kommuner, fagsystemer?",
      resources: "Hva trengs av tid, penger og kompetanse? Et grovt anslag holder.",
      municipalities: "Velg én eller flere.",
      attachments: "Inntil 5 filer på høyst 10 MB: PDF, Word, Excel, PowerPoint eller bilder.",
    },
    errors: {
      titleRequired: "Skriv en tittel.",
      titleTooLong: "Tittelen kan være høyst 200 tegn.",
      textTooLong: "Teksten kan være høyst 10 000 tegn.",
      municipalityRequired: "Velg minst én kommune.",
      municipalityUnknown: "Velg kommuner fra listen.",
      groupUnknown: "Velg en faggruppe fra listen.",
      tooManyFiles: "Du kan legge ved høyst 5 filer.",
      fileTooLarge: "Hver fil kan være høyst 10 MB.",
      fileType: "Filtypen er ikke tillatt. Bruk PDF, Word, Excel, PowerPoint eller bilder.",
      submitRequired: "Et innspill må ha bakgrunn, problemstilling og løsningsforslag før det sendes inn.",
      unknownField: "Skjemaet inneholdt ukjente felt.",
    },
    saveDraft: "Lagre som utkast",
    submit: "Send inn",
    newTitle: "Nytt innspill",
    editTitle: "Rediger utkast",
    privacyNotice:
      "Opplysningene brukes til å behandle innspillet i ROR-IKT, faggruppene, bestillerutvalget og styret. Navnet ditt og innspillet vises for ansatte i medlemskommunene. Innspill kan bli omfattet av innsyn etter offentleglova. Les mer om behandlingen av personopplysninger i personvernerklæringen til din kommune (GDPR art. 13).",
    notAProposal:
      "Gjelder det feil eller hjelp med noe som finnes fra før? Da er det en brukerstøttesak – kontakt Kundeservice i stedet.",
    submitted: "Innspillet er sendt inn.",
    saved: "Utkastet er lagret.",
    noGroupSuggestion: "Vet ikke / ingen forslag",
    allOpen: "Alle under behandling",
    allClosed: "Alle avsluttede",
    submittedBy: "Sendt inn av",
    submittedAt: "Sendt inn",
    createdAt: "Opprettet",
    draftOnlyYou: "Utkast – bare du ser dette.",
    noAttachments: "Ingen vedlegg.",
    state_: "Status",
    similar: "Lignende innspill",
    similarHint: "Finnes det et lignende innspill fra før? Vurder å støtte det i stedet.",
    edit: "Rediger",
    delete: "Slett utkast",
  },
} as const;

/** Dates are formatted by the one dates module; texts re-export it for the pages that format. */
export { formatDate };

/** An instant as Oslo date and time: "2.6.2026 kl. 00:30". */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "";
  return `${formatDate(iso)} kl. ${formatTime(iso)}`;
}

/** "1 dag", "5 dager" since a timestamp. */
export function waitedFor(iso: string, now = new Date()): string {
  const days = Math.max(0, Math.floor((now.getTime() - new Date(iso).getTime()) / 86_400_000));
  if (days === 0) return "i dag";
  return days === 1 ? "1 dag" : `${days} dager`;
}

/** Norwegian list: "Rauma, Vestnes, Aukra og Molde". */
export function listNb(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} og ${items[items.length - 1]}`;
}

export const roleLabels = {
  leader: "Leder",
  member: "Medlem",
  secretary: "Sekretær",
  chair: "Leder/ordstyrer",
  union_rep: "Tillitsvalgt",
} as const;

export const bodyKindLabels = {
  group: "Faggruppe",
  committee: "Bestillerutvalg/porteføljeråd",
  board: "Styre/samarbeidsråd",
} as const;
