import { addDays, daysBetween } from "./dates";
import { median } from "./report";

/**
 * Who served on the board, the committee and the specialist groups in a report's year, how the
 * organisation changed in it, and what each group did with proposals: the annual report's
 * organisation sections, computed from memberships, bodies, names and histories that held in the
 * year. Pure: no I/O. Periods follow the repositories' convention: [from, to), `to` the first day
 * no longer in it.
 */

export type BodyKind = "group" | "committee" | "board";

/** The part of a year a report speaks of: the whole year, or the running year up to today. */
export interface ReportPeriod {
  year: number;
  /** The year's first day. */
  from: string;
  /** The first day after the period: 1 January of the next year, or tomorrow in the running year. */
  to: string;
  /** The period's last day, shown as "per <date>" in the running year; null for a past year. */
  asOf: string | null;
}

/** The report's period for a year, given today's date (in Oslo): a running year ends today. */
export function reportPeriod(year: number, today: string): ReportPeriod {
  const from = `${year}-01-01`;
  const next = `${year + 1}-01-01`;
  if (today >= next) return { year, from, to: next, asOf: null };
  return { year, from, to: addDays(today, 1), asOf: today };
}

export interface PeriodMembership {
  bodyId: number;
  role: string;
  person: string;
  municipality: string | null;
  validFrom: string;
  validTo: string | null;
}

export interface PeriodBody {
  id: number;
  kind: BodyKind;
  name: string;
  validFrom: string;
  validTo: string | null;
}

/** One person's seat in a body during the period, with the dates where it did not span it. */
export interface Service {
  person: string;
  role: string;
  municipality: string | null;
  /** The first day, when the seat began after the body's part of the period began. */
  from: string | null;
  /** The last day, when the seat ended before the body's part of the period ended. */
  until: string | null;
}

/** Whether a validity [from, to) overlaps the period [start, end). */
const overlaps = (row: { validFrom: string; validTo: string | null }, start: string, end: string) =>
  row.validFrom < end && (row.validTo === null || row.validTo > start);

/** Whether a body existed on some day of the period. */
export function bodyInPeriod(body: { validFrom: string; validTo: string | null }, period: ReportPeriod) {
  return overlaps(body, period.from, period.to);
}

/** Chairs and leaders first, then members, then union representatives. */
const roleRank: Record<string, number> = { chair: 0, leader: 0, member: 1, union_rep: 2 };

/**
 * The members of a body through the period, in the report's order: by role, then municipality
 * (ROR-IKT's own after the municipalities), then who came first. Secretaries serve the body but
 * are not its members, so they are left out. A seat that did not span the body's part of the
 * period carries its first or last day.
 */
export function servicesOf(
  body: PeriodBody,
  memberships: readonly PeriodMembership[],
  period: ReportPeriod,
): Service[] {
  const start = body.validFrom > period.from ? body.validFrom : period.from;
  const end = body.validTo !== null && body.validTo < period.to ? body.validTo : period.to;
  return memberships
    .filter((m) => m.bodyId === body.id && m.role in roleRank && overlaps(m, start, end))
    .sort(
      (a, b) =>
        roleRank[a.role]! - roleRank[b.role]! ||
        (a.municipality ?? "\uffff").localeCompare(b.municipality ?? "\uffff", "nb") ||
        a.validFrom.localeCompare(b.validFrom) ||
        a.person.localeCompare(b.person, "nb"),
    )
    .map((m) => ({
      person: m.person,
      role: m.role,
      municipality: m.municipality,
      from: m.validFrom > start ? m.validFrom : null,
      until: m.validTo !== null && m.validTo < end ? addDays(m.validTo, -1) : null,
    }));
}

/** Who left and who joined a body during the period (a seat that began or ended within it). */
export function changesOf(services: readonly Service[]): { left: Service[]; joined: Service[] } {
  return {
    left: services.filter((s) => s.until !== null),
    joined: services.filter((s) => s.from !== null),
  };
}

export type OrganisationChange =
  | { kind: "renamed"; bodyKind: BodyKind; on: string; previous: string; name: string }
  | { kind: "established"; bodyKind: BodyKind; on: string; names: string[] }
  | { kind: "closed"; bodyKind: BodyKind; on: string; names: string[] }
  | { kind: "municipalityJoined"; on: string; names: string[] }
  | { kind: "municipalityLeft"; on: string; names: string[] };

