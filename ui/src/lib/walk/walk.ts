import type { Persona, StepRecord, WalkStep } from "../api/types";
import { MAX_EMOTION, MIN_EMOTION } from "../api/generated/people";
import type { Station } from "../board/geometry";
import { MOOD_BOTTOM, MOOD_TOP, MOOD_ZERO } from "../board/mood";

/** The five answers to "how does this feel for them here", worst first. */
export const EMOTIONS = [-2, -1, 0, 1, 2] as const;
export type Emotion = (typeof EMOTIONS)[number];

/** i18n key ends, so the word is said as well as the face shown (never colour alone). */
const WORD: Record<Emotion, string> = { [-2]: "veryBad", [-1]: "bad", 0: "neutral", 1: "good", 2: "veryGood" };

export function isEmotion(v: unknown): v is Emotion {
  return typeof v === "number" && Number.isInteger(v) && v >= MIN_EMOTION && v <= MAX_EMOTION;
}

/** The i18n key of an emotion's word: `walk.emotion.veryBad` … `walk.emotion.veryGood`. */
export function emotionKey(e: Emotion): string {
  return `walk.emotion.${WORD[e]}`;
}

/** As people read a scale: "+2", "0", "−2" (a real minus sign). */
export function emotionNumber(e: number): string {
  return e > 0 ? `+${e}` : e < 0 ? `−${-e}` : "0";
}

/**
 * The emotion's y in the mood band (board units): the same band and scale as the notes' mood line
 * (±2 at the band's edges, like a mood of ±1), so a persona's curve and the group's line compare
 * point by point.
 */
export function emotionY(e: number): number {
  const c = Math.max(MIN_EMOTION, Math.min(MAX_EMOTION, e));
  return MOOD_ZERO - (c / MAX_EMOTION) * ((MOOD_BOTTOM - MOOD_TOP) / 2);
}

export function emptyRecord(): StepRecord {
  return { emotion: null, happens: "", barriers: "", ideas: "", skipped: false };
}

export type CurvePoint = { id: string; x: number; y: number; emotion: number };
/** Two neighbouring points; dashed when stations without an emotion (skipped, not yet said) lie between. */
export type CurveSegment = { from: CurvePoint; to: CurvePoint; dashed: boolean };
export type Curve = { points: CurvePoint[]; segments: CurveSegment[] };

/**
 * A walk's emotion curve along the path: a point at each station with an emotion recorded (and
 * not skipped), joined in path order; across stations without one, the join is dashed so the
 * picture never pretends to know how those felt.
 */
export function curve(list: readonly Station[], steps: ReadonlyMap<string, Pick<WalkStep, "record">>): Curve {
  const points: CurvePoint[] = [];
  const segments: CurveSegment[] = [];
  let gap = false;
  for (const s of list) {
    const r = steps.get(s.id)?.record;
    if (!r || r.skipped || r.emotion === null) {
      if (points.length) gap = true;
      continue;
    }
    const p = { id: s.id, x: s.x, y: emotionY(r.emotion), emotion: r.emotion };
    const last = points[points.length - 1];
    if (last) segments.push({ from: last, to: p, dashed: gap });
    points.push(p);
    gap = false;
  }
  return { points, segments };
}

/** Where Next or Back leads from a station. */
export type Stop =
  | { kind: "move"; to: Station }
  /** A side station lies ahead: visit it (`side`) or skip it and go on to `after` (null: the path ends). */
  | { kind: "side"; side: Station; after: Station | null };

/**
 * The next station forward (dir 1) or back (dir −1) from `current`; null at the path's end. Forward,
 * a side station is a question, not a step (visit or skip it). Back goes to the previous station
 * visited: side stations skipped on this walk are passed over.
 */
export function nextStop(
  list: readonly Station[],
  currentId: string | null,
  dir: 1 | -1,
  steps: ReadonlyMap<string, Pick<WalkStep, "record">> = new Map(),
): Stop | null {
  const i = currentId === null ? -1 : list.findIndex((s) => s.id === currentId);
  if (i < 0) return list[0] ? { kind: "move", to: list[0] } : null;
  if (dir === 1) {
    const to = list[i + 1];
    if (!to) return null;
    if (!to.side_station) return { kind: "move", to };
    return { kind: "side", side: to, after: list[i + 2] ?? null };
  }
  for (let j = i - 1; j >= 0; j--) {
    const s = list[j];
    if (s.side_station && steps.get(s.id)?.record.skipped) continue;
    return { kind: "move", to: s };
  }
  return null;
}

// Curves of several personas must tell apart without colour: each gets a line style and a marker.
export const DASHES = ["", "10 6", "3 5", "14 5 3 5"] as const;
export const MARKERS = ["circle", "square", "triangle", "diamond"] as const;
export type Marker = (typeof MARKERS)[number];

/** The n-th shown persona's line style and marker (they repeat after four, with the colour differing). */
export function curveStyle(n: number): { dash: string; marker: Marker } {
  const i = ((n % DASHES.length) + DASHES.length) % DASHES.length;
  return { dash: DASHES[i], marker: MARKERS[i] };
}

/** A marker's SVG path around (0, 0), radius about r. */
export function markerPath(m: Marker, r = 7): string {
  switch (m) {
    case "circle":
      return `M ${-r} 0 A ${r} ${r} 0 1 0 ${r} 0 A ${r} ${r} 0 1 0 ${-r} 0 Z`;
    case "square":
      return `M ${-r} ${-r} H ${r} V ${r} H ${-r} Z`;
    case "triangle":
      return `M 0 ${-r} L ${r} ${r * 0.8} L ${-r} ${r * 0.8} Z`;
    case "diamond":
      return `M 0 ${-r * 1.2} L ${r} 0 L 0 ${r * 1.2} L ${-r} 0 Z`;
  }
}

/** Line colours for the avatar colours: darker than the avatar's background, readable on the board. */
export const STROKE: Record<string, string> = {
  coral: "#c2462b",
  amber: "#9a6400",
  lime: "#4d7a12",
  teal: "#127a70",
  sky: "#2468a8",
  indigo: "#3f49b5",
  violet: "#7b3fb3",
  rose: "#b3336c",
};

/** Personas as lists show them: by name, then by age in the library. */
export function byName(list: readonly Persona[]): Persona[] {
  return [...list].sort((a, b) => a.fields.name.localeCompare(b.fields.name) || a.created_at - b.created_at || a.id.localeCompare(b.id));
}
