import type { Phase, Touchpoint } from "../../api/types";
import { freeSpotBelow, pathOrder, stations, type Point, type Station } from "../geometry";
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
): Outline<N> {
  const list = stations(touchpoints);
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

/** What the outline does, all through the board's session (no second code path for edits). */
export type OutlineOps = {
  add: (stationId: string, tone: Tone, text: string) => Promise<boolean>;
  edit: (id: string, text: string) => Promise<boolean>;
  tone: (id: string, tone: Tone) => void;
  remove: (id: string) => Promise<boolean>;
  move: (id: string, stationId: string) => void;
  /** Focuses a note's item wherever it is in the outline; false when it is not there. */
  focusNote: (id: string) => boolean;
};
