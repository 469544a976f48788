import type { Touchpoint } from "../api/types";

// Board units. A note's x, y are its top-left corner; stations sit on one horizontal path.
export const PATH_Y = 120;
export const FIRST_X = 160;
export const STEP_X = 260;
export const NOTE_W = 200;
export const NOTE_H = 110;
export const NOTE_GAP = 16;
/** Where the first row of notes starts: clear of the station and its (two-line) label. */
export const FIRST_ROW_Y = PATH_Y + 110;
export const ARROW_STEP = 10;

export type Rect = { x: number; y: number; w: number; h: number };
export type Point = { x: number; y: number };
export type Camera = { x: number; y: number; zoom: number };
export type Station = { id: string; label: string; x: number; index: number };

/** Touchpoints in path order, each at its fixed board x. */
export function stations(touchpoints: readonly Touchpoint[]): Station[] {
  return [...touchpoints]
    .sort((a, b) => a.position - b.position || a.id.localeCompare(b.id))
    .map((tp, index) => ({ id: tp.id, label: tp.label, index, x: FIRST_X + index * STEP_X }));
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

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/**
 * The first free spot in the column under `station`, top-down, so a new note never lands on top
 * of another one: it goes into the first gap tall enough, or under the lowest note. Without
 * stations, the column at FIRST_X.
 */
export function freeSpotBelow(station: Station | null, taken: readonly (Point & { h?: number })[]): Point {
  const x = (station?.x ?? FIRST_X) - NOTE_W / 2;
  // A note with long text is taller than NOTE_H; its measured height counts when known.
  const rects = taken.map((p) => ({ x: p.x, y: p.y, w: NOTE_W, h: Math.max(NOTE_H, p.h ?? 0) }));
  let y = FIRST_ROW_Y;
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

/** Camera that shows the whole path across the viewport, never enlarging past `max` (1:1). */
export function fitCamera(viewportWidth: number, stationCount: number, min = 0.4, max = 1): Camera {
  const width = boardWidth(stationCount);
  const zoom = Math.max(min, Math.min(max, viewportWidth / width));
  return { x: Math.max(0, (viewportWidth - width * zoom) / 2), y: 8, zoom };
}

/**
 * The order notes take in Tab order and in the outline: along the path (by the note's column), then
 * top to bottom, then left to right.
 */
export function pathOrder<N extends { id: string; x: number; y: number }>(list: readonly Station[], notes: readonly N[]): N[] {
  const col = (n: N) => nearestStation(list, n.x + NOTE_W / 2)?.index ?? 0;
  return [...notes].sort((a, b) => col(a) - col(b) || a.y - b.y || a.x - b.x || a.id.localeCompare(b.id));
}
