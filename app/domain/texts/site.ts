import { layoutTexts as L } from "./layout";

/**
 * Texts of the pages public-sector users expect to find: the accessibility statement, the
 * privacy page, the help page for first-time employees, and Kundeservice's contact details.
 * The first three bodies are defaults an administrator can replace (/admin/tekster).
 * A body is plain text: a blank line starts a new paragraph, "## " a heading, "- " a list item.
 */

export type SiteTextKey = "tilgjengelighet" | "personvern" | "kundeservice";
export const siteTextKeys: readonly SiteTextKey[] = ["tilgjengelighet", "personvern", "kundeservice"];

export const siteTextDefaults: Record<SiteTextKey, string> = {
  tilgjengelighet: `Innspill er laget for ansatte i kommunene i ROR-IKT og for innbyggere som leser den offentlige journalen. Løsningen skal oppfylle kravene i forskrift om universell utforming av informasjons- og kommunikasjonsteknologiske (IKT)-løsninger, det vil si WCAG 2.1 på nivå A og AA.

## Status
Løsningen oppfyller delvis kravene. Alle sider testes automatisk med verktøyet axe, med og uten JavaScript, og kan brukes med tastatur alene.

## Dette oppfyller ikke kravene
- Flytskjemaet på siden «Prosessen» er en tegning. Den samme informasjonen står som tekst under skjemaet, men tegningen alene er ikke tilgjengelig for skjermleser (WCAG 1.1.1).
- På mobil er teksten i flytskjemaet liten til du forstørrer det (WCAG 1.4.4). Bruk tekstversjonen under skjemaet.
- Word-dokumenter som lastes ned (møteinnkallinger, protokoller og årsrapport) er ikke kontrollert for tilgjengelighet.

## Meld fra om feil
Finner du noe som ikke virker, eller trenger du innholdet i en annen form? Kontakt Kundeservice i ROR-IKT. Du kan også klage til Tilsynet for universell utforming av IKT (uutilsynet.no).`,
  personvern: `Innspill behandler personopplysninger for å ta imot og behandle digitaliseringsinnspill i ROR-IKT. Behandlingsansvarlig er vertskommunen for ROR-IKT.

## Hva lagres
- Navn, e-postadresse og kommune for deg som har en bruker.
- Innspillene du skriver, vedlegg, svar og begrunnelser, og hvem som gjorde hva og når i behandlingen.
- Hvem som har støttet et innspill, og fra hvilken kommune.
- Innlogginger (tidspunkt og nettverksadresse) for å hindre misbruk.

## Hvorfor
For å behandle innspillet i ROR-IKT, faggruppene, porteføljerådet og samarbeidsrådet, og for å kunne dokumentere vedtakene (arkivlova og offentleglova). Grunnlaget er at behandlingen er nødvendig for å utføre en oppgave i allmennhetens interesse (GDPR artikkel 6 nr. 1 bokstav e).

## Hvor lenge
Innspill og behandlingshistorikk er saksdokumenter og tas vare på etter arkivreglene. Utkast du ikke sender inn, kan du slette selv. Innloggingsforsøk slettes etter 30 dager. Brukeren din deaktiveres når du slutter.

## Kontakt
Spørsmål om personvern rettes til Kundeservice i ROR-IKT eller til personvernombudet i din kommune. Du har rett til innsyn, retting og til å klage til Datatilsynet.`,
  kundeservice: `Telefon: 71 11 10 00 (hverdager 08.00–15.30)
E-post: kundeservice@ror-ikt.no
Meld sak i brukerstøtteportalen på intranettet.`,
};

