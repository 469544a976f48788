import { describe, expect, it } from "vitest";
import type { Lane, Touchpoint } from "../src/lib/api/types";
import { LANE_H, LANES_TOP, MAX_LANE_H, MIN_LANE_H, NOTE_GAP, NOTE_H, rowAt, rows, stations, STEP_X } from "../src/lib/board/geometry";
import {
  clampHeight,
  columnLines,
  contentHeights,
  createLaneOp,
  growFor,
  growOps,
  HEADER_W,
  headerX,
  heightAfterMove,
  lanesBottom,
  neighbours,
} from "../src/lib/board/lanes/lanes";

const lane = (id: string, position: number, height = LANE_H): Lane => ({
  id,
  board_id: "b",
  position,
  label: id,
  height,
  line_above: "", original_label: "", original_line: "",
  version: 1,
});
const tp = (id: string, position: number): Touchpoint => ({
  id,
  board_id: "b",
  position,
  label: id,
  description: "",
  phase_id: null,
  side_station: false,
  original_label: "",
  version: 1,
});

describe("lane rows", () => {
  const list = rows([lane("feel", 1, 300), lane("act", 0, 200), lane("pain", 2)]);

  it("stack in position order from LANES_TOP, so a y falls in the lane drawn there", () => {
    expect(list.map((r) => [r.id, r.top])).toEqual([
      ["act", LANES_TOP],
      ["feel", LANES_TOP + 200],
      ["pain", LANES_TOP + 500],
    ]);
    expect(rowAt(list, LANES_TOP + 199)?.id).toBe("act");
    expect(rowAt(list, LANES_TOP + 200)?.id).toBe("feel");
    expect(rowAt(list, LANES_TOP + 499)?.id).toBe("feel");
    expect(rowAt(list, LANES_TOP + 500)?.id).toBe("pain");
    expect(lanesBottom(list, LANES_TOP)).toBe(LANES_TOP + 500 + LANE_H);
    expect(lanesBottom([], LANES_TOP)).toBe(LANES_TOP);
  });

  it("know their neighbours, with none past either end", () => {
    expect(neighbours(list, "feel")).toMatchObject({ above: { id: "act" }, below: { id: "pain" } });
    expect(neighbours(list, "act").above).toBeNull();
    expect(neighbours(list, "pain").below).toBeNull();
    expect(neighbours(list, "gone")).toEqual({ above: null, below: null });
  });
});

describe("growFor", () => {
  it("leaves a lane alone when the note fits in it", () => {
    expect(growFor({ height: 300 }, 300 - NOTE_H - NOTE_GAP)).toBeNull();
    expect(growFor({ height: 300 }, 0, 200)).toBeNull();
  });

  it("grows the lane to hold a note that sticks out of its bottom, with a gap under it", () => {
    expect(growFor({ height: 300 }, 250)).toBe(250 + NOTE_H + NOTE_GAP);
    // A long note's measured height counts.
    expect(growFor({ height: 300 }, 100, 260)).toBe(100 + 260 + NOTE_GAP);
    // Never shorter than a standard note, whatever was measured.
    expect(growFor({ height: 100 }, 0, 10)).toBe(NOTE_H + NOTE_GAP);
  });

  it("stops at the tallest lane allowed, and does nothing without a lane", () => {
    expect(growFor({ height: 1000 }, MAX_LANE_H)).toBe(MAX_LANE_H);
    expect(growFor({ height: MAX_LANE_H }, MAX_LANE_H)).toBeNull();
    expect(growFor(null, 5000)).toBeNull();
  });
});

describe("growOps", () => {
  const list = rows([lane("a", 0, 200), lane("b", 1, 200)]);

  it("grows the lane a move lands in, judged by the patch", () => {
    const ops = growOps(list, { lane_id: "a", y: 0 }, { lane_id: "b", y: 150 });
    expect(ops).toEqual([{ type: "update_lane", id: "b", patch: { height: 150 + NOTE_H + NOTE_GAP } }]);
  });

  it("keeps the note's own lane and y where the patch doesn't change them", () => {
    expect(growOps(list, { lane_id: "a", y: 150 }, { x: 40 })).toEqual([
      { type: "update_lane", id: "a", patch: { height: 150 + NOTE_H + NOTE_GAP } },
    ]);
    expect(growOps(list, { lane_id: "a", y: 10 }, { x: 40 })).toEqual([]);
  });

  it("has nothing to grow for a note taken out of the lanes or on a board without them", () => {
    expect(growOps(list, { lane_id: "a", y: 150 }, { lane_id: null, y: 900 })).toEqual([]);
    expect(growOps([], { lane_id: null, y: 900 }, { y: 1200 })).toEqual([]);
  });
});

