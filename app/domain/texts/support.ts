import type { SupportRefusal } from "#workflows/support";

/** Texts of supporting a proposal ("Dette gjelder også oss"). */
export const supportTexts = {
  heading: "Støtte fra andre kommuner",
  button: "Dette gjelder også oss",
  buttonHint: (municipality: string | null) =>
    municipality
      ? `Du støtter innspillet på vegne av ${municipality}. Faggruppen ser det når den vurderer innspillet.`
      : "Du støtter innspillet som ansatt i ROR-IKT. Faggruppen ser det når den vurderer innspillet.",
  done: "Takk! Støtten din er registrert.",
  youSupported: "Du har støttet dette innspillet.",
  none: "Ingen har støttet innspillet ennå.",
  summary: (total: number, places: string) =>
    `Støttet av ${total === 1 ? "1 person" : `${total} personer`}: ${places}.`,
  listSummary: (total: number) => `${total} ${total === 1 ? "støtte" : "støtter"}`,
  noMunicipality: "ROR-IKT",
  refusals: {
    draft: "Et utkast kan ikke støttes. Innspillet må sendes inn først.",
    own: "Du kan ikke støtte ditt eget innspill.",
    twice: "Du har allerede støttet dette innspillet.",
  } satisfies Record<SupportRefusal, string>,
} as const;

/** "Molde (2), Rauma": each municipality with how many from it, when more than one. */
export function supportPlaces(municipalities: readonly { name: string | null; count: number }[]): string {
  return municipalities
    .map((m) => `${m.name ?? supportTexts.noMunicipality}${m.count > 1 ? ` (${m.count})` : ""}`)
    .join(", ");
}
