import type { BoardInfo, Change, Session, Vote, Workshop } from "../api/types";
import { applyNote, applyRow, emptyStore, storeFrom, type BoardState, type NoteStore } from "../board/changes";
import { applyVersioned, peopleFrom, type People } from "../people/people";
import { sessionsFrom } from "../sessions/sessions";

/** What a client holds of one workshop, kept current by op results and change events. */
export type Held = {
  boards: BoardState[];
  /** Each board's notes, by board id. */
  notes: Record<string, NoteStore>;
  people: People;
  /**
   * The version each deleted board had when it went, so a late copy of it (a response racing an
   * event) cannot bring it back. Versions grow across a delete and a restore, as for notes.
   */
  goneBoards: Record<string, number>;
  /** The programme's sessions by id; their order is their positions (sessions/sessions.ts). */
  sessions: Record<string, Session>;
  /** Dot votes by id; each cast comes as the vote replaced whole with its new counts. */
  votes: Record<string, Vote>;
};

/** Which parts an applied list of changes touched, so the session swaps only those wrappers. */
export type Touched = { boards: boolean; people: boolean; sessions: boolean; votes: boolean; notes: Set<string> };

type Applier<C> = (held: Held, change: C, touched: Touched) => void;

/**
 * Every kind of change the core sends, and where it goes. Mapped over the generated union: when
 * the core adds a kind, the type check fails here until the kind is handled, instead of its
 * changes being dropped without a trace.
 */
const appliers: { [K in Change["entity"]]: Applier<Extract<Change, { entity: K }>> } = {
  board: (held, c, touched) => {
    if (applyBoard(held, c)) touched.boards = true;
    // A board's own store comes and goes with it (its notes' deletions came first).
    if (!c.after && c.id in held.notes) {
      delete held.notes[c.id];
      touched.notes.add(c.id);
    } else if (c.after && !(c.id in held.notes)) {
      held.notes[c.id] = emptyStore();
      touched.notes.add(c.id);
    }
  },
  note: (held, c, touched) => {
    for (const boardId of applyNote(held.notes, c)) touched.notes.add(boardId);
  },
  touchpoint: (held, c, touched) => {
    if (applyRow(held.boards, "touchpoints", c)) touched.boards = true;
  },
  lane: (held, c, touched) => {
    if (applyRow(held.boards, "lanes", c)) touched.boards = true;
  },
  phase: (held, c, touched) => {
    if (applyRow(held.boards, "phases", c)) touched.boards = true;
  },
  persona: (held, c, touched) => {
    if (applyVersioned(held.people.personas, c)) touched.people = true;
  },
  walkthrough: (held, c, touched) => {
    if (applyVersioned(held.people.walkthroughs, c)) touched.people = true;
  },
  walk_step: (held, c, touched) => {
    if (applyVersioned(held.people.steps, c)) touched.people = true;
  },
  // A move renumbers every session after it: each comes as its own change, replaced whole.
  session: (held, c, touched) => {
    if (applyVersioned(held.sessions, c)) touched.sessions = true;
  },
  vote: (held, c, touched) => {
    if (applyVersioned(held.votes, c)) touched.votes = true;
  },
};

/**
 * A board's own fields (title, position, kind, version), in place so the strip follows a move
 * or a rename live; what is on it (its lists) stays. False for a copy older than the one held, or
 * than the one deleted.
 */
function applyBoard(held: Held, change: { id: string; before: BoardInfo | null; after: BoardInfo | null }): boolean {
  const at = held.boards.findIndex((b) => b.id === change.id);
  const board = held.boards[at];
  const { after } = change;
  if (!after) {
    if (!board) return false;
    // A delete of an older version than we hold was followed by a restore we already applied.
    if (change.before && board.version > change.before.version) return false;
    held.goneBoards[change.id] = Math.max(held.goneBoards[change.id] ?? 0, change.before?.version ?? board.version);
    held.boards.splice(at, 1);
    return true;
  }
  if (board ? board.version > after.version : (held.goneBoards[change.id] ?? -1) >= after.version) return false;
  const own = { id: after.id, kind: after.kind, title: after.title, position: after.position, version: after.version, live: after.live };
  if (board) Object.assign(board, own);
  else held.boards.push({ ...own, phases: [], touchpoints: [], lanes: [] });
  delete held.goneBoards[change.id];
  return true;
}

/** Applies changes in order, in place, skipping copies older than what is held. */
export function applyAll(held: Held, changes: readonly Change[]): Touched {
  const touched: Touched = { boards: false, people: false, sessions: false, votes: false, notes: new Set() };
  // The table is exhaustive by its type; TypeScript cannot narrow the lookup to the matching
  // member of the union by itself.
  for (const c of changes) (appliers[c.entity] as Applier<Change>)(held, c, touched);
  return touched;
}

/** What a snapshot from `open_workshop` holds, split into the parts a client keeps apart. */
export function heldFrom(workshop: Workshop): Held {
  const notes: Record<string, NoteStore> = {};
  const boards = workshop.boards.map(({ notes: list, ...board }) => {
    notes[board.id] = storeFrom(list);
    return board;
  });
  return {
    boards,
    notes,
    people: peopleFrom(workshop.personas, workshop.walkthroughs, workshop.walk_steps),
    sessions: sessionsFrom(workshop.sessions),
    votes: Object.fromEntries(workshop.votes.map((v) => [v.id, v])),
    goneBoards: {},
  };
}
