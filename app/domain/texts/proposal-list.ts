/**
 * The proposal list page (/innspill): its own small module so the page's browser code carries
 * these strings only, not the whole texts index (decision 023). `t.proposal` includes them.
 */
export const proposalListTexts = {
  listTitle: "Innspill",
  search: "Søk",
  searchLabel: "Søk i innspill",
  filter: "Filtrer",
  allStates: "Alle statuser",
  allGroups: "Alle faggrupper",
  municipalityHint: "Skriv navnet eller begynnelsen av det. Tomt felt: alle kommuner.",
  municipalityNotFound: (text: string) => `Ingen kommune heter «${text}». Sjekk stavemåten.`,
  municipalityChoose: (text: string) => `Flere kommuner passer med «${text}». Velg én:`,
  allYears: "Alle år",
  municipality: "Kommune",
  year: "År",
  downloadCsv: "Last ned som CSV",
  mine: "Bare mine",
  sortNewest: "Nyeste først",
  sortOldest: "Eldste først",
  sort: "Sortering",
  noResults: "Ingen innspill passer med søket.",
  results: (n: number) => (n === 1 ? "1 innspill" : `${n} innspill`),
  /** A search with more hits than the list counts: the most relevant are shown first. */
  resultsMore: (n: number) => `Mer enn ${n.toLocaleString("nb-NO")} treff – de mest relevante vises først`,
  sortRelevance: "Mest relevante først",
  previous: "Forrige side",
  next: "Neste side",
  page: (p: number, of: number) => `Side ${p} av ${of}`,
  group: "Faggruppe",
  state: "Status",
} as const;
