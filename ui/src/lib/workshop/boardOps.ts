import type { BoardKind, BoardSource, Language, Op } from "../api/types";
import { SERVICE_PATH_TEMPLATE, templateBoardTitle, type TemplateSummary } from "../templates/templates";

/** What a new board starts with, as the add dialog offers it: a one-board template, nothing, or the open board. */
export type Start = { type: "template"; template: string } | { type: "blank" } | { type: "copy" };

/** What the add dialog offers first: the service path, as the strip's "+" always made. */
export const FIRST_START: Start = { type: "template", template: SERVICE_PATH_TEMPLATE };

/** One word per starting point, for comparing two of them. */
export const startKey = (s: Start): string => (s.type === "template" ? `template:${s.template}` : s.type);

/** What the open board's menu offers. */
export type BoardAction = "rename" | "duplicate" | "template" | "left" | "right" | "delete";

/**
 * A name for the next board that no board has yet: "Board 3" for the third, or the next free
 * number when someone already named a board that.
 */
export function defaultTitle(titles: readonly string[], name: (n: number) => string): string {
  const taken = new Set(titles.map((t) => t.trim()));
  let n = titles.length + 1;
  while (taken.has(name(n))) n++;
  return name(n);
}

/**
 * Where a page goes when the board it shows is deleted: the board to its left, else the one to
 * its right, in the order as it was before the delete; null when there is none.
 */
export function neighbour(ordered: readonly { id: string }[], id: string): string | null {
  const at = ordered.findIndex((b) => b.id === id);
  if (at < 0) return null;
  return ordered[at - 1]?.id ?? ordered[at + 1]?.id ?? null;
}

/** The index a board moves to one step left (-1) or right (+1); null at that end of the strip. */
export function moveIndex(ordered: readonly { id: string }[], id: string, step: -1 | 1): number | null {
  const at = ordered.findIndex((b) => b.id === id);
  const to = at + step;
  return at < 0 || to < 0 || to >= ordered.length ? null : to;
}

/**
 * The op that makes a board right after the current one. Only the board's own id is sent: the
 * server derives the ids of what it is made with.
 */
export function createOp(
  id: string,
  after: { ordered: readonly { id: string }[]; current: string },
  title: string,
  start: Start,
  withNotes: boolean,
  kind: BoardKind = "service_path",
): Op {
  const index = after.ordered.findIndex((b) => b.id === after.current) + 1;
  return { type: "create_board", board: { id, index, title: title.trim(), from: source(start, after.current, withNotes, kind) } };
}

function source(start: Start, current: string, withNotes: boolean, kind: BoardKind): BoardSource {
  switch (start.type) {
    case "template":
      return { type: "template", template: start.template };
    case "blank":
      return { type: "blank", kind };
    case "copy":
      return { type: "copy", board_id: current, with_notes: withNotes };
  }
}

/**
 * The name the add dialog offers for a board started as `start`: the template's board title in
 * the workshop's language ("Channel analysis", numbered when taken), else the next "Board n".
 */
export function suggestedTitle(
  start: Start,
  titles: readonly string[],
  templates: readonly TemplateSummary[],
  lang: Language,
  untitled: (n: number) => string,
): string {
  const named = start.type === "template" ? templateBoardTitle(templates, start.template, lang, titles) : null;
  return named ?? defaultTitle(titles, untitled);
}
