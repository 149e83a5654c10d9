/**
 * The 2021 organisation of ROR-IKT as demo data (from the annual report), with the later
 * renames, and fictional people in every role. Every demo password is "demo1234".
 */

export const municipalities = ["Aukra", "Molde", "Rauma", "Vestnes"];

/** Which municipality a first sign-in with an organisation account gets, by its e-mail's domain. */
export const signInDomains: Record<string, string> = {
  "aukra.kommune.no": "Aukra",
  "molde.kommune.no": "Molde",
  "rauma.kommune.no": "Rauma",
  "vestnes.kommune.no": "Vestnes",
};

export const groups2021 = [
  "Oppvekst og utdanning",
  "Helse og velferd",
  "Teknisk",
  "Dokumentasjonsforvaltning",
  "Portal og innbyggerdialog",
  "Økonomi",
  "Lønn og personal",
  "Microsoft365",
];

/** Short codes tell the cases of several bodies apart: "SR-sak 1/2026", "PR-sak 1/2026". */
export const committee = {
  name: "Bestillerutvalget",
  shortCode: "BU",
  validFrom: "2019-01-01",
  renamed: { name: "Porteføljerådet", shortCode: "PR", validFrom: "2023-01-01" },
};

export const board = {
  name: "Styret",
  shortCode: "ST",
  validFrom: "2019-01-01",
  renamed: { name: "Samarbeidsrådet", shortCode: "SR", validFrom: "2023-01-01" },
};

/** Specialist groups were re-constituted in April 2021: the new groups and their members start then. */
export const groupsValidFrom = "2021-04-01";

/**
 * When each group was established: the groups date from 2017; Økonomi, Lønn og personal (split
 * from "Økonomi og administrasjon") and Microsoft365 were created by the re-constitution in 2021.
 */
export const groupEstablished: Record<string, string> = {
  "Oppvekst og utdanning": "2017-01-01",
  "Helse og velferd": "2017-01-01",
  Teknisk: "2017-01-01",
  Dokumentasjonsforvaltning: "2017-01-01",
  "Portal og innbyggerdialog": "2017-01-01",
  Økonomi: groupsValidFrom,
  "Lønn og personal": groupsValidFrom,
  Microsoft365: groupsValidFrom,
};

export interface DemoPerson {
  key: string;
  name: string;
  email: string;
  municipality: string | null;
  isAdmin?: boolean;
  isCoordinator?: boolean;
  /** False for people who have left (their accounts are kept, deactivated, for the records). */
  active?: boolean;
}

/**
 * The groups' representatives: one from each member municipality besides the leader's (and besides
 * members listed above), so the report can list each group's members by municipality.
 */
const representatives: { group: string; municipality: string; name: string }[] = [
  { group: "Oppvekst og utdanning", municipality: "Aukra", name: "Astrid Aarseth" },
  { group: "Oppvekst og utdanning", municipality: "Rauma", name: "Bjørn Bolsønes" },
  { group: "Oppvekst og utdanning", municipality: "Vestnes", name: "Camilla Dyrnes" },
  { group: "Helse og velferd", municipality: "Aukra", name: "Dag Eidem" },
  { group: "Helse og velferd", municipality: "Molde", name: "Eva Flem" },
  { group: "Teknisk", municipality: "Aukra", name: "Finn Gjendem" },
  { group: "Teknisk", municipality: "Molde", name: "Grete Hals" },
  { group: "Teknisk", municipality: "Rauma", name: "Hans Istad" },
  { group: "Dokumentasjonsforvaltning", municipality: "Molde", name: "Ida Julnes" },
  { group: "Dokumentasjonsforvaltning", municipality: "Rauma", name: "Jon Kvalsund" },
  { group: "Dokumentasjonsforvaltning", municipality: "Vestnes", name: "Kristin Lindset" },
  { group: "Portal og innbyggerdialog", municipality: "Aukra", name: "Lars Myrseth" },
  { group: "Portal og innbyggerdialog", municipality: "Rauma", name: "Marit Nerland" },
  { group: "Portal og innbyggerdialog", municipality: "Vestnes", name: "Nils Orten" },
  { group: "Økonomi", municipality: "Aukra", name: "Oda Rekdal" },
  { group: "Økonomi", municipality: "Molde", name: "Pål Sandø" },
  { group: "Økonomi", municipality: "Vestnes", name: "Randi Tornes" },
  { group: "Lønn og personal", municipality: "Aukra", name: "Sverre Ulstein" },
  { group: "Lønn og personal", municipality: "Molde", name: "Turid Vestad" },
  { group: "Lønn og personal", municipality: "Rauma", name: "Ulf Wiik" },
  { group: "Microsoft365", municipality: "Molde", name: "Vigdis Årø" },
  { group: "Microsoft365", municipality: "Rauma", name: "Øystein Øye" },
  { group: "Microsoft365", municipality: "Vestnes", name: "Åse Ekroll" },
];

const ascii = (text: string) =>
  text
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "o")
    .replace(/å/g, "a")
    .replace(/[^a-z0-9]+/g, "-");
