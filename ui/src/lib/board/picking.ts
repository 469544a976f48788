import type { Point, Rect } from "./geometry";
import { MARQUEE_SLOP, rectBetween, startsMarquee } from "./marquee";

/**
 * The pointer side of selecting: Shift/Ctrl/Cmd-click on a note, a click on empty board, a
 * Shift-drag marquee and a double tap. Listens in the capture phase on the viewport's parent, so it
 * sees a press before the board's pan (pointers.ts) and a note's drag (NoteCard) do, and can keep
 * a marquee's press from panning. It never stops a note's own press: a drag still drags.
 */
export type PickHooks = {
  /** A press came down on a note; `mod` when Shift, Ctrl or Cmd was held. */
  notePress(id: string, mod: boolean): void;
  /** That press came up where it went down: a click, not a drag. */
  noteClick(id: string, mod: boolean): void;
  /** A click (not a pan) on empty board with nothing held. */
  boardClick(): void;
  /** Two quick taps on empty board, viewport px. */
  doubleTap(at: Point): void;
  /** The marquee, viewport px; null when it is given up. `add` when Ctrl/Cmd was held too. */
  marquee(rect: Rect | null, done: boolean, add: boolean): void;
};

const CLICK_SLOP = 6;
const TAP_SLOP = 24;
const DOUBLE_TAP_MS = 350;

/** Controls on the board (note tools, lane heads, zoom buttons, dialogs) are not empty board. */
const CONTROLS =
  'button, a, input, textarea, select, summary, label, dialog, form, [role="button"], [role="menu"], [role="dialog"], [role="slider"], [role="separator"], [tabindex], .wrap, .zoom, .lane-head';

export function isEmptyBoard(el: Element | null, viewport: HTMLElement): boolean {
  if (!el || !viewport.contains(el)) return false;
  const hit = el.closest(CONTROLS);
  return !hit || hit === viewport;
}

export function noteAt(el: Element | null, viewport: HTMLElement): string | null {
  const card = el?.closest<HTMLElement>('[data-testid="note"]:not(.editing)');
  return card && viewport.contains(card) ? (card.dataset.noteId ?? null) : null;
}

export function watchPicks(viewport: HTMLElement, hooks: PickHooks): () => void {
  const root = viewport.parentElement ?? viewport;
  type Press = { pointer: number; x: number; y: number; note: string | null; mod: boolean; moved: boolean; touch: boolean };
  let press: Press | null = null;
  let box: { pointer: number; from: Point; to: Point; add: boolean; origin: DOMRect } | null = null;
  let lastTap: { x: number; y: number; t: number } | null = null;

  const down = (e: PointerEvent) => {
    const el = e.target as Element;
    if (!viewport.contains(el)) return;
    const note = noteAt(el, viewport);
    const board = !note && isEmptyBoard(el, viewport);
    if (!note && !board) return;
    if (board && startsMarquee(e)) {
      // Ours alone: no pan starts under a marquee, and no text gets selected by it.
      e.stopPropagation();
      e.preventDefault();
      const origin = viewport.getBoundingClientRect();
      const at = { x: e.clientX - origin.left, y: e.clientY - origin.top };
      box = { pointer: e.pointerId, from: at, to: at, add: e.ctrlKey || e.metaKey, origin };
      return;
    }
    if (e.pointerType === "mouse" && e.button !== 0) return;
    if (press && press.touch && e.pointerType === "touch") {
      // A second finger: a pinch or two people at once, not a click by either.
      press.moved = true;
      return;
    }
    if (board && e.pointerType === "touch") {
      // No mouse events after a touch: their mousedown would take the focus from a new note's editor.
      e.preventDefault();
    }
    const mod = e.shiftKey || e.ctrlKey || e.metaKey;
    press = { pointer: e.pointerId, x: e.clientX, y: e.clientY, note, mod, moved: false, touch: e.pointerType === "touch" };
    if (note) hooks.notePress(note, mod);
  };

  const move = (e: PointerEvent) => {
    if (box && e.pointerId === box.pointer) {
      box.to = { x: e.clientX - box.origin.left, y: e.clientY - box.origin.top };
      const r = rectBetween(box.from, box.to);
      if (Math.max(r.w, r.h) >= MARQUEE_SLOP) hooks.marquee(r, false, box.add);
      return;
    }
    if (press && e.pointerId === press.pointer && Math.hypot(e.clientX - press.x, e.clientY - press.y) > CLICK_SLOP) {
      press.moved = true;
    }
  };

  const up = (e: PointerEvent) => {
    if (box && e.pointerId === box.pointer) {
      const r = rectBetween(box.from, box.to);
      const add = box.add;
      box = null;
      hooks.marquee(Math.max(r.w, r.h) >= MARQUEE_SLOP ? r : null, true, add);
      return;
    }
    if (!press || e.pointerId !== press.pointer) return;
    const p = press;
    press = null;
    if (p.moved) return;
    if (p.note) return hooks.noteClick(p.note, p.mod);
    if (!p.mod) hooks.boardClick();
    if (!p.touch) return;
    const now = performance.now();
    if (lastTap && now - lastTap.t < DOUBLE_TAP_MS && Math.hypot(p.x - lastTap.x, p.y - lastTap.y) < TAP_SLOP) {
      lastTap = null;
      const origin = viewport.getBoundingClientRect();
      hooks.doubleTap({ x: p.x - origin.left, y: p.y - origin.top });
    } else {
      lastTap = { x: p.x, y: p.y, t: now };
    }
  };

  const cancel = (e: PointerEvent) => {
    if (box && e.pointerId === box.pointer) {
      box = null;
      hooks.marquee(null, true, false);
    }
    if (press && e.pointerId === press.pointer) press = null;
  };

  root.addEventListener("pointerdown", down, true);
  window.addEventListener("pointermove", move, true);
  window.addEventListener("pointerup", up, true);
  window.addEventListener("pointercancel", cancel, true);
  return () => {
    root.removeEventListener("pointerdown", down, true);
    window.removeEventListener("pointermove", move, true);
    window.removeEventListener("pointerup", up, true);
    window.removeEventListener("pointercancel", cancel, true);
  };
}
