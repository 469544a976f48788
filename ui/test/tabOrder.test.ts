import { describe, expect, it } from "vitest";
import type { Touchpoint } from "../src/lib/api/types";
import { FIRST_X, NOTE_W, STEP_X, stations } from "../src/lib/board/geometry";
import { neighbourStop, tabStops } from "../src/lib/board/tabOrder";

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
const list = stations([tp("a", 0), tp("b", 1), tp("c", 2)]);
const under = (col: number) => FIRST_X + col * STEP_X - NOTE_W / 2;
// Already in path order, as the board keeps them.
const ordered = [
  { id: "a1", x: under(0) },
  { id: "a2", x: under(0) },
  { id: "c1", x: under(2) },
];

describe("Tab order on the board", () => {
  it("goes head, its notes, next head …, then the add button", () => {
    expect(tabStops(list, ordered)).toEqual([
      { kind: "head", id: "a" },
      { kind: "note", id: "a1" },
      { kind: "note", id: "a2" },
      { kind: "head", id: "b" },
      { kind: "head", id: "c" },
      { kind: "note", id: "c1" },
      { kind: "add" },
    ]);
  });

  it("steps both ways and stops at the ends", () => {
    const stops = tabStops(list, ordered);
    expect(neighbourStop(stops, { kind: "note", id: "a2" }, 1)).toEqual({ kind: "head", id: "b" });
    expect(neighbourStop(stops, { kind: "head", id: "c" }, -1)).toEqual({ kind: "head", id: "b" });
    expect(neighbourStop(stops, { kind: "head", id: "b" }, -1)).toEqual({ kind: "note", id: "a2" });
    expect(neighbourStop(stops, { kind: "head", id: "a" }, -1)).toBeNull();
    expect(neighbourStop(stops, { kind: "add" }, 1)).toBeNull();
    expect(neighbourStop(stops, { kind: "note", id: "gone" }, 1)).toBeNull();
  });

  it("lists the notes alone on a board without touchpoints", () => {
    expect(tabStops([], ordered).map((s) => s.kind)).toEqual(["note", "note", "note", "add"]);
  });
});
