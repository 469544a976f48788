import { describe, expect, it } from "vitest";
import type { Note, NotePatch } from "../src/lib/api/types";
import { COPY_OFFSET, commonTone, deleteOps, duplicateOps, moveOps, movedBy, moveToOps, toneOps, withGrowth } from "../src/lib/board/bulk";
import { columnRect, frameRect } from "../src/lib/board/framing";
import { cellAt, FIRST_ROW_Y, NOTE_GAP, NOTE_H, NOTE_W, overlaps, rows, stations, type Point } from "../src/lib/board/geometry";
import { notesIn, rectBetween, startsMarquee, toBoard } from "../src/lib/board/marquee";
import { Selection, targetsOf, toggled } from "../src/lib/board/selection.svelte";
import { spotAt } from "../src/lib/board/spot";

const tps = ["First", "Second", "Third"].map((label, i) => ({
  id: `t${i + 1}`,
  board_id: "b",
  position: i,
  label,
  description: "",
  phase_id: null,
  side_station: false,
  original_label: "",
  version: 1,
}));
const st = stations(tps);
const lanes = rows([{ id: "l1", board_id: "b", position: 0, label: "Lane", height: 268, line_above: "", original_label: "", original_line: "", version: 1 }]);

/** A drawn note (board units); stored ones are cell-relative, which placeAt below accounts for. */
function note(id: string, x: number, y: number, over: Partial<Note> = {}): Note {
  const cell = cellAt(st, lanes, x, y);
  return {
    id,
    board_id: "b",
    touchpoint_id: cell.touchpoint_id,
    lane_id: cell.lane_id,
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
    ...over,
  };
}

/** The session's placeAt for these drawn notes: the patch for a new top-left. */
function placeAtFor(notes: Note[]) {
  return (id: string, at: Point): NotePatch | null => {
    const n = notes.find((m) => m.id === id)!;
    const now = cellAt(st, lanes, n.x, n.y);
    const cell = cellAt(st, lanes, at.x, at.y);
    const patch: NotePatch = {};
    if (cell.x !== now.x) patch.x = cell.x;
    if (cell.y !== now.y) patch.y = cell.y;
    if (cell.touchpoint_id !== now.touchpoint_id) patch.touchpoint_id = cell.touchpoint_id;
    return Object.keys(patch).length ? patch : null;
  };
}

describe("the selection", () => {
  it("picks and unpicks with Shift-click, taking along the note that had the focus", () => {
    expect(toggled([], "b", "a")).toEqual(["a", "b"]);
    expect(toggled([], "a", "a")).toEqual(["a"]);
    expect(toggled(["a", "b"], "a")).toEqual(["b"]);
    expect(toggled(["a"], "c", "x")).toEqual(["a", "c"]);
  });

  it("acts on the note in focus unless it is one of the picked ones", () => {
    expect(targetsOf(["a", "b"], null)).toEqual(["a", "b"]);
    expect(targetsOf(["a", "b"], "b")).toEqual(["a", "b"]);
    expect(targetsOf(["a", "b"], "c")).toEqual(["c"]);
    expect(targetsOf([], "c")).toEqual(["c"]);
    expect(targetsOf([], null)).toEqual([]);
  });

  it("keeps focus and picks apart, and forgets notes that are gone", () => {
    const s = new Selection();
    s.focus("a");
    expect(s.targets).toEqual(["a"]);
    expect(s.size).toBe(0);
    s.toggle("b");
    expect(s.picked).toEqual(["a", "b"]);
    expect(s.targetsFor("c")).toEqual(["c"]);
    expect(s.targetsFor("b")).toEqual(["a", "b"]);
    s.blur("a");
    expect(s.targets).toEqual(["a", "b"]);
    s.keep((id) => id !== "a");
    expect(s.picked).toEqual(["b"]);
    s.set(["x", "x", "y"]);
    expect(s.picked).toEqual(["x", "y"]);
    s.clear();
    expect(s.size).toBe(0);
  });
});

