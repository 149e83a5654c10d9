import { demoProposals } from "../../db/seed-data/proposals";

/**
 * Norwegian text for the benchmark's data set: sentences taken from the demo proposals (real
 * bokmål written for this domain, so the trigram index sees realistic letter sequences) and
 * titles built from parts, so that a search for one object finds a realistic share of proposals.
 * Deterministic for a seed, so two runs measure the same data.
 */

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same data set. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  /** Picks a key by weight. */
  const weighted = <K extends string>(weights: Record<K, number>): K => {
    const entries = Object.entries(weights) as [K, number][];
    let r = next() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [key, w] of entries) {
      r -= w;
      if (r <= 0) return key;
    }
    return entries[entries.length - 1]![0];
  };
  return { next, int, pick, weighted };
}

export type Random = ReturnType<typeof prng>;

const sentencesOf = (field: "background" | "problem" | "solution" | "benefits" | "affected" | "resources") =>
  demoProposals
    .flatMap((p) => p[field].split(/(?<=[.!?])\s+/))
    .map((s) => s.trim())
    .filter((s) => s.length > 20);

const pools = {
  background: sentencesOf("background"),
  problem: sentencesOf("problem"),
  solution: sentencesOf("solution"),
  benefits: sentencesOf("benefits"),
  affected: sentencesOf("affected"),
  resources: sentencesOf("resources"),
};

/** Sentences from the field's pool until the text is about `length` characters long. */
export function paragraph(random: Random, field: keyof typeof pools, length: number): string {
  const pool = pools[field].length > 0 ? pools[field] : pools.background;
  let text = "";
  while (text.length < length) text += (text ? " " : "") + random.pick(pool);
  return text;
}

const actions = [
  "Digital",
  "Ny løsning for",
  "Automatisert",
  "Felles",
  "Bedre",
  "Selvbetjent",
  "Elektronisk",
  "Mobil",
  "Sikker",
  "Samordnet",
];

/** What a proposal is about; the benchmark searches for one of these ("legevakt"). */
export const objects = [
  "søknad om barnehageplass",
  "timebestilling",
  "fakturabehandling",
  "arkivering av e-post",
  "vannmålerlesing",
  "byggesaksbehandling",
  "vikarformidling",
  "skoleskyss",
  "meldingstjeneste til foresatte",
  "kartlegging av lesing",
  "tilgangsstyring",
  "medisinhåndtering",
  "velferdsteknologi",
  "turnusplanlegging",
  "innbyggerdialog",
  "politisk saksbehandling",
  "avviksmelding",
  "kvalitetssystem",
  "internkontroll",
  "ressursstyring",
  "digital signering",
  "sak- og arkivsystem",
  "brannvarsling",
  "renovasjonsvarsel",
  "eiendomsskatt",
  "startlån",
  "sosialhjelpssøknad",
  "helsestasjon",
  "legevakt",
  "hjemmetjeneste",
  "utleie av lokaler",
  "kulturskole",
  "bibliotek",
  "parkeringstillatelse",
  "skjenkebevilling",
  "innkjøp",
  "lønnskjøring",
  "reiseregning",
  "opplæring av ansatte",
  "nettsider",
];

const contexts = [
  "",
  "for innbyggere",
  "i hjemmesykepleien",
  "for skolene",
  "i barnehagene",
  "for ansatte",
  "i alle kommunene",
  "med KS Fiks",
  "på mobil",
  "for næringslivet",
  "i teknisk drift",
  "med integrasjon mot fagsystem",
];

/** A proposal title of 20–90 characters. */
export function title(random: Random): string {
  const parts = [random.pick(actions), random.pick(objects), random.pick(contexts)].filter(Boolean);
  const text = parts.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The texts of a proposal, with lengths like those people write in the intake form. */
export function proposalTexts(random: Random) {
  return {
    title: title(random),
    background: paragraph(random, "background", random.int(120, 600)),
    problem: paragraph(random, "problem", random.int(80, 500)),
    solution: paragraph(random, "solution", random.int(80, 500)),
    benefits: paragraph(random, "benefits", random.int(60, 400)),
    affected: paragraph(random, "affected", random.int(30, 200)),
    resources: paragraph(random, "resources", random.int(30, 200)),
  };
}

const prefixes = ["", "Nord-", "Sør-", "Øst-", "Vest-", "Øvre ", "Nedre ", "Indre ", "Ytre "];
const stems = [
  "Aurdal",
  "Fjell",
  "Vik",
  "Dal",
  "Strand",
  "Nes",
  "Berg",
  "Lund",
  "Haug",
  "Skog",
  "Heim",
  "Sund",
  "Fjord",
  "Eid",
  "Voll",
  "Bø",
  "Ås",
  "Os",
  "Stad",
  "Rud",
  "Moen",
  "Li",
  "Holt",
  "Hamar",
  "Sande",
  "Vang",
  "Elv",
  "Øy",
  "Våg",
  "Botn",
  "Land",
  "Gard",
  "Ness",
  "Myr",
  "Tun",
  "Bakke",
  "Kleiv",
  "Sjø",
  "Rød",
  "Lien",
];

/** `count` distinct, Norwegian-looking municipality names. */
export function municipalityNames(count: number): string[] {
  const names: string[] = [];
  for (const prefix of prefixes) for (const stem of stems) names.push(`${prefix}${stem}`);
  if (count > names.length) throw new Error(`At most ${names.length} municipality names`);
  return names.slice(0, count);
}

const firstNames = [
  "Anne",
  "Ole",
  "Kari",
  "Per",
  "Ingrid",
  "Lars",
  "Marit",
  "Knut",
  "Silje",
  "Jonas",
  "Nora",
  "Emil",
  "Hilde",
  "Magnus",
  "Astrid",
  "Sindre",
  "Turid",
  "Eirik",
  "Ragnhild",
  "Håkon",
];
const lastNames = [
  "Hansen",
  "Johansen",
  "Olsen",
  "Larsen",
  "Andersen",
  "Pedersen",
  "Nilsen",
  "Kristiansen",
  "Jensen",
  "Karlsen",
  "Berg",
  "Haugen",
  "Hagen",
  "Eriksen",
  "Bakken",
  "Solberg",
  "Strand",
  "Lie",
  "Moen",
  "Dahl",
];

export function personName(random: Random): string {
  return `${random.pick(firstNames)} ${random.pick(lastNames)}`;
}
