import type { Op, Phase, TouchpointPatch } from "../../api/types";
import { uuid } from "../../ids";
import { FIRST_X, halfWidth, HEADROOM, PATH_Y, STEP_X, type Station } from "../geometry";

// Board units. The path's header, top-down: phase bands (above y 0, in the fitted view's
// headroom), the mood band (mood.ts), the stations on the line, their labels, the counts
// (TouchpointCounts), then the lanes from LANES_TOP.
export const STATION_R = 22;
/** A side station is smaller and sits above the line it branches off. */
export const SIDE_R = 16;
export const SIDE_RISE = 22;
/** The phase bands' labels sit in a strip above the board's origin, over the mood band's legend. */
export const BAND_TOP = -HEADROOM + 4;
export const BAND_H = 44;
/** The server's limits (polku_core::validate). */
export const MAX_LABEL = 200;
export const MAX_DESCRIPTION = 2000;

/** The centre of a station's circle: side stations are raised off the main line. */
export function stationY(s: Pick<Station, "side_station">): number {
  return s.side_station ? PATH_Y - SIDE_RISE : PATH_Y;
}

export function stationR(s: Pick<Station, "side_station">): number {
  return s.side_station ? SIDE_R : STATION_R;
}

/**
 * The dashed detour a side station hangs on: it leaves the main line before the station, rises
 * to it and comes back down after it, so the line itself visibly runs past.
 */
export function detourPath(x: number): string {
  const y0 = PATH_Y;
  const y1 = PATH_Y - SIDE_RISE;
  const w = 78;
  return `M ${x - w} ${y0} C ${x - w / 2} ${y0} ${x - w / 2} ${y1} ${x} ${y1} C ${x + w / 2} ${y1} ${x + w / 2} ${y0} ${x + w} ${y0}`;
}

/** Consecutive touchpoints in one phase: drawn as one band from `x1` to `x2` (board units). */
export type PhaseRun = {
  phase: Phase;
  /** The phase's place among the board's phases: picks its colour, so it keeps it when moved. */
  slot: number;
  from: number;
  to: number;
  x1: number;
  x2: number;
  /** The first of several runs of the same phase, or its only one. */
  first: boolean;
};

/** How far a band stops short of the column's edge, so two neighbouring bands read as two. */
const BAND_GAP = 5;

/**
 * The bands to draw: each run of consecutive stations (in path order) with the same phase.
 * Stations without a phase, or with a phase the board doesn't have, break runs and get no band.
 */
export function phaseRuns(list: readonly Station[], phases: readonly Phase[]): PhaseRun[] {
  const slotOf = new Map(phases.map((p, i) => [p.id, i]));
  const runs: PhaseRun[] = [];
  const seen = new Set<string>();
  let open: PhaseRun | null = null;
  for (const s of list) {
    const slot = s.phase_id === null ? undefined : slotOf.get(s.phase_id);
    if (open && slot !== undefined && open.phase.id === s.phase_id) {
      open.to = s.index;
      open.x2 = s.x + halfWidth(s) - BAND_GAP;
      continue;
    }
    open = null;
    if (slot === undefined) continue;
    const phase = phases[slot];
    open = {
      phase,
      slot,
      from: s.index,
      to: s.index,
      x1: s.x - halfWidth(s) + BAND_GAP,
      x2: s.x + halfWidth(s) - BAND_GAP,
      first: !seen.has(phase.id),
    };
    seen.add(phase.id);
    runs.push(open);
  }
  return runs;
}

/**
 * The index a station dragged to board x lands at: the column nearest x, clamped to the path.
 * The same index `move_touchpoint` takes (the order with the station taken out, then put back).
 */
export function dropIndex(count: number, x: number): number {
  if (count <= 0) return 0;
  const k = Math.round((x - FIRST_X) / STEP_X);
  return Math.max(0, Math.min(count - 1, k));
}

/**
 * Where station `j` shows while the station at `from` is dragged towards `to`: the ones in
 * between step aside by one column, so the gap shows where the dragged one will land.
 */
export function previewIndex(j: number, from: number, to: number): number {
  if (from < to && j > from && j <= to) return j - 1;
  if (to < from && j >= to && j < from) return j + 1;
  return j;
}

/** Drag distance (screen px) before a press on a station head becomes a reorder. */
export const DRAG_SLOP = 8;

export type HeadKey = "left" | "right" | "delete";

/** Keys on a focused station head: Alt+Shift+←/→ move it; Delete (or Backspace) asks to remove it. */
export function headKey(e: { key: string; altKey: boolean; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }): HeadKey | null {
  if (e.ctrlKey || e.metaKey) return null;
  if (e.altKey && e.shiftKey && e.key === "ArrowLeft") return "left";
  if (e.altKey && e.shiftKey && e.key === "ArrowRight") return "right";
  if (!e.altKey && !e.shiftKey && (e.key === "Delete" || e.key === "Backspace")) return "delete";
  return null;
}

