import type { Note, NotePatch, Op } from "../../api/types";
import { uuid } from "../../ids";
import { MAX_LANE_H, MIN_LANE_H, NOTE_GAP, NOTE_H, STEP_X, type Camera, type Row, type Station } from "../geometry";

/**
 * Lanes as the board draws and edits them: pure helpers, no state. A lane's notes are stored with
 * y measured from the lane's top, so everything here works in lane-relative units where it can.
 */

/** The width (board units) of a lane's header strip in the board's left margin, clear of the first column's notes. */
export const HEADER_W = 52;
/** One press of "taller" or "shorter" in the lane's tools. */
export const HEIGHT_STEP = 60;
/** One arrow key on the lane's resize handle. */
export const KEY_STEP = 20;

/** A height a lane may have. */
export function clampHeight(h: number, min = MIN_LANE_H): number {
  return Math.round(Math.min(MAX_LANE_H, Math.max(MIN_LANE_H, min, h)));
}

/** Where the lanes end (board units); without lanes, where the first one would start. */
export function lanesBottom(rows: readonly Row[], top: number): number {
  const last = rows[rows.length - 1];
  return last ? last.top + last.height : top;
}

/**
 * A new lane at the bottom. The board's first lane does not swallow the notes already there:
 * `existing` names a row of their own, made above the new one (the core makes both in one step).
 */
export function createLaneOp(
  boardId: string,
  rows: readonly Row[],
  label: string,
  id: string = uuid(),
  existing: string | null = null,
): { id: string; op: Op } {
  const lane = { id, board_id: boardId, index: rows.length, label, ...(existing && rows.length === 0 ? { existing } : {}) };
  return { id, op: { type: "create_lane", lane } };
}

export function neighbours(rows: readonly Row[], id: string): { above: Row | null; below: Row | null } {
  const i = rows.findIndex((r) => r.id === id);
  if (i < 0) return { above: null, below: null };
  return { above: rows[i - 1] ?? null, below: rows[i + 1] ?? null };
}

/**
 * The height a lane needs so a note whose top is `relY` below the lane's top, `h` tall, fits with
 * a gap under it; null when the lane is tall enough already.
 */
export function growFor(row: Pick<Row, "height"> | null | undefined, relY: number, h: number = NOTE_H): number | null {
  if (!row) return null;
  const needed = Math.ceil(relY + Math.max(h, NOTE_H) + NOTE_GAP);
  if (needed <= row.height || row.height >= MAX_LANE_H) return null;
  return Math.min(MAX_LANE_H, needed);
}

/**
 * The op (if any) that grows the lane a note ends up in after `patch`, so it holds the whole
 * note; meant to go in the same batch as the note's update, so one undo takes back both.
 */
export function growOps(rows: readonly Row[], note: Pick<Note, "lane_id" | "y">, patch: NotePatch, h?: number): Op[] {
  const laneId = patch.lane_id !== undefined ? patch.lane_id : note.lane_id;
  const row = laneId ? rows.find((r) => r.id === laneId) : undefined;
  const height = growFor(row, patch.y ?? note.y, h);
  return row && height !== null ? [{ type: "update_lane", id: row.id, patch: { height } }] : [];
}

/** For each lane with notes, the least height that still holds them all (stored, lane-relative notes). */
export function contentHeights(
  notes: readonly Pick<Note, "id" | "y" | "lane_id">[],
  heightOf: (id: string) => number | undefined = () => undefined,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const n of notes) {
    if (!n.lane_id) continue;
    const bottom = n.y + Math.max(NOTE_H, heightOf(n.id) ?? 0) + NOTE_GAP;
    out[n.lane_id] = Math.max(out[n.lane_id] ?? 0, bottom);
  }
  for (const id in out) out[id] = clampHeight(Math.ceil(out[id]));
  return out;
}

type Stored = Pick<Note, "id" | "y" | "touchpoint_id">;

/**
 * The height the lane `target` needs after a deleted lane's notes are moved into it. The core
 * stacks the moved notes of each touchpoint under that touchpoint's notes already there, keeping
 * their layout among themselves; this repeats that to know the new bottom beforehand, so the
 * growth goes in the same batch as the delete. Null when the lane is tall enough.
 */
export function heightAfterMove(
  target: Pick<Row, "height">,
  moved: readonly Stored[],
  there: readonly Stored[],
  heightOf: (id: string) => number | undefined = () => undefined,
): number | null {
  let bottom = 0;
  const groups = new Set(moved.map((n) => n.touchpoint_id));
  for (const g of groups) {
    const mine = moved.filter((n) => n.touchpoint_id === g);
    const theirs = there.filter((n) => n.touchpoint_id === g);
    const top = Math.min(...mine.map((n) => n.y));
    // The core stacks under its standard note height; the measured height only matters for what sticks out.
    const under = theirs.length ? Math.max(...theirs.map((n) => n.y + NOTE_H)) : null;
    const shift = under === null ? 0 : Math.max(0, under + NOTE_GAP - top);
    for (const n of mine) bottom = Math.max(bottom, n.y + shift + Math.max(NOTE_H, heightOf(n.id) ?? 0) + NOTE_GAP);
  }
  const needed = Math.min(MAX_LANE_H, Math.ceil(bottom));
  return needed > target.height ? needed : null;
}

/** Board x of the lines between neighbouring touchpoints' columns, where a lane's cells meet. */
export function columnLines(stations: readonly Pick<Station, "x">[]): number[] {
  return stations.slice(1).map((s) => s.x - STEP_X / 2);
}

/**
 * Where the lane headers sit (board x): at the board's left end, or at the viewport's left edge
 * once the board is panned past it, so a long path keeps its lane names in view.
 */
export function headerX(camera: Camera, boardWidth: number): number {
  const left = -camera.x / camera.zoom;
  return Math.max(0, Math.min(left, boardWidth - HEADER_W));
}