describe("the marquee", () => {
  const notes = [note("a", 60, 240), note("b", 320, 240), note("c", 60, 600)];

  it("is the same rectangle whichever way it is drawn", () => {
    expect(rectBetween({ x: 50, y: 80 }, { x: 10, y: 20 })).toEqual({ x: 10, y: 20, w: 40, h: 60 });
  });

  it("selects the notes it touches, not those it misses", () => {
    // Over the top edges of a and b only.
    expect(notesIn({ x: 0, y: 200, w: 560, h: 50 }, notes)).toEqual(["a", "b"]);
    // Reaching 1 unit into a's right edge counts; starting 1 unit past it and short of b does not.
    expect(notesIn({ x: 60 + NOTE_W - 1, y: 250, w: 30, h: 10 }, notes)).toEqual(["a"]);
    expect(notesIn({ x: 60 + NOTE_W + 1, y: 250, w: 50, h: 10 }, notes)).toEqual([]);
  });

  it("counts a long note's measured height", () => {
    const below = { x: 60, y: 240 + NOTE_H + 40, w: 10, h: 10 };
    expect(notesIn(below, notes)).toEqual([]);
    expect(notesIn(below, notes, (id) => (id === "a" ? 300 : undefined))).toEqual(["a"]);
  });

  it("works in board units at any zoom", () => {
    expect(toBoard({ x: 100, y: 50, zoom: 0.5 }, { x: 100, y: 50, w: 100, h: 40 })).toEqual({ x: 0, y: 0, w: 200, h: 80 });
  });

  it("starts with Shift and the main button, not by touch", () => {
    expect(startsMarquee({ shiftKey: true, button: 0, pointerType: "mouse" })).toBe(true);
    expect(startsMarquee({ shiftKey: false, button: 0, pointerType: "mouse" })).toBe(false);
    expect(startsMarquee({ shiftKey: true, button: 2, pointerType: "mouse" })).toBe(false);
    expect(startsMarquee({ shiftKey: true, button: 0, pointerType: "touch" })).toBe(false);
  });
});

