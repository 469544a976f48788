import type { AgendaItem, Attendance, SessionFields, SessionPatch } from "../api/types";
import { ROLES, joinStartsAt, splitStartsAt, type Role } from "./sessions";

/**
 * The session editor's rules, the same the core checks (polku-core session.rs), so a mistake is
 * explained next to its field before anything is sent, and the editor's state as plain strings
 * (what the inputs hold) turned into the fields a save sends.
 */
export const MAX_LABEL = 200;
export const MAX_TEXT = 2000;
export const MAX_AGENDA = 50;
export const MAX_MINUTES = 600;
export const MAX_COUNT = 10_000;

/** An agenda item as its inputs hold it: minutes as typed. */
export type AgendaRow = { id: string; title: string; minutes: string; instructions: string; board_id: string | null };

export type SessionForm = {
  title: string;
  date: string;
  time: string;
  place: string;
  goal: string;
  agenda: AgendaRow[];
  attendance: Record<Role, string>;
  summary: string;
};

/** The parts of a session saved on their own: each save is one `update_session` of one part. */
export const PARTS = ["title", "starts_at", "place", "goal", "agenda", "attendance", "summary"] as const;
export type Part = (typeof PARTS)[number];

/** A problem with one field: an i18n key under `sessions.error.` and its placeholders. */
export type FieldError = { key: string; params?: Record<string, number> };

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const CONTROL_ONE_LINE = /[\u0000-\u001f\u007f-\u009f]/;
const chars = (s: string) => [...s].length;

export function toForm(f: SessionFields): SessionForm {
  const { date, time } = splitStartsAt(f.starts_at);
  return {
    title: f.title,
    date,
    time,
    place: f.place,
    goal: f.goal,
    agenda: f.agenda.map(toRow),
    attendance: Object.fromEntries(ROLES.map((r) => [r, f.attendance[r] === null ? "" : String(f.attendance[r])])) as Record<Role, string>,
    summary: f.summary,
  };
}

export function toRow(i: AgendaItem): AgendaRow {
  return { id: i.id, title: i.title, minutes: i.minutes === null ? "" : String(i.minutes), instructions: i.instructions, board_id: i.board_id };
}

export function copyForm(f: SessionForm): SessionForm {
  return { ...f, agenda: f.agenda.map((r) => ({ ...r })), attendance: { ...f.attendance } };
}

// A text of only spaces is no text: the core refuses blank text, and the user meant none.
const clean = (s: string) => (s.trim() === "" ? "" : s);

function labelError(s: string, required: boolean): FieldError | undefined {
  const n = chars(s);
  if (n === 0) return required ? { key: "empty" } : undefined;
  if (n > MAX_LABEL) return { key: "tooLong", params: { count: n, max: MAX_LABEL } };
  if (CONTROL_ONE_LINE.test(s)) return { key: "oneLine" };
  return undefined;
}

function textError(s: string): FieldError | undefined {
  const n = chars(s);
  if (n > MAX_TEXT) return { key: "tooLong", params: { count: n, max: MAX_TEXT } };
  if (CONTROL.test(s)) return { key: "control" };
  return undefined;
}

/** A whole number in `0..=max` as typed, null for an empty input, or the problem with it. */
export function parseCount(s: string, max: number): { value: number | null } | { error: FieldError } {
  const v = s.trim();
  if (v === "") return { value: null };
  if (!/^\d+$/.test(v)) return { error: { key: "wholeNumber", params: { max } } };
  const n = Number(v);
  return n > max ? { error: { key: "tooMany", params: { max } } } : { value: n };
}

/** An agenda row's problem, keyed by which of its inputs has it. */
export type RowErrors = Partial<Record<"title" | "minutes" | "instructions", FieldError>>;

export function rowErrors(r: AgendaRow): RowErrors {
  const out: RowErrors = {};
  const title = labelError(r.title.trim(), true);
  if (title) out.title = title;
  const minutes = parseCount(r.minutes, MAX_MINUTES);
  if ("error" in minutes) out.minutes = minutes.error;
  const instructions = textError(clean(r.instructions));
  if (instructions) out.instructions = instructions;
  return out;
}

