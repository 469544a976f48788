import { describe, expect, it } from "vitest";
import type { BoardInfo, Change, Note, Workshop } from "../src/lib/api/types";
import { applyAll, heldFrom } from "../src/lib/workshop/appliers";
import { createOp, defaultTitle, FIRST_START, moveIndex, neighbour, startKey, suggestedTitle } from "../src/lib/workshop/boardOps";
import { resolveBoard } from "../src/lib/workshop/place";
import { inPositionOrder } from "../src/lib/order";
import { note as noteAt, touchpoint } from "./fixtures";
import { ALL } from "./templateFixtures";

const info = (id: string, position: number, version = 1, title = id.toUpperCase()): BoardInfo => ({
  id,
  kind: "service_path",
  title,
  position,
  version,
  live: { covered: false, writing: null },
});
const workshop = (): Workshop => ({
  id: "w",
  votes: [],
  title: "W",
  language: "en",
  created_at: 1,
  updated_at: 1,
  boards: ["a", "b"].map((id, i) => ({
    ...info(id, i),
    phases: [],
    touchpoints: [touchpoint(`${id}-tp`, 0, 1, id)],
    lanes: [],
    notes: [noteAt(`${id}-n`, 1, { board_id: id })],
  })),
  sessions: [],
  personas: [],
  walkthroughs: [],
  walk_steps: [],
});
const made = (b: BoardInfo): Change => ({ entity: "board", id: b.id, before: null, after: b });
const changed = (before: BoardInfo, after: BoardInfo): Change => ({ entity: "board", id: after.id, before, after });
const deleted = (b: BoardInfo): Change => ({ entity: "board", id: b.id, before: b, after: null });
const order = (held: ReturnType<typeof heldFrom>) => inPositionOrder(held.boards).map((b) => b.id);

describe("the board applier", () => {
  it("makes a new board with empty lists and its own empty notes, which its contents then fill", () => {
    const held = heldFrom(workshop());
    const n: Note = noteAt("c-n", 1, { board_id: "c" });
    const touched = applyAll(held, [
      made(info("c", 1)),
      changed(info("b", 1), info("b", 2, 2)),
      { entity: "touchpoint", id: "c-tp", before: null, after: touchpoint("c-tp", 0, 1, "c") },
      { entity: "note", id: n.id, before: null, after: n },
    ]);
    expect(touched.boards).toBe(true);
    expect(touched.notes.has("c")).toBe(true);
    expect(order(held)).toEqual(["a", "c", "b"]);
    const c = held.boards.find((b) => b.id === "c")!;
    expect(c.touchpoints.map((t) => t.id)).toEqual(["c-tp"]);
    expect(c.lanes).toEqual([]);
    expect(c.phases).toEqual([]);
    expect(Object.keys(held.notes.c.notes)).toEqual(["c-n"]);
  });

  it("renames and moves a board in place and keeps what is on it", () => {
    const held = heldFrom(workshop());
    const a = held.boards.find((b) => b.id === "a")!;
    applyAll(held, [changed(info("a", 0), info("a", 1, 2, "Renamed")), changed(info("b", 1), info("b", 0, 2))]);
    expect(held.boards.find((b) => b.id === "a")).toBe(a);
    expect(a).toMatchObject({ title: "Renamed", position: 1, version: 2 });
    expect(a.touchpoints.map((t) => t.id)).toEqual(["a-tp"]);
    expect(order(held)).toEqual(["b", "a"]);
  });

  it("removes a deleted board and its notes' store; a restore brings it back", () => {
    const held = heldFrom(workshop());
    const touched = applyAll(held, [
      { entity: "note", id: "b-n", before: noteAt("b-n", 1, { board_id: "b" }), after: null },
      { entity: "touchpoint", id: "b-tp", before: touchpoint("b-tp", 0, 1, "b"), after: null },
      deleted(info("b", 1)),
    ]);
    expect(touched.notes.has("b")).toBe(true);
    expect(order(held)).toEqual(["a"]);
    expect(held.notes.b).toBeUndefined();

    // Undo sends the board first, then what was on it.
    applyAll(held, [
      made(info("b", 1, 2)),
      { entity: "touchpoint", id: "b-tp", before: null, after: touchpoint("b-tp", 0, 2, "b") },
      { entity: "note", id: "b-n", before: null, after: noteAt("b-n", 2, { board_id: "b" }) },
    ]);
    expect(order(held)).toEqual(["a", "b"]);
    expect(held.boards.find((b) => b.id === "b")!.touchpoints.map((t) => t.id)).toEqual(["b-tp"]);
    expect(Object.keys(held.notes.b.notes)).toEqual(["b-n"]);
  });

  it("never lets an older copy replace a newer one, nor bring back a deleted board", () => {
    const held = heldFrom(workshop());
    applyAll(held, [changed(info("a", 0, 2), info("a", 0, 3, "Newer"))]);
    const stale = applyAll(held, [changed(info("a", 0, 1), info("a", 0, 2, "Older"))]);
    expect(stale.boards).toBe(false);
    expect(held.boards.find((b) => b.id === "a")!.title).toBe("Newer");

    applyAll(held, [deleted(info("b", 1, 4))]);
    // A late copy from before the delete (a response racing the event) stays out.
    expect(applyAll(held, [changed(info("b", 1, 3), info("b", 1, 4, "Late"))]).boards).toBe(false);
    expect(order(held)).toEqual(["a"]);
    // A delete of an older version than the one held was followed by a restore already taken.
    applyAll(held, [made(info("b", 1, 5))]);
    expect(applyAll(held, [deleted(info("b", 1, 4))]).boards).toBe(false);
    expect(order(held)).toEqual(["a", "b"]);
  });
});

