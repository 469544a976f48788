import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Note } from "../src/lib/api/types";
import { stations } from "../src/lib/board/geometry";
import { MOOD_BOTTOM, MOOD_TOP, MOOD_ZERO, moodByTouchpoint, moodLine, moodOf, moodY, polylinePath } from "../src/lib/board/mood";
import { TONES, toneFields, type Tone } from "../src/lib/board/sentiment";

type N = Pick<Note, "touchpoint_id" | "kind" | "sentiment">;
const n = (touchpoint_id: string | null, tone: Tone): N => ({ touchpoint_id, ...toneFields(tone) });
const tps = ["a", "b", "c"];

describe("mood per touchpoint", () => {
  it("is −1 when every note is negative", () => {
    const m = moodByTouchpoint(tps, [n("a", "negative"), n("a", "negative"), n("a", "negative")]).get("a");
    expect(m).toEqual({ negative: 3, neutral: 0, positive: 0, total: 3, mood: -1 });
  });

  it("is +1 when every note is positive", () => {
    expect(moodByTouchpoint(tps, [n("b", "positive")]).get("b")?.mood).toBe(1);
  });

  it("weighs a mix by (positive − negative) / total, neutral notes pulling towards 0", () => {
    const notes = [
      n("a", "negative"), n("a", "negative"), n("a", "negative"),
      n("a", "neutral"),
      n("a", "positive"), n("a", "positive"), n("a", "positive"), n("a", "positive"), n("a", "positive"),
    ];
    const m = moodByTouchpoint(tps, notes).get("a")!;
    expect(m).toMatchObject({ negative: 3, neutral: 1, positive: 5, total: 9 });
    expect(m.mood).toBeCloseTo(2 / 9);
    expect(moodByTouchpoint(tps, [n("c", "neutral"), n("c", "neutral")]).get("c")?.mood).toBe(0);
    expect(moodByTouchpoint(tps, [n("c", "negative"), n("c", "positive")]).get("c")?.mood).toBe(0);
  });

  it("is null, with zero counts, for a touchpoint without notes", () => {
    const all = moodByTouchpoint(tps, [n("a", "positive")]);
    expect(all.get("b")).toEqual({ negative: 0, neutral: 0, positive: 0, total: 0, mood: null });
    expect(moodOf({ negative: 0, neutral: 0, positive: 0, total: 0 })).toBeNull();
    expect([...all.keys()]).toEqual(tps);
  });

  it("ignores notes on no touchpoint or on one that is not on the path", () => {
    const all = moodByTouchpoint(tps, [n(null, "negative"), n("gone", "negative"), n("a", "positive")]);
    expect(all.get("a")).toEqual({ negative: 0, neutral: 0, positive: 1, total: 1, mood: 1 });
    const totals = [...all.values()].reduce((s, m) => s + m.total, 0);
    expect(totals).toBe(1);
    expect(all.has("gone")).toBe(false);
  });

  it("follows a note moved to another touchpoint and a recoloured note", () => {
    const notes = [n("a", "negative"), n("a", "positive"), n("b", "neutral")];
    const before = moodByTouchpoint(tps, notes);
    expect(before.get("a")).toMatchObject({ total: 2, mood: 0 });
    expect(before.get("b")).toMatchObject({ total: 1, mood: 0 });

    const moved = notes.map((x, i) => (i === 0 ? { ...x, touchpoint_id: "b" } : x));
    const after = moodByTouchpoint(tps, moved);
    expect(after.get("a")).toEqual({ negative: 0, neutral: 0, positive: 1, total: 1, mood: 1 });
    expect(after.get("b")).toEqual({ negative: 1, neutral: 1, positive: 0, total: 2, mood: -0.5 });

    const recoloured = moved.map((x, i) => (i === 2 ? { ...x, sentiment: "positive" as const } : x));
    expect(moodByTouchpoint(tps, recoloured).get("b")).toEqual({ negative: 1, neutral: 0, positive: 1, total: 2, mood: 0 });
  });
});

describe("ideas and questions in the counts and the mood", () => {
  it("counts only observations: ideas and questions are not feelings", () => {
    const notes = [n("a", "negative"), n("a", "idea"), n("a", "question"), n("a", "idea"), n("a", "positive")];
    expect(moodByTouchpoint(tps, notes).get("a")).toEqual({ negative: 1, neutral: 0, positive: 1, total: 2, mood: 0 });
  });

  it("gives a touchpoint with only ideas and questions no mood and no point on the line", () => {
    const moods = moodByTouchpoint(tps, [n("a", "positive"), n("b", "idea"), n("b", "question"), n("c", "negative")]);
    expect(moods.get("b")).toEqual({ negative: 0, neutral: 0, positive: 0, total: 0, mood: null });
    const { runs, bridges } = moodLine(stations(tps.map((id, position) => ({ id, position, label: id }) as never)), moods);
    expect(runs.map((r) => r.map((p) => p.id))).toEqual([["a"], ["c"]]);
    expect(bridges.map(([from, to]) => [from.id, to.id])).toEqual([["a", "c"]]);
  });

  it("drops a note from the counts when it becomes an idea, and takes it back as an observation", () => {
    const notes = [n("a", "negative"), n("a", "negative"), n("a", "positive")];
    expect(moodByTouchpoint(tps, notes).get("a")).toMatchObject({ negative: 2, total: 3 });
    const asIdea = notes.map((x, i) => (i === 0 ? { ...x, ...toneFields("idea") } : x));
    expect(moodByTouchpoint(tps, asIdea).get("a")).toEqual({ negative: 1, neutral: 0, positive: 1, total: 2, mood: 0 });
    const back = asIdea.map((x, i) => (i === 0 ? { ...x, ...toneFields("negative") } : x));
    expect(moodByTouchpoint(tps, back).get("a")).toMatchObject({ negative: 2, total: 3 });
  });

  it("goes by the kind: an idea still carrying a sentiment (a copy mid-update) is not counted", () => {
    const stale: N = { touchpoint_id: "a", kind: "idea", sentiment: "negative" };
    expect(moodByTouchpoint(tps, [stale, n("a", "positive")]).get("a")).toEqual({ negative: 0, neutral: 0, positive: 1, total: 1, mood: 1 });
  });

  it("ignores an observation that has lost its sentiment rather than inventing one", () => {
    const broken: N = { touchpoint_id: "a", kind: "observation", sentiment: null };
    expect(moodByTouchpoint(tps, [broken, n("a", "neutral")]).get("a")).toMatchObject({ neutral: 1, total: 1 });
  });
});

