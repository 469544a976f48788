import { describe, expect, it } from "vitest";
import type { Lane, Note, Phase, Touchpoint } from "../src/lib/api/types";
import { FIRST_ROW_Y, FIRST_X, LANE_H, NOTE_H, NOTE_GAP, NOTE_W, place, rows, STEP_X, stations } from "../src/lib/board/geometry";
import { moveToCellOps, outline, spotIn } from "../src/lib/board/outline/outline";

const PHASES: Phase[] = [
  { id: "p-before", board_id: "b", position: 0, label: "Before the service", stacked: false, caption: "", original_label: "", original_caption: "", version: 1 },
  { id: "p-during", board_id: "b", position: 1, label: "During the service", stacked: false, caption: "", original_label: "", original_caption: "", version: 1 },
  { id: "p-after", board_id: "b", position: 2, label: "After the service", stacked: false, caption: "", original_label: "", original_caption: "", version: 1 },
];

function tp(id: string, position: number, phase_id: string | null = null, extra: Partial<Touchpoint> = {}): Touchpoint {
  return { id, board_id: "b", position, label: id.toUpperCase(), description: "", phase_id, side_station: false, original_label: "", version: 1, ...extra };
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

describe("moveToCellOps", () => {
  const list = stations([tp("a", 0), tp("b", 1)]);
  const lane = (id: string, position: number): Lane => ({ id, board_id: "b", position, label: id, height: LANE_H, line_above: "", original_label: "", original_line: "", version: 1 });
  const lanes = rows([lane("feel", 0), lane("think", 1)]);
  /** A stored note: x from its column's centre, y from its lane's top. */
  const stored = (id: string, touchpoint_id: string | null, lane_id: string | null, y: number, x = -NOTE_W / 2): Note => ({
    id,
    board_id: "b",
    touchpoint_id,
    lane_id,
    persona_id: null,
    session_id: null,
    kind: "observation",
    sentiment: "neutral",
    text: id,
    x,
    y,
    face_down: false,
    author: null,
    version: 1,
    created_at: 0,
    updated_at: 0,
  });
  const drawn = (notes: Note[], withLanes = lanes) => notes.map((n) => place(n, list, withLanes));
  const top = NOTE_GAP;
  const next = top + NOTE_H + NOTE_GAP;

  it("puts the note under the other notes of the lane it goes to, measured from that lane's top", () => {
    const m = stored("m", "a", "feel", top);
    const all = [m, stored("o", "a", "think", top), stored("p", "b", "think", next), stored("q", "a", "feel", next)];
    expect(moveToCellOps(m, drawn(all), { touchpoint: "a", lane: "think" }, list, lanes)).toEqual([
      { type: "update_note", id: "m", patch: { y: next, lane_id: "think" } },
    ]);
  });

  it("grows the lane in the same batch when the note would stick out of it", () => {
    const m = stored("m", "a", "feel", top);
    const all = [m, stored("o", "a", "think", top), stored("o2", "a", "think", next)];
    const y = next + NOTE_H + NOTE_GAP;
    expect(LANE_H).toBeLessThan(y + NOTE_H + NOTE_GAP);
    expect(moveToCellOps(m, drawn(all), { touchpoint: "a", lane: "think" }, list, lanes)).toEqual([
      { type: "update_note", id: "m", patch: { y, lane_id: "think" } },
      { type: "update_lane", id: "think", patch: { height: y + NOTE_H + NOTE_GAP } },
    ]);
  });

  it("counts a note's measured height, so a long note below is not covered", () => {
    const m = stored("m", "a", "feel", top);
    const all = [m, stored("long", "a", "think", top)];
    const [op] = moveToCellOps(m, drawn(all), { touchpoint: "a", lane: "think" }, list, lanes, (id) => (id === "long" ? 200 : undefined));
    expect(op).toEqual({ type: "update_note", id: "m", patch: { y: top + 200 + NOTE_GAP, lane_id: "think" } });
  });

  it("keeps the lane when only the touchpoint changes, centring the note in the new column", () => {
    const m = stored("m", "a", "think", next, 30);
    const all = [m, stored("feelB", "b", "feel", top)];
    expect(moveToCellOps(m, drawn(all), { touchpoint: "b", lane: "think" }, list, lanes)).toEqual([
      { type: "update_note", id: "m", patch: { x: -NOTE_W / 2, y: top, touchpoint_id: "b" } },
    ]);
  });

  it("on a board without lanes, lands where a move to the touchpoint always has: its column's first free slot", () => {
    const m = stored("m", "a", null, FIRST_ROW_Y);
    const all = [m, stored("o", "b", null, FIRST_ROW_Y)];
    const notes = drawn(all, []);
    const spot = spotIn(list[1], "m", notes);
    expect(moveToCellOps(m, notes, { touchpoint: "b", lane: null }, list, [])).toEqual([
      { type: "update_note", id: "m", patch: { y: spot.y, touchpoint_id: "b" } },
    ]);
    expect(spot.y).toBe(FIRST_ROW_Y + NOTE_H + NOTE_GAP);
  });

  it("moves a note on no touchpoint between lanes where it is across", () => {
    const m = stored("m", null, "feel", top, 700);
    expect(moveToCellOps(m, drawn([m]), { touchpoint: null, lane: "think" }, list, lanes)).toEqual([
      { type: "update_note", id: "m", patch: { lane_id: "think" } },
    ]);
  });

  it("does nothing for the cell the note is in, or a lane or touchpoint that is gone", () => {
    const m = stored("m", "a", "feel", top);
    expect(moveToCellOps(m, drawn([m]), { touchpoint: "a", lane: "feel" }, list, lanes)).toEqual([]);
    expect(moveToCellOps(m, drawn([m]), { touchpoint: "a", lane: "gone" }, list, lanes)).toEqual([]);
    expect(moveToCellOps(m, drawn([m]), { touchpoint: "gone", lane: "think" }, list, lanes)).toEqual([]);
  });
});

describe("a table read by rows", () => {
  it("puts each note in its row's cell, row by row, and a note outside every cell apart", async () => {
    const { byRows } = await import("../src/lib/board/outline/outline");
    const { rows, stations } = await import("../src/lib/board/geometry");
    const cols = stations([tp("plus", 0), tp("minus", 1)]);
    const lanes = rows([
      { id: "phone", board_id: "b", position: 0, label: "Phone", height: 268, line_above: "", original_label: "", original_line: "", version: 1 },
      { id: "mail", board_id: "b", position: 1, label: "E-mail", height: 268, line_above: "", original_label: "", original_line: "", version: 1 },
    ]);
    const n = (id: string, touchpoint_id: string | null, lane_id: string | null) => ({ id, touchpoint_id, lane_id, x: 0, y: 0 });
    const view = byRows(cols, lanes, [n("a", "minus", "mail"), n("b", "plus", "phone"), n("c", "plus", null)]);
    expect(view.rows.map((r) => [r.row.label, r.cells.map((c) => c.notes.map((x) => x.id))])).toEqual([
      ["Phone", [["b"], []]],
      ["E-mail", [[], ["a"]]],
    ]);
    expect(view.unattached.map((x) => x.id)).toEqual(["c"]);
  });
});