describe("acting on many notes", () => {
  const notes = [note("a", 60, 240), note("b", 320, 240, { sentiment: "negative" }), note("c", 60, 400)];
  const placeAt = placeAtFor(notes);

  it("moves every note by the same amount, keeping the group's shape", () => {
    const ops = moveOps(["a", "c"], notes, 260, 0, placeAt);
    expect(ops).toEqual([
      { type: "update_note", id: "a", patch: { touchpoint_id: "t2" } },
      { type: "update_note", id: "c", patch: { touchpoint_id: "t2" } },
    ]);
    const shown = movedBy(["a", "c"], new Map(notes.map((n) => [n.id, { x: n.x, y: n.y }])), 15.4, -10);
    expect([...shown.entries()]).toEqual([
      ["a", { x: 75, y: 230 }],
      ["c", { x: 75, y: 390 }],
    ]);
  });

  it("changes only the notes not in the tone already", () => {
    expect(toneOps(["a", "b"], notes, "negative")).toEqual([{ type: "update_note", id: "a", patch: { kind: "observation", sentiment: "negative" } }]);
    expect(toneOps(["a"], notes, "idea")).toEqual([{ type: "update_note", id: "a", patch: { kind: "idea", sentiment: null } }]);
    expect(commonTone(["a", "c"], notes)).toBe("neutral");
    expect(commonTone(["a", "b"], notes)).toBeNull();
  });

  it("deletes each one", () => {
    expect(deleteOps(["a", "b"])).toEqual([
      { type: "delete_note", id: "a" },
      { type: "delete_note", id: "b" },
    ]);
  });

  it("duplicates with the same text and tone, down and to the right", () => {
    let n = 0;
    const made = duplicateOps(["b", "gone"], notes, st, lanes, () => `copy${++n}`);
    expect(made.ids).toEqual(["copy1"]);
    const op = made.ops[0];
    if (op.type !== "create_note") throw new Error("not a create");
    const cell = cellAt(st, lanes, 320 + COPY_OFFSET, 240 + COPY_OFFSET);
    // A copy keeps the persona a note was posted for (none here).
    expect(op.note).toEqual({ id: "copy1", board_id: "b", ...cell, persona_id: null, session_id: null, kind: "observation", sentiment: "negative", text: "b" });
    expect(COPY_OFFSET).toBeGreaterThan(0);
  });

  it("moves notes to a touchpoint's column, stacked without overlapping", () => {
    const target = st[2];
    const ops = moveToOps(["c", "a"], notes, target, st, lanes);
    expect(ops.map((o) => o.type === "update_note" && o.patch.touchpoint_id)).toEqual(["t3", "t3"]);
    // In path order (a above c), and the second one below the first.
    expect(ops.map((o) => o.type === "update_note" && o.id)).toEqual(["a", "c"]);
    const ys = ops.map((o) => (o.type === "update_note" ? (o.patch.y ?? 0) : 0));
    expect(ys[1]).toBeGreaterThan(ys[0] + NOTE_H - 1);
  });

  it("keeps each moved note in its own lane, below the notes already in that cell", () => {
    const two = rows([
      { id: "l1", board_id: "b", position: 0, label: "Top", height: 268, line_above: "", original_label: "", original_line: "", version: 1 },
      { id: "l2", board_id: "b", position: 1, label: "Bottom", height: 268, line_above: "", original_label: "", original_line: "", version: 1 },
    ]);
    const [l1, l2] = two;
    const drawn = (id: string, x: number, y: number): Note => ({ ...note(id, x, y), ...cellAt(st, two, x, y), x, y });
    const notes = [
      drawn("top", st[0].x - NOTE_W / 2, l1.top + NOTE_GAP),
      drawn("bottom", st[1].x - NOTE_W / 2, l2.top + 40),
      // Already in the target cell of the lower lane: the moved note goes below it.
      drawn("there", st[2].x - NOTE_W / 2, l2.top + NOTE_GAP),
    ];
    expect(notes.map((n) => n.lane_id)).toEqual(["l1", "l2", "l2"]);
    const ops = moveToOps(["bottom", "top"], notes, st[2], st, two);
    // Where each moved note ends up, drawn: its lane's top plus its lane-relative y.
    const after = ops.flatMap((op) => {
      if (op.type !== "update_note") return [];
      const n = notes.find((m) => m.id === op.id)!;
      const laneId = op.patch.lane_id !== undefined ? op.patch.lane_id : n.lane_id;
      const row = two.find((r) => r.id === laneId)!;
      const y = row.top + (op.patch.y ?? n.y - row.top);
      const from = st.find((t) => t.id === n.touchpoint_id)!;
      return [{ id: op.id, laneId, touchpoint: op.patch.touchpoint_id, x: st[2].x + (op.patch.x ?? n.x - from.x), y }];
    });
    expect(after.map((a) => [a.id, a.laneId, a.touchpoint])).toEqual([
      ["top", "l1", "t3"],
      ["bottom", "l2", "t3"],
    ]);
    for (const a of after) {
      const row = two.find((r) => r.id === a.laneId)!;
      // Centred in the column, and inside its lane's band, as it was before the move.
      expect(a.x).toBe(st[2].x - NOTE_W / 2);
      expect(a.y).toBeGreaterThanOrEqual(row.top);
      expect(a.y + NOTE_H).toBeLessThanOrEqual(row.top + row.height);
    }
    // Clear of each other and of the note that was there; below it.
    const rects = [...after, notes[2]].map((n) => ({ x: n.x, y: n.y, w: NOTE_W, h: NOTE_H }));
    for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) expect(overlaps(rects[i], rects[j])).toBe(false);
    expect(after[1].y).toBeGreaterThan(notes[2].y);
  });

  it("keeps a note without a lane at its height, when nothing is in the way there", () => {
    const free = rows([]);
    const drawn = (id: string, x: number, y: number): Note => ({ ...note(id, x, y), ...cellAt(st, free, x, y), x, y });
    const notes = [drawn("high", st[0].x - NOTE_W / 2, 300), drawn("low", st[1].x - NOTE_W / 2, 700), drawn("there", st[2].x - NOTE_W / 2, 700)];
    const ops = moveToOps(["high", "low"], notes, st[2], st, free);
    const ys = Object.fromEntries(ops.map((op) => (op.type === "update_note" ? [op.id, op.patch.y] : [])));
    // The high one stays at 300; the low one would land on "there", so it goes just below it.
    expect(ys.high).toBeUndefined();
    expect(ys.low).toBe(700 + NOTE_H + NOTE_GAP);
    expect(ops.every((op) => op.type === "update_note" && op.patch.lane_id === undefined)).toBe(true);
  });

  it("grows a lane once, as tall as its lowest moved note needs", () => {
    const stored = Object.fromEntries(notes.map((n) => [n.id, { ...n, ...cellAt(st, lanes, n.x, n.y) }]));
    const ops = withGrowth(
      [
        { type: "update_note", id: "a", patch: { y: 300 } },
        { type: "update_note", id: "c", patch: { y: 420 } },
        { type: "update_note", id: "b", patch: { y: 10 } },
      ],
      stored,
      lanes,
    );
    const grow = ops.filter((o) => o.type === "update_lane");
    expect(grow).toHaveLength(1);
    const h = grow[0].type === "update_lane" ? grow[0].patch.height! : 0;
    expect(h).toBeGreaterThanOrEqual(420 + NOTE_H);
    expect(h).toBeLessThan(420 + NOTE_H + 100);
    // Nothing to grow for notes that fit.
    expect(withGrowth([{ type: "update_note", id: "b", patch: { y: 10 } }], stored, lanes)).toHaveLength(1);
  });

  it("leaves a note that is already under that touchpoint where it is", () => {
    expect(moveToOps(["a"], notes, st[0], st, lanes)).toEqual([]);
  });
});

