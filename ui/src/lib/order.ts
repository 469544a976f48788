/**
 * The one order of everything that has a position (boards, touchpoints, lanes, phases): by
 * position, ties by id. The ids are lowercase uuids, and the core sorts them by their bytes; plain
 * `<` on the strings gives that same order, where `localeCompare` need not (it may weigh case and
 * punctuation by the reader's language), so two clients and the server always agree.
 */
export function byPosition(a: { position: number; id: string }, b: { position: number; id: string }): number {
  if (a.position !== b.position) return a.position - b.position;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A sorted copy; the list given is left as it is (it may be a reactive proxy or a snapshot). */
export function inPositionOrder<T extends { position: number; id: string }>(list: readonly T[]): T[] {
  return [...list].sort(byPosition);
}
