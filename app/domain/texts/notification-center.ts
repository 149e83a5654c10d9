import { layoutTexts as L } from "./layout";

/** Texts of the bell, the list of notifications ("Varsler"), following a proposal and step limits. */
export const notificationCenterTexts = {
  bell: L.bell,
  list: {
    title: "Varsler",
    intro: "Det som har skjedd i saker du er med i eller følger. Nyeste først.",
    empty: "Du har ingen varsler.",
    unreadSummary: (n: number) =>
      n === 0
        ? "Du har ingen uleste varsler."
        : `Du har ${n} ${n === 1 ? "ulest varsel" : "uleste varsler"}.`,
    unread: "Ulest",
    read: "Lest",
    open: "Åpne",
    markRead: "Merk som lest",
    markReadOf: (title: string) => `Merk som lest: ${title}`,
    markAllRead: "Merk alle som lest",
    older: "Eldre varsler",
    newest: "Til de nyeste varslene",
    preferences: "Velg hvilke varsler du får på e-post",
    markedRead: "Varselet er merket som lest.",
    allMarkedRead: "Alle varsler er merket som lest.",
    invalid: "Skjemaet kunne ikke leses. Last siden på nytt og prøv igjen.",
  },
  follow: {
    heading: "Følg innspillet",
    following: "Du følger dette innspillet og får varsel når det endrer seg.",
    notFollowing: "Følg innspillet for å få varsel når det endrer seg.",
    follow: "Følg innspillet",
    unfollow: "Slutt å følge",
    followed: "Du følger nå innspillet.",
    unfollowed: "Du følger ikke lenger innspillet.",
    draft: "Et utkast kan ikke følges.",
  },
  preferences: {
    heading: "Varsler på e-post",
    intro:
      "Alle varsler vises under Varsler her i løsningen. Velg for hver type om du også vil ha dem på e-post straks, samlet i en daglig oppsummering, eller ikke.",
    submit: "Lagre valgene",
    saved: "Valgene for varsler er lagret.",
    invalid: "Velg Straks, Daglig oppsummering eller Av for hver type varsel.",
  },
  stepLimits: {
    title: "Frister i prosessen",
    overviewText: "Hvor lenge et innspill kan vente i hvert steg før de som skal handle får påminnelse.",
    intro:
      "Når et innspill har ventet lenger enn fristen i et steg, får de som skal handle en påminnelse hver uke. La feltet stå tomt for ingen påminnelse.",
    days: "Antall dager",
    state: "Steg",
    none: "Ingen frist",
    submit: "Lagre fristene",
    saved: "Fristene er lagret.",
    invalidDays: "Skriv et helt antall dager fra 1 til 365, eller la feltet stå tomt.",
    changed: "Fristene er endret av noen andre mens du så på dem. Se over de nye verdiene og lagre på nytt.",
    fieldLabel: (state: string) => `Frist i dager: ${state}`,
  },
} as const;
