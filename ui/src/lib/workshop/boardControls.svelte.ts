import { errorKey, type ApiError } from "../api/errors";
import { hasKey, t } from "../i18n/index.svelte";
import { uuid } from "../ids";
import { createOp, moveIndex, neighbour, type Start } from "./boardOps";
import type { WorkshopSession } from "./session.svelte";

/** How the page moves: `open` is another place (a history entry), `show` stands in for this one. */
export type Navigation = { open: (id: string) => void; show: (id: string) => void };

/** A refusal in the user's language, for a dialog to show next to what they typed. */
const message = (err: ApiError) => t(errorKey(err, hasKey));

/**
 * What the board strip's controls do: add, rename, move and delete boards, each one undo step.
 * Holds which dialog is open, so the strip, its menu and its keys share one set of dialogs.
 */
export class BoardControls {
  /** The add dialog, with what it offers first (Duplicate opens it on "copy"). */
  adding = $state<{ start: Start } | null>(null);
  /** The board being renamed. */
  renaming = $state<string | null>(null);
  /** The board being saved as a template. */
  savingTemplate = $state<string | null>(null);
  /** The board whose delete waits for the user's yes. */
  deleting = $state<string | null>(null);

  constructor(
    private readonly ws: WorkshopSession,
    private readonly nav: Navigation,
    /** The board the page shows. */
    private readonly current: () => string | null,
  ) {}

  titleOf(id: string | null): string {
    const at = this.ws.ordered.findIndex((b) => b.id === id);
    if (at < 0) return "";
    return this.ws.ordered[at].title.trim() || t("boards.untitled", { n: at + 1 });
  }

  notesOn(id: string): number {
    return Object.keys(this.ws.notesOf(id).notes).length;
  }

  canMove(id: string, step: -1 | 1): boolean {
    return moveIndex(this.ws.ordered, id, step) !== null;
  }

  /** Makes the board right after the current one and opens it; the refusal's words, or null. */
  async create(title: string, start: Start, withNotes: boolean): Promise<string | null> {
    const current = this.current();
    if (!current) return null;
    const id = uuid();
    const err = await this.ws.attempt(createOp(id, { ordered: this.ws.ordered, current }, title, start, withNotes));
    if (err) return message(err);
    this.adding = null;
    this.nav.open(id);
    return null;
  }

  async rename(id: string, title: string): Promise<string | null> {
    if (title.trim() === this.ws.board(id)?.title) {
      this.renaming = null;
      return null;
    }
    const err = await this.ws.attempt({ type: "update_board", id, patch: { title: title.trim() } });
    if (err) return message(err);
    this.renaming = null;
    return null;
  }

  async move(id: string, step: -1 | 1): Promise<void> {
    const index = moveIndex(this.ws.ordered, id, step);
    if (index !== null) await this.ws.apply({ type: "move_board", id, index });
  }

  /**
   * Asks before deleting; the last board goes straight to the server, whose refusal says in the
   * user's language why (a question whose yes cannot work would only mislead).
   */
  askDelete(id: string): void {
    if (this.ws.boards.length <= 1) void this.ws.apply({ type: "delete_board", id });
    else this.deleting = id;
  }

  /**
   * Deletes the board the user said yes to. When it is the one on screen, the page goes to its
   * neighbour first, so it never shows a board that is gone; back again if the delete is refused.
   */
  async confirmDelete(): Promise<void> {
    const id = this.deleting;
    this.deleting = null;
    if (!id) return;
    const here = id === this.current();
    const next = here ? neighbour(this.ws.ordered, id) : null;
    if (next) this.nav.show(next);
    const ok = await this.ws.apply({ type: "delete_board", id });
    if (!ok && next) this.nav.show(id);
  }
}
