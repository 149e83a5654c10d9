/**
 * The strategy proposals are linked to during assessment, and the priority bands an assessment's
 * total falls into. Demo data: the main goals and sub-goals the board approved on 8.12.2021
 * (the annual report, §2.1.3), written for municipal digital transformation.
 */

/** Thresholds on the 5–25 scale (five scores 1–5) plus the manual adjustment. */
export const priorityBands = [
  { label: "Må ha", minTotal: 20 },
  { label: "Bør ha", minTotal: 15 },
  { label: "Kan ha", minTotal: 10 },
  { label: "Skal ikke ha", minTotal: 0 },
];

export interface DemoGoal {
  /** "1" for a main goal (hovedmål), "1.2" for a sub-goal (delmål). */
  number: string;
  title: string;
  description: string;
}

export interface DemoMainGoal extends DemoGoal {
  subGoals: DemoGoal[];
}

export const strategy2022 = {
  name: "Strategi for digital transformasjon 2022–2025",
  periodFrom: 2022,
  periodTo: 2025,
  status: "approved" as const,
  goals: [
    {
      number: "1",
      title: "Innbyggeren i sentrum",
      description:
        "Innbyggere og næringsliv møter en kommune som er tilgjengelig, enkel og sammenhengende – digitalt der det er mulig, personlig der det trengs.",
      subGoals: [
        {
          number: "1.1",
          title: "Digitalt førstevalg",
          description:
            "Innbyggerne kan søke, melde, avtale og følge sine saker digitalt, helst gjennom nasjonale fellesløsninger som Helsenorge og Digisos.",
        },
        {
          number: "1.2",
          title: "Helhetlig innbyggerdialog",
          description:
            "Nettsider, chat, telefon og sosiale medier henger sammen, med klarspråk og universell utforming.",
        },
        {
          number: "1.3",
          title: "Digital inkludering",
          description:
            "Ingen skal falle utenfor: innbyggere som ikke er digitale, får veiledning og andre kanaler.",
        },
      ],
    },
    {
      number: "2",
      title: "Samhandling og effektive arbeidsprosesser",
      description:
        "Ansatte samarbeider på tvers av enheter og kommuner med gode verktøy, og prosesser er heldigitale fra start til slutt.",
      subGoals: [
        {
          number: "2.1",
          title: "Moderne samhandlingsverktøy",
          description:
            "Microsoft365 og Teams er felles arbeidsflate; dokumenter deles i stedet for å sendes.",
        },
        {
          number: "2.2",
          title: "Papirløse prosesser fra start til slutt",
          description:
            "Søknad, saksbehandling, signering, arkivering og politisk behandling skjer uten papir og dobbeltregistrering.",
        },
        {
          number: "2.3",
          title: "Mobile arbeidsflater for ansatte i felt",
          description:
            "Ansatte i hjemmetjenesten, renhold, barnevern og teknisk drift har det de trenger på mobil og nettbrett, sikkert styrt.",
        },
      ],
    },
    {
      number: "3",
      title: "Datadrevet kommune",
      description:
        "Data er en felles ressurs som forvaltes godt og brukes til bedre tjenester, styring og planlegging.",
      subGoals: [
        {
          number: "3.1",
          title: "Data og dokumentasjon som felles ressurs",
          description:
            "Kommunenes data, bilder og arkiv er ordnet, har en eier og kan gjenbrukes på tvers – med kontroll på personvernet.",
        },
        {
          number: "3.2",
          title: "Sensorer og tingenes internett",
          description:
            "Smarte målere og sensorer gir sanntidsdata for vann, bygg og velferdsteknologi på en felles dataplattform.",
        },
        {
          number: "3.3",
          title: "Innsikt og analyse for styring",
          description: "Ledere får oppdaterte styringsdata og analyser i stedet for manuelle rapporter.",
        },
      ],
    },
    {
      number: "4",
      title: "Informasjonssikkerhet og personvern",
      description:
        "Kommunene har en robust sikkerhetskultur og innebygd personvern, og tjenestene tåler angrep og avbrudd.",
      subGoals: [
        {
          number: "4.1",
          title: "Sikkerhetskultur og opplæring",
          description: "Alle ansatte kjenner sitt ansvar og får jevnlig opplæring i informasjonssikkerhet.",
        },
        {
          number: "4.2",
          title: "Innebygd personvern og internkontroll",
          description:
            "Personvern stilles som krav til leverandører og vurderes før nye løsninger tas i bruk; ROS-analyser er rutine.",
        },
        {
          number: "4.3",
          title: "Robust og sikker infrastruktur",
          description:
            "Nett, servere, klienter og tilgangsstyring er oppdatert, overvåket og har beredskap for avbrudd.",
        },
      ],
    },
    {
      number: "5",
      title: "Kompetanse og felles arkitektur",
      description:
        "Kommunene bygger digital kompetanse sammen og velger felles løsninger i tråd med nasjonal arkitektur.",
      subGoals: [
        {
          number: "5.1",
          title: "Digital kompetanse hos ledere og ansatte",
          description:
            "Ledere kan lede digital transformasjon, og ansatte får opplæring på Kompetanseportalen når nye verktøy kommer.",
        },
        {
          number: "5.2",
          title: "Felles arkitektur og nasjonale fellesløsninger",
          description:
            "Nye løsninger velges felles for kommunene, integreres på standard måte og bruker nasjonale felleskomponenter.",
        },
      ],
    },
  ] satisfies DemoMainGoal[],
};
