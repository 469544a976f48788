/**
 * Which notes the board's actions work on. Two things, kept apart on purpose:
 * - `picked`: notes chosen on purpose (Shift/Ctrl-click, Space, a marquee, Ctrl+A, a duplicate).
 *   Only these are marked on screen and announced; they survive Tab moving the focus.
 * - `focused`: the note that has the keyboard focus, if any.
 * An action works on the note you are on: the whole picked set when the focused note is in it (or
 * no note is focused), else the focused note alone. So Tab to another note and Delete removes that
 * note, not a selection made a minute ago somewhere else on the board.
 */
export class Selection {
  picked = $state<string[]>([]);
  focused = $state<string | null>(null);

  get size(): number {
    return this.picked.length;
  }

  has(id: string): boolean {
    return this.picked.includes(id);
  }

  /** The notes a keyboard or menu action works on now. */
  get targets(): string[] {
    return targetsOf(this.picked, this.focused);
  }

  /** The notes an action started on note `id` (its drag, its tools, its menu) works on. */
  targetsFor(id: string): string[] {
    return this.has(id) ? [...this.picked] : [id];
  }

  focus(id: string): void {
    this.focused = id;
  }

  blur(id: string): void {
    if (this.focused === id) this.focused = null;
  }

  /**
   * Shift/Ctrl-click or Space. Starting from nothing picked, the note that had the focus comes in
   * too: click one note, Shift-click another, and both are selected, as in a file manager.
   */
  toggle(id: string): void {
    this.picked = toggled(this.picked, id, this.focused);
  }

  set(ids: readonly string[]): void {
    this.picked = [...new Set(ids)];
  }

  clear(): void {
    if (this.picked.length) this.picked = [];
  }

  /** Drops notes that are gone (deleted here or in another window). */
  keep(exists: (id: string) => boolean): void {
    const left = this.picked.filter(exists);
    if (left.length !== this.picked.length) this.picked = left;
    if (this.focused && !exists(this.focused)) this.focused = null;
  }
}

export function targetsOf(picked: readonly string[], focused: string | null): string[] {
  if (focused && !picked.includes(focused)) return [focused];
  return [...picked];
}

export function toggled(picked: readonly string[], id: string, focused: string | null = null): string[] {
  if (picked.includes(id)) return picked.filter((p) => p !== id);
  if (picked.length === 0 && focused && focused !== id) return [focused, id];
  return [...picked, id];
}