const representativeKey = (r: { group: string; municipality: string }) =>
  `rep-${ascii(r.group)}-${ascii(r.municipality)}`;

export const people: DemoPerson[] = [
  {
    key: "admin",
    name: "Siri Systemsen",
    email: "admin@innspill.test",
    municipality: "Molde",
    isAdmin: true,
  },
  {
    key: "coordinator",
    name: "Kari Nordvik",
    email: "koordinator@innspill.test",
    municipality: "Molde",
    isCoordinator: true,
  },
  {
    key: "coordinator2",
    name: "Petter Lien",
    email: "koordinator2@innspill.test",
    municipality: "Molde",
    isCoordinator: true,
  },
  { key: "manager", name: "Dagny Leirvik", email: "daglig.leder@innspill.test", municipality: "Molde" },
  { key: "employee", name: "Ola Hansen", email: "ansatt@innspill.test", municipality: "Molde" },
  { key: "employee2", name: "Ingrid Bakken", email: "ansatt2@innspill.test", municipality: "Rauma" },
  { key: "employee3", name: "Tor Sæther", email: "ansatt3@innspill.test", municipality: "Vestnes" },
  { key: "employee4", name: "Marte Hoem", email: "ansatt4@innspill.test", municipality: "Aukra" },
  { key: "employee5", name: "Jonas Eide", email: "ansatt5@innspill.test", municipality: "Molde" },
  { key: "groupLeader", name: "Hilde Rødal", email: "faggruppeleder@innspill.test", municipality: "Rauma" },
  { key: "groupMember", name: "Anders Vik", email: "faggruppemedlem@innspill.test", municipality: "Vestnes" },
  { key: "leaderOppvekst", name: "Berit Moen", email: "leder.oppvekst@innspill.test", municipality: "Molde" },
  {
    key: "leaderTeknisk",
    name: "Stein Ulvestad",
    email: "leder.teknisk@innspill.test",
    municipality: "Vestnes",
  },
  { key: "leaderDok", name: "Liv Gjerde", email: "leder.dokumentasjon@innspill.test", municipality: "Aukra" },
  { key: "leaderPortal", name: "Eirik Strand", email: "leder.portal@innspill.test", municipality: "Molde" },
  { key: "leaderOkonomi", name: "Gunn Tangen", email: "leder.okonomi@innspill.test", municipality: "Rauma" },
  { key: "leaderLonn", name: "Knut Aasen", email: "leder.lonn@innspill.test", municipality: "Vestnes" },
  { key: "leaderM365", name: "Mona Rønneberg", email: "leder.m365@innspill.test", municipality: "Aukra" },
  { key: "unionRep", name: "Frode Lyngstad", email: "tillitsvalgt@innspill.test", municipality: "Molde" },
  {
    key: "ordererAukra",
    name: "Nina Fiksdal",
    email: "bestiller.aukra@innspill.test",
    municipality: "Aukra",
  },
  { key: "ordererMolde", name: "Rune Hjelle", email: "bestiller@innspill.test", municipality: "Molde" },
  {
    key: "ordererRauma",
    name: "Sissel Brevik",
    email: "bestiller.rauma@innspill.test",
    municipality: "Rauma",
  },
  {
    key: "ordererVestnes",
    name: "Trond Myklebust",
    email: "bestiller.vestnes@innspill.test",
    municipality: "Vestnes",
  },
  { key: "boardChair", name: "Helge Furnes", email: "styreleder@innspill.test", municipality: "Molde" },
  {
    key: "formerBoardChair",
    name: "Arnfinn Dalheim",
    email: "tidligere.styreleder@innspill.test",
    municipality: "Molde",
    active: false,
  },
  {
    key: "formerBoardAukra",
    name: "Gunvor Hjertøy",
    email: "tidligere.styremedlem.aukra@innspill.test",
    municipality: "Aukra",
    active: false,
  },
  {
    key: "boardAukra",
    name: "Anita Stokke",
    email: "styremedlem.aukra@innspill.test",
    municipality: "Aukra",
  },
  {
    key: "boardRauma",
    name: "Per Olav Setnes",
    email: "styremedlem.rauma@innspill.test",
    municipality: "Rauma",
  },
  { key: "boardVestnes", name: "Elin Sandvik", email: "styremedlem@innspill.test", municipality: "Vestnes" },
  { key: "boardSecretary", name: "Tone Elvsaas", email: "sekretaer@innspill.test", municipality: "Molde" },
  {
    key: "formerEmployee",
    name: "Arne Gammelsæter",
    email: "sluttet@innspill.test",
    municipality: "Rauma",
    active: false,
  },
  ...representatives.map((r) => ({
    key: representativeKey(r),
    name: r.name,
    email: `${ascii(r.group)}.${ascii(r.municipality)}@innspill.test`,
    municipality: r.municipality,
  })),
];

