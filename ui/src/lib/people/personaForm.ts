import type { AgeGroup, Avatar, DigitalSkills, Persona, PersonaFields, PersonaPatch } from "../api/types";
import { AVATAR_COLOURS, AVATAR_SYMBOLS, MAX_LIST_ITEMS } from "../api/generated/people";

/**
 * The persona form's rules, the same the core checks (polku-core persona.rs), so a mistake is
 * explained next to its field in words before anything is sent.
 */
export const MAX_NAME = 200;
export const MAX_TEXT = 2000;
export const MAX_ITEM = 200;
export { MAX_LIST_ITEMS };

export const AGE_GROUPS: readonly AgeGroup[] = ["under_18", "18_29", "30_44", "45_64", "65_plus"];
export const DIGITAL_SKILLS: readonly DigitalSkills[] = ["none", "some", "fluent"];
/** The channels the form suggests (i18n `persona.channel.<key>`); the group may type any other. */
export const CHANNEL_SUGGESTIONS = ["phone", "text", "email", "portal", "social", "face", "third"] as const;

export const TEXT_FIELDS = ["quote", "life_situation", "goals", "needs", "fears", "notes"] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
export type ListField = "channels" | "languages";
export type FieldName = "name" | TextField | ListField;

/** A problem with one field: an i18n key under `persona.error.` and its placeholders. */
export type FieldError = { key: string; params?: Record<string, number> };
export type FormErrors = Partial<Record<FieldName, FieldError>>;

// A control character other than a newline or a tab: the core refuses those everywhere.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const CONTROL_ONE_LINE = /[\u0000-\u001f\u007f-\u009f]/;

const chars = (s: string) => [...s].length;

/**
 * An avatar no other persona has yet, so a new card is told apart at a glance. Walks symbols and
 * colours together, shifting the colour each round, so all 128 pairs come up before any repeats.
 */
export function freshAvatar(taken: readonly Avatar[]): Avatar {
  const used = new Set(taken.map((a) => `${a.symbol}/${a.colour}`));
  const total = AVATAR_SYMBOLS.length * AVATAR_COLOURS.length;
  for (let i = 0; i < total; i++) {
    const symbol = AVATAR_SYMBOLS[i % AVATAR_SYMBOLS.length];
    const colour = AVATAR_COLOURS[(i + Math.floor(i / AVATAR_SYMBOLS.length)) % AVATAR_COLOURS.length];
    if (!used.has(`${symbol}/${colour}`)) return { symbol, colour };
  }
  return { symbol: AVATAR_SYMBOLS[0], colour: AVATAR_COLOURS[0] };
}

export function blankFields(avatar: Avatar): PersonaFields {
  return {
    name: "",
    avatar: { ...avatar },
    age_group: null,
    life_situation: "",
    goals: "",
    needs: "",
    fears: "",
    channels: [],
    digital_skills: null,
    languages: [],
    quote: "",
    notes: "",
  };
}

/** A copy the form may change freely without touching the session's persona. */
export function copyFields(f: PersonaFields): PersonaFields {
  return { ...f, avatar: { ...f.avatar }, channels: [...f.channels], languages: [...f.languages] };
}

/** What would be saved: the name trimmed, a text of only spaces as no text at all. */
export function cleanFields(f: PersonaFields): PersonaFields {
  const text = (s: string) => (s.trim() === "" ? "" : s);
  const out = copyFields(f);
  out.name = f.name.trim();
  for (const k of TEXT_FIELDS) out[k] = text(f[k]);
  return out;
}

function textError(s: string): FieldError | undefined {
  const n = chars(s);
  if (n > MAX_TEXT) return { key: "tooLong", params: { count: n, max: MAX_TEXT } };
  if (CONTROL.test(s)) return { key: "control" };
  return undefined;
}

/** Why one list entry cannot be added or kept; undefined when it can. */
export function itemError(item: string): FieldError | undefined {
  const s = item.trim();
  if (!s) return { key: "itemEmpty" };
  const n = chars(s);
  if (n > MAX_ITEM) return { key: "itemTooLong", params: { count: n, max: MAX_ITEM } };
  if (CONTROL_ONE_LINE.test(s)) return { key: "oneLine" };
  return undefined;
}

