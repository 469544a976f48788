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

export type NoteChange = Extract<Change, { entity: "note" }>;

export function emptyStore(): NoteStore {
  return { notes: {}, gone: {} };
}

export function storeFrom(notes: readonly Note[]): NoteStore {
  const store = emptyStore();
  for (const n of notes) store.notes[n.id] = n;
  return store;
}

/** Whether `change` is older than what `store` already knows about its note. */
export function isStale(store: NoteStore, change: NoteChange): boolean {
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

/** A board without its notes: the lists a structure change edits (the notes live in a NoteStore). */
export type BoardState = Omit<Board, "notes">;
type Row = { id: string; version: number; board_id: string };
type RowKey = "touchpoints" | "lanes" | "phases";

/**
 * Applies one touchpoint, lane or phase change to the board lists in place, skipping a copy older
 * than the one held; true when it was taken. The row goes to the board its `after` names, leaving
 * any other. (A deleted row leaves no version behind; structure edits are rare enough that a late
 * copy of a deleted touchpoint coming back is not a practical race.)
 */
export function applyRow(boards: readonly BoardState[], key: RowKey, change: { id: string; after: Row | null }): boolean {
  const holders = boards.map((b) => b[key] as Row[]).filter((list) => list.some((v) => v.id === change.id));
  if (change.after && holders.some((list) => list.some((v) => v.id === change.id && v.version > change.after!.version))) {
    return false;
  }
  for (const list of holders) list.splice(list.findIndex((v) => v.id === change.id), 1);
  const home = change.after && boards.find((b) => b.id === change.after!.board_id);
  if (home) (home[key] as Row[]).push(change.after!);
  return true;
}

/**
 * Applies one note change to the stores of every board it concerns: the board it is on now, the
 * board it was on (which records the version it left with, as for a delete), and any store still
 * holding it. A store is made for a board not seen yet. Returns the ids of the boards whose store
 * changed.
 */
export function applyNote(stores: Record<string, NoteStore>, change: NoteChange): string[] {
  const concerned = new Set<string>();
  if (change.after) concerned.add(change.after.board_id);
  if (change.before) concerned.add(change.before.board_id);
  for (const [boardId, store] of Object.entries(stores)) if (change.id in store.notes) concerned.add(boardId);
  const touched: string[] = [];
  for (const boardId of concerned) {
    const store = (stores[boardId] ??= emptyStore());
    if (applyChanges(store, [change], boardId).length) touched.push(boardId);
  }
  return touched;
}

/**
 * Applies changes (from an op response or from an event) in order, skipping stale ones. Mutates
 * `store` in place so it works on a reactive proxy; returns the ids it changed.
 */
export function applyChanges(store: NoteStore, changes: readonly NoteChange[], boardId?: string): string[] {
  const touched: string[] = [];
  for (const change of changes) {
    if (isStale(store, change)) continue;
    if (change.after && (boardId === undefined || change.after.board_id === boardId)) {
      store.notes[change.id] = change.after;
      delete store.gone[change.id];
    } else {
      // Deleted, or moved to another board (whose store takes it): either way it leaves this one.
      delete store.notes[change.id];
      const version = change.after?.version ?? change.before?.version ?? 0;
      store.gone[change.id] = Math.max(store.gone[change.id] ?? 0, version);
    }
    touched.push(change.id);
  }
  return touched;
}