/** Things that happened on the same day to the same kind of thing, said in one sentence. */
function together<T extends { on: string; name: string }, K extends string>(
  rows: readonly T[],
  keyOf: (row: T) => K,
): { key: K; on: string; names: string[] }[] {
  const out = new Map<string, { key: K; on: string; names: string[] }>();
  for (const row of rows) {
    const key = `${keyOf(row)}|${row.on}`;
    const entry = out.get(key) ?? { key: keyOf(row), on: row.on, names: [] };
    entry.names.push(row.name);
    out.set(key, entry);
  }
  return [...out.values()];
}

/**
 * The organisation's changes in the period, in date order: bodies renamed, established and
 * closed, municipalities joining and leaving the collaboration. Dates are the first day of the
 * new state ("fra 1.1.2023"). `bodies` carry the names they had in the period.
 */
export function organisationChanges(input: {
  period: ReportPeriod;
  bodies: readonly PeriodBody[];
  renames: readonly { bodyId: number; on: string; previous: string; name: string }[];
  municipalities: readonly { name: string; validFrom: string; validTo: string | null }[];
}): OrganisationChange[] {
  const { period } = input;
  const inPeriod = (date: string | null): date is string =>
    date !== null && date >= period.from && date < period.to;
  // A body established in the year is new, not renamed, even if it got another name the same year.
  const kindOf = new Map(input.bodies.map((b) => [b.id, b.kind]));
  const established = input.bodies.filter((b) => inPeriod(b.validFrom));
  const newIds = new Set(established.map((b) => b.id));
  const changes: OrganisationChange[] = [
    ...input.renames
      .filter((r) => inPeriod(r.on) && !newIds.has(r.bodyId) && kindOf.has(r.bodyId))
      .map((r): OrganisationChange => ({
        kind: "renamed",
        bodyKind: kindOf.get(r.bodyId)!,
        on: r.on,
        previous: r.previous,
        name: r.name,
      })),
    ...together(
      established.map((b) => ({ on: b.validFrom, name: b.name, kind: b.kind })),
      (b) => b.kind,
    ).map((g): OrganisationChange => ({ kind: "established", bodyKind: g.key, on: g.on, names: g.names })),
    ...together(
      input.bodies
        .filter((b) => inPeriod(b.validTo))
        .map((b) => ({ on: b.validTo!, name: b.name, kind: b.kind })),
      (b) => b.kind,
    ).map((g): OrganisationChange => ({ kind: "closed", bodyKind: g.key, on: g.on, names: g.names })),
    ...together(
      input.municipalities
        .filter((m) => inPeriod(m.validFrom))
        .map((m) => ({ on: m.validFrom, name: m.name })),
      () => "joined",
    ).map((g): OrganisationChange => ({ kind: "municipalityJoined", on: g.on, names: g.names })),
    ...together(
      input.municipalities.filter((m) => inPeriod(m.validTo)).map((m) => ({ on: m.validTo!, name: m.name })),
      () => "left",
    ).map((g): OrganisationChange => ({ kind: "municipalityLeft", on: g.on, names: g.names })),
  ];
  return changes.sort((a, b) => a.on.localeCompare(b.on));
}

export interface GroupActivity {
  received: number;
  assessed: number;
  recommended: number;
  /** Median whole days from assignment to the group's recommendation; null without any. */
  medianDays: number | null;
}

/**
 * What a group did with proposals in the period: the counts as SQL gave them, and the median of
 * its recommendations' days from the proposal's last assignment to a group.
 */
export function groupActivity(
  groupId: number,
  flow: readonly { groupId: number; received: number; assessed: number; recommended: number }[],
  recommendations: readonly { groupId: number; assignedAt: string | null; recommendedAt: string }[],
): GroupActivity {
  const counts = flow.find((f) => f.groupId === groupId);
  const days = recommendations
    .filter((r) => r.groupId === groupId && r.assignedAt !== null)
    .map((r) => daysBetween(r.assignedAt!, r.recommendedAt));
  return {
    received: counts?.received ?? 0,
    assessed: counts?.assessed ?? 0,
    recommended: counts?.recommended ?? 0,
    medianDays: median(days),
  };
}
