import type { BoardKind, Lane, Note, Phase, Touchpoint } from "../api/types";
import { inPositionOrder } from "../order";
import { BOX_GAP, BOX_H, BOX_W, FIRST_X, LANES_TOP, NOTE_GAP, NOTE_H, NOTE_W, PATH_Y, STACK_MARGIN, STEP_X } from "../api/generated/layout";
import { traits } from "./kinds";

// Board units, from the core's layout (polku_core::layout). A note's x, y on screen are its
// top-left corner; stored, they are measured from its cell (see `place` and `cellAt`).
export { BOX_GAP, BOX_H, BOX_W, FIRST_X, LANE_H, LANES_TOP, MAX_LANE_H, MIN_LANE_H, NOTE_GAP, NOTE_H, NOTE_W, PATH_Y, STACK_MARGIN, STEP_X } from "../api/generated/layout";
/** Where the first row of notes starts: clear of the station and its (two-line) label. */
export const FIRST_ROW_Y = LANES_TOP;
export const ARROW_STEP = 10;

export type Rect = { x: number; y: number; w: number; h: number };
export type Point = { x: number; y: number };
export type Camera = { x: number; y: number; zoom: number };
/**
 * A touchpoint's place on the board: a column (`x` its middle) or, on a canvas, a box (`x` its
 * middle, `top` its top edge). `index` is its place in reading order, `rank` in position order
 * (what a move op counts in); on every kind but the canvas the two are the same.
 */
export type Station = {
  id: string;
  label: string;
  x: number;
  top: number | null;
  index: number;
  rank: number;
  description: string;
  phase_id: string | null;
  side_station: boolean;
};
/** A lane as drawn: its band from `top` down `height` board units; `line` names a line above it. */
export type Row = { id: string; label: string; index: number; top: number; height: number; line: string };

/**
 * Every touchpoint's place, in reading order; the rule of polku_core::layout::places. Along the
 * path for most kinds; on a canvas period by period, a stacked period's boxes top-down.
 */
export function stations(touchpoints: readonly Touchpoint[], kind: BoardKind = "service_path", phases: readonly Phase[] = []): Station[] {
  const ordered = inPositionOrder(touchpoints);
  const at = (tp: Touchpoint, x: number, top: number | null, index: number): Station => ({
    id: tp.id,
    label: tp.label,
    x,
    top,
    index,
    rank: ordered.indexOf(tp),
    description: tp.description,
    phase_id: tp.phase_id,
    side_station: tp.side_station,
  });
  if (!traits(kind).boxes) return ordered.map((tp, i) => at(tp, FIRST_X + i * STEP_X, null, i));
  const out: Station[] = [];
  let left = FIRST_X - STEP_X / 2;
  const columns = (list: Touchpoint[]) => {
    for (const tp of list) {
      out.push(at(tp, left + STEP_X / 2, null, out.length));
      left += STEP_X;
    }
  };
  const periods = inPositionOrder(phases);
  for (const p of periods) {
    const mine = ordered.filter((tp) => tp.phase_id === p.id);
    if (!p.stacked) {
      columns(mine);
      // An empty period keeps one column's room, so it still shows (and can be filled).
      if (mine.length === 0) left += STEP_X;
      continue;
    }
    const x = left + STACK_MARGIN + BOX_W / 2;
    mine.forEach((tp, k) => out.push(at(tp, x, LANES_TOP + k * (BOX_H + BOX_GAP), out.length)));
    left += BOX_W + 2 * STACK_MARGIN;
  }
  columns(ordered.filter((tp) => !periods.some((p) => p.id === tp.phase_id)));
  return out;
}

/** Half the width a place takes across: a column's step, or a box with the stack's margins. */
export function halfWidth(s: Pick<Station, "top">): number {
  return s.top === null ? STEP_X / 2 : BOX_W / 2 + STACK_MARGIN;
}

/** The board's width: every place with a margin on both ends. */
export function worldWidth(list: readonly Station[]): number {
  const right = list.reduce((r, s) => Math.max(r, s.x + halfWidth(s)), 0);
  return list.length ? right + FIRST_X - STEP_X / 2 : boardWidth(0);
}

/** The rectangle of a canvas box. */
export function boxRect(s: Station): Rect {
  return { x: s.x - BOX_W / 2, y: s.top ?? 0, w: BOX_W, h: BOX_H };
}

