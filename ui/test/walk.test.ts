import { describe, expect, it } from "vitest";
import type { StepRecord, Touchpoint } from "../src/lib/api/types";
import { stations } from "../src/lib/board/geometry";
import { MOOD_BOTTOM, MOOD_TOP, MOOD_ZERO, moodY } from "../src/lib/board/mood";
import {
  curve,
  curveStyle,
  DASHES,
  EMOTIONS,
  emotionKey,
  emotionNumber,
  emotionY,
  isEmotion,
  markerPath,
  MARKERS,
  nextStop,
  STROKE,
} from "../src/lib/walk/walk";
import { AVATAR_COLOURS } from "../src/lib/api/generated/people";
import en from "../src/lib/i18n/en.json";

const tp = (id: string, position: number, side_station = false): Touchpoint => ({
  id,
  board_id: "b",
  position,
  label: id.toUpperCase(),
  description: "",
  phase_id: null,
  side_station,
  original_label: "",
  version: 1,
});
// a, b, then the pause p (a side station), then c, d — the seed workshop's shape.
const list = stations([tp("a", 0), tp("b", 1), tp("p", 2, true), tp("c", 3), tp("d", 4)]);
const rec = (emotion: number | null, extra: Partial<StepRecord> = {}): { record: StepRecord } => ({
  record: { emotion, happens: "", barriers: "", ideas: "", skipped: false, ...extra },
});

describe("the emotion scale", () => {
  it("has five steps from −2 to +2, each with its own word", () => {
    expect([...EMOTIONS]).toEqual([-2, -1, 0, 1, 2]);
    const words = EMOTIONS.map((e) => (en as Record<string, string>)[emotionKey(e)]);
    expect(words).toEqual(["Very bad", "Bad", "Neutral", "Good", "Very good"]);
  });

  it("knows what is an emotion", () => {
    expect(EMOTIONS.every(isEmotion)).toBe(true);
    for (const v of [-3, 3, 0.5, null, "1", NaN]) expect(isEmotion(v)).toBe(false);
  });

  it("writes numbers with their sign", () => {
    expect(EMOTIONS.map(emotionNumber)).toEqual(["−2", "−1", "0", "+1", "+2"]);
  });

  it("maps onto the mood band, on the same scale as the notes' mood", () => {
    expect(emotionY(2)).toBe(MOOD_TOP);
    expect(emotionY(-2)).toBe(MOOD_BOTTOM);
    expect(emotionY(0)).toBe(MOOD_ZERO);
    expect(emotionY(1)).toBe(moodY(0.5));
    // Strictly up as the feeling gets better, clamped outside the scale.
    const ys = EMOTIONS.map(emotionY);
    for (let i = 1; i < ys.length; i++) expect(ys[i]).toBeLessThan(ys[i - 1]);
    expect(emotionY(9)).toBe(MOOD_TOP);
  });
});

describe("the curve", () => {
  it("has a point at each station with an emotion, at the station's x", () => {
    const steps = new Map([["a", rec(-1)], ["b", rec(2)], ["c", rec(0)]]);
    const c = curve(list, steps);
    expect(c.points.map((p) => [p.id, p.x, p.emotion])).toEqual([
      ["a", list[0].x, -1],
      ["b", list[1].x, 2],
      ["c", list[3].x, 0],
    ]);
    expect(c.points.map((p) => p.y)).toEqual([emotionY(-1), emotionY(2), emotionY(0)]);
  });

  it("joins neighbours solid and bridges a skipped or unanswered station dashed", () => {
    const steps = new Map([["a", rec(-1)], ["b", rec(2)], ["p", rec(-2, { skipped: true })], ["c", rec(0)], ["d", rec(null)]]);
    const c = curve(list, steps);
    // The skipped pause has no point even though it once had an answer.
    expect(c.points.map((p) => p.id)).toEqual(["a", "b", "c"]);
    expect(c.segments.map((s) => [s.from.id, s.to.id, s.dashed])).toEqual([
      ["a", "b", false],
      ["b", "c", true],
    ]);
  });

  it("starts with the first answer: nothing before it is bridged", () => {
    const c = curve(list, new Map([["c", rec(1)], ["d", rec(1)]]));
    expect(c.segments).toHaveLength(1);
    expect(c.segments[0].dashed).toBe(false);
    expect(curve(list, new Map()).points).toEqual([]);
  });
});

describe("next and back", () => {
  it("steps along the main line", () => {
    expect(nextStop(list, "a", 1)).toEqual({ kind: "move", to: list[1] });
    expect(nextStop(list, "c", -1)).toEqual({ kind: "move", to: list[2] });
    expect(nextStop(list, "a", -1)).toBeNull();
    expect(nextStop(list, "d", 1)).toBeNull();
  });

  it("asks about a side station ahead, naming the one after it", () => {
    expect(nextStop(list, "b", 1)).toEqual({ kind: "side", side: list[2], after: list[3] });
    // A side station at the very end: skipping it ends the walk.
    const tail = stations([tp("a", 0), tp("z", 1, true)]);
    expect(nextStop(tail, "a", 1)).toEqual({ kind: "side", side: tail[1], after: null });
  });

  it("goes back past a side station skipped on this walk, but into one visited", () => {
    expect(nextStop(list, "c", -1, new Map([["p", rec(null, { skipped: true })]]))).toEqual({ kind: "move", to: list[1] });
    expect(nextStop(list, "c", -1, new Map([["p", rec(1)]]))).toEqual({ kind: "move", to: list[2] });
  });

  it("starts at the first station from nowhere (a token whose station was deleted)", () => {
    expect(nextStop(list, null, 1)).toEqual({ kind: "move", to: list[0] });
    expect(nextStop(list, "gone", -1)).toEqual({ kind: "move", to: list[0] });
    expect(nextStop([], null, 1)).toBeNull();
  });
});

describe("curve styles", () => {
  it("differ in line and marker for the first four personas, not by colour alone", () => {
    const styles = [0, 1, 2, 3].map(curveStyle);
    expect(new Set(styles.map((s) => s.dash)).size).toBe(4);
    expect(new Set(styles.map((s) => s.marker)).size).toBe(4);
    expect(curveStyle(4)).toEqual(curveStyle(0));
    expect(DASHES.length).toBe(MARKERS.length);
  });

  it("have a marker shape and a line colour for every avatar colour", () => {
    for (const m of MARKERS) expect(markerPath(m)).toMatch(/^M .* Z$/);
    for (const c of AVATAR_COLOURS) expect(STROKE[c]).toMatch(/^#[0-9a-f]{6}$/);
  });
});
