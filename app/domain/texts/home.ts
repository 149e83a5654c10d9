/** Texts of the start page and its work queues. */

const lowerFirst = (name: string) => `${name.charAt(0).toLowerCase()}${name.slice(1)}`;

export const homeTexts = {
  greeting: (firstName: string) => `Hei, ${firstName}`,
  ideaTitle: "Har du en idé?",
  ideaText:
    "Foreslå en ny digital tjeneste eller en endring i en eksisterende. Faggruppen vurderer innspillet ditt.",
  processTitle: "Slik behandles et innspill",
  processText: "Se hele prosessen fra innspill til vedtak, og hvor mange innspill som er i hvert steg nå.",
  processLink: "Se prosessen",
  waited: (duration: string) => `Har ventet ${duration}`,
  inProgressSince: (date: string) => `Under gjennomføring siden ${date}`,
  mineTitle: "Mine innspill",
  mineEmpty: "Du har ikke skrevet noen innspill ennå.",
  mineAll: "Alle mine innspill",
  queues: {
    answer: { title: "Venter på svar fra deg", empty: "Ingen faggruppe venter på svar fra deg." },
    unassigned: { title: "Nye innspill som skal fordeles", empty: "Ingen nye innspill venter på fordeling." },
    group: {
      title: "Til vurdering i faggruppen din",
      empty: "Ingen innspill venter på vurdering i faggruppen din.",
    },
    inBody: (bodyName: string) => ({
      title: `Til behandling i ${lowerFirst(bodyName)}`,
      empty: "Ingen innspill venter på behandling.",
    }),
    followup: {
      title: "Vedtatt og under gjennomføring",
      empty: "Ingen vedtatte innspill venter på oppfølging.",
    },
  },
} as const;