/** Every field's problem, on the cleaned fields; an empty object when the persona can be saved. */
export function validate(f: PersonaFields): FormErrors {
  const c = cleanFields(f);
  const out: FormErrors = {};
  const n = chars(c.name);
  if (n === 0) out.name = { key: "nameEmpty" };
  else if (n > MAX_NAME) out.name = { key: "tooLong", params: { count: n, max: MAX_NAME } };
  else if (CONTROL_ONE_LINE.test(c.name)) out.name = { key: "oneLine" };
  for (const k of TEXT_FIELDS) {
    const e = textError(c[k]);
    if (e) out[k] = e;
  }
  for (const k of ["channels", "languages"] as const) {
    const list = c[k];
    if (list.length > MAX_LIST_ITEMS) out[k] = { key: "tooMany", params: { max: MAX_LIST_ITEMS } };
    else {
      const bad = list.map(itemError).find(Boolean);
      if (bad) out[k] = bad;
    }
  }
  return out;
}

/** The order a form lists its fields in: the first one with a problem takes the focus. */
export const FIELD_ORDER: readonly FieldName[] = ["name", "channels", "languages", "quote", "life_situation", "goals", "needs", "fears", "notes"];

export function firstError(errors: FormErrors): FieldName | null {
  return FIELD_ORDER.find((k) => errors[k]) ?? null;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * Only the fields that differ from `before`: another person editing another field of the same
 * persona at the same time keeps their change. Null when nothing changed.
 */
export function personaPatch(before: PersonaFields, edited: PersonaFields): PersonaPatch | null {
  const after = cleanFields(edited);
  const patch: PersonaPatch = {};
  if (after.name !== before.name) patch.name = after.name;
  if (after.avatar.symbol !== before.avatar.symbol || after.avatar.colour !== before.avatar.colour) patch.avatar = { ...after.avatar };
  if (after.age_group !== before.age_group) patch.age_group = after.age_group;
  if (after.digital_skills !== before.digital_skills) patch.digital_skills = after.digital_skills;
  for (const k of TEXT_FIELDS) if (after[k] !== before[k]) patch[k] = after[k];
  if (!sameList(after.channels, before.channels)) patch.channels = [...after.channels];
  if (!sameList(after.languages, before.languages)) patch.languages = [...after.languages];
  return Object.keys(patch).length ? patch : null;
}

/**
 * Whether closing the form now would lose something: what would be saved differs from what was
 * loaded. Spaces alone are no change, the same rule as saving, so the question only comes when
 * there is something to lose.
 */
export function isDirty(form: PersonaFields, original: PersonaFields): boolean {
  return personaPatch(cleanFields(original), form) !== null;
}

/**
 * Adds an entry to a list (trimmed; one already there, in any letter case, is not added twice).
 * Returns the new list or the reason it cannot take the entry.
 */
export function addItem(list: readonly string[], item: string): { list: string[] } | { error: FieldError } {
  const bad = itemError(item);
  if (bad) return { error: bad };
  const s = item.trim();
  if (list.some((v) => v.toLocaleLowerCase() === s.toLocaleLowerCase())) return { list: [...list] };
  if (list.length >= MAX_LIST_ITEMS) return { error: { key: "tooMany", params: { max: MAX_LIST_ITEMS } } };
  return { list: [...list, s] };
}

/** The list with `item` taken out, or put in when it was not there: a suggestion chip's toggle. */
export function toggleItem(list: readonly string[], item: string): { list: string[] } | { error: FieldError } {
  const i = list.findIndex((v) => v.toLocaleLowerCase() === item.toLocaleLowerCase());
  if (i >= 0) return { list: list.filter((_, j) => j !== i) };
  return addItem(list, item);
}

/**
 * A duplicate's name: `label(1)` ("Aino (copy)"), or `label(2)`, `label(3)` … when that one is
 * taken, cut so it still fits the name's length.
 */
export function copyName(name: string, taken: readonly string[], label: (base: string, n: number) => string): string {
  const names = new Set(taken);
  for (let n = 1; ; n++) {
    let base = name;
    let out = label(base, n);
    while (chars(out) > MAX_NAME && base.length > 0) {
      base = [...base].slice(0, -1).join("");
      out = label(base.trimEnd(), n);
    }
    if (!names.has(out) || n > taken.length) return out;
  }
}

/** The library's order: the oldest first, so a new card appears at the end and nothing jumps. */
export function libraryOrder(personas: readonly Persona[]): Persona[] {
  return [...personas].sort((a, b) => a.created_at - b.created_at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
