import type { Note, NotePatch, Op } from "../api/types";
import { uuid } from "../ids";
import { cellAt, freeSpotFrom, NOTE_GAP, NOTE_W, pathOrder, type Point, type Row, type Station } from "./geometry";
import { growOps } from "./lanes/lanes";
import { toneFields, toneOf, type Tone } from "./sentiment";

/**
 * The ops for acting on several notes at once. Each list goes to `session.applyMany`, so the whole
 * action is one undo step. Notes are the drawn ones (x, y in board units); `placeAt` is the
 * session's, turning a board top-left into the patch for the cell it lands in.
 */
export type PlaceAt = (id: string, at: Point, snap?: boolean) => NotePatch | null;

/** Where a copy goes: down and to the right, so it is seen next to its original, not on it. */
export const COPY_OFFSET = NOTE_GAP * 2;

const byId = <N extends { id: string }>(notes: readonly N[]) => new Map(notes.map((n) => [n.id, n]));

function update(id: string, patch: NotePatch | null): Op[] {
  return patch ? [{ type: "update_note", id, patch }] : [];
}

/** Every note moved by the same (dx, dy): what the group keeps is its shape. */
export function moveOps(ids: readonly string[], notes: readonly Note[], dx: number, dy: number, placeAt: PlaceAt): Op[] {
  const all = byId(notes);
  return ids.flatMap((id) => {
    const n = all.get(id);
    return n ? update(id, placeAt(id, { x: n.x + dx, y: n.y + dy })) : [];
  });
}

/** The drawn positions of `ids` moved by (dx, dy): what a group drag shows until the drop is saved. */
export function movedBy(ids: readonly string[], origin: ReadonlyMap<string, Point>, dx: number, dy: number): Map<string, Point> {
  const out = new Map<string, Point>();
  for (const id of ids) {
    const o = origin.get(id);
    if (o) out.set(id, { x: Math.round(o.x + dx), y: Math.round(o.y + dy) });
  }
  return out;
}

export function deleteOps(ids: readonly string[]): Op[] {
  return ids.map((id) => ({ type: "delete_note", id }));
}

/** Only the notes not already in `tone` change: a no-op patch would still cost an undo step. */
export function toneOps(ids: readonly string[], notes: readonly Note[], tone: Tone): Op[] {
  const all = byId(notes);
  return ids.flatMap((id) => {
    const n = all.get(id);
    return n && toneOf(n) !== tone ? update(id, toneFields(tone)) : [];
  });
}

/** The tone every one of these notes has, or null when they differ. */
export function commonTone(ids: readonly string[], notes: readonly Note[]): Tone | null {
  const all = byId(notes);
  const tones = new Set(ids.flatMap((id) => (all.has(id) ? [toneOf(all.get(id)!)] : [])));
  return tones.size === 1 ? [...tones][0] : null;
}

/** The touchpoint every one of these notes is under, or null when they differ (or have none). */
export function commonTouchpoint(ids: readonly string[], notes: readonly Note[]): string | null {
  const all = byId(notes);
  const tps = new Set(ids.map((id) => all.get(id)?.touchpoint_id ?? null));
  return tps.size === 1 ? [...tps][0] : null;
}

/** Copies with the same text and tone, each offset from its original; `ids` are the copies' ids. */
export function duplicateOps(
  ids: readonly string[],
  notes: readonly Note[],
  stations: readonly Station[],
  rows: readonly Row[],
  newId: () => string = uuid,
): { ops: Op[]; ids: string[] } {
  const all = byId(notes);
  const ops: Op[] = [];
  const made: string[] = [];
  for (const id of ids) {
    const n = all.get(id);
    if (!n) continue;
    const copy = newId();
    const cell = cellAt(stations, rows, n.x + COPY_OFFSET, n.y + COPY_OFFSET);
    ops.push({
      type: "create_note",
      note: {
        id: copy,
        board_id: n.board_id,
        ...cell,
        persona_id: n.persona_id,
        // A copy is of what the group said then: it stays with the session the original came from.
        session_id: n.session_id,
        kind: n.kind,
        sentiment: n.sentiment,
        text: n.text,
      },
    });
    made.push(copy);
  }
  return { ops, ids: made };
}