describe("a note made at a point", () => {
  it("goes into the nearest touchpoint's column, near the point", () => {
    const s = spotAt({ x: st[1].x + 30, y: 400 }, st, []);
    expect(s.station?.id).toBe("t2");
    expect(s.x).toBe(st[1].x - NOTE_W / 2);
    expect(Math.abs(s.y - 400)).toBeLessThan(NOTE_H);
  });

  it("never lands above the first row or on another note", () => {
    expect(spotAt({ x: st[0].x, y: 10 }, st, []).y).toBe(FIRST_ROW_Y);
    const taken = [{ x: st[0].x - NOTE_W / 2, y: 380, h: 200 }];
    const s = spotAt({ x: st[0].x, y: 400 }, st, taken);
    expect(overlaps({ x: s.x, y: s.y, w: NOTE_W, h: NOTE_H }, { x: taken[0].x, y: 380, w: NOTE_W, h: 200 })).toBe(false);
    expect(s.y).toBeGreaterThan(380);
  });
});

describe("zooming to a touchpoint", () => {
  it("frames its column and its notes, and nothing of the others' notes", () => {
    const notes = [note("a", st[1].x - 100, 240), note("deep", st[1].x - 100, 900), note("other", st[2].x - 100, 2000)];
    const r = columnRect(st[1], notes);
    expect(r.x).toBeLessThanOrEqual(st[1].x - NOTE_W / 2);
    expect(r.x + r.w).toBeGreaterThanOrEqual(st[1].x + NOTE_W / 2);
    expect(r.y + r.h).toBeGreaterThanOrEqual(900 + NOTE_H);
    expect(r.y + r.h).toBeLessThan(2000);
  });

  it("shows the rectangle whole, centred across", () => {
    const r = { x: 1000, y: 60, w: 300, h: 500 };
    const cam = frameRect(r, 1200, 800);
    const left = cam.x + r.x * cam.zoom;
    const right = cam.x + (r.x + r.w) * cam.zoom;
    expect(left).toBeGreaterThanOrEqual(0);
    expect(right).toBeLessThanOrEqual(1200);
    expect(Math.abs(left + right - 1200)).toBeLessThan(1);
    expect(cam.y + r.y * cam.zoom).toBeGreaterThanOrEqual(0);
    expect(cam.y + (r.y + r.h) * cam.zoom).toBeLessThanOrEqual(800);
  });
});