/** The value a part would be saved as, or why it cannot be. */
export function partValue(form: SessionForm, part: Part): { patch: SessionPatch } | { error: FieldError } {
  switch (part) {
    case "title": {
      const v = form.title.trim();
      const e = labelError(v, true);
      return e ? { error: e } : { patch: { title: v } };
    }
    case "starts_at":
      if (!form.date && form.time) return { error: { key: "timeWithoutDate" } };
      return { patch: { starts_at: joinStartsAt(form.date, form.time) } };
    case "place": {
      const v = form.place.trim();
      const e = labelError(v, false);
      return e ? { error: e } : { patch: { place: v } };
    }
    case "goal":
    case "summary": {
      const v = clean(form[part]);
      const e = textError(v);
      return e ? { error: e } : { patch: { [part]: v } };
    }
    case "agenda":
      return agendaValue(form.agenda);
    case "attendance":
      return attendanceValue(form.attendance);
  }
}

function agendaValue(rows: readonly AgendaRow[]): { patch: SessionPatch } | { error: FieldError } {
  if (rows.length > MAX_AGENDA) return { error: { key: "tooManyItems", params: { max: MAX_AGENDA } } };
  if (rows.some((r) => Object.keys(rowErrors(r)).length)) return { error: { key: "agendaItem" } };
  const agenda: AgendaItem[] = rows.map((r) => ({
    id: r.id,
    title: r.title.trim(),
    minutes: (parseCount(r.minutes, MAX_MINUTES) as { value: number | null }).value,
    instructions: clean(r.instructions),
    board_id: r.board_id,
  }));
  return { patch: { agenda } };
}

function attendanceValue(counts: Record<Role, string>): { patch: SessionPatch } | { error: FieldError } {
  const out = {} as Attendance;
  for (const r of ROLES) {
    const p = parseCount(counts[r], MAX_COUNT);
    if ("error" in p) return p;
    out[r] = p.value;
  }
  return { patch: { attendance: out } };
}

/** A part's errors shown in the form; empty when it can be saved. */
export function partError(form: SessionForm, part: Part): FieldError | undefined {
  const v = partValue(form, part);
  return "error" in v ? v.error : undefined;
}

/**
 * The patch saving one part would send: null when the part is as `saved` has it (nothing to send)
 * or cannot be saved (its error is shown instead).
 */
export function partPatch(form: SessionForm, saved: SessionForm, part: Part): SessionPatch | null {
  const now = partValue(form, part);
  if ("error" in now) return null;
  const was = partValue(saved, part);
  return "patch" in was && JSON.stringify(was.patch) === JSON.stringify(now.patch) ? null : now.patch;
}

/** Whether a part differs from what is saved: typed and not (yet, or ever) accepted. */
export function partDirty(form: SessionForm, saved: SessionForm, part: Part): boolean {
  return JSON.stringify(rawPart(form, part)) !== JSON.stringify(rawPart(saved, part));
}

function rawPart(f: SessionForm, part: Part): unknown {
  return part === "starts_at" ? [f.date, f.time] : f[part];
}

/** The parts whose typed text is not what is saved; closing now would lose them. */
export function unsavedParts(form: SessionForm, saved: SessionForm): Part[] {
  return PARTS.filter((p) => partDirty(form, saved, p) && !sameValue(form, saved, p));
}

// Typed differently but saved the same ("Aino " and "Aino"): nothing to lose.
function sameValue(form: SessionForm, saved: SessionForm, part: Part): boolean {
  const a = partValue(form, part);
  const b = partValue(saved, part);
  return "patch" in a && "patch" in b && JSON.stringify(a.patch) === JSON.stringify(b.patch);
}

/** `target` with one part taken from `source`. */
export function withPart(target: SessionForm, source: SessionForm, part: Part): SessionForm {
  const out = copyForm(target);
  if (part === "starts_at") {
    out.date = source.date;
    out.time = source.time;
  } else {
    // A plain copy, also of a reactive proxy (the form an editor binds to).
    (out as Record<string, unknown>)[part] = JSON.parse(JSON.stringify(source[part]));
  }
  return out;
}

/**
 * Another client's change to a part this form has not touched is taken in; a part being typed in
 * keeps what is typed. Returns the new form and the new saved state.
 */
export function followRemote(form: SessionForm, saved: SessionForm, incoming: SessionForm): { form: SessionForm; saved: SessionForm } {
  let nextForm = copyForm(form);
  for (const p of PARTS) if (!partDirty(form, saved, p)) nextForm = withPart(nextForm, incoming, p);
  return { form: nextForm, saved: copyForm(incoming) };
}
