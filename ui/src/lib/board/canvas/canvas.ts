import type { Note, Phase } from "../../api/types";
import { BOX_H, LANES_TOP, NOTE_GAP, NOTE_H, type Station } from "../geometry";
import { emptyCounts, moodOf, type Mood } from "../mood";

/** A canvas period that stacks boxes, with its boxes top-down. */
export type Stack = { phase: Phase; boxes: Station[]; x: number };

/** The stacked periods of a canvas, each with its boxes in reading order. */
export function stacks(list: readonly Station[], phases: readonly Phase[]): Stack[] {
  return phases
    .filter((p) => p.stacked)
    .map((phase) => ({ phase, boxes: list.filter((s) => s.top !== null && s.phase_id === phase.id) }))
    .map((st) => ({ ...st, x: st.boxes[0]?.x ?? 0 }))
    .filter((st) => st.boxes.length > 0);
}

/** Under a stack, the control that adds a box to it. */
export const ADD_BOX_ROOM = 72;

/**
 * Where the band of expectations → experiences → satisfaction goes: under every box (and the
 * control that adds one) and every note, so nothing is drawn over (as polku_core::layout::band_top
 * does for print, where there are no controls).
 */
export function bandTop(list: readonly Station[], notes: readonly Pick<Note, "id" | "y">[], heightOf: (id: string) => number | undefined): number {
  const boxes = list.reduce((b, s) => (s.top === null ? b : Math.max(b, s.top + BOX_H + ADD_BOX_ROOM)), LANES_TOP);
  const lowest = notes.reduce((b, n) => Math.max(b, n.y + Math.max(NOTE_H, heightOf(n.id) ?? 0)), boxes);
  return lowest + 2 * NOTE_GAP;
}

/** The counts and mood of a period: every observation on its boxes and columns. */
export function periodMood(phaseId: string, list: readonly Station[], moods: ReadonlyMap<string, Mood>): Mood {
  const c = emptyCounts();
  for (const s of list) {
    if (s.phase_id !== phaseId) continue;
    const m = moods.get(s.id);
    if (!m) continue;
    c.negative += m.negative;
    c.neutral += m.neutral;
    c.positive += m.positive;
    c.total += m.total;
  }
  return { ...c, mood: moodOf(c) };
}

/** The rank a new box of `phase` takes: right after the period's last box, else at the end. */
export function newBoxRank(list: readonly Station[], phaseId: string): number {
  const mine = list.filter((s) => s.phase_id === phaseId);
  return mine.length ? Math.max(...mine.map((s) => s.rank)) + 1 : list.length;
}
