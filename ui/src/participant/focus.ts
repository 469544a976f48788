/** Whether the keyboard focus has fallen to the page itself (the element that had it went away). */
export function focusLost(): boolean {
  const el = document.activeElement;
  return el === null || el === document.body || el === document.documentElement;
}

/**
 * Action for a heading or notice (with tabindex="-1") that replaces what held the focus: it takes
 * the focus, so a keyboard or screen-reader user goes on from there instead of from the page's top.
 */
export function land(node: HTMLElement, on = true): void {
  if (on && focusLost()) node.focus();
}