describe("mood line", () => {
  const path = stations(["a", "b", "c", "d"].map((id, position) => ({ id, position, label: id }) as never));

  it("puts +1 at the top of the band, −1 at the bottom, 0 in the middle", () => {
    expect(moodY(1)).toBe(MOOD_TOP);
    expect(moodY(-1)).toBe(MOOD_BOTTOM);
    expect(moodY(0)).toBe(MOOD_ZERO);
    expect(moodY(5)).toBe(MOOD_TOP);
  });

  it("draws one run through touchpoints that all have notes, at each station's x", () => {
    const moods = moodByTouchpoint(["a", "b", "c", "d"], [n("a", "negative"), n("b", "neutral"), n("c", "positive"), n("d", "positive")]);
    const { runs, bridges } = moodLine(path, moods);
    expect(bridges).toEqual([]);
    expect(runs).toHaveLength(1);
    expect(runs[0].map((p) => p.x)).toEqual(path.map((s) => s.x));
    expect(runs[0].map((p) => p.y)).toEqual([MOOD_BOTTOM, MOOD_ZERO, MOOD_TOP, MOOD_TOP]);
    expect(polylinePath(runs[0])).toMatch(/^M\d+ \d+ L/);
  });

  it("leaves no point at an empty touchpoint and bridges the gap between its neighbours", () => {
    const moods = moodByTouchpoint(["a", "b", "c", "d"], [n("a", "negative"), n("d", "positive")]);
    const { runs, bridges } = moodLine(path, moods);
    expect(runs.map((r) => r.map((p) => p.id))).toEqual([["a"], ["d"]]);
    expect(bridges.map(([from, to]) => [from.id, to.id])).toEqual([["a", "d"]]);
  });

  it("draws nothing without notes, and no bridge from before the first note", () => {
    expect(moodLine(path, moodByTouchpoint(["a", "b", "c", "d"], []))).toEqual({ runs: [], bridges: [] });
    const { runs, bridges } = moodLine(path, moodByTouchpoint(["a", "b", "c", "d"], [n("c", "neutral")]));
    expect(runs).toHaveLength(1);
    expect(bridges).toEqual([]);
  });
});

describe("count row colours", () => {
  const css = readFileSync(join(__dirname, "../src/app.css"), "utf8");
  const root = css.slice(css.indexOf(":root {"), css.indexOf("}", css.indexOf(":root {")));
  const colour = (name: string): string => {
    const m = new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})`).exec(root);
    if (!m) throw new Error(`no --${name} in app.css`);
    return m[1];
  };
  const luminance = (hex: string): number => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a: string, b: string): number => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };

  it("draws each count's number with at least 4.5:1 contrast on its chip", () => {
    for (const s of ["neg", "neu", "pos"]) {
      expect(contrast(colour(`${s}-ink`), colour(`${s}-bg`)), s).toBeGreaterThanOrEqual(4.5);
    }
  });

  // Every tone's swatch, note and outline entry: its name and symbol (-ink), the note's text (--ink)
  // on its fill, and its edge (the only colour in the outline and a quiet palette) on paper.
  const PREFIX: Record<Tone, string> = { negative: "neg", neutral: "neu", positive: "pos", idea: "idea", question: "question" };
  it("gives ideas and questions, like the sentiments, readable text on their fills", () => {
    for (const tone of TONES) {
      const p = PREFIX[tone];
      expect(contrast(colour(`${p}-ink`), colour(`${p}-bg`)), tone).toBeGreaterThanOrEqual(4.5);
      expect(contrast(colour("ink"), colour(`${p}-bg`)), tone).toBeGreaterThanOrEqual(4.5);
      expect(contrast(colour(`${p}-edge`), colour("paper")), tone).toBeGreaterThanOrEqual(3);
      expect(contrast(colour(`${p}-edge`), colour(`${p}-bg`)), tone).toBeGreaterThanOrEqual(3);
    }
  });

  it("maps every tone's class to its own colours", () => {
    for (const tone of TONES) {
      const rule = new RegExp(`\\.tone-${tone}\\s*\\{([^}]*)\\}`).exec(css);
      expect(rule, tone).not.toBeNull();
      for (const part of ["bg", "edge", "ink"]) expect(rule![1], tone).toContain(`--tone-${part}: var(--${PREFIX[tone]}-${part})`);
    }
  });

  it("draws the legend and the line's ends readably on the board", () => {
    expect(contrast(colour("ink-soft"), colour("board"))).toBeGreaterThanOrEqual(4.5);
  });
});
