import type { Board, Change, Note } from "../api/types";

/**
 * The notes a client holds, plus the version each deleted note had when it went, so that a late
 * copy of a note that is already gone cannot bring it back. Versions only grow, also across a
 * delete and a restore, so comparing versions is enough to order a response and an event that race.
 */
export type NoteStore = {
  notes: Record<string, Note>;
  gone: Record<string, number>;
};

export function emptyStore(): NoteStore {
  return { notes: {}, gone: {} };
}

export function storeFrom(notes: readonly Note[]): NoteStore {
  const store = emptyStore();
  for (const n of notes) store.notes[n.id] = n;
  return store;
}

/** Whether `change` is older than what `store` already knows about its note. */
export function isStale(store: NoteStore, change: Change): boolean {
  const held = store.notes[change.id];
  const goneAt = store.gone[change.id];
  if (change.after) {
    if (held && held.version > change.after.version) return true;
    if (!held && goneAt !== undefined && goneAt >= change.after.version) return true;
    return false;
  }
  // A delete of an older version than we hold was followed by a restore we already applied.
  const deleted = change.before?.version ?? 0;
  return !!held && held.version > deleted;
}

type Structure = Pick<Board, "touchpoints" | "lanes" | "phases">;

/**
 * Applies touchpoint, lane and phase changes to the board's lists in place, skipping copies older
 * than what is held. (A deleted row leaves no version behind; structure edits are rare enough
 * that a late copy of a deleted touchpoint coming back is not a practical race.)
 */
export function applyStructure(board: Structure & { id: string }, changes: readonly Change[]): boolean {
  let any = false;
  for (const change of changes) {
    // Notes go to applyChanges; personas and walks are not the board's structure.
    if (change.entity !== "touchpoint" && change.entity !== "lane" && change.entity !== "phase") continue;
    const list = (change.entity === "touchpoint" ? board.touchpoints : change.entity === "lane" ? board.lanes : board.phases) as {
      id: string;
      version: number;
      board_id: string;
    }[];
    const at = list.findIndex((v) => v.id === change.id);
    if (change.after && at >= 0 && list[at].version > change.after.version) continue;
    if (at >= 0) list.splice(at, 1);
    if (change.after && change.after.board_id === board.id) list.push(change.after);
    any = true;
  }
  return any;
}

/**
 * Applies changes (from an op response or from an event) in order, skipping stale ones. Mutates
 * `store` in place so it works on a reactive proxy; returns the ids it changed.
 */
export function applyChanges(store: NoteStore, changes: readonly Change[], boardId?: string): string[] {
  const touched: string[] = [];
  for (const change of changes) {
    if (change.entity !== "note" || isStale(store, change)) continue;
    if (change.after && (boardId === undefined || change.after.board_id === boardId)) {
      store.notes[change.id] = change.after;
      delete store.gone[change.id];
    } else {
      // Deleted, or (later) moved to a board this view does not show: either way it leaves.
      delete store.notes[change.id];
      const version = change.after?.version ?? change.before?.version ?? 0;
      store.gone[change.id] = Math.max(store.gone[change.id] ?? 0, version);
    }
    touched.push(change.id);
  }
  return touched;
}
