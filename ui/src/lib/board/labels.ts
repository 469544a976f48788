import type { BoardState } from "./changes";

/** Whether a label, caption or line on the board differs from the words its template gave it. */
export function renamed(board: Pick<BoardState, "phases" | "touchpoints" | "lanes">): boolean {
  const differs = (original: string, now: string) => original !== "" && original !== now;
  return (
    board.phases.some((p) => differs(p.original_label, p.label) || differs(p.original_caption, p.caption)) ||
    board.touchpoints.some((t) => differs(t.original_label, t.label)) ||
    board.lanes.some((l) => differs(l.original_label, l.label) || differs(l.original_line, l.line_above))
  );
}
