import { describe, expect, it } from "vitest";
import type { Phase, Touchpoint } from "../src/lib/api/types";
import { FIRST_ROW_Y, FIRST_X, NOTE_H, NOTE_GAP, NOTE_W, STEP_X, stations } from "../src/lib/board/geometry";
import { outline, spotIn } from "../src/lib/board/outline/outline";

const PHASES: Phase[] = [
  { id: "p-before", board_id: "b", position: 0, label: "Before the service", version: 1 },
  { id: "p-during", board_id: "b", position: 1, label: "During the service", version: 1 },
  { id: "p-after", board_id: "b", position: 2, label: "After the service", version: 1 },
];

function tp(id: string, position: number, phase_id: string | null = null, extra: Partial<Touchpoint> = {}): Touchpoint {
  return { id, board_id: "b", position, label: id.toUpperCase(), description: "", phase_id, side_station: false, version: 1, ...extra };
}

/** A note in the column of station `col` (0-based), `row` notes down. */
function n(id: string, touchpoint_id: string | null, col: number, row = 0, dx = 0) {
  return { id, touchpoint_id, x: FIRST_X + col * STEP_X - NOTE_W / 2 + dx, y: FIRST_ROW_Y + row * 130 };
}

const shape = (o: ReturnType<typeof outline>) => o.groups.map((g) => [g.phase?.label ?? null, g.touchpoints.map((t) => t.station.id)]);

describe("outline", () => {
  it("groups consecutive touchpoints by the board's phases, in path order, named by the phase's label", () => {
    const tps = [tp("c", 2, "p-during"), tp("a", 0, "p-before"), tp("b", 1, "p-before"), tp("d", 3, "p-during"), tp("e", 4, "p-after")];
    const o = outline(tps, PHASES, []);
    expect(shape(o)).toEqual([
      ["Before the service", ["a", "b"]],
      ["During the service", ["c", "d"]],
      ["After the service", ["e"]],
    ]);
    expect(o.groups[1].touchpoints[0].station.index).toBe(2);
    expect(o.groups[1].touchpoints[0].phase?.id).toBe("p-during");
  });

  it("follows a renamed phase and ignores the phases' own order", () => {
    const renamed = [{ ...PHASES[2], position: 0 }, { ...PHASES[0], label: "Waiting", position: 1 }, PHASES[1]];
    const o = outline([tp("a", 0, "p-before"), tp("b", 1, "p-after")], renamed, []);
    expect(shape(o)).toEqual([
      ["Waiting", ["a"]],
      ["After the service", ["b"]],
    ]);
  });

  it("keeps touchpoints without a phase as their own run, and a phase seen again as a new group", () => {
    const tps = [tp("a", 0, "p-before"), tp("b", 1), tp("c", 2), tp("d", 3, "p-before")];
    const o = outline(tps, PHASES, []);
    expect(shape(o)).toEqual([
      ["Before the service", ["a"]],
      [null, ["b", "c"]],
      ["Before the service", ["d"]],
    ]);
  });

  it("treats a phase the board doesn't have (deleted meanwhile) as no phase", () => {
    const tps = [tp("a", 0, "gone"), tp("b", 1), tp("c", 2, "p-after")];
    const o = outline(tps, PHASES, []);
    expect(shape(o)).toEqual([
      [null, ["a", "b"]],
      ["After the service", ["c"]],
    ]);
  });

  it("carries each touchpoint's description and whether it is a side station", () => {
    const tps = [tp("a", 0, "p-during", { description: "Phone call" }), tp("p", 1, "p-during", { side_station: true })];
    const [a, p] = outline(tps, PHASES, []).groups[0].touchpoints;
    expect([a.station.description, a.station.side_station]).toEqual(["Phone call", false]);
    expect([p.station.description, p.station.side_station]).toEqual(["", true]);
  });

  it("puts each note under its touchpoint in the board's Tab order", () => {
    const tps = [tp("a", 0), tp("b", 1)];
    const notes = [n("low", "a", 0, 2), n("top", "a", 0, 0), n("mid", "a", 0, 1), n("other", "b", 1, 0)];
    const o = outline(tps, PHASES, notes);
    expect(o.groups).toHaveLength(1);
    const [a, b] = o.groups[0].touchpoints;
    expect(a.notes.map((x) => x.id)).toEqual(["top", "mid", "low"]);
    expect(b.notes.map((x) => x.id)).toEqual(["other"]);
    expect(o.unattached).toEqual([]);
  });

  it("orders same-row notes left to right", () => {
    const o = outline([tp("a", 0)], [], [n("right", "a", 0, 0, 30), n("left", "a", 0, 0, -30)]);
    expect(o.groups[0].touchpoints[0].notes.map((x) => x.id)).toEqual(["left", "right"]);
  });

  it("lists notes without a touchpoint, or with an unknown one, as not on the path", () => {
    const o = outline([tp("a", 0)], [], [n("free2", null, 0, 3), n("gone", "zzz", 0, 1), n("on", "a", 0, 0), n("free1", null, 0, 0, 5)]);
    expect(o.groups[0].touchpoints[0].notes.map((x) => x.id)).toEqual(["on"]);
    expect(o.unattached.map((x) => x.id)).toEqual(["free1", "gone", "free2"]);
  });

  it("has no groups without touchpoints", () => {
    const o = outline([], PHASES, [n("x", null, 0)]);
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
