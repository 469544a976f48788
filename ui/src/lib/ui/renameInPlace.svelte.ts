import { inlineEditKey } from "./inlineEdit";

/**
 * A name edited in place (a workshop's in the list, a group's on the Facilitators page): the field
 * opens with the name selected, Enter keeps it, Escape gives it up, and the focus goes back to the
 * button that opened it. `keep` is asked only for a changed name and answers whether it was kept:
 * refused, the field stays open with what was typed.
 */
export class RenameInPlace {
  renaming = $state(false);
  draft = $state("");
  input = $state<HTMLInputElement>();
  button = $state<HTMLButtonElement>();

  constructor(
    private readonly current: () => string,
    private readonly keep: (name: string) => Promise<boolean>,
  ) {}

  start(): void {
    this.draft = this.current();
    this.renaming = true;
    queueMicrotask(() => this.input?.select());
  }

  stop(): void {
    this.renaming = false;
    queueMicrotask(() => this.button?.focus());
  }

  async save(): Promise<void> {
    const name = this.draft.trim();
    if (name === this.current()) return this.stop();
    if (await this.keep(name)) this.stop();
  }

  keydown(e: KeyboardEvent): void {
    inlineEditKey(e, (save) => (save ? void this.save() : this.stop()));
  }
}
