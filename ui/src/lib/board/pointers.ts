import { isTypingTarget } from "../keys";
import { Gestures, LONG_PRESS_MS, type Motion, type PointerSample, type TargetKind } from "./gestures";

export type PointerHooks = {
  /** Fingers (or the mouse) on empty board moved the camera. */
  motion(m: Motion): void;
  /** Something other than a palm came down on empty board. */
  boardPress(): void;
  /** A finger was held still on this note. */
  longPress(noteId: string): void;
};

function targetOf(el: Element): { kind: TargetKind; noteId?: string } {
  const card = el.closest<HTMLElement>('[data-testid="note"]:not(.editing)');
  if (card?.dataset.noteId) return { kind: "note", noteId: card.dataset.noteId };
  // Note tools, an editor, the zoom buttons: they handle their own pointers.
  if (el.closest(".wrap, .zoom")) return { kind: "other" };
  return { kind: "board" };
}

/**
 * Connects the viewport's DOM pointer events to the gesture recogniser. Listens on the viewport,
 * where a note's events arrive too (they bubble), so one recogniser sees every contact on the
 * board. Returns the clean-up.
 */
export function watchPointers(viewport: HTMLElement, hooks: PointerHooks): () => void {
  const g = new Gestures();
  const timers = new Map<number, number>();
  let lastType = "";
  // Read on each pointerdown only: reading layout on every move, right after the camera wrote
  // the world's transform, would force a layout per event.
  let origin = { left: 0, top: 0 };

  const sample = (e: PointerEvent, kind: TargetKind, noteId?: string): PointerSample => {
    return {
      id: e.pointerId,
      type: e.pointerType,
      x: e.clientX - origin.left,
      y: e.clientY - origin.top,
      width: e.width,
      height: e.height,
      target: kind,
      noteId,
      time: performance.now(),
    };
  };

  const stopTimer = (id: number) => {
    clearTimeout(timers.get(id));
    timers.delete(id);
  };

  // Space held (while no note or field has the focus: there Space selects or types) turns a drag
  // anywhere, on a note too, into a pan, as in drawing programs.
  let space = false;
  const spaceKey = (e: KeyboardEvent) => {
    if (e.key !== " " || e.ctrlKey || e.metaKey || e.altKey) return;
    const el = e.target as HTMLElement | null;
    // Only from the page itself or bare board: on a button Space presses it, on a note it selects.
    const bare = el === document.body || (viewport.contains(el) && !el?.closest?.('button, a, input, select, textarea, [role^="menu"], [data-testid="note"]'));
    if (e.type === "keydown" && (isTypingTarget(el) || !bare)) return;
    space = e.type === "keydown";
    viewport.classList.toggle("panning", space);
    if (space) e.preventDefault();
  };
  const blur = () => {
    space = false;
    viewport.classList.remove("panning");
  };
  // In the capture phase, so a note under the pointer never starts its own drag.
  const spaceDown = (e: PointerEvent) => {
    if (!space || e.button !== 0) return;
    e.stopPropagation();
    down(e, "board");
  };

  const down = (e: PointerEvent, forced?: TargetKind) => {
    lastType = e.pointerType;
    origin = viewport.getBoundingClientRect();
    const found = targetOf(e.target as Element);
    const kind = forced ?? found.kind;
    const noteId = forced ? undefined : found.noteId;
    const s = sample(e, kind, noteId);
    if (g.down(s) === "palm") return;
    if (kind === "board") {
      hooks.boardPress();
      if (e.pointerType === "mouse" && e.button !== 0) {
        g.up(e.pointerId);
        return;
      }
      viewport.setPointerCapture(e.pointerId);
    } else if (kind === "note" && e.pointerType === "touch") {
      stopTimer(e.pointerId);
      timers.set(
        e.pointerId,
        window.setTimeout(() => {
          timers.delete(e.pointerId);
          for (const p of g.due(performance.now())) hooks.longPress(p.noteId);
          // A little late rather than early: a timer may fire a hair before the clock says due.
        }, LONG_PRESS_MS + 20),
      );
    }
  };

  const move = (e: PointerEvent) => {
    const m = g.move(sample(e, "board"));
    if (m) hooks.motion(m);
  };

  const up = (e: PointerEvent) => {
    stopTimer(e.pointerId);
    g.up(e.pointerId);
  };

  // A held finger is ours (the long press); the browser's touch context menu would cover it.
  const contextmenu = (e: Event) => {
    if (lastType === "touch") e.preventDefault();
  };

  const listeners: [string, (e: PointerEvent) => void][] = [
    ["pointerdown", (e) => down(e)],
    ["pointermove", move],
    ["pointerup", up],
    ["pointercancel", up],
    ["contextmenu", contextmenu],
  ];
  for (const [name, fn] of listeners) viewport.addEventListener(name, fn as EventListener);
  viewport.addEventListener("pointerdown", spaceDown, { capture: true });
  window.addEventListener("keydown", spaceKey);
  window.addEventListener("keyup", spaceKey);
  window.addEventListener("blur", blur);
  return () => {
    viewport.removeEventListener("pointerdown", spaceDown, { capture: true });
    window.removeEventListener("keydown", spaceKey);
    window.removeEventListener("keyup", spaceKey);
    window.removeEventListener("blur", blur);
    for (const [name, fn] of listeners) viewport.removeEventListener(name, fn as EventListener);
    for (const id of timers.keys()) clearTimeout(timers.get(id));
    timers.clear();
  };
}