/** Lanes in order, stacked from LANES_TOP. */
export function rows(lanes: readonly Lane[]): Row[] {
  let top = LANES_TOP;
  return inPositionOrder(lanes)
    .map((l, index) => {
      const row = { id: l.id, label: l.label, index, top, height: l.height, line: l.line_above };
      top += l.height;
      return row;
    });
}

/** The note as drawn: x, y in board units (its stored x, y are relative to its cell). */
export function place<N extends Pick<Note, "touchpoint_id" | "lane_id" | "x" | "y">>(n: N, list: readonly Station[], lanes: readonly Row[]): N {
  const st = n.touchpoint_id ? list.find((s) => s.id === n.touchpoint_id) : undefined;
  const row = n.lane_id ? lanes.find((r) => r.id === n.lane_id) : undefined;
  const y = st && st.top !== null ? st.top + n.y : row ? row.top + n.y : n.y;
  return { ...n, x: st ? st.x + n.x : n.x, y };
}

/** The lane whose band holds board y; above the first lane, the first; below the last, the last. */
export function rowAt(lanes: readonly Row[], y: number): Row | null {
  if (lanes.length === 0) return null;
  return lanes.find((r) => y < r.top + r.height) ?? lanes[lanes.length - 1];
}

/**
 * Where a note whose top-left is at board (x, y) belongs, judged by its centre: the nearest
 * touchpoint's column and the lane under it, with x, y measured from that cell as stored.
 */
export function cellAt(list: readonly Station[], lanes: readonly Row[], x: number, y: number) {
  const st = nearestPlace(list, x + NOTE_W / 2, y + NOTE_H / 2);
  if (st && st.top !== null) {
    return { touchpoint_id: st.id, lane_id: null, x: Math.round(x - st.x), y: Math.round(y - st.top) };
  }
  const row = rowAt(lanes, y + NOTE_H / 2);
  return {
    touchpoint_id: st?.id ?? null,
    lane_id: row?.id ?? null,
    x: Math.round(st ? x - st.x : x),
    y: Math.round(row ? y - row.top : y),
  };
}

/**
 * The place nearest to board (x, y): a box when the point is in it or nearer to it than to any
 * column's middle; columns count only across. Ties go to the earlier place in reading order.
 */
export function nearestPlace(list: readonly Station[], x: number, y: number): Station | null {
  let best: Station | null = null;
  let bestD = Infinity;
  for (const s of list) {
    const d = s.top === null ? Math.abs(s.x - x) : distanceToRect(boxRect(s), x, y);
    if (d < bestD) {
      best = s;
      bestD = d;
    }
  }
  return best;
}

function distanceToRect(r: Rect, x: number, y: number): number {
  const dx = Math.max(r.x - x, 0, x - (r.x + r.w));
  const dy = Math.max(r.y - y, 0, y - (r.y + r.h));
  return Math.hypot(dx, dy);
}

/** Board width covering every station with a margin on both ends. */
export function boardWidth(count: number): number {
  return FIRST_X * 2 + Math.max(0, count - 1) * STEP_X;
}

/** The station whose column is nearest to board x; null when there are none. Ties go left. */
export function nearestStation(list: readonly Station[], x: number): Station | null {
  let best: Station | null = null;
  for (const s of list) {
    if (!best || Math.abs(s.x - x) < Math.abs(best.x - x)) best = s;
  }
  return best;
}

/** The touchpoint a note belongs to when its top-left is at x: judged by the note's centre. */
export function touchpointForNoteAt(list: readonly Station[], x: number): string | null {
  return nearestStation(list, x + NOTE_W / 2)?.id ?? null;
}

/** How near (board units) to its column's middle a dropped note has to be to snap into it. */
export const SNAP = 48;

