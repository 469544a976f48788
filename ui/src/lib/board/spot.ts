import { BOX_W, FIRST_ROW_Y, NOTE_GAP, NOTE_H, NOTE_W, nearestPlace, overlaps, type Point, type Station } from "./geometry";

/**
 * Where a note asked for at a board point (a double-click, "Add note here") goes: centred in the
 * column of the nearest touchpoint, its top a little above the point, below the path, and pushed
 * down past any note it would cover, so it never lands on another one.
 */
export function spotAt(
  at: Point,
  stations: readonly Station[],
  taken: readonly (Point & { h?: number })[],
): { x: number; y: number; station: Station | null } {
  const station = nearestPlace(stations, at.x, at.y);
  let x = station ? station.x - NOTE_W / 2 : Math.round(at.x - NOTE_W / 2);
  let y = Math.max(FIRST_ROW_Y, Math.round(at.y - NOTE_H / 3));
  if (station && station.top !== null) {
    // In a box: where it was asked for, inside the box's edges and under its label.
    const left = station.x - BOX_W / 2 + NOTE_GAP;
    x = Math.round(Math.min(Math.max(at.x - NOTE_W / 2, left), left + BOX_W - 2 * NOTE_GAP - NOTE_W));
    y = Math.max(station.top + NOTE_GAP + 28, Math.round(at.y - NOTE_H / 3));
  }
  const rects = taken.map((p) => ({ x: p.x, y: p.y, w: NOTE_W, h: Math.max(NOTE_H, p.h ?? 0) }));
  for (;;) {
    const hit = rects.filter((r) => overlaps(r, { x, y, w: NOTE_W, h: NOTE_H }));
    if (hit.length === 0) return { x, y, station };
    // Strictly grows, so this ends after at most one step per note.
    y = Math.max(...hit.map((r) => r.y + r.h)) + NOTE_GAP;
  }
}
