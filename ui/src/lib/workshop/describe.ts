import type { Change, Note } from "../api/types";
import type { Message } from "../ui/toast.svelte";

/** Text as a toast quotes it: one line, cut with "…" when long. */
export function quoted(text: string, max = 40): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

type Pair<T> = { before: T | null; after: T | null };

/** Added, deleted or changed, as the step first did it. */
function how(c: Pair<unknown>): "created" | "deleted" | "changed" {
  return !c.before ? "created" : !c.after ? "deleted" : "changed";
}

/** `now` is the note as the undo or redo left it (or its last text, when it took it away). */
function noteStep(c: Pair<Note>, now: Note): Message {
  const params = { text: quoted(now.text) };
  const kind = how(c);
  if (kind !== "changed") return { key: `step.note.${kind}`, params };
  const [a, b] = [c.before!, c.after!];
  if (a.text !== b.text) return { key: "step.note.text", params };
  if (a.sentiment !== b.sentiment || a.kind !== b.kind) return { key: "step.note.tone", params };
  return { key: "step.note.moved", params };
}

const LABELLED = ["touchpoint", "lane", "phase"] as const;

/** Who walked and where: the names a walkthrough answer's step is told by, when still known. */
export type StepNames = {
  walker: (walkthroughId: string) => string | null;
  place: (touchpointId: string) => string | null;
};

/**
 * What an undo or redo took back or did again, from the changes it applied: "new note “…”",
 * "text of “…”", "board “…” deleted". The step's own direction is the redo's; an undo's changes
 * run the other way.
 */
export function describeStep(changes: readonly Change[], which: "undo" | "redo", names?: StepNames): Message {
  const step = changes.map((c) => (which === "undo" ? { ...c, before: c.after, after: c.before } : c)) as Change[];
  const board = step.find((c) => c.entity === "board");
  if (board?.entity === "board") {
    const title = (board.after ?? board.before)!.title;
    return { key: `step.board.${how(board)}`, params: { title } };
  }
  const notes = step.filter((c): c is Extract<Change, { entity: "note" }> => c.entity === "note");
  // A lane that grew to hold a note is part of the note's step, not the news.
  if (notes.length === 1) {
    const raw = changes.find((c) => c.id === notes[0].id && c.entity === "note") as Pair<Note>;
    return noteStep(notes[0], (raw.after ?? raw.before)!);
  }
  if (notes.length > 1) {
    const kinds = new Set(notes.map(how));
    return { key: `step.notes.${kinds.size === 1 ? [...kinds][0] : "changed"}`, count: notes.length };
  }
  for (const entity of LABELLED) {
    const c = step.find((c) => c.entity === entity) as Pair<{ label: string }> | undefined;
    if (c) return { key: `step.${entity}.${how(c)}`, params: { label: (c.after ?? c.before)!.label } };
  }
  const persona = step.find((c) => c.entity === "persona");
  if (persona?.entity === "persona") return { key: `step.persona.${how(persona)}`, params: { name: (persona.after ?? persona.before)!.fields.name } };
  const answer = step.find((c) => c.entity === "walk_step");
  if (answer?.entity === "walk_step") {
    const s = (answer.after ?? answer.before)!;
    const name = names?.walker(s.walkthrough_id);
    const place = names?.place(s.touchpoint_id);
    if (name && place) return { key: "step.walk.answer", params: { name, place } };
  }
  if (step.some((c) => c.entity === "walk_step" || c.entity === "walkthrough")) return { key: "step.walk" };
  if (step.some((c) => c.entity === "session")) return { key: "step.session" };
  return { key: "step.other" };
}

/** The walkthrough answer an undo or redo changed (to open the walk at), or null. */
export function shownAnswer(changes: readonly Change[]): { walkthrough_id: string; touchpoint_id: string } | null {
  for (const c of changes) if (c.entity === "walk_step") return (c.after ?? c.before)!;
  return null;
}

/** The note an undo or redo brought back or changed, to show on the board; none when it removed it. */
export function shownNote(changes: readonly Change[]): Note | null {
  for (const c of changes) if (c.entity === "note" && c.after) return c.after;
  return null;
}
