import { describe, expect, it } from "vitest";
import type { Note } from "../src/lib/api/types";
import { applyChanges, applyNote, applyRow, emptyStore, isStale, storeFrom, type BoardState, type NoteChange } from "../src/lib/board/changes";
import { note, touchpoint as tp } from "./fixtures";

const created = (n: Note): NoteChange => ({ entity: "note", id: n.id, before: null, after: n });
const updated = (a: Note, b: Note): NoteChange => ({ entity: "note", id: a.id, before: a, after: b });
const deleted = (n: Note): NoteChange => ({ entity: "note", id: n.id, before: n, after: null });

describe("applying changes", () => {
  it("creates, updates and deletes", () => {
    const s = emptyStore();
    expect(applyChanges(s, [created(note("n", 1))])).toEqual(["n"]);
    expect(s.notes.n.text).toBe("v1");
    applyChanges(s, [updated(note("n", 1), note("n", 2, { text: "hello" }))]);
    expect(s.notes.n.text).toBe("hello");
    applyChanges(s, [deleted(note("n", 2))]);
    expect(s.notes.n).toBeUndefined();
  });

  it("keeps the newer version when an older copy arrives late", () => {
    // My response (v3) and another client's earlier event (v2) race; v2 comes second.
    const s = storeFrom([note("n", 1)]);
    applyChanges(s, [updated(note("n", 2), note("n", 3, { text: "mine" }))]);
    const touched = applyChanges(s, [updated(note("n", 1), note("n", 2, { text: "theirs" }))]);
    expect(touched).toEqual([]);
    expect(s.notes.n.text).toBe("mine");
    expect(s.notes.n.version).toBe(3);
  });

  it("applies the same change twice harmlessly (response and own event)", () => {
    const s = storeFrom([note("n", 1)]);
    const c = updated(note("n", 1), note("n", 2, { x: 50 }));
    applyChanges(s, [c]);
    applyChanges(s, [c]);
    expect(s.notes.n).toEqual(note("n", 2, { x: 50 }));
  });

  it("does not bring back a deleted note from a late update", () => {
    const s = storeFrom([note("n", 1)]);
    applyChanges(s, [deleted(note("n", 2))]);
    applyChanges(s, [updated(note("n", 1), note("n", 2))]);
    expect(s.notes.n).toBeUndefined();
  });

  it("lets a restore (higher version) bring a deleted note back", () => {
    const s = storeFrom([note("n", 2)]);
    applyChanges(s, [deleted(note("n", 2))]);
    applyChanges(s, [created(note("n", 3, { text: "back" }))]);
    expect(s.notes.n.text).toBe("back");
  });

  it("ignores a late delete of a version older than a restore already held", () => {
    const s = storeFrom([note("n", 2)]);
    applyChanges(s, [created(note("n", 3, { text: "restored" }))]);
    applyChanges(s, [deleted(note("n", 2))]);
    expect(s.notes.n?.text).toBe("restored");
  });

  it("deletes the version it holds", () => {
    const s = storeFrom([note("n", 4)]);
    expect(isStale(s, deleted(note("n", 4)))).toBe(false);
  });

  it("applies several changes in order", () => {
    const s = emptyStore();
    applyChanges(s, [created(note("a", 1)), created(note("b", 1)), deleted(note("a", 1))]);
    expect(Object.keys(s.notes)).toEqual(["b"]);
  });

  it("keeps out notes of other boards", () => {
    const s = emptyStore();
    applyChanges(s, [created(note("x", 1, { board_id: "other" }))], "board");
    expect(s.notes.x).toBeUndefined();
    applyChanges(s, [created(note("y", 1))], "board");
    expect(s.notes.y).toBeDefined();
  });
});

describe("a note change across boards", () => {
  it("goes to the store of its board, made when not there yet", () => {
    const stores = { a: emptyStore() };
    expect(applyNote(stores, created(note("n", 1, { board_id: "b" })))).toEqual(["b"]);
    expect(Object.keys(stores.a.notes)).toEqual([]);
    expect((stores as Record<string, ReturnType<typeof emptyStore>>).b.notes.n.version).toBe(1);
  });

  it("leaves the store it was in when it moves to another board, and a late copy cannot bring it back there", () => {
    const stores = { a: storeFrom([note("n", 1, { board_id: "a" })]), b: emptyStore() };
    const moved = updated(note("n", 1, { board_id: "a" }), note("n", 2, { board_id: "b" }));
    expect(applyNote(stores, moved).sort()).toEqual(["a", "b"]);
    expect(stores.a.notes.n).toBeUndefined();
    expect(stores.b.notes.n.version).toBe(2);
    // The version it was created with, arriving after the move.
    applyNote(stores, created(note("n", 1, { board_id: "a" })));
    expect(stores.a.notes.n).toBeUndefined();
  });

  it("keeps a delete's version in the store of the board it was on", () => {
    const stores = { a: emptyStore(), b: storeFrom([note("n", 3, { board_id: "b" })]) };
    applyNote(stores, deleted(note("n", 3, { board_id: "b" })));
    expect(stores.b.notes.n).toBeUndefined();
    expect(stores.b.gone.n).toBe(3);
    expect(stores.a.gone.n).toBeUndefined();
  });
});

describe("applying structure changes", () => {
  const board = (id = "board", touchpoints = [tp("a", 0), tp("b", 1)]): BoardState => ({
    id,
    kind: "service_path",
    title: id,
    version: 1,
    live: { covered: false, writing: null },
    position: 0,
    touchpoints,
    lanes: [],
    phases: [],
  });

  it("adds, replaces and removes touchpoints", () => {
    const boards = [board()];
    expect(applyRow(boards, "touchpoints", { id: "a", after: tp("a", 2, 2) })).toBe(true);
    applyRow(boards, "touchpoints", { id: "c", after: tp("c", 0) });
    applyRow(boards, "touchpoints", { id: "b", after: null });
    expect(boards[0].touchpoints.map((t) => [t.id, t.position])).toEqual([
      ["a", 2],
      ["c", 0],
    ]);
  });

  it("keeps a newer copy over a late older one", () => {
    const boards = [board()];
    applyRow(boards, "touchpoints", { id: "a", after: tp("a", 5, 3) });
    expect(applyRow(boards, "touchpoints", { id: "a", after: tp("a", 9, 2) })).toBe(false);
    expect(boards[0].touchpoints.find((t) => t.id === "a")?.position).toBe(5);
  });

  it("puts a row on the board it names, leaving the others as they are", () => {
    const boards = [board(), board("other", [])];
    applyRow(boards, "touchpoints", { id: "x", after: tp("x", 0, 1, "other") });
    expect(boards[0].touchpoints.map((t) => t.id)).toEqual(["a", "b"]);
    expect(boards[1].touchpoints.map((t) => t.id)).toEqual(["x"]);
  });
});
