import type { BoardKind, Note, NotePatch, Op, Persona, Phase, Touchpoint } from "../../api/types";
import type { Veil } from "../live/veil";
import { FIRST_ROW_Y, freeSpotBelow, freeSpotFrom, NOTE_GAP, NOTE_W, pathOrder, stations, type Point, type Row, type Station } from "../geometry";
import { growOps } from "../lanes/lanes";
import type { Tone } from "../sentiment";

type NoteLike = { id: string; x: number; y: number; touchpoint_id: string | null };

export type OutlineTouchpoint<N> = { station: Station; phase: Phase | null; notes: N[] };
/** Consecutive touchpoints of one phase; `phase: null` is a run of touchpoints without one. */
export type PhaseGroup<N> = { phase: Phase | null; touchpoints: OutlineTouchpoint<N>[] };
export type Outline<N> = { groups: PhaseGroup<N>[]; unattached: N[] };

/**
 * The board as a list: touchpoints in path order, grouped by consecutive phase (the board's
 * phases; a touchpoint in a phase the board doesn't have counts as in none), each with its notes
 * in the board's Tab order (`pathOrder`). Notes without a (known) touchpoint are `unattached`.
 */
export function outline<N extends NoteLike>(
  touchpoints: readonly Touchpoint[],
  phases: readonly Phase[],
  notes: readonly N[],
  kind: BoardKind = "service_path",
): Outline<N> {
  const list = stations(touchpoints, kind, phases);
  const phaseById = new Map(phases.map((p) => [p.id, p]));
  const byTp = new Map<string, N[]>(list.map((s) => [s.id, []]));
  const unattached: N[] = [];
  for (const n of pathOrder(list, notes)) {
    const bucket = n.touchpoint_id === null ? undefined : byTp.get(n.touchpoint_id);
    if (bucket) bucket.push(n);
    else unattached.push(n);
  }
  const groups: PhaseGroup<N>[] = [];
  for (const station of list) {
    const phase = (station.phase_id !== null && phaseById.get(station.phase_id)) || null;
    const entry = { station, phase, notes: byTp.get(station.id) ?? [] };
    const last = groups[groups.length - 1];
    if (last && last.phase?.id === phase?.id) last.touchpoints.push(entry);
    else groups.push({ phase, touchpoints: [entry] });
  }
  return { groups, unattached };
}

export type OutlineRow<N> = { row: Row; cells: { station: Station; notes: N[] }[] };

/**
 * A table read as people read one: row by row, each row's cells left to right, each cell's notes
 * in the board's Tab order. Notes outside every cell are `unattached`.
 */
export function byRows<N extends NoteLike & { lane_id: string | null }>(
  list: readonly Station[],
  rows: readonly Row[],
  notes: readonly N[],
): { rows: OutlineRow<N>[]; unattached: N[] } {
  const key = (tp: string, lane: string) => `${tp} ${lane}`;
  const cells = new Map<string, N[]>(rows.flatMap((r) => list.map((s) => [key(s.id, r.id), []] as [string, N[]])));
  const unattached: N[] = [];
  for (const n of pathOrder(list, notes)) {
    const bucket = n.touchpoint_id && n.lane_id ? cells.get(key(n.touchpoint_id, n.lane_id)) : undefined;
    if (bucket) bucket.push(n);
    else unattached.push(n);
  }
  const out = rows.map((row) => ({ row, cells: list.map((station) => ({ station, notes: cells.get(key(station.id, row.id)) ?? [] })) }));
  return { rows: out, unattached };
}

/** Where a new note goes in one cell of a table: under that cell's notes, inside its row. */
export function spotInCell(
  station: Station,
  row: Row,
  notes: readonly (Point & { id: string; lane_id: string | null })[],
  heightOf: (id: string) => number | undefined = () => undefined,
): Point {
  const taken = notes.filter((n) => n.lane_id === row.id).map((n) => ({ x: n.x, y: n.y, h: heightOf(n.id) }));
  return freeSpotFrom(station.x - NOTE_W / 2, row.top + NOTE_GAP, taken);
}

