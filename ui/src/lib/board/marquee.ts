import { NOTE_H, NOTE_W, overlaps, screenToBoard, type Camera, type Point, type Rect } from "./geometry";

/** Below this many screen px a Shift-press on the board is a click, not a rectangle. */
export const MARQUEE_SLOP = 4;

/** The rectangle between two corners, whichever way the pointer went. */
export function rectBetween(a: Point, b: Point): Rect {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), w: Math.abs(a.x - b.x), h: Math.abs(a.y - b.y) };
}

/** A screen rectangle (viewport px) in board units. */
export function toBoard(camera: Camera, r: Rect): Rect {
  const a = screenToBoard(camera, { x: r.x, y: r.y });
  return { x: a.x, y: a.y, w: r.w / camera.zoom, h: r.h / camera.zoom };
}

/**
 * The notes a board rectangle touches, in the order given. A note is its drawn box: NOTE_W wide and
 * as tall as measured (a long text makes it taller), never less than NOTE_H.
 */
export function notesIn<N extends { id: string; x: number; y: number }>(
  rect: Rect,
  notes: readonly N[],
  heightOf: (id: string) => number | undefined = () => undefined,
): string[] {
  return notes
    .filter((n) => overlaps(rect, { x: n.x, y: n.y, w: NOTE_W, h: Math.max(NOTE_H, heightOf(n.id) ?? 0) }))
    .map((n) => n.id);
}

/** Shift-drag (or Ctrl/Cmd+Shift-drag, which adds to what is picked) on empty board draws a marquee. */
export function startsMarquee(e: { shiftKey: boolean; button: number; pointerType: string }): boolean {
  return e.shiftKey && e.button === 0 && e.pointerType !== "touch";
}
