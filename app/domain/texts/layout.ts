/**
 * What the layout (root.tsx) shows on every page: name, menus, footer links, the bell, the demo
 * banner and the error page. Its own small module so the browser's code for every page carries
 * these strings only, not the whole texts index (see decision 023). The area modules (index,
 * site, security, notification-center) take these strings from here: one source each.
 */
export const layoutTexts = {
  app: {
    name: "Innspill",
    tagline: "Fra idé til vedtak i ROR-IKT",
    skipToContent: "Hopp til hovedinnhold",
    mainNav: "Hovedmeny",
    loggedInAs: "Innlogget som",
  },
  nav: {
    home: "Start",
    proposals: "Innspill",
    newProposal: "Nytt innspill",
    process: "Prosessen",
    meetings: "Møter",
    strategy: "Strategi",
    report: "Årsrapport",
    statistics: "Statistikk",
    admin: "Administrasjon",
    public: "Offentlig journal",
    login: "Logg inn",
    logout: "Logg ut",
  },
  errors: {
    notFoundTitle: "Fant ikke siden",
    notFoundText: "Siden eller innspillet finnes ikke, eller du har ikke tilgang til det.",
    forbiddenTitle: "Ingen tilgang",
    forbiddenText: "Du har ikke tilgang til å gjøre dette.",
    conflictTitle: "Endret av noen andre",
    genericTitle: "Noe gikk galt",
    genericText: "Det oppstod en feil hos oss. Prøv igjen, eller kontakt Kundeservice hvis feilen vedvarer.",
    backHome: "Til forsiden",
    conflict: "Innspillet er endret av noen andre – last siden på nytt",
    tooLargeTitle: "For stor forespørsel",
  },
  footer: {
    nav: "Om nettstedet",
    help: "Hjelp",
    accessibility: "Tilgjengelighetserklæring",
    privacy: "Personvern",
  },
  demo: {
    banner: "Demo",
    bannerText: "Dette er en demonstrasjon med oppdiktede personer og innspill. Alle passord er demo1234.",
  },
  profileNav: "Min profil",
  bell: {
    /** The link's accessible name: "Varsler, 3 uleste" (the badge shows the number). */
    label: (unread: number, capped: boolean) =>
      unread === 0
        ? "Varsler, ingen uleste"
        : `Varsler, ${capped ? "99+" : unread} ${unread === 1 ? "ulest" : "uleste"}`,
    text: "Varsler",
  },
} as const;
