import { describe, expect, it } from "vitest";
import type { Touchpoint } from "../src/lib/api/types";
import { FIRST_ROW_Y, FIRST_X, NOTE_W, STEP_X, stations, type Row } from "../src/lib/board/geometry";
import { neighbour, readingOf } from "../src/lib/board/read/read";

function tp(id: string, position: number): Touchpoint {
  return { id, board_id: "b", position, label: id.toUpperCase(), description: "", phase_id: null, side_station: false, original_label: "", version: 1 };
}

const LIST = stations([tp("b", 1), tp("a", 0), tp("c", 2)]);
const ROWS: Row[] = [
  { id: "top", label: "Clients", index: 0, top: FIRST_ROW_Y, height: 300, line: "" },
  { id: "low", label: "Workers", index: 1, top: FIRST_ROW_Y + 300, height: 300, line: "" },
  { id: "empty", label: "Nobody", index: 2, top: FIRST_ROW_Y + 600, height: 300, line: "" },
];

/** A note at column `col` (0-based), `down` board units under the first row's top. */
function n(id: string, touchpoint_id: string, col: number, down: number, lane_id: string | null = null) {
  return { id, touchpoint_id, lane_id, x: FIRST_X + col * STEP_X - NOTE_W / 2, y: FIRST_ROW_Y + down };
}

describe("reading view", () => {
  it("lists one column's notes top-down, and no other column's", () => {
    const notes = [n("low", "a", 0, 260), n("other", "b", 1, 0), n("high", "a", 0, 0), n("mid", "a", 0, 130)];
    const groups = readingOf(LIST[0], LIST, [], notes);
    expect(groups.map((g) => [g.row, g.notes.map((x) => x.id)])).toEqual([[null, ["high", "mid", "low"]]]);
  });

  it("groups a column's notes by row in the rows' order, notes in no row first, empty rows left out", () => {
    const notes = [
      n("w1", "b", 1, 310, "low"),
      n("c1", "b", 1, 10, "top"),
      n("loose", "b", 1, -100, null),
      n("gone-row", "b", 1, -50, "deleted-lane"),
      n("c2", "b", 1, 140, "top"),
    ];
    const groups = readingOf(LIST[1], LIST, ROWS, notes);
    expect(groups.map((g) => [g.row?.label ?? null, g.notes.map((x) => x.id)])).toEqual([
      [null, ["loose", "gone-row"]],
      ["Clients", ["c1", "c2"]],
      ["Workers", ["w1"]],
    ]);
  });

  it("an empty column reads as nothing to show", () => {
    expect(readingOf(LIST[2], LIST, ROWS, [n("x", "a", 0, 0)])).toEqual([]);
  });

  it("steps along the board in reading order and stops at its ends", () => {
    expect(LIST.map((s) => s.id)).toEqual(["a", "b", "c"]);
    expect(neighbour(LIST, "a", 1)?.id).toBe("b");
    expect(neighbour(LIST, "b", -1)?.id).toBe("a");
    expect(neighbour(LIST, "a", -1)).toBeNull();
    expect(neighbour(LIST, "c", 1)).toBeNull();
    expect(neighbour(LIST, "missing", 1)).toBeNull();
  });
});