/** Centres a note in its column when it is near the middle; further off, it stays where it was put. */
export function snapToColumn<C extends { touchpoint_id: string | null; x: number }>(cell: C): C {
  const centred = -NOTE_W / 2;
  return cell.touchpoint_id && Math.abs(cell.x - centred) <= SNAP ? { ...cell, x: centred } : cell;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/**
 * The first free spot in the column under `station`, top-down, so a new note never lands on top
 * of another one: it goes into the first gap tall enough, or under the lowest note. Without
 * stations, the column at FIRST_X.
 */
export function freeSpotBelow(station: Station | null, taken: readonly (Point & { h?: number })[]): Point {
  if (station && station.top !== null) return freeSpotInBox(station, taken);
  return freeSpotFrom((station?.x ?? FIRST_X) - NOTE_W / 2, FIRST_ROW_Y, taken);
}

/** In a box, two notes across: the first free spot of its left half, then of its right, else under the left. */
function freeSpotInBox(box: Station, taken: readonly (Point & { h?: number })[]): Point {
  const top = (box.top ?? 0) + NOTE_GAP + 28;
  const bottom = (box.top ?? 0) + BOX_H;
  const left = box.x - NOTE_W - NOTE_GAP / 2;
  const right = box.x + NOTE_GAP / 2;
  const a = freeSpotFrom(left, top, taken);
  if (a.y + NOTE_H <= bottom) return a;
  const b = freeSpotFrom(right, top, taken);
  return b.y + NOTE_H <= bottom ? b : a;
}

/** The first spot at note left `x`, from board y `top` down, where a note covers none of `taken`. */
export function freeSpotFrom(x: number, top: number, taken: readonly (Point & { h?: number })[]): Point {
  // A note with long text is taller than NOTE_H; its measured height counts when known.
  const rects = taken.map((p) => ({ x: p.x, y: p.y, w: NOTE_W, h: Math.max(NOTE_H, p.h ?? 0) }));
  let y = top;
  for (;;) {
    const slot = { x, y, w: NOTE_W, h: NOTE_H };
    const hit = rects.filter((r) => overlaps(r, slot));
    if (hit.length === 0) return { x, y };
    // Strictly grows, so this ends after at most one step per note.
    y = Math.max(...hit.map((r) => r.y + r.h)) + NOTE_GAP;
  }
}

export function screenToBoard(camera: Camera, p: Point): Point {
  return { x: (p.x - camera.x) / camera.zoom, y: (p.y - camera.y) / camera.zoom };
}

/** Board units above the origin a fitted view still shows: the phase bands sit there (path/structure.ts). */
export const HEADROOM = 52;

/** Camera that shows the whole path across the viewport, never enlarging past `max` (1:1). */
export function fitCamera(viewportWidth: number, stationCount: number, min = 0.4, max = 1): Camera {
  return fitCameraTo(viewportWidth, boardWidth(stationCount), min, max);
}

/** The least zoom at which a note's text reads comfortably on a laptop. */
export const READABLE = 0.7;

/**
 * Camera that shows a whole board `width` × `height` units in the viewport: a canvas or a table is
 * read as a whole, where a path is read along; one taller than the screen at READABLE zoom shows its
 * top part. Never past `max`, never under `min`.
 */
export function fitWhole(vw: number, vh: number, width: number, height: number, min = 0.4, max = 1): Camera {
  // A tall table is not shrunk past readable to fit its height: it scrolls down instead.
  const tall = Math.max((vh - 16) / (height + HEADROOM), Math.min(READABLE, max));
  const zoom = Math.max(min, Math.min(max, vw / width, tall));
  return { x: Math.max(0, (vw - width * zoom) / 2), y: 8 + HEADROOM * zoom, zoom };
}

/** Camera that shows a board `width` units wide across the viewport (see fitCamera). */
export function fitCameraTo(viewportWidth: number, width: number, min = 0.4, max = 1): Camera {
  const zoom = Math.max(min, Math.min(max, viewportWidth / width));
  return { x: Math.max(0, (viewportWidth - width * zoom) / 2), y: 8 + HEADROOM * zoom, zoom };
}

/**
 * The order notes take in Tab order and in the outline: along the path (by the note's column), then
 * top to bottom, then left to right.
 */
export function pathOrder<N extends { id: string; x: number; y: number }>(list: readonly Station[], notes: readonly N[]): N[] {
  // Each note's column once, not once per comparison: this runs on every change of a big board.
  const keyed = notes.map((n) => ({ n, col: nearestPlace(list, n.x + NOTE_W / 2, n.y + NOTE_H / 2)?.index ?? 0 }));
  keyed.sort((a, b) => a.col - b.col || a.n.y - b.n.y || a.n.x - b.n.x || (a.n.id < b.n.id ? -1 : a.n.id > b.n.id ? 1 : 0));
  return keyed.map((k) => k.n);
}
