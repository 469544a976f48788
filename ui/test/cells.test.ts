import { describe, expect, it } from "vitest";
import type { Lane, Touchpoint } from "../src/lib/api/types";
import { cellAt, FIRST_X, LANES_TOP, NOTE_W, place, rowAt, rows, SNAP, snapToColumn, STEP_X, stations } from "../src/lib/board/geometry";

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
const lane = (id: string, position: number, height: number): Lane => ({ id, board_id: "b", position, label: id, height, line_above: "", original_label: "", original_line: "", version: 1 });

// Listed out of order on purpose: the board orders by position.
const list = stations([tp("c", 2), tp("a", 0), tp("b", 1)]);
const lanes = rows([lane("feel", 1, 300), lane("do", 0, 200)]);

describe("cells: stored positions are relative to the note's touchpoint column and lane", () => {
  it("stacks lanes from LANES_TOP in their order", () => {
    expect(lanes.map((r) => [r.id, r.top])).toEqual([
      ["do", LANES_TOP],
      ["feel", LANES_TOP + 200],
    ]);
  });

  it("draws a note from its column and lane, and a loose note where it is", () => {
    const at = place({ touchpoint_id: "b", lane_id: "feel", x: -100, y: 20 }, list, lanes);
    expect([at.x, at.y]).toEqual([FIRST_X + STEP_X - 100, LANES_TOP + 200 + 20]);
    const loose = place({ touchpoint_id: null, lane_id: null, x: 33, y: 44 }, list, lanes);
    expect([loose.x, loose.y]).toEqual([33, 44]);
  });

  it("finds the cell under a note's centre and measures from it", () => {
    const x = FIRST_X + 2 * STEP_X - NOTE_W / 2 + 7;
    const cell = cellAt(list, lanes, x, LANES_TOP + 210);
    expect(cell).toEqual({ touchpoint_id: "c", lane_id: "feel", x: -NOTE_W / 2 + 7, y: 10 });
    // place() and cellAt() are inverses: a note put down draws where it was put.
    const back = place(cell, list, lanes);
    expect([back.x, back.y]).toEqual([x, LANES_TOP + 210]);
  });

  it("gives the first lane to a note above the lanes and the last to one below them", () => {
    expect(rowAt(lanes, 0)?.id).toBe("do");
    expect(rowAt(lanes, 99_999)?.id).toBe("feel");
    expect(rowAt([], 500)).toBeNull();
  });

  it("snaps a note dropped near the middle of its column, and leaves one put further off", () => {
    const centred = -NOTE_W / 2;
    expect(snapToColumn({ touchpoint_id: "a", x: centred + SNAP - 1 }).x).toBe(centred);
    expect(snapToColumn({ touchpoint_id: "a", x: centred - SNAP + 1 }).x).toBe(centred);
    expect(snapToColumn({ touchpoint_id: "a", x: centred + SNAP + 30 }).x).toBe(centred + SNAP + 30);
    expect(snapToColumn({ touchpoint_id: null, x: 5 }).x).toBe(5);
  });
});
