/**
 * What every small pop-up menu (a button with `aria-haspopup="menu"` and its items) does with the
 * keys and presses, as the ARIA menu-button pattern has it.
 */

/**
 * The keys inside an open menu: the arrows go round the items, Home and End to the ends, Esc
 * closes it back to its button, Tab closes it and goes on. `items` are the ones that can take the
 * focus (not the disabled).
 */
export function menuKey(e: KeyboardEvent, items: readonly HTMLElement[], hide: (refocus: boolean) => void): void {
  const i = items.indexOf(document.activeElement as HTMLElement);
  const to = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: items.length - 1 }[e.key];
  if (to !== undefined) {
    e.preventDefault();
    items[(to + items.length) % items.length]?.focus();
  } else if (e.key === "Escape") {
    e.preventDefault();
    // Only the menu closes, not a dialog or a selection around it.
    e.stopPropagation();
    hide(true);
  } else if (e.key === "Tab") {
    hide(false);
  }
}

/** Closes the menu on a press anywhere outside `wrap`, as a menu does; returns the undoing. */
export function closeOnPressOutside(wrap: () => HTMLElement | undefined, hide: () => void): () => void {
  const away = (e: PointerEvent) => {
    if (!wrap()?.contains(e.target as Node)) hide();
  };
  window.addEventListener("pointerdown", away, true);
  return () => window.removeEventListener("pointerdown", away, true);
}