/**
 * Where a note goes when it is moved to `station` from a list: into that column, in the first
 * free slot (the same placement a new note gets), clear of every other note.
 */
export function spotIn(
  station: Station,
  noteId: string,
  notes: readonly (Point & { id: string })[],
  heightOf: (id: string) => number | undefined = () => undefined,
): Point {
  const taken = notes.filter((n) => n.id !== noteId).map((n) => ({ x: n.x, y: n.y, h: heightOf(n.id) }));
  return freeSpotBelow(station, taken);
}

/** A cell of the board: a touchpoint's column (null: none) and a lane's row (null: none). */
export type Cell = { touchpoint: string | null; lane: string | null };

type Stored = Pick<Note, "id" | "x" | "y" | "touchpoint_id" | "lane_id">;

/**
 * The ops that move a note into another cell from a list, as one batch (one undo step): centred
 * in the touchpoint's column (without one, it stays where it is across), in the first free spot
 * from the lane's top down, clear of the other notes in that lane (of every note when the board
 * has no lanes), and the lane grown when the note would stick out of it. Empty when the note is
 * in that cell already. `stored` is the note as stored; `drawn` every note as drawn.
 */
export function moveToCellOps(
  stored: Stored,
  drawn: readonly (Point & { id: string; lane_id: string | null })[],
  to: Cell,
  list: readonly Station[],
  rows: readonly Row[],
  heightOf: (id: string) => number | undefined = () => undefined,
): Op[] {
  if (to.touchpoint === stored.touchpoint_id && to.lane === stored.lane_id) return [];
  const me = drawn.find((n) => n.id === stored.id);
  const station = to.touchpoint === null ? null : list.find((s) => s.id === to.touchpoint);
  const row = to.lane === null ? null : rows.find((r) => r.id === to.lane);
  // Gone meanwhile (another window deleted it): nothing sensible to do.
  if (!me || station === undefined || row === undefined) return [];
  const x = station ? station.x - NOTE_W / 2 : me.x;
  const taken = drawn
    .filter((n) => n.id !== stored.id && (!row || n.lane_id === row.id))
    .map((n) => ({ x: n.x, y: n.y, h: heightOf(n.id) }));
  // Inside a lane, the same margin over the first note that a lane's own height leaves.
  const spot = freeSpotFrom(x, row ? row.top + NOTE_GAP : FIRST_ROW_Y, taken);
  const cell = {
    touchpoint_id: station?.id ?? null,
    lane_id: row?.id ?? null,
    x: Math.round(station ? spot.x - station.x : spot.x),
    y: Math.round(row ? spot.y - row.top : spot.y),
  };
  const patch: NotePatch = {};
  if (cell.x !== stored.x) patch.x = cell.x;
  if (cell.y !== stored.y) patch.y = cell.y;
  if (cell.touchpoint_id !== stored.touchpoint_id) patch.touchpoint_id = cell.touchpoint_id;
  if (cell.lane_id !== stored.lane_id) patch.lane_id = cell.lane_id;
  if (Object.keys(patch).length === 0) return [];
  return [{ type: "update_note", id: stored.id, patch }, ...growOps(rows, stored, patch, heightOf(stored.id))];
}

/** What the outline does, all through the board's session (no second code path for edits). */
export type OutlineOps = {
  /** A new note in a touchpoint's column, or in one cell of a table when `laneId` is given. */
  add: (stationId: string, tone: Tone, text: string, laneId?: string) => Promise<boolean>;
  edit: (id: string, text: string) => Promise<boolean>;
  tone: (id: string, tone: Tone) => void;
  remove: (id: string) => Promise<boolean>;
  move: (id: string, to: Cell) => void;
  /** Focuses a note's item wherever it is in the outline; false when it is not there. */
  focusNote: (id: string) => boolean;
  /** Why a note is shown without its words here (private writing, a covered board), if it is. */
  veil: (id: string) => Veil | null;
  /** The persona a note was posted for in a walkthrough, while the persona is still there. */
  persona: (note: Note) => Persona | null;
};
