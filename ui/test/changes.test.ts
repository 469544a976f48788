import { describe, expect, it } from "vitest";
import type { Board, Change, Note, Touchpoint } from "../src/lib/api/types";
import { applyChanges, applyStructure, emptyStore, isStale, storeFrom } from "../src/lib/board/changes";

const note = (id: string, version: number, extra: Partial<Note> = {}): Note => ({
  id,
  board_id: "board",
  touchpoint_id: null,
  lane_id: null,
  persona_id: null,
  kind: "observation",
  sentiment: "neutral",
  text: `v${version}`,
  x: 0,
  y: 0,
  version,
  created_at: 1,
  updated_at: version,
  ...extra,
});
const created = (n: Note): Change => ({ entity: "note", id: n.id, before: null, after: n });
const updated = (a: Note, b: Note): Change => ({ entity: "note", id: a.id, before: a, after: b });
const deleted = (n: Note): Change => ({ entity: "note", id: n.id, before: n, after: null });

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

describe("applying structure changes", () => {
  const tp = (id: string, position: number, version = 1, board_id = "board"): Touchpoint => ({
    id,
    board_id,
    position,
    label: id,
    description: "",
    phase_id: null,
    side_station: false,
    version,
  });
  const board = (): Pick<Board, "id" | "touchpoints" | "lanes" | "phases"> => ({
    id: "board",
    touchpoints: [tp("a", 0), tp("b", 1)],
    lanes: [],
    phases: [],
  });

  it("adds, replaces and removes touchpoints, and leaves notes to applyChanges", () => {
    const b = board();
    const moved = { ...tp("a", 2, 2) };
    const any = applyStructure(b, [
      { entity: "touchpoint", id: "a", before: tp("a", 0), after: moved },
      { entity: "touchpoint", id: "c", before: null, after: tp("c", 0) },
      { entity: "touchpoint", id: "b", before: tp("b", 1), after: null },
      created(note("n", 1)),
    ]);
    expect(any).toBe(true);
    expect(b.touchpoints.map((t) => [t.id, t.position])).toEqual([
      ["a", 2],
      ["c", 0],
    ]);
  });

  it("keeps a newer copy over a late older one, and ignores other boards", () => {
    const b = board();
    applyStructure(b, [{ entity: "touchpoint", id: "a", before: null, after: tp("a", 5, 3) }]);
    applyStructure(b, [{ entity: "touchpoint", id: "a", before: null, after: tp("a", 9, 2) }]);
    expect(b.touchpoints.find((t) => t.id === "a")?.position).toBe(5);
    applyStructure(b, [{ entity: "touchpoint", id: "x", before: null, after: tp("x", 0, 1, "other") }]);
    expect(b.touchpoints.some((t) => t.id === "x")).toBe(false);
  });
});
