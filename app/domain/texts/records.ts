/**
 * Texts of records that must hold up (issue 10): exemption that follows the matter, case
 * references across bodies, the board's own words, meetings held when they are held, signed
 * protocols, the approved annual report and confirmations before irreversible steps.
 */
const lowerFirst = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

export const recordTexts = {
  exempt: {
    /** What those who may not read an exempt case get instead of its content. */
    marker: (basis: string) => `Unntatt offentlighet, jf. ${basis}`,
    publicLabel: "Unntatt offentlighet",
    basis: (basis: string) => `Hjemmel: ${basis}`,
    participants: "Til stede under behandlingen",
    follows: (label: string, basis: string) =>
      `Saken gjelder samme sak som ${label}, som er unntatt offentlighet (jf. ${basis}). Den blir derfor også unntatt, med samme hjemmel, til noen opphever unntaket med en begrunnelse.`,
    followsShort: (basis: string) => `Unntatt offentlighet i en tidligere sak (jf. ${basis})`,
    followsNote:
      "Et innspill som har vært behandlet i en sak unntatt offentlighet, blir unntatt med samme hjemmel også her, med mindre du opphever unntaket og begrunner det.",
    liftCheckbox: "Opphev unntaket fra offentlighet for denne saken",
    liftReason: "Begrunnelse for å oppheve unntaket (bare hvis saken ikke lenger skal være unntatt)",
    liftReasonHint: "Fylles ut bare når unntaket oppheves. Begrunnelsen lagres i saken.",
    liftReasonRequired: "Oppgi hvorfor unntaket fra offentlighet oppheves. Ingenting er lagret.",
    lifted: (by: string, at: string, reason: string) => `Unntaket ble opphevet av ${by} ${at}: ${reason}`,
  },
  cases: {
    /** "SR-sak 1/2026": a case of one body among the cases of several. */
    reference: (code: string, number: number, year: number) =>
      code ? `${code}-sak ${number}/${year}` : `Sak ${number}/${year}`,
    unnumbered: "Sak uten nummer",
    /** "Samarbeidsrådet, SR-sak 1/2026": who decided, in the proposal's history. */
    decidedIn: (body: string, reference: string) => `${body}, ${reference}`,
    recordedBy: (name: string) => `Ført i protokollen av ${name}`,
  },
  board: {
    /** The board's proposed decision, in its own words. */
    proposedDecision: (board: string, title: string) =>
      `${board} vedtar at innspillet «${title}» gjennomføres.`,
    recommendationHeading: (committee: string, reference: string) =>
      `Innstilling fra ${lowerFirst(committee)} (${reference})`,
  },
  signing: {
    rules: {
      chair: "Møtelederen signerer alene",
      chairAndOne: "Møtelederen og ett medlem valgt i møtet signerer",
      chairAndTwo: "Møtelederen og to medlemmer valgt i møtet signerer",
      allPresent: "Alle medlemmer som var til stede, signerer",
    },
    heading: "Signaturer",
    chooseSigners: (count: number) =>
      count === 1
        ? "Velg medlemmet som signerer sammen med møtelederen"
        : `Velg ${count} medlemmer som signerer sammen med møtelederen`,
    chooseMembers: (count: number) =>
      count === 1
        ? "Velg ett medlem som var til stede til å signere sammen med møtelederen."
        : `Velg ${count} medlemmer som var til stede til å signere sammen med møtelederen.`,
    noChair:
      "Møtelederen var ikke til stede, og protokollen kan ikke signeres etter organets regel. Ingenting er lagret.",
    notPresent: "Bare medlemmer som var til stede, kan signere protokollen.",
    nobodyPresent: "Ingen var til stede til å signere protokollen.",
    notApproved: "Protokollen er ikke sendt til signering ennå. Ingenting er lagret.",
    notSigner: "Du er ikke blant dem som skal signere denne protokollen. Ingenting er lagret.",
    alreadySigned: "Du har allerede signert protokollen. Ingenting er lagret.",
    final: "Protokollen er signert av alle og er endelig. Ingenting er lagret.",
    notFinal: "Protokollen kan publiseres når alle har signert den.",
    sign: "Signer protokollen",
    signIntro: "Du er blant dem som skal godkjenne protokollen. Signer når du har lest den.",
    signed: (at: string) => `Signert elektronisk ${at}`,
    waiting: "Venter på signatur",
    finalNote: "Protokollen er signert av alle og er endelig.",
    pendingNote: (n: number) =>
      n === 1
        ? "Protokollen er ikke endelig: én signatur mangler."
        : `Protokollen er ikke endelig: ${n} signaturer mangler.`,
    roles: { chair: "Møteleder", member: "Medlem" },
    columns: { name: "Navn", role: "Rolle", signed: "Signert" },
  },
  reportApproval: {
    heading: "Godkjenning",
    intro: "Årsrapporten er godkjent av kommunedirektørene i ROR-IKTs medlemskommuner.",
    pendingIntro:
      "Årsrapporten godkjennes av kommunedirektøren i hver medlemskommune når den er markert som endelig.",
    title: "Kommunedirektør",
    approved: (municipality: string, name: string, title: string, date: string) =>
      `${municipality} kommune: godkjent av ${name}, ${title.toLowerCase()}, ${date}`,
    pending: (municipality: string) => `${municipality} kommune: ikke godkjent ennå`,
    approve: (municipality: string) => `Godkjenn årsrapporten for ${municipality} kommune`,
    notFinal: "Årsrapporten må være markert som endelig før kommunene godkjenner den. Ingenting er lagret.",
    notChiefExecutive:
      "Bare kommunedirektøren som representerer en medlemskommune i samarbeidsrådet, kan godkjenne årsrapporten. Ingenting er lagret.",
    alreadyApproved: "Kommunen har allerede godkjent årsrapporten. Ingenting er lagret.",
  },
  confirm: {
    heading: "Bekreft før du går videre",
    yes: "Ja, gjør det",
    cancel: "Avbryt",
    /** One sentence per irreversible step: what cannot be undone. */
    consequences: {
      publishNotice:
        "Når innkallingen publiseres, får sakene nummer og innkallingen blir offentlig; det kan ikke gjøres om.",
      approveProtocol:
        "Når protokollen godkjennes, kan den ikke endres lenger (bare med datert tillegg), og den sendes til signering.",
      signProtocol:
        "Signaturen din er din elektroniske godkjenning av protokollen og kan ikke trekkes tilbake.",
      publishProtocol: "Når protokollen publiseres, blir den offentlig for alle, og det kan ikke gjøres om.",
      reject: "Når innspillet avslås, avsluttes det for godt med begrunnelsen din; det kan ikke åpnes igjen.",
      redirect:
        "Når innspillet sendes til Kundeservice, avsluttes det her for godt; det kan ikke åpnes igjen.",
      merge: "Når innspillet slås sammen med et annet, avsluttes det for godt og følges videre i det andre.",
      markFinal: "Når årsrapporten markeres som endelig, fryses innholdet og kan ikke endres mer.",
      approveReport: "Godkjenningen gis på vegne av kommunen og kan ikke trekkes tilbake.",
    },
  },
  held: {
    notStarted: (date: string, time: string) =>
      `Møtet begynner ${date} kl. ${time}. Fremmøte og vedtak kan først føres når møtet har begynt. Ingenting er lagret.`,
  },
} as const;
