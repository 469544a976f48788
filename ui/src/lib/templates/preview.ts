import type { Board } from "../api/types";
import type { BoardPreview } from "../api/generated/BoardPreview";
import { inPositionOrder } from "../order";

export type { BoardPreview };

/**
 * A board drawn small where a template is picked: plain shapes in a 120 × 72 box, one way of
 * drawing per board kind. The shapes say only where things are; TemplatePreview.svelte colours
 * them by `tone`.
 */
export const VIEW = { w: 120, h: 72 } as const;

/** band/alt: a phase or a period's ground; box: a place for notes; head: a column's or row's name; line: the path; station: a touchpoint; rule: a named line. */
export type Tone = "band" | "alt" | "box" | "head" | "line" | "station" | "rule";

export type Shape =
  | { shape: "rect"; x: number; y: number; w: number; h: number; tone: Tone }
  | { shape: "line"; x1: number; y1: number; x2: number; y2: number; tone: Tone; dashed: boolean }
  | { shape: "dot"; cx: number; cy: number; r: number; tone: Tone };

const PAD = 4;
const GAP = 2;
/** Rows drawn when a board has none yet (people add them): enough to read as a table. */
const EMPTY_ROWS = 3;

export function previewShapes(p: BoardPreview): Shape[] {
  switch (p.kind) {
    case "service_path":
      return servicePath(p);
    case "journey_canvas":
      return canvas(p);
    case "blueprint":
      return blueprint(p);
    case "grid":
      return grid(p);
  }
}

/** The shape of a board as it is now, for the card that copies it (what a template's summary says of its board). */
export function previewOf(board: Pick<Board, "kind" | "phases" | "touchpoints" | "lanes">): BoardPreview {
  const stacked = new Set(board.phases.filter((ph) => ph.stacked).map((ph) => ph.id));
  return {
    kind: board.kind,
    title: {},
    columns: board.touchpoints.filter((tp) => !(tp.phase_id && stacked.has(tp.phase_id))).length,
    rows: board.lanes.length,
    periods: inPositionOrder(board.phases).map((ph) => (ph.stacked ? board.touchpoints.filter((tp) => tp.phase_id === ph.id).length : null)),
    lines: board.lanes.filter((l) => l.line_above.trim() !== "").length,
  };
}

/** `n` equal spans from `from` to `to` with gaps between them: [start, length] each. */
function spans(n: number, from: number, to: number, gap = GAP): [number, number][] {
  if (n <= 0) return [];
  const len = (to - from - gap * (n - 1)) / n;
  return Array.from({ length: n }, (_, i) => [from + i * (len + gap), len]);
}

const rect = (x: number, y: number, w: number, h: number, tone: Tone): Shape => ({ shape: "rect", x, y, w, h, tone });

/** Phase bands side by side, the path across them, a station per column. */
function servicePath(p: BoardPreview): Shape[] {
  const out: Shape[] = spans(p.periods.length, PAD, VIEW.w - PAD, 1).map(([x, w], i) => rect(x, PAD, w, VIEW.h - 2 * PAD, i % 2 ? "alt" : "band"));
  const y = VIEW.h / 2 + 4;
  out.push({ shape: "line", x1: PAD + 4, y1: y, x2: VIEW.w - PAD - 4, y2: y, tone: "line", dashed: false });
  const step = (VIEW.w - 2 * PAD - 8) / Math.max(p.columns, 1);
  for (let i = 0; i < p.columns; i++) out.push({ shape: "dot", cx: PAD + 4 + step * (i + 0.5), cy: y, r: Math.min(5, step / 3), tone: "station" });
  return out;
}

/**
 * The periods left to right: one stacked is a column of boxes, one of columns is a row of tall
 * boxes (the board's columns shared among such periods); a band across under them all.
 */
function canvas(p: BoardPreview): Shape[] {
  const periods = p.periods.length ? p.periods : [null];
  const open = periods.filter((n) => n === null).length;
  const share = (k: number) => Math.floor(p.columns / open) + (k < p.columns % open ? 1 : 0);
  let k = 0;
  type Part = { stack: boolean; n: number };
  const parts = periods.map((n): Part => (n === null ? { stack: false, n: share(k++) } : { stack: true, n }));
  const weight = (part: Part) => (part.stack ? 1.3 : Math.max(part.n, 1));
  const total = parts.reduce((sum, part) => sum + weight(part), 0);
  const bottom = VIEW.h - PAD - 14;
  const unit = (VIEW.w - 2 * PAD - GAP * 2 * (parts.length - 1)) / total;
  const out: Shape[] = [];
  let x = PAD;
  for (const part of parts) {
    const w = weight(part) * unit;
    if (part.stack) for (const [y, h] of spans(part.n, PAD, bottom)) out.push(rect(x, y, w, h, "box"));
    else for (const [cx, cw] of spans(part.n, x, x + w)) out.push(rect(cx, PAD, cw, bottom - PAD, "alt"));
    x += w + GAP * 2;
  }
  out.push(rect(PAD, bottom + GAP * 2, VIEW.w - 2 * PAD, VIEW.h - PAD - bottom - GAP * 2, "band"));
  return out;
}

/** A head row of columns; rows under it, each named on the left; a dashed line above each of the last `lines` rows. */
function blueprint(p: BoardPreview): Shape[] {
  const label = 18;
  const head = 8;
  const cols = spans(Math.max(p.columns, 1), PAD + label + GAP, VIEW.w - PAD);
  const rows = spans(Math.max(p.rows, 1), PAD + head + GAP * 2, VIEW.h - PAD, 3);
  const out: Shape[] = cols.map(([x, w]) => rect(x, PAD, w, head, "head"));
  rows.forEach(([y, h], r) => {
    out.push(rect(PAD, y, label, h, "head"));
    for (const [x, w] of cols) out.push(rect(x, y, w, h, r % 2 ? "alt" : "box"));
    if (r >= rows.length - p.lines) out.push({ shape: "line", x1: PAD, y1: y - 1.5, x2: VIEW.w - PAD, y2: y - 1.5, tone: "rule", dashed: true });
  });
  return out;
}

/** A table: a head row naming the columns, a column naming the rows when the board has rows. */
function grid(p: BoardPreview): Shape[] {
  const named = p.rows > 0;
  const head = 9;
  const left = named ? PAD + 22 + GAP : PAD;
  const cols = spans(Math.max(p.columns, 1), left, VIEW.w - PAD);
  const rows = spans(named ? p.rows : EMPTY_ROWS, PAD + head + GAP, VIEW.h - PAD, 1.5);
  const out: Shape[] = cols.map(([x, w]) => rect(x, PAD, w, head, "head"));
  for (const [y, h] of rows) {
    if (named) out.push(rect(PAD, y, 22, h, "head"));
    for (const [x, w] of cols) out.push(rect(x, y, w, h, "box"));
  }
  return out;
}
