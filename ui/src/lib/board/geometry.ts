import type { Lane, Note, Touchpoint } from "../api/types";
import { inPositionOrder } from "../order";
import { FIRST_X, LANES_TOP, NOTE_GAP, NOTE_H, NOTE_W, PATH_Y, STEP_X } from "../api/generated/layout";

// Board units, from the core's layout (polku_core::layout). A note's x, y on screen are its
// top-left corner; stored, they are measured from its cell (see `place` and `cellAt`).
export { FIRST_X, LANE_H, LANES_TOP, MAX_LANE_H, MIN_LANE_H, NOTE_GAP, NOTE_H, NOTE_W, PATH_Y, STEP_X } from "../api/generated/layout";
/** Where the first row of notes starts: clear of the station and its (two-line) label. */
export const FIRST_ROW_Y = LANES_TOP;
export const ARROW_STEP = 10;

export type Rect = { x: number; y: number; w: number; h: number };
export type Point = { x: number; y: number };
export type Camera = { x: number; y: number; zoom: number };
export type Station = {
  id: string;
  label: string;
  x: number;
  index: number;
  description: string;
  phase_id: string | null;
  side_station: boolean;
};
/** A lane as drawn: its band from `top` down `height` board units. */
export type Row = { id: string; label: string; index: number; top: number; height: number };

/** Touchpoints in path order, each at its column's board x. */
export function stations(touchpoints: readonly Touchpoint[]): Station[] {
  return inPositionOrder(touchpoints)
    .map((tp, index) => ({
      id: tp.id,
      label: tp.label,
      index,
      x: FIRST_X + index * STEP_X,
      description: tp.description,
      phase_id: tp.phase_id,
      side_station: tp.side_station,
    }));
}

/** Lanes in order, stacked from LANES_TOP. */
export function rows(lanes: readonly Lane[]): Row[] {
  let top = LANES_TOP;
  return inPositionOrder(lanes)
    .map((l, index) => {
      const row = { id: l.id, label: l.label, index, top, height: l.height };
      top += l.height;
      return row;
    });
}

/** The note as drawn: x, y in board units (its stored x, y are relative to its cell). */
export function place<N extends Pick<Note, "touchpoint_id" | "lane_id" | "x" | "y">>(n: N, list: readonly Station[], lanes: readonly Row[]): N {
  const st = n.touchpoint_id ? list.find((s) => s.id === n.touchpoint_id) : undefined;
  const row = n.lane_id ? lanes.find((r) => r.id === n.lane_id) : undefined;
  return { ...n, x: st ? st.x + n.x : n.x, y: row ? row.top + n.y : n.y };
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
  const st = nearestStation(list, x + NOTE_W / 2);
  const row = rowAt(lanes, y + NOTE_H / 2);
  return {
    touchpoint_id: st?.id ?? null,
    lane_id: row?.id ?? null,
    x: Math.round(st ? x - st.x : x),
    y: Math.round(row ? y - row.top : y),
  };
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
  return freeSpotFrom((station?.x ?? FIRST_X) - NOTE_W / 2, FIRST_ROW_Y, taken);
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
  const width = boardWidth(stationCount);
  const zoom = Math.max(min, Math.min(max, viewportWidth / width));
  return { x: Math.max(0, (viewportWidth - width * zoom) / 2), y: 8 + HEADROOM * zoom, zoom };
}

/**
 * The order notes take in Tab order and in the outline: along the path (by the note's column), then
 * top to bottom, then left to right.
 */
export function pathOrder<N extends { id: string; x: number; y: number }>(list: readonly Station[], notes: readonly N[]): N[] {
  // Each note's column once, not once per comparison: this runs on every change of a big board.
  const keyed = notes.map((n) => ({ n, col: nearestStation(list, n.x + NOTE_W / 2)?.index ?? 0 }));
  keyed.sort((a, b) => a.col - b.col || a.n.y - b.n.y || a.n.x - b.n.x || (a.n.id < b.n.id ? -1 : a.n.id > b.n.id ? 1 : 0));
  return keyed.map((k) => k.n);
}
