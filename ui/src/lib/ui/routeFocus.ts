/**
 * After a change of page the focus is put on the new page's main heading, so a screen reader
 * says where one is (a single-page app otherwise leaves the focus on the link that went away, on
 * nothing at all). Left alone when the new page has put the focus somewhere inside itself.
 *
 * The heading may come later than the page (a workshop's toolbar waits for the workshop): it is
 * waited for, for a while. Returns a function that stops waiting (the page changed again).
 */
export function focusHeading(main: HTMLElement, timeoutMs = 5000): () => void {
  let done = false;
  const tryFocus = (): boolean => {
    if (done) return true;
    const active = document.activeElement;
    if (active && active !== document.body && main.contains(active)) return (done = true);
    const heading = main.querySelector<HTMLElement>("h1");
    if (!heading) return false;
    // Focusable by script only: not a Tab stop of its own.
    if (!heading.hasAttribute("tabindex")) heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
    return (done = true);
  };
  if (tryFocus()) return () => {};
  const observer = new MutationObserver(() => {
    if (tryFocus()) stop();
  });
  const timer = setTimeout(() => stop(), timeoutMs);
  function stop() {
    done = true;
    observer.disconnect();
    clearTimeout(timer);
  }
  observer.observe(main, { childList: true, subtree: true });
  return stop;
}
