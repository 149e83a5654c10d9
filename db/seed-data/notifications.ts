import type { NotificationKind } from "#workflows/notifications";

/**
 * The demo's notifications, followers and e-mail choices, so the bell shows something at the
 * first login of every demo account in the README. Texts as the notifications themselves would
 * put them; nothing from exempt cases.
 */
export interface DemoNotification {
  person: string;
  kind: NotificationKind;
  proposal: string;
  title: string;
  body: string;
  /** Hours before the seed ran. */
  hoursAgo: number;
  read?: boolean;
}

const changed = (
  person: string,
  proposal: string,
  title: string,
  body: string,
  hoursAgo: number,
  read = false,
) => ({ person, kind: "proposalChanged", proposal, title, body, hoursAgo, read }) as const;

export const demoNotifications: DemoNotification[] = [
  changed(
    "employee",
    "digisos",
    "Innspillet du følger, har endret steg",
    "Innspillet du følger, har fått nytt steg.",
    2,
  ),
  changed(
    "employee",
    "mda-erstatning",
    "Innspillet du følger, har endret steg",
    "Se hva som har skjedd.",
    26,
  ),
  changed(
    "employee",
    "responssenter",
    "Innspillet du følger, har endret steg",
    "Innspillet du følger, har fått nytt steg.",
    72,
    true,
  ),
  {
    person: "groupLeader",
    kind: "proposalAssigned",
    proposal: "digihelse-rauma",
    title: "Et innspill er tildelt Helse og velferd",
    body: "Faggruppen skal vurdere innspillet.",
    hoursAgo: 5,
  },
  {
    person: "groupLeader",
    kind: "waitingReminder",
    proposal: "mda-erstatning",
    title: "Et innspill har ventet lenge i faggruppen",
    body: "Fristen for steget er passert.",
    hoursAgo: 30,
  },
  {
    person: "groupMember",
    kind: "proposalAssigned",
    proposal: "digihelse-rauma",
    title: "Et innspill er tildelt Helse og velferd",
    body: "Faggruppen skal vurdere innspillet.",
    hoursAgo: 5,
  },
  changed(
    "groupMember",
    "mda-erstatning",
    "Innspillet du følger, har endret steg",
    "Se hva som har skjedd.",
    50,
    true,
  ),
  {
    person: "coordinator",
    kind: "awaitingRouting",
    proposal: "chatbot-rakel",
    title: "Et nytt innspill venter på å bli fordelt",
    body: "Fordel det til en faggruppe, eller avslutt det.",
    hoursAgo: 3,
  },
  {
    person: "coordinator",
    kind: "awaitingRouting",
    proposal: "barnevern-ipad",
    title: "Et nytt innspill venter på å bli fordelt",
    body: "Fordel det til en faggruppe, eller avslutt det.",
    hoursAgo: 28,
  },
  changed("admin", "digisos", "Innspillet du følger, har endret steg", "Se hva som har skjedd.", 8),
  changed("manager", "responssenter", "Innspillet du følger, har endret steg", "Se hva som har skjedd.", 6),
  changed(
    "ordererMolde",
    "responssenter",
    "Innspillet du følger, har endret steg",
    "Se hva som har skjedd.",
    6,
  ),
  changed("boardChair", "digisos", "Innspillet du følger, har endret steg", "Se hva som har skjedd.", 9),
  changed(
    "boardVestnes",
    "chatbot-rakel",
    "Innspillet du følger, har endret steg",
    "Se hva som har skjedd.",
    9,
  ),
  changed("boardSecretary", "digisos", "Innspillet du følger, har endret steg", "Se hva som har skjedd.", 9),
];

/** Who follows what in the demo. */
export const demoFollowers: { person: string; proposal: string }[] = [
  { person: "employee", proposal: "digisos" },
  { person: "employee", proposal: "responssenter" },
  { person: "employee", proposal: "mda-erstatning" },
  { person: "groupMember", proposal: "mda-erstatning" },
  { person: "admin", proposal: "digisos" },
  { person: "manager", proposal: "responssenter" },
  { person: "ordererMolde", proposal: "responssenter" },
  { person: "boardChair", proposal: "digisos" },
  { person: "boardVestnes", proposal: "chatbot-rakel" },
  { person: "boardSecretary", proposal: "digisos" },
];

/** Some demo people's e-mail choices (the rest follow the defaults). */
export const demoPreferences: {
  person: string;
  kind: NotificationKind;
  mode: "immediate" | "digest" | "off";
}[] = [
  { person: "employee", kind: "proposalChanged", mode: "digest" },
  { person: "coordinator", kind: "awaitingRouting", mode: "immediate" },
  { person: "groupLeader", kind: "waitingReminder", mode: "immediate" },
  { person: "boardVestnes", kind: "proposalChanged", mode: "off" },
];
