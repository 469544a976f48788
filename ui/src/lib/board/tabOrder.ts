import { nearestStation, NOTE_W, type Station } from "./geometry";

/**
 * The board's Tab order: along the path, each touchpoint's head followed by its notes (top to
 * bottom), then the "add touchpoint" button. The DOM has the heads in one list and the notes in
 * another (the notes are culled, the heads never), so Tab is steered by this order instead.
 */
export type Stop = { kind: "head"; id: string } | { kind: "note"; id: string } | { kind: "add" };

export function tabStops(stations: readonly Station[], ordered: readonly { id: string; x: number }[]): Stop[] {
  const byColumn = new Map<number, Stop[]>();
  for (const n of ordered) {
    const col = nearestStation(stations, n.x + NOTE_W / 2)?.index ?? 0;
    const list = byColumn.get(col) ?? [];
    list.push({ kind: "note", id: n.id });
    byColumn.set(col, list);
  }
  const stops: Stop[] = [];
  // Without touchpoints every note is in "column 0", with no head before it.
  if (stations.length === 0) stops.push(...(byColumn.get(0) ?? []));
  for (const s of stations) stops.push({ kind: "head", id: s.id }, ...(byColumn.get(s.index) ?? []));
  stops.push({ kind: "add" });
  return stops;
}

const same = (a: Stop, b: Stop) => a.kind === b.kind && (a.kind === "add" || (b.kind !== "add" && a.id === b.id));

/** The stop after (dir 1) or before (dir −1) `current`; null past either end, or when unknown. */
export function neighbourStop(stops: readonly Stop[], current: Stop, dir: 1 | -1): Stop | null {
  const i = stops.findIndex((s) => same(s, current));
  if (i < 0) return null;
  return stops[i + dir] ?? null;
}
