import type { FileProblem } from "../api/generated/FileProblem";
import type { Params } from "../i18n/lookup";

/**
 * A refused workshop file in the user's words: what is wrong (kindly, for someone who did not
 * make the file) and where, as a person would look for it: "board 1 “Palvelupolku”, note 3".
 * The server sends the place as a path in the file's data; the page has the file's text, so
 * titles and a note's first words come from there.
 */

type Translate = (key: string, params?: Params) => string;

export type PartKind =
  | "board"
  | "note"
  | "touchpoint"
  | "lane"
  | "phase"
  | "persona"
  | "session"
  | "agendaItem"
  | "walk"
  | "walkStep";

/** One step of a place: the kind of part, its number counted from 1, and what it is called. */
export type Part = { kind: PartKind; n: number; name?: string; quote?: string };

/** The lists of the file (as named in its data) that a person knows as parts. */
const LISTS: Record<string, PartKind> = {
  boards: "board",
  notes: "note",
  touchpoints: "touchpoint",
  lanes: "lane",
  phases: "phase",
  personas: "persona",
  sessions: "session",
  agenda: "agendaItem",
  walkthroughs: "walk",
  walk_steps: "walkStep",
};

/** Where a part keeps its name (older files keep a persona's name outside `fields`). */
const NAMES: Record<PartKind, string[][]> = {
  board: [["title"]],
  note: [],
  touchpoint: [["label"]],
  lane: [["label"]],
  phase: [["label"]],
  persona: [["fields", "name"], ["name"]],
  session: [["fields", "title"], ["title"]],
  agendaItem: [["title"]],
  walk: [],
  walkStep: [],
};

/** Enough to recognise a note or a title; the rest of a 2,000-character text would bury the place. */
const SNIPPET = 40;

function child(node: unknown, key: string | number): unknown {
  return node !== null && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
}

/** A text shortened to its first words on one line, or undefined when there is nothing to show. */
export function snippet(value: unknown, max = SNIPPET): string | undefined {
  if (typeof value !== "string") return undefined;
  // Line breaks and control characters would break the sentence the snippet sits in.
  const text = value.replace(/[\s\p{Cc}]+/gu, " ").trim();
  if (!text) return undefined;
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max).join("");
  const space = cut.lastIndexOf(" ");
  return (space > max / 2 ? cut.slice(0, space) : cut).trimEnd() + "…";
}

function nameOf(kind: PartKind, item: unknown): Pick<Part, "name" | "quote"> {
  if (kind === "note") {
    const quote = snippet(child(item, "text"));
    return quote ? { quote } : {};
  }
  for (const path of NAMES[kind]) {
    const name = snippet(path.reduce(child, item));
    if (name) return { name };
  }
  return {};
}

/**
 * The parts a path like `workshop.boards[0].notes[3].text` passes through, named from `file`
 * (the parsed file, when it parsed). A path outside the workshop has no parts.
 */
export function partsOf(at: string, file?: unknown): Part[] {
  const steps = at.split(".");
  if (steps[0] !== "workshop") return [];
  let node = child(file, "workshop");
  const parts: Part[] = [];
  for (const step of steps.slice(1)) {
    const m = /^(\w+)\[(\d+)\]$/.exec(step);
    if (!m) {
      node = child(node, step);
      continue;
    }
    const index = Number(m[2]);
    node = child(child(node, m[1]), index);
    const kind = LISTS[m[1]];
    if (kind) parts.push({ kind, n: index + 1, ...nameOf(kind, node) });
  }
  return parts;
}

/** "board 1 “Palvelupolku”, note 3 (“Ei tiedä…”)" in the current language. */
export function placeWords(parts: Part[], t: Translate): string {
  return parts
    .map((p) => {
      const part = t(`import.where.${p.kind}`, { n: p.n });
      if (p.name) return t("import.where.named", { part, name: p.name });
      if (p.quote) return t("import.where.quoted", { part, text: p.quote });
      return part;
    })
    .join(", ");
}

function parsed(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function what(problem: FileProblem, t: Translate, has: (key: string) => boolean): string {
  switch (problem.kind) {
    case "invalid": {
      // A rule the editor keeps too is worded as the editor words it.
      const rule = problem.field ? `error.validation.${problem.field}` : "";
      return rule && has(rule) ? t(rule) : t("import.problem.invalid");
    }
    case "too_large":
    case "foreign":
    case "unreadable":
    case "truncated":
    case "malformed":
    case "newer":
      return t(`import.problem.${problem.kind}`);
    default:
      return t("import.problem.invalid");
  }
}

function where(problem: FileProblem, text: string | undefined, t: Translate): string {
  switch (problem.kind) {
    case "truncated":
    case "malformed":
      return t("import.where.line", { line: problem.line, column: problem.column });
    case "invalid": {
      const parts = partsOf(problem.at, parsed(text));
      // The workshop's own title or language: in no part, but still in the workshop.
      if (parts.length === 0 && problem.at.startsWith("workshop.")) return t("import.where.workshop");
      return placeWords(parts, t);
    }
    default:
      return "";
  }
}

/** What is wrong with the file and, when it is known, where: one or two sentences. */
export function problemWords(
  problem: FileProblem,
  text: string | undefined,
  t: Translate,
  has: (key: string) => boolean,
): string {
  const place = where(problem, text, t);
  const reason = what(problem, t, has);
  return place ? `${reason} ${t("import.where", { where: place })}` : reason;
}
