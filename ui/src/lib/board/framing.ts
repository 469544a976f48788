import { MAX_ZOOM, MIN_ZOOM } from "./camera";
import { boxRect, LANES_TOP, NOTE_GAP, NOTE_H, NOTE_W, PATH_Y, STEP_X, type Camera, type Rect, type Station } from "./geometry";

/** Closer than this a touchpoint is not framed: its notes are read, not inspected. */
export const FRAME_MAX_ZOOM = 1.6;
const MARGIN = 24;

/**
 * The board rectangle of one touchpoint: its column (one step wide, wider when a note sticks
 * out), from above the station down past its lowest note; or its box and what sticks out of it.
 */
export function columnRect(
  station: Station,
  notes: readonly { id: string; x: number; y: number; touchpoint_id: string | null }[],
  heightOf: (id: string) => number | undefined = () => undefined,
): Rect {
  const box = station.top === null ? null : boxRect(station);
  let left = box ? box.x - NOTE_GAP : station.x - STEP_X / 2;
  let right = box ? box.x + box.w + NOTE_GAP : station.x + STEP_X / 2;
  const top = box ? box.y - NOTE_GAP : PATH_Y - 60;
  let bottom = box ? box.y + box.h + NOTE_GAP : LANES_TOP + NOTE_H + NOTE_GAP;
  for (const n of notes) {
    if (n.touchpoint_id !== station.id) continue;
    left = Math.min(left, n.x - NOTE_GAP);
    right = Math.max(right, n.x + NOTE_W + NOTE_GAP);
    bottom = Math.max(bottom, n.y + Math.max(NOTE_H, heightOf(n.id) ?? 0) + NOTE_GAP);
  }
  return { x: left, y: top, w: right - left, h: bottom - top };
}

/**
 * The camera that shows `rect` whole in a viewport of vw × vh px, centred across and from its top
 * down; a column too tall for the screen at the smallest zoom shows its top part.
 */
export function frameRect(rect: Rect, vw: number, vh: number, max = FRAME_MAX_ZOOM): Camera {
  const fit = Math.min((vw - 2 * MARGIN) / rect.w, (vh - 2 * MARGIN) / rect.h);
  const zoom = Math.max(MIN_ZOOM, Math.min(max, MAX_ZOOM, fit));
  const x = vw / 2 - (rect.x + rect.w / 2) * zoom;
  const spare = vh - 2 * MARGIN - rect.h * zoom;
  const y = MARGIN + Math.max(0, spare / 2) - rect.y * zoom;
  return { x, y, zoom };
}
