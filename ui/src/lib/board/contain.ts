/**
 * Keeps the board's own gestures (pan, pinch, deselect) off a control or dialog drawn on the board. The board listens on the viewport
 * with native listeners: a Svelte `onpointerdown` (delegated to the app's root) would stop the
 * event too late, and a pointer the viewport captures takes the click away from the button it
 * went down on. A dialog also keeps its wheel (the board would pan instead of scrolling it).
 */
export function contain(node: HTMLElement, events: readonly string[] = ["pointerdown"]) {
  const stop = (e: Event) => e.stopPropagation();
  for (const name of events) node.addEventListener(name, stop);
  return {
    destroy() {
      for (const name of events) node.removeEventListener(name, stop);
    },
  };
}

export const DIALOG_EVENTS = ["pointerdown", "wheel", "contextmenu"] as const;
