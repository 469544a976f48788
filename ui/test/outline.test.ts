import { describe, expect, it } from "vitest";
import type { Phase, Touchpoint } from "../src/lib/api/types";
import { FIRST_ROW_Y, FIRST_X, NOTE_H, NOTE_GAP, NOTE_W, STEP_X, stations } from "../src/lib/board/geometry";
import { outline, spotIn } from "../src/lib/board/outline/outline";

function tp(id: string, position: number, phase: Phase | null = null): Touchpoint {
  return { id, board_id: "b", position, label: id.toUpperCase(), phase, version: 1 };
}

/** A note in the column of station `col` (0-based), `row` notes down. */
function n(id: string, touchpoint_id: string | null, col: number, row = 0, dx = 0) {
  return { id, touchpoint_id, x: FIRST_X + col * STEP_X - NOTE_W / 2 + dx, y: FIRST_ROW_Y + row * 130 };
}

describe("outline", () => {
  it("groups consecutive touchpoints by phase, in path order", () => {
    const tps = [tp("c", 2, "during"), tp("a", 0, "before"), tp("b", 1, "before"), tp("d", 3, "during"), tp("e", 4, "after")];
    const o = outline(tps, []);
    expect(o.groups.map((g) => [g.phase, g.touchpoints.map((t) => t.station.id)])).toEqual([
      ["before", ["a", "b"]],
      ["during", ["c", "d"]],
      ["after", ["e"]],
    ]);
    expect(o.groups[1].touchpoints[0].station.index).toBe(2);
  });

  it("keeps touchpoints without a phase as their own run, and a phase seen again as a new group", () => {
    const tps = [tp("a", 0, "before"), tp("b", 1), tp("c", 2), tp("d", 3, "before")];
    const o = outline(tps, []);
    expect(o.groups.map((g) => [g.phase, g.touchpoints.length])).toEqual([
      ["before", 1],
      [null, 2],
      ["before", 1],
    ]);
  });

  it("puts each note under its touchpoint in the board's Tab order", () => {
    const tps = [tp("a", 0), tp("b", 1)];
    const notes = [n("low", "a", 0, 2), n("top", "a", 0, 0), n("mid", "a", 0, 1), n("other", "b", 1, 0)];
    const o = outline(tps, notes);
    expect(o.groups).toHaveLength(1);
    const [a, b] = o.groups[0].touchpoints;
    expect(a.notes.map((x) => x.id)).toEqual(["top", "mid", "low"]);
    expect(b.notes.map((x) => x.id)).toEqual(["other"]);
    expect(o.unattached).toEqual([]);
  });

  it("orders same-row notes left to right", () => {
    const o = outline([tp("a", 0)], [n("right", "a", 0, 0, 30), n("left", "a", 0, 0, -30)]);
    expect(o.groups[0].touchpoints[0].notes.map((x) => x.id)).toEqual(["left", "right"]);
  });

  it("lists notes without a touchpoint, or with an unknown one, as not on the path", () => {
    const o = outline([tp("a", 0)], [n("free2", null, 0, 3), n("gone", "zzz", 0, 1), n("on", "a", 0, 0), n("free1", null, 0, 0, 5)]);
    expect(o.groups[0].touchpoints[0].notes.map((x) => x.id)).toEqual(["on"]);
    expect(o.unattached.map((x) => x.id)).toEqual(["free1", "gone", "free2"]);
  });

  it("has no groups without touchpoints", () => {
    const o = outline([], [n("x", null, 0)]);
    expect(o.groups).toEqual([]);
    expect(o.unattached.map((x) => x.id)).toEqual(["x"]);
  });
});

describe("spotIn", () => {
  const list = stations([tp("a", 0), tp("b", 1)]);

  it("moves a note into the target column's first free slot", () => {
    const notes = [n("m", "a", 0, 0), { id: "o", x: list[1].x - NOTE_W / 2, y: FIRST_ROW_Y }];
    expect(spotIn(list[1], "m", notes)).toEqual({ x: list[1].x - NOTE_W / 2, y: FIRST_ROW_Y + NOTE_H + NOTE_GAP });
  });

  it("ignores the moved note itself", () => {
    const notes = [{ id: "m", x: list[1].x - NOTE_W / 2, y: FIRST_ROW_Y }];
    expect(spotIn(list[1], "m", notes)).toEqual({ x: list[1].x - NOTE_W / 2, y: FIRST_ROW_Y });
  });

  it("counts measured heights", () => {
    const notes = [{ id: "o", x: list[0].x - NOTE_W / 2, y: FIRST_ROW_Y }];
    expect(spotIn(list[0], "m", notes, () => 300).y).toBe(FIRST_ROW_Y + 300 + NOTE_GAP);
  });
});