describe("lane heights", () => {
  it("are clamped to the core's range and to what holds the lane's notes", () => {
    expect(clampHeight(10)).toBe(MIN_LANE_H);
    expect(clampHeight(MAX_LANE_H + 5)).toBe(MAX_LANE_H);
    expect(clampHeight(300.4)).toBe(300);
    expect(clampHeight(200, 260)).toBe(260);
  });

  it("that hold every note of a lane are known per lane, long notes included", () => {
    const notes = [
      { id: "n1", lane_id: "a", y: 10 },
      { id: "n2", lane_id: "a", y: 200 },
      { id: "n3", lane_id: "b", y: 0 },
      { id: "n4", lane_id: null, y: 5000 },
    ];
    const measured: Record<string, number> = { n2: 180 };
    const min = contentHeights(notes, (id) => measured[id]);
    expect(min).toEqual({ a: 200 + 180 + NOTE_GAP, b: MIN_LANE_H });
  });
});

describe("heightAfterMove", () => {
  it("stacks the moved notes under the target's notes of the same touchpoint, as the core does", () => {
    const there = [{ id: "t1", touchpoint_id: "p1", y: 100 }];
    const moved = [
      { id: "m1", touchpoint_id: "p1", y: 20 },
      { id: "m2", touchpoint_id: "p1", y: 160 },
    ];
    // m1 goes under t1 (100 + NOTE_H + gap); m2 keeps its 140 below m1.
    const m1 = 100 + NOTE_H + NOTE_GAP;
    expect(heightAfterMove({ height: 200 }, moved, there)).toBe(m1 + 140 + NOTE_H + NOTE_GAP);
  });

  it("keeps moved notes where they are in a column the target has no notes in", () => {
    const moved = [{ id: "m1", touchpoint_id: "p2", y: 40 }];
    expect(heightAfterMove({ height: LANE_H }, moved, [{ id: "t1", touchpoint_id: "p1", y: 0 }])).toBeNull();
    expect(heightAfterMove({ height: 100 }, moved, [])).toBe(40 + NOTE_H + NOTE_GAP);
  });
});

describe("drawing helpers", () => {
  it("put the cell lines halfway between neighbouring touchpoints", () => {
    const st = stations([tp("a", 0), tp("b", 1), tp("c", 2)]);
    expect(columnLines(st)).toEqual([st[0].x + STEP_X / 2, st[1].x + STEP_X / 2]);
    expect(columnLines(st.slice(0, 1))).toEqual([]);
  });

  it("keep the lane headers at the board's left end, or at the viewport's left edge once panned past it", () => {
    expect(headerX({ x: 120, y: 0, zoom: 1 }, 2000)).toBe(0);
    expect(headerX({ x: -300, y: 0, zoom: 0.5 }, 2000)).toBe(600);
    // Never past the board's right end.
    expect(headerX({ x: -5000, y: 0, zoom: 1 }, 2000)).toBe(2000 - HEADER_W);
  });
});

describe("createLaneOp", () => {
  it("adds the lane under the board's last one, with the id it returns", () => {
    const list = rows([lane("feel", 0), lane("act", 1)]);
    const { id, op } = createLaneOp("b", list, "Pain points", "new-lane");
    expect(id).toBe("new-lane");
    expect(op).toEqual({ type: "create_lane", lane: { id: "new-lane", board_id: "b", index: 2, label: "Pain points" } });
    expect(createLaneOp("b", [], "First").op).toMatchObject({ lane: { index: 0 } });
    expect(createLaneOp("b", [], "A").id).not.toBe(createLaneOp("b", [], "A").id);
  });
});