/** The stations on either side of `id` in path order. */
export function neighbours(list: readonly Station[], id: string): { prev: Station | null; next: Station | null } {
  const i = list.findIndex((s) => s.id === id);
  if (i < 0) return { prev: null, next: null };
  return { prev: list[i - 1] ?? null, next: list[i + 1] ?? null };
}

/** A label the server takes: one line, trimmed, not empty, within the limit; null otherwise. */
export function cleanLabel(text: string): string | null {
  const one = text.replace(/\s+/g, " ").trim();
  return one.length > 0 && [...one].length <= MAX_LABEL ? one : null;
}

export type TouchpointFields = { label: string; description: string; phase_id: string | null; side_station: boolean };

/**
 * What to send for an edit: only the fields the user changed since `was` (what the form started
 * from) and that differ from `now` (the station as it is, maybe changed meanwhile by another
 * window), so an untouched field never overwrites somebody else's edit. Null when nothing changed
 * or the label is not valid.
 */
export function touchpointPatch(was: TouchpointFields, form: TouchpointFields, now: TouchpointFields): TouchpointPatch | null {
  const patch: TouchpointPatch = {};
  const label = cleanLabel(form.label);
  if (label !== null && label !== cleanLabel(was.label) && label !== now.label) patch.label = label;
  // Blank is stored as empty: the server refuses a description of only spaces.
  const description = form.description.trim() === "" ? "" : form.description;
  if (description !== was.description && description !== now.description) patch.description = description;
  if (form.phase_id !== was.phase_id && form.phase_id !== now.phase_id) patch.phase_id = form.phase_id;
  if (form.side_station !== was.side_station && form.side_station !== now.side_station) patch.side_station = form.side_station;
  return Object.keys(patch).length ? patch : null;
}

/**
 * Where a place goes one step back (−1) or on (+1) among its own: columns among columns, a box
 * among its period's boxes. `rank` is the index move_touchpoint takes (the neighbour's rank puts
 * it just past the neighbour either way); `n` its new place among its own, from 1. Null at an end.
 */
export function stepRank(list: readonly Station[], s: Station, dir: -1 | 1): { rank: number; n: number } | null {
  const own = list.filter((x) => (x.top === null) === (s.top === null) && (s.top === null || x.phase_id === s.phase_id));
  const i = own.findIndex((x) => x.id === s.id);
  const other = own[i + dir];
  return other ? { rank: other.rank, n: i + dir + 1 } : null;
}

export function moveOp(id: string, index: number): Op {
  return { type: "move_touchpoint", id, index };
}

/** A new touchpoint at `index`; it joins the phase it is put into. */
export function createTouchpointOp(boardId: string, index: number, label: string, phaseId: string | null): { id: string; op: Op } {
  const id = uuid();
  return {
    id,
    op: {
      type: "create_touchpoint",
      touchpoint: { id, board_id: boardId, index, label, description: "", phase_id: phaseId, side_station: false },
    },
  };
}

/** `moveNotesTo` null: the notes stay where they are on the board, on no touchpoint. */
export function deleteTouchpointOp(id: string, moveNotesTo: string | null): Op {
  return { type: "delete_touchpoint", id, move_notes_to: moveNotesTo };
}

/** A new phase at `index`, and (when `touchpointId` is given) that touchpoint put in it, as one undo step. */
export function createPhaseOps(boardId: string, index: number, label: string, touchpointId: string | null): { id: string; op: Op } {
  const id = uuid();
  const create: Op = { type: "create_phase", phase: { id, board_id: boardId, index, label } };
  if (!touchpointId) return { id, op: create };
  return { id, op: { type: "batch", ops: [create, { type: "update_touchpoint", id: touchpointId, patch: { phase_id: id } }] } };
}

export function renamePhaseOp(id: string, label: string): Op {
  return { type: "update_phase", id, patch: { label } };
}

export function deletePhaseOp(id: string): Op {
  return { type: "delete_phase", id };
}

/** How many stored notes each touchpoint holds (counted when asked, not on every change). */
export function notesOn(notes: readonly { touchpoint_id: string | null }[], id: string): number {
  let n = 0;
  for (const note of notes) if (note.touchpoint_id === id) n++;
  return n;
}

/**
 * Calm band colours, one per phase position, repeating after six: apart from the notes' five tones
 * in lightness and never the only cue (the band's label names the phase). Dark ink reads on each
 * fill at over 7:1.
 */
export const PHASE_COLOURS: readonly { bg: string; edge: string }[] = [
  { bg: "#dfe7f0", edge: "#6f8aa6" },
  { bg: "#e2ece3", edge: "#6e9274" },
  { bg: "#f0e8da", edge: "#a58a5c" },
  { bg: "#e8e3ee", edge: "#8b7aa0" },
  { bg: "#dcebea", edge: "#5f9390" },
  { bg: "#efe1e1", edge: "#a07272" },
];
export const PHASE_INK = "#1f2a36";

export function phaseColour(slot: number): { bg: string; edge: string } {
  return PHASE_COLOURS[((slot % PHASE_COLOURS.length) + PHASE_COLOURS.length) % PHASE_COLOURS.length];
}