export const siteTexts = {
  footerNav: L.footer.nav,
  accessibility: {
    title: "Tilgjengelighetserklæring",
    link: L.footer.accessibility,
    contactHeading: "Kontakt Kundeservice",
    updated: (date: string) => `Erklæringen ble sist oppdatert ${date}.`,
  },
  privacy: {
    title: "Personvern",
    link: L.footer.privacy,
    intakeLink: "Les om personvern i Innspill",
  },
  customerService: {
    title: "Kundeservice",
    redirected: "Saken er sendt til Kundeservice. Slik når du dem:",
  },
  help: {
    title: "Hjelp for nye brukere",
    link: L.footer.help,
    intro: "Kort om hva som skjer med et innspill, hvem som bestemmer, og hvor lang tid det pleier å ta.",
    whatHappensHeading: "Hva skjer med innspillet mitt?",
    whatHappens: [
      "Du skriver innspillet og sender det inn. Du kan lagre det som utkast først.",
      "ROR-IKT eller en faggruppeleder fordeler det til faggruppen for fagområdet. Er det en vanlig brukerstøttesak, sendes det til Kundeservice i stedet.",
      "Faggruppen vurderer nytte, kostnad og kobling til strategien, og kan spørre deg om mer informasjon.",
      "Anbefaler faggruppen innspillet, behandles det i {committee} og deretter i {board}, som vedtar eller avslår det i et møte.",
      "Vedtatte innspill gjennomføres av ROR-IKT, og resultatet tas med i årsrapporten.",
    ],
    processLink: "Se hele prosessen som flytskjema",
    whoDecidesHeading: "Hvem bestemmer?",
    whoDecides:
      "Faggruppen anbefaler eller avslår. {Committee} gir sin innstilling, eller vedtar innenfor daglig leders fullmakt. {Board} fatter vedtaket som en nummerert sak i et møte. Du kan trekke innspillet ditt fram til det er vedtatt.",
    durationHeading: "Hvor lang tid tar det?",
    durationIntro:
      "Beregnet fra innspillene i Innspill (medianen: halvparten går raskere, halvparten tar lengre tid).",
    toGroup: "Fra innsendt til fordelt til en faggruppe",
    toDecision: "Fra innsendt til vedtak (vedtatt eller avslått)",
    days: (days: number, count: number) =>
      `${days === 1 ? "1 dag" : `${days} dager`} (median av ${count} innspill)`,
    noData: "For få innspill til å si noe ennå",
    glossaryHeading: "Ord du møter",
    glossary: [
      [
        "Faggruppe",
        "En gruppe med én representant fra hver kommune, ROR-IKT og en tillitsvalgt, som vurderer innspill innen sitt fagområde.",
      ],
      [
        "Porteføljeråd",
        "Rådet (tidligere bestillerutvalget) som kvalitetssikrer og prioriterer innspill og gir innstilling til samarbeidsrådet. Ledes av daglig leder.",
      ],
      ["Innstilling", "Porteføljerådets anbefaling til samarbeidsrådet om hva som bør vedtas."],
      [
        "Saksframlegg",
        "Dokumentet som legger en sak fram for et møte: bakgrunn, vurdering og forslag til vedtak.",
      ],
    ] as const,
  },
  admin: {
    title: "Tekster på nettstedet",
    intro:
      "Tekstene under vises på sidene for tilgjengelighet og personvern og til innsendere som sendes til Kundeservice. En tom linje gir nytt avsnitt, «## » en overskrift og «- » et punkt i en liste.",
    labels: {
      tilgjengelighet: "Tilgjengelighetserklæring",
      personvern: "Personvern",
      kundeservice: "Kontaktinformasjon til Kundeservice",
    } satisfies Record<SiteTextKey, string>,
    save: "Lagre teksten",
    saved: "Teksten er lagret.",
    required: "Teksten kan ikke være tom.",
    tooLong: "Teksten kan være høyst 20 000 tegn.",
    conflict: "Teksten er endret av noen andre siden du åpnet siden. Last siden på nytt og prøv igjen.",
    unknown: "Ukjent tekst.",
    overviewText: "Tilgjengelighetserklæringen, personvernsiden og kontaktinformasjonen til Kundeservice.",
  },
} as const;

/** Words on the proposal page added with these pages (the rest of that page's texts are still in the route). */
export const proposalPageTexts = {
  reason: "Begrunnelse",
} as const;
