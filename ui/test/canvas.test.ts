import { describe, expect, it } from "vitest";
import type { Phase, Touchpoint } from "../src/lib/api/types";
import { BOX_GAP, BOX_H, BOX_W, cellAt, FIRST_X, LANES_TOP, place, stations, STEP_X, worldWidth } from "../src/lib/board/geometry";
import { bandTop, newBoxRank, periodMood, stacks } from "../src/lib/board/canvas/canvas";
import { stepRank } from "../src/lib/board/path/structure";
import { spotAt } from "../src/lib/board/spot";
import { renamed } from "../src/lib/board/labels";
import { moodByTouchpoint } from "../src/lib/board/mood";
import { note } from "./fixtures";

const phase = (id: string, position: number, stacked: boolean): Phase => ({
  id,
  board_id: "b",
  position,
  label: id,
  stacked,
  caption: `${id} caption`,
  original_label: id,
  original_caption: `${id} caption`,
  version: 1,
});
const tp = (id: string, position: number, phase_id: string): Touchpoint => ({
  id,
  board_id: "b",
  position,
  label: id,
  description: "",
  phase_id,
  side_station: false,
  original_label: id,
  version: 1,
});

// The canvas of the template: two boxes before, two journey columns, one box after. Positions
// are mixed up on purpose: reading order is by period, then position.
const phases = [phase("post", 2, true), phase("pre", 0, true), phase("service", 1, false)];
const tps = [tp("ad", 0, "pre"), tp("start", 2, "service"), tp("wom", 1, "pre"), tp("end", 3, "service"), tp("crm", 4, "post")];
const list = stations(tps, "journey_canvas", phases);

describe("a canvas's places", () => {
  it("stacks the boxes of a period top-down and runs the journey between the stacks", () => {
    expect(list.map((s) => s.id)).toEqual(["ad", "wom", "start", "end", "crm"]);
    const [ad, wom, start, end, crm] = list;
    expect([ad.top, wom.top]).toEqual([LANES_TOP, LANES_TOP + BOX_H + BOX_GAP]);
    expect(ad.x).toBe(wom.x);
    expect(start.top).toBeNull();
    expect(start.x - STEP_X / 2).toBeGreaterThanOrEqual(ad.x + BOX_W / 2);
    expect(end.x - start.x).toBe(STEP_X);
    expect(crm.x - BOX_W / 2).toBeGreaterThanOrEqual(end.x + STEP_X / 2);
    expect(list.map((s) => s.rank)).toEqual([0, 1, 2, 3, 4]);
    expect(worldWidth(list)).toBeGreaterThan(crm.x + BOX_W / 2);
  });

  it("draws a note from its box's top, and a note dropped in a box belongs to it", () => {
    const wom = list[1];
    const n = note("n", 1, { touchpoint_id: "wom", x: -100, y: 40 });
    expect(place(n, list, [])).toMatchObject({ x: wom.x - 100, y: (wom.top ?? 0) + 40 });
    const cell = cellAt(list, [], wom.x - 20, (wom.top ?? 0) + 60);
    expect(cell).toEqual({ touchpoint_id: "wom", lane_id: null, x: -20, y: 60 });
    // Between the stack and the journey: the nearer one takes it.
    expect(cellAt(list, [], list[2].x - 100, 400).touchpoint_id).toBe("start");
  });

  it("puts a note asked for in a box inside the box, under its name, clear of others", () => {
    const ad = list[0];
    const spot = spotAt({ x: ad.x + 210, y: (ad.top ?? 0) + 5 }, list, []);
    expect(spot.station?.id).toBe("ad");
    expect(spot.x + 200).toBeLessThanOrEqual(ad.x + BOX_W / 2);
    expect(spot.y).toBeGreaterThan(ad.top ?? 0);
  });

  it("moves a box among its period's boxes only, and a column among the columns", () => {
    expect(stepRank(list, list[0], 1)).toEqual({ rank: 1, n: 2 });
    expect(stepRank(list, list[1], 1)).toBeNull();
    expect(stepRank(list, list[2], -1)).toBeNull();
    expect(stepRank(list, list[3], -1)).toEqual({ rank: 2, n: 1 });
    expect(stacks(list, phases.filter((p) => p.stacked)).map((s) => s.boxes.length).sort()).toEqual([1, 2]);
    expect(newBoxRank(list, "pre")).toBe(2);
  });

  it("counts a period's notes over its boxes, and draws the band under the lowest note", () => {
    const notes = [
      note("a", 1, { touchpoint_id: "ad", sentiment: "negative" }),
      note("b", 1, { touchpoint_id: "wom", sentiment: "positive" }),
      note("c", 1, { touchpoint_id: "wom", sentiment: "positive" }),
    ];
    const m = periodMood("pre", list, moodByTouchpoint(list.map((s) => s.id), notes));
    expect([m.negative, m.positive, m.total]).toEqual([1, 2, 3]);
    const boxesBottom = LANES_TOP + 2 * BOX_H + BOX_GAP;
    expect(bandTop(list, [], () => undefined)).toBeGreaterThan(boxesBottom);
    expect(bandTop(list, [{ id: "x", y: 2000 }], () => 300)).toBeGreaterThan(2300);
  });
});

describe("the other kinds", () => {
  it("keep the path's columns", () => {
    const grid = stations([tp("a", 0, "x"), tp("b", 1, "x")], "grid", []);
    expect(grid.map((s) => [s.x, s.top])).toEqual([
      [FIRST_X, null],
      [FIRST_X + STEP_X, null],
    ]);
  });

  it("know when a label was renamed from its template's words", () => {
    const board = { phases, touchpoints: tps, lanes: [] };
    expect(renamed(board)).toBe(false);
    expect(renamed({ ...board, touchpoints: [{ ...tps[0], label: "Kunnan tiedotteet" }] })).toBe(true);
    expect(renamed({ ...board, phases: [{ ...phases[0], caption: "Toiveet" }] })).toBe(true);
    // A label a person made has no original to go back to.
    expect(renamed({ ...board, touchpoints: [{ ...tps[0], original_label: "", label: "Oma" }] })).toBe(false);
  });
});

describe("fitting a whole board", () => {
  it("shows a short board whole and a tall table from its top at a readable size", async () => {
    const { fitWhole, READABLE } = await import("../src/lib/board/geometry");
    expect(fitWhole(1920, 1000, 1000, 600).zoom).toBe(1);
    const tall = fitWhole(1920, 1000, 800, 3000);
    expect(tall.zoom).toBe(READABLE);
    // Too wide for the screen: the width decides, as on a path.
    expect(fitWhole(800, 1000, 2000, 3000).zoom).toBeCloseTo(0.4);
  });
});

describe("an empty service period", () => {
  it("keeps one column of room, as the core lays it out", () => {
    const full = stations(tps, "journey_canvas", phases);
    const empty = stations(tps.filter((t) => t.phase_id !== "service"), "journey_canvas", phases);
    expect(full[full.length - 1].x - empty[empty.length - 1].x).toBe(STEP_X);
  });
});
