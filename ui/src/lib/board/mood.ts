import type { Note } from "../api/types";
import { PATH_Y, type Station } from "./geometry";

/** How many observations of each sentiment a touchpoint has (ideas and questions are not feelings). */
export type Counts = { negative: number; neutral: number; positive: number; total: number };

/** A touchpoint's counts and its mood in [−1, +1]; null when it has no notes to judge by. */
export type Mood = Counts & { mood: number | null };

type Counted = Pick<Note, "touchpoint_id" | "kind" | "sentiment">;

export function emptyCounts(): Counts {
  return { negative: 0, neutral: 0, positive: 0, total: 0 };
}

/** (positive − negative) / total; null for no notes, so a line never invents a value there. */
export function moodOf(c: Counts): number | null {
  return c.total === 0 ? null : (c.positive - c.negative) / c.total;
}

/**
 * Counts per touchpoint id, for the given touchpoints only (every one present, also the empty
 * ones). Only observations count: an idea or a question says nothing about how a step felt. Notes
 * on no touchpoint, or on one not in the list, are not counted.
 */
export function moodByTouchpoint(touchpointIds: readonly string[], notes: readonly Counted[]): Map<string, Mood> {
  const counts = new Map<string, Counts>(touchpointIds.map((id) => [id, emptyCounts()]));
  for (const n of notes) {
    if (n.kind !== "observation" || n.sentiment === null) continue;
    const c = n.touchpoint_id === null ? undefined : counts.get(n.touchpoint_id);
    if (!c) continue;
    c[n.sentiment] += 1;
    c.total += 1;
  }
  const out = new Map<string, Mood>();
  for (const [id, c] of counts) out.set(id, { ...c, mood: moodOf(c) });
  return out;
}

// The mood band, in board units, above the path and clear of the stations (radius 22).
export const MOOD_TOP = PATH_Y - 92; // mood +1
export const MOOD_BOTTOM = PATH_Y - 40; // mood −1
export const MOOD_ZERO = (MOOD_TOP + MOOD_BOTTOM) / 2;

/** The band's y for a mood in [−1, +1]; +1 is at the top. */
export function moodY(mood: number): number {
  const m = Math.max(-1, Math.min(1, mood));
  return MOOD_ZERO - m * ((MOOD_BOTTOM - MOOD_TOP) / 2);
}

export type MoodPoint = { id: string; x: number; y: number; mood: number };
/** A stretch of the line through touchpoints that all have notes. */
export type MoodRun = MoodPoint[];

/**
 * The line's points in path order, cut into runs at touchpoints without notes, plus the dashed
 * bridges across those gaps (from the last point before a gap to the first one after it).
 */
export function moodLine(list: readonly Station[], moods: ReadonlyMap<string, Mood>): { runs: MoodRun[]; bridges: [MoodPoint, MoodPoint][] } {
  const runs: MoodRun[] = [];
  const bridges: [MoodPoint, MoodPoint][] = [];
  let run: MoodRun = [];
  let last: MoodPoint | null = null;
  let gap = false;
  for (const s of list) {
    const mood = moods.get(s.id)?.mood ?? null;
    if (mood === null) {
      if (run.length) runs.push(run);
      run = [];
      gap = true;
      continue;
    }
    const p = { id: s.id, x: s.x, y: moodY(mood), mood };
    if (gap && last) bridges.push([last, p]);
    gap = false;
    run.push(p);
    last = p;
  }
  if (run.length) runs.push(run);
  return { runs, bridges };
}

/** An SVG path through the points: straight segments (a polyline says no more than the data). */
export function polylinePath(points: readonly { x: number; y: number }[]): string {
  return points.map((p, i) => `${i === 0 ? "M" : "L"}${p.x} ${p.y}`).join(" ");
}