/**
 * Moves notes into a touchpoint's column, centred, each staying in its own lane: in the first free
 * spot from the lane's top down, clear of the notes already in that lane (the place the outline's
 * move gives one note). A note without a lane keeps its height, moved down only as far as it must
 * to clear the notes there. Done in path order, so each lane's notes keep their order top to
 * bottom. Notes already under that touchpoint stay where they are. `notes` are as drawn; lanes
 * grow afterwards (`withGrowth`) when a stack runs past a lane's bottom.
 */
export function moveToOps(
  ids: readonly string[],
  notes: readonly Note[],
  station: Station,
  stations: readonly Station[],
  rows: readonly Row[],
  heightOf: (id: string) => number | undefined = () => undefined,
): Op[] {
  const moving = new Set(ids);
  const chosen = pathOrder(stations, notes.filter((n) => moving.has(n.id) && n.touchpoint_id !== station.id));
  const chosenIds = new Set(chosen.map((n) => n.id));
  // Where each note is (or will be once moved): the next one is placed clear of those before it.
  const placed: { id: string; x: number; y: number; lane_id: string | null }[] = notes.filter((n) => !chosenIds.has(n.id));
  const left = station.x - NOTE_W / 2;
  const ops: Op[] = [];
  for (const n of chosen) {
    // A lane deleted meanwhile leaves the note drawn where it was: it is then treated as lane-less.
    const row = (n.lane_id !== null && rows.find((r) => r.id === n.lane_id)) || null;
    // The placement rules of the cell: in a lane, its own notes; without one, every note.
    const taken = placed.filter((p) => !row || p.lane_id === row.id).map((p) => ({ x: p.x, y: p.y, h: heightOf(p.id) }));
    // Inside a lane, the same margin over the first note that a lane's own height leaves.
    const spot = freeSpotFrom(left, row ? row.top + NOTE_GAP : n.y, taken);
    placed.push({ id: n.id, lane_id: n.lane_id, ...spot });
    const from = stations.find((s) => s.id === n.touchpoint_id);
    const patch: NotePatch = { touchpoint_id: station.id };
    const x = Math.round(spot.x - station.x);
    if (x !== Math.round(from ? n.x - from.x : n.x)) patch.x = x;
    if (Math.round(spot.y) !== Math.round(n.y)) patch.y = Math.round(row ? spot.y - row.top : spot.y);
    ops.push({ type: "update_note", id: n.id, patch });
  }
  return ops;
}

/**
 * The same ops followed by whatever lane growth they need so every note fits in its lane (as a
 * single drop does): one update per lane, as tall as its lowest note needs. `stored` are the notes
 * as stored (lane-relative y), what the patches are measured against.
 */
export function withGrowth(
  ops: readonly Op[],
  stored: Readonly<Record<string, Note>>,
  rows: readonly Row[],
  heightOf: (id: string) => number | undefined = () => undefined,
): Op[] {
  const heights = new Map<string, number>();
  for (const op of ops) {
    let grow: Op[] = [];
    if (op.type === "update_note" && stored[op.id]) grow = growOps(rows, stored[op.id], op.patch, heightOf(op.id));
    if (op.type === "create_note") grow = growOps(rows, op.note, {}, heightOf(op.note.id));
    for (const g of grow) {
      if (g.type === "update_lane" && g.patch.height) heights.set(g.id, Math.max(heights.get(g.id) ?? 0, g.patch.height));
    }
  }
  const lanes: Op[] = [...heights].map(([id, height]) => ({ type: "update_lane", id, patch: { height } }));
  return [...ops, ...lanes];
}