export type MembershipSpec = {
  person: string;
  body: string;
  role: "leader" | "member" | "secretary" | "chair" | "union_rep";
  municipality: string | null;
  voteWeight?: number;
  /** ISO date the membership starts, when not the default of `membershipValidFrom`. */
  validFrom?: string;
  /** The first day it no longer holds (the [from, to) convention); absent while it runs. */
  validTo?: string;
};

const groupLeaders: Record<string, string> = {
  "Oppvekst og utdanning": "leaderOppvekst",
  "Helse og velferd": "groupLeader",
  Teknisk: "leaderTeknisk",
  Dokumentasjonsforvaltning: "leaderDok",
  "Portal og innbyggerdialog": "leaderPortal",
  Økonomi: "leaderOkonomi",
  "Lønn og personal": "leaderLonn",
  Microsoft365: "leaderM365",
};

export const memberships: MembershipSpec[] = [
  ...groups2021.map((g) => ({
    person: groupLeaders[g]!,
    body: g,
    role: "leader" as const,
    municipality: people.find((p) => p.key === groupLeaders[g])!.municipality,
  })),
  { person: "groupMember", body: "Helse og velferd", role: "member", municipality: "Vestnes" },
  { person: "coordinator", body: "Helse og velferd", role: "member", municipality: null },
  { person: "unionRep", body: "Helse og velferd", role: "union_rep", municipality: null },
  { person: "groupMember", body: "Teknisk", role: "member", municipality: "Vestnes" },
  ...representatives.map((r) => ({
    person: representativeKey(r),
    body: r.group,
    role: "member" as const,
    municipality: r.municipality,
  })),
  { person: "manager", body: committee.name, role: "chair", municipality: null, voteWeight: 0 },
  { person: "ordererAukra", body: committee.name, role: "member", municipality: "Aukra", voteWeight: 1 },
  { person: "ordererMolde", body: committee.name, role: "member", municipality: "Molde", voteWeight: 1 },
  { person: "ordererRauma", body: committee.name, role: "member", municipality: "Rauma", voteWeight: 1 },
  { person: "ordererVestnes", body: committee.name, role: "member", municipality: "Vestnes", voteWeight: 1 },
  { person: "coordinator", body: committee.name, role: "secretary", municipality: null },
  // The seed report's two board changes of 2021 (its 2.1.1 and 3.1): Molde's chair and Aukra's
  // member left on 30.6.2021; the new chair came on 9.8.2021 and the new member on 1.9.2021.
  {
    person: "formerBoardChair",
    body: board.name,
    role: "chair",
    municipality: "Molde",
    voteWeight: 1,
    validTo: "2021-07-01",
  },
  {
    person: "boardChair",
    body: board.name,
    role: "chair",
    municipality: "Molde",
    voteWeight: 1,
    validFrom: "2021-08-09",
  },
  {
    person: "formerBoardAukra",
    body: board.name,
    role: "member",
    municipality: "Aukra",
    voteWeight: 1,
    validTo: "2021-07-01",
  },
  {
    person: "boardAukra",
    body: board.name,
    role: "member",
    municipality: "Aukra",
    voteWeight: 1,
    validFrom: "2021-09-01",
  },
  { person: "boardRauma", body: board.name, role: "member", municipality: "Rauma", voteWeight: 1 },
  { person: "boardVestnes", body: board.name, role: "member", municipality: "Vestnes", voteWeight: 1 },
  { person: "boardSecretary", body: board.name, role: "secretary", municipality: null },
];

/**
 * When a membership starts: members of the groups that existed before the 2021 re-constitution
 * continued in them (appointed for the period from 2020); the new groups start with their members.
 */
export function membershipValidFrom(m: MembershipSpec): string {
  if (m.validFrom !== undefined) return m.validFrom;
  const established = groupEstablished[m.body];
  if (established === undefined) return "2019-01-01";
  return established < groupsValidFrom ? "2020-01-01" : established;
}

/** Whether a membership of the demo holds on a date. */
export function membershipHoldsOn(m: MembershipSpec, date: string): boolean {
  return membershipValidFrom(m) <= date && (m.validTo === undefined || m.validTo > date);
}

/** The person who chaired the board on a date (who records its decisions in the demo). */
export function boardChairOn(date: string): string {
  const chair = memberships.find(
    (m) => m.body === board.name && m.role === "chair" && membershipHoldsOn(m, date),
  );
  if (!chair) throw new Error(`Demo: the board had no chair on ${date}`);
  return chair.person;
}

/** Demo logins listed in the README, one per role. */
export const demoLogins = [
  ["Administrator", "admin@innspill.test"],
  ["Koordinator (ROR-IKT)", "koordinator@innspill.test"],
  ["Ansatt / innsender", "ansatt@innspill.test"],
  ["Faggruppeleder (Helse og velferd)", "faggruppeleder@innspill.test"],
  ["Faggruppemedlem", "faggruppemedlem@innspill.test"],
  ["Bestiller (Molde)", "bestiller@innspill.test"],
  ["Daglig leder (leder av bestillerutvalget)", "daglig.leder@innspill.test"],
  ["Styreleder", "styreleder@innspill.test"],
  ["Styremedlem", "styremedlem@innspill.test"],
];
