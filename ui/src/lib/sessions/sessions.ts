import type { AgendaItem, Attendance, Session, SessionFields } from "../api/types";
import { inPositionOrder } from "../order";

/** The roles attendance is counted by, in the order the form and the cards show them. */
export const ROLES = ["clients", "experts_by_experience", "workers", "facilitators"] as const satisfies readonly (keyof Attendance)[];
export type Role = (typeof ROLES)[number];

export function sessionsFrom(list: readonly Session[]): Record<string, Session> {
  return Object.fromEntries(list.map((s) => [s.id, s]));
}

/** The programme's order: by position, as the core keeps it. */
export function programme(sessions: Record<string, Session>): Session[] {
  return inPositionOrder(Object.values(sessions));
}

export function blankSession(title: string): SessionFields {
  return {
    title,
    starts_at: null,
    place: "",
    goal: "",
    agenda: [],
    attendance: { clients: null, experts_by_experience: null, workers: null, facilitators: null },
    summary: "",
  };
}

/** Minutes planned for the whole agenda; items without minutes add nothing. */
export function agendaMinutes(agenda: readonly Pick<AgendaItem, "minutes">[]): number {
  return agenda.reduce((sum, i) => sum + (i.minutes ?? 0), 0);
}

/** Everyone counted, or null when no role was counted at all (unknown is not zero). */
export function attendanceTotal(a: Attendance): number | null {
  const counted = ROLES.map((r) => a[r]).filter((n): n is number => n !== null);
  return counted.length ? counted.reduce((x, y) => x + y, 0) : null;
}

/**
 * A stored `starts_at` as its parts. The value is a wall-clock time where the meeting happens,
 * with no zone; it is never put through `Date.parse`, which would read a bare date as UTC midnight
 * and show the day before west of Greenwich.
 */
export function splitStartsAt(at: string | null): { date: string; time: string } {
  if (!at) return { date: "", time: "" };
  const [date, time = ""] = at.split("T");
  return { date, time };
}

export function joinStartsAt(date: string, time: string): string | null {
  if (!date) return null;
  return time ? `${date}T${time}` : date;
}

/** A local `Date` for the stored value: built from its numbers, so no zone shifts it. */
function localDate(at: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(at);
  if (!m) return null;
  const d = new Date(+m[1], +m[2] - 1, +m[3], m[4] ? +m[4] : 0, m[5] ? +m[5] : 0);
  // Years before 100 would be read as 19xx by the constructor.
  d.setFullYear(+m[1]);
  return d;
}

/**
 * The meeting's date, and time when known, in the UI language's own style ("ti 18.3.2025 klo 13.00"
 * in Finnish). Null when there is no date; the stored text itself when it cannot be read.
 */
export function formatStartsAt(at: string | null, lang: string): string | null {
  if (!at) return null;
  const d = localDate(at);
  if (!d) return at;
  const hasTime = at.includes("T");
  const date = new Intl.DateTimeFormat(lang, { weekday: "short", day: "numeric", month: "numeric", year: "numeric" }).format(d);
  if (!hasTime) return date;
  const time = new Intl.DateTimeFormat(lang, { hour: "numeric", minute: "2-digit" }).format(d);
  // Finnish writes "klo" before a time of day; the others read well with a plain separator.
  return lang === "fi" ? `${date} klo ${time}` : `${date} ${time}`;
}

/** Today's date where this screen is, as `YYYY-MM-DD`. */
export function localToday(now: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** The first session, in programme order, whose date is today here; null when none is. */
export function todaysSession(ordered: readonly Session[], now: Date): Session | null {
  const today = localToday(now);
  return ordered.find((s) => s.fields.starts_at?.slice(0, 10) === today) ?? null;
}

/**
 * A new session's default title: the label with the next number ("Tapaaminen 3"), skipping numbers
 * a session's title already uses, so two quick adds do not get the same name.
 */
export function nextTitle(ordered: readonly Session[], label: (n: number) => string): string {
  const titles = new Set(ordered.map((s) => s.fields.title));
  let n = ordered.length + 1;
  while (titles.has(label(n))) n++;
  return label(n);
}
