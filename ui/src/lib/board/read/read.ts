import { pathOrder, type Row, type Station } from "../geometry";

type NoteLike = { id: string; x: number; y: number; touchpoint_id: string | null; lane_id: string | null };

/** One row's notes in a column, or (row null) the notes in no row: a board without lanes. */
export type ReadGroup<N> = { row: Row | null; notes: N[] };

/**
 * A column's (or box's) notes as the reading view lists them: row by row from the top, notes in
 * no row first (where the board draws them), each group in the board's Tab order. Empty rows are
 * left out: the view is for reading what was said, not for the board's structure.
 */
export function readingOf<N extends NoteLike>(
  station: Station,
  stations: readonly Station[],
  rows: readonly Row[],
  notes: readonly N[],
): ReadGroup<N>[] {
  const here = pathOrder(
    stations,
    notes.filter((n) => n.touchpoint_id === station.id),
  );
  const known = new Set(rows.map((r) => r.id));
  const loose = here.filter((n) => n.lane_id === null || !known.has(n.lane_id));
  const groups: ReadGroup<N>[] = loose.length ? [{ row: null, notes: loose }] : [];
  for (const row of rows) {
    const inRow = here.filter((n) => n.lane_id === row.id);
    if (inRow.length) groups.push({ row, notes: inRow });
  }
  return groups;
}

/** The station `step` places on in reading order, or null past either end. */
export function neighbour(stations: readonly Station[], id: string, step: -1 | 1): Station | null {
  const i = stations.findIndex((s) => s.id === id);
  return i < 0 ? null : (stations[i + step] ?? null);
}
