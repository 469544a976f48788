import { NOTE_H, NOTE_W, overlaps, type Camera, type Rect } from "./geometry";

/**
 * What the board draws of a large workshop: only the notes near the viewport (culling), and at far
 * zoom only coloured blocks (level of detail). Pure functions; Board.svelte holds the state.
 */

/** The note text's size at zoom 1 (the app's root font size). */
export const NOTE_TEXT_PX = 16;
/** Below this many screen pixels text is unreadable, so a note is drawn as a block. */
export const MIN_READABLE_PX = 6;
/** The rendered area reaches this many screens past the viewport on every side. */
export const MARGIN_SCREENS = 1;

export type Detail = "full" | "block";

/** The board rectangle (board units) a viewport of width × height screen pixels shows. */
export function viewRect(camera: Camera, width: number, height: number): Rect {
  return { x: (0 - camera.x) / camera.zoom, y: (0 - camera.y) / camera.zoom, w: width / camera.zoom, h: height / camera.zoom };
}

/** `r` grown by `screens` of its own size on every side. */
export function grow(r: Rect, screens: number): Rect {
  return { x: r.x - r.w * screens, y: r.y - r.h * screens, w: r.w * (1 + 2 * screens), h: r.h * (1 + 2 * screens) };
}

export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h
  );
}

/** The area to render for a view: the view plus the margin. */
export function renderRect(view: Rect): Rect {
  return grow(view, MARGIN_SCREENS);
}

/**
 * Whether the rendered area must be recomputed for the current view, and how urgently:
 * "now" when part of the view itself is not covered (something would be missing on screen);
 * "soon" when less than half a screen of margin is left, or the area is far larger than needed
 * after zooming in (too many notes kept); "no" otherwise, so a pan recomputes the rendered set
 * about once per half screen instead of every frame.
 */
export function recull(rendered: Rect | null, view: Rect): "now" | "soon" | "no" {
  if (!rendered || !contains(rendered, view)) return "now";
  if (!contains(rendered, grow(view, MARGIN_SCREENS / 2))) return "soon";
  const full = renderRect(view);
  if (rendered.w * rendered.h > 2 * full.w * full.h) return "soon";
  return "no";
}

/**
 * A safe (never too small) height for a note not measured yet: a line of at most 16 characters
 * in a 200-unit card (fewer fit), 24 units a line, plus padding; never less than a card's usual height.
 */
export function estimatedHeight(text: string): number {
  let lines = 0;
  for (const line of text.split("\n")) lines += Math.max(1, Math.ceil(line.length / 16));
  return Math.max(NOTE_H, 24 + lines * 24);
}

export function noteRect(n: { x: number; y: number; text: string }, measured?: number): Rect {
  return { x: n.x, y: n.y, w: NOTE_W, h: Math.max(measured ?? 0, estimatedHeight(n.text)) };
}

/**
 * The notes to put in the DOM, in the given (path) order: those meeting the rendered area, and
 * every note in `keep` wherever it is.
 */
export function culled<N extends { id: string; x: number; y: number; text: string }>(
  notes: readonly N[],
  area: Rect,
  keep: ReadonlySet<string>,
  heightOf: (id: string) => number | undefined = () => undefined,
): N[] {
  return notes.filter((n) => keep.has(n.id) || overlaps(noteRect(n, heightOf(n.id)), area));
}

/**
 * Notes that must stay in the DOM: those being dragged (a pointer is on them) and the focused one
 * with its neighbours along the path, so Tab and Shift+Tab from it reach the next and previous
 * note even when they are off screen (the browser then brings them into view, which pans).
 */
export function keptIds(ordered: readonly { id: string }[], focused: string | null, dragged: readonly string[]): Set<string> {
  const keep = new Set(dragged);
  if (focused) {
    const i = ordered.findIndex((n) => n.id === focused);
    keep.add(focused);
    if (i > 0) keep.add(ordered[i - 1].id);
    if (i >= 0 && i + 1 < ordered.length) keep.add(ordered[i + 1].id);
  }
  return keep;
}

/** Full cards while their text is readable on screen; coloured blocks when it would not be. */
export function detailFor(zoom: number): Detail {
  return NOTE_TEXT_PX * zoom < MIN_READABLE_PX ? "block" : "full";
}