describe("board operations' small decisions", () => {
  const name = (n: number) => `Board ${n}`;
  it("names a new board by the next free number", () => {
    expect(defaultTitle(["Arrival", "Visit"], name)).toBe("Board 3");
    expect(defaultTitle(["Board 2", "Board 3 "], name)).toBe("Board 4");
  });

  it("offers a board from a template the template's name, in the workshop's language, numbered when taken", () => {
    expect(suggestedTitle(FIRST_START, ["Service path"], ALL, "en", name)).toBe("Service path 2");
    expect(suggestedTitle({ type: "template", template: "channel-analysis" }, ["A"], ALL, "fi", name)).toBe("Kanava-analyysi");
    expect(suggestedTitle({ type: "template", template: "blueprint" }, ["A"], ALL, "sv", name)).toBe("Service blueprint");
  });

  it("offers the next numbered board for an empty board, a copy, or a template not (yet) known", () => {
    expect(suggestedTitle({ type: "blank" }, ["Service path"], ALL, "en", name)).toBe("Board 2");
    expect(suggestedTitle({ type: "copy" }, ["A", "B"], ALL, "en", name)).toBe("Board 3");
    expect(suggestedTitle(FIRST_START, ["A"], [], "en", name)).toBe("Board 2");
  });

  it("tells the starting points apart by one word each", () => {
    const starts = [FIRST_START, { type: "template", template: "blueprint" }, { type: "blank" }, { type: "copy" }] as const;
    expect(starts.map(startKey)).toEqual(["template:service-path", "template:blueprint", "blank", "copy"]);
  });

  const ordered = [{ id: "a" }, { id: "b" }, { id: "c" }];
  it("goes to the board on the left after a delete, else the right", () => {
    expect(neighbour(ordered, "b")).toBe("a");
    expect(neighbour(ordered, "a")).toBe("b");
    expect(neighbour([{ id: "a" }], "a")).toBeNull();
  });

  it("moves one step and not past either end", () => {
    expect(moveIndex(ordered, "b", -1)).toBe(0);
    expect(moveIndex(ordered, "b", 1)).toBe(2);
    expect(moveIndex(ordered, "a", -1)).toBeNull();
    expect(moveIndex(ordered, "c", 1)).toBeNull();
  });

  it("places a new board right after the current one, made as chosen", () => {
    const at = { ordered, current: "b" };
    expect(createOp("n", at, " Visit ", FIRST_START, false)).toEqual({
      type: "create_board",
      board: { id: "n", index: 2, title: "Visit", from: { type: "template", template: "service-path" } },
    });
    expect(createOp("n", at, "x", { type: "template", template: "channel-analysis" }, false)).toMatchObject({
      board: { from: { type: "template", template: "channel-analysis" } },
    });
    expect(createOp("n", at, "x", { type: "blank" }, true)).toMatchObject({ board: { from: { type: "blank", kind: "service_path" } } });
    expect(createOp("n", at, "x", { type: "copy" }, true)).toMatchObject({ board: { from: { type: "copy", board_id: "b", with_notes: true } } });
  });

  it("shows a deleted board's neighbour in its place and names it, but an unknown link still says not found", () => {
    const seen = [
      { id: "a", title: "A" },
      { id: "b", title: "B" },
      { id: "c", title: "C" },
    ];
    expect(resolveBoard([{ id: "a" }, { id: "c" }], "b", "b", seen)).toEqual({ board: "a", unknown: false, deleted: "B" });
    expect(resolveBoard([{ id: "b" }, { id: "c" }], "a", "a", seen)).toEqual({ board: "b", unknown: false, deleted: "A" });
    expect(resolveBoard([{ id: "a" }], "zzz", null, seen)).toEqual({ board: "a", unknown: true });
  });
});
