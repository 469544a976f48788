/**
 * The keys of a one-line field edited in place (a phase's name, a canvas caption): Enter keeps
 * what was typed, Escape gives it up. Anything else is the field's own.
 */
export function inlineEditKey(e: KeyboardEvent, done: (save: boolean) => void): void {
  if (e.key === "Enter" && !e.isComposing) {
    e.preventDefault();
    done(true);
  } else if (e.key === "Escape") {
    e.preventDefault();
    done(false);
  }
}
