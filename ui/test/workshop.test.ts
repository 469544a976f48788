import { beforeAll, describe, expect, it } from "vitest";
import type { Backend, EventHandler } from "../src/lib/backend/backend";
import type { Board, Change, Event, Note, Workshop } from "../src/lib/api/types";
import { applyAll, heldFrom } from "../src/lib/workshop/appliers";
import { resolveBoard } from "../src/lib/workshop/place";
import { note as noteAt, persona, touchpoint } from "./fixtures";

const note = (id: string, board_id: string, version = 1, text = `v${version}`): Note => noteAt(id, version, { board_id, text });

const tp = (id: string, board_id: string, version = 1) => touchpoint(id, 0, version, board_id);
const board = (id: string, position: number, notes: Note[] = []): Board => ({
  id,
  kind: "service_path",
  title: id.toUpperCase(),
  position,
  version: 1,
  live: { covered: false, writing: null },
  phases: [],
  touchpoints: [tp(`${id}-tp`, id)],
  lanes: [],
  notes,
});
const workshop = (): Workshop => ({
  id: "w",
  votes: [],
  title: "W",
  language: "fi",
  created_at: 1,
  updated_at: 1,
  // Out of order on purpose: the boards are shown by position.
  boards: [board("b", 1, [note("nb", "b")]), board("a", 0, [note("na", "a")])],
  personas: [],
  walkthroughs: [],
  walk_steps: [],
  sessions: [],
});
const noteCreated = (n: Note): Change => ({ entity: "note", id: n.id, before: null, after: n });

describe("applying a workshop's changes", () => {
  it("sends each kind where it belongs", () => {
    const held = heldFrom(workshop());
    const touched = applyAll(held, [
      noteCreated(note("n2", "b")),
      { entity: "touchpoint", id: "t2", before: null, after: tp("t2", "a") },
      { entity: "persona", id: "p", before: null, after: persona("p") },
    ]);
    expect([...touched.notes]).toEqual(["b"]);
    expect(touched.boards).toBe(true);
    expect(touched.people).toBe(true);
    expect(Object.keys(held.notes.b.notes).sort()).toEqual(["n2", "nb"]);
    expect(Object.keys(held.notes.a.notes)).toEqual(["na"]);
    expect(held.boards.find((b) => b.id === "a")?.touchpoints.map((t) => t.id)).toEqual(["a-tp", "t2"]);
    expect(Object.keys(held.people.personas)).toEqual(["p"]);
  });

  it("never lets an older version replace a newer one, whatever the kind", () => {
    const held = heldFrom(workshop());
    applyAll(held, [
      noteCreated(note("nb", "b", 3, "newer")),
      { entity: "touchpoint", id: "a-tp", before: null, after: { ...tp("a-tp", "a", 3), label: "newer" } },
      { entity: "persona", id: "p", before: null, after: persona("p", 3) },
    ]);
    const touched = applyAll(held, [
      noteCreated(note("nb", "b", 2, "older")),
      { entity: "touchpoint", id: "a-tp", before: null, after: { ...tp("a-tp", "a", 2), label: "older" } },
      { entity: "persona", id: "p", before: null, after: persona("p", 2) },
    ]);
    expect(touched).toEqual({ boards: false, people: false, sessions: false, votes: false, notes: new Set() });
    expect(held.notes.b.notes.nb.text).toBe("newer");
    expect(held.boards.find((b) => b.id === "a")?.touchpoints[0].label).toBe("newer");
    expect(held.people.personas.p.version).toBe(3);
  });

  it("keeps the boards' notes apart and out of the structure", () => {
    const held = heldFrom(workshop());
    expect(held.boards.every((b) => !("notes" in b))).toBe(true);
    expect(Object.keys(held.notes).sort()).toEqual(["a", "b"]);
  });
});

describe("which board a page shows", () => {
  const boards = [{ id: "a" }, { id: "b" }];
  it("shows the board the URL names", () => {
    expect(resolveBoard(boards, "b", "a")).toEqual({ board: "b", unknown: false });
  });
  it("shows the last board, else the first, when the URL names none", () => {
    expect(resolveBoard(boards, undefined, "b")).toEqual({ board: "b", unknown: false });
    expect(resolveBoard(boards, undefined, null)).toEqual({ board: "a", unknown: false });
    expect(resolveBoard(boards, undefined, "gone")).toEqual({ board: "a", unknown: false });
  });
  it("shows the first board and says so for a board the workshop does not have", () => {
    expect(resolveBoard(boards, "gone", "b")).toEqual({ board: "a", unknown: true });
    expect(resolveBoard([], "gone", null)).toEqual({ board: null, unknown: true });
  });
});

/** A backend that answers from a snapshot and lets the test send change events. */
function fakeBackend(snapshot: Workshop): Backend & { emit(ev: Event): void } {
  const handlers = new Set<EventHandler>();
  return {
    call: (async (command: string) => {
      if (command === "open_workshop") return structuredClone(snapshot);
      if (command === "history") return { can_undo: false, can_redo: false };
      throw new Error(`unexpected ${command}`);
    }) as Backend["call"],
    subscribe: (h) => {
      handlers.add(h);
      return () => handlers.delete(h);
    },
    onReconnect: () => () => {},
    onConnection: () => () => {},
    teamLibraries: null,
    clientId: () => "me",
    saveExport: async () => "saved",
    saveTemplateFile: async () => "saved",
    pickWorkshopFile: async () => null,
    openTemplateFile: async () => null,
    receiveOpenedFiles: () => () => {},
    takeOpenedFile: async () => null,
    onFileDroppedElsewhere: () => () => {},
    emit: (ev) => handlers.forEach((h) => h(ev)),
  };
}

describe("boards as views of one workshop session", () => {
  // The session module reaches the toasts, and through them the page's language.
  beforeAll(() => {
    Object.assign(globalThis, { document: { documentElement: {} }, localStorage: { getItem: () => "en", setItem: () => {} } });
  });

  it("takes a change for board B while A is viewed into B's notes, and leaves A's as they were", async () => {
    const { WorkshopSession } = await import("../src/lib/workshop/session.svelte");
    const { BoardSession } = await import("../src/lib/board/session.svelte");
    const api = fakeBackend(workshop());
    const ws = new WorkshopSession(api, "w");
    await ws.load();
    expect(ws.ordered.map((b) => b.id)).toEqual(["a", "b"]);
    const a = new BoardSession(ws, "a");
    const storeA = a.store;
    expect(a.notes.map((n) => n.id)).toEqual(["na"]);

    api.emit({ type: "changed", workshop_id: "w", seq: 2, op_id: "o", client_id: "other", changes: [noteCreated(note("new", "b"))] });
    expect(a.store).toBe(storeA);
    const b = new BoardSession(ws, "b");
    expect(b.notes.map((n) => n.id).sort()).toEqual(["nb", "new"]);

    // Another workshop's events are not this one's.
    api.emit({ type: "changed", workshop_id: "x", seq: 3, op_id: "o", client_id: "other", changes: [noteCreated(note("stray", "b"))] });
    expect(b.store.notes.stray).toBeUndefined();
    ws.dispose();
  });

  it("follows another client's board move, and a deleted board's notes go with it", async () => {
    const { WorkshopSession } = await import("../src/lib/workshop/session.svelte");
    const api = fakeBackend(workshop());
    const ws = new WorkshopSession(api, "w");
    await ws.load();
    const info = (id: string, position: number, version: number) => ({ id, kind: "service_path" as const, title: id, position, version, live: { covered: false, writing: null } });
    const emit = (changes: Change[]) => api.emit({ type: "changed", workshop_id: "w", seq: 2, op_id: "o", client_id: "other", changes });
    emit([
      { entity: "board", id: "a", before: info("a", 0, 1), after: info("a", 1, 2) },
      { entity: "board", id: "b", before: info("b", 1, 1), after: info("b", 0, 2) },
    ]);
    expect(ws.ordered.map((b) => b.id)).toEqual(["b", "a"]);
    emit([
      { entity: "note", id: "nb", before: note("nb", "b"), after: null },
      { entity: "board", id: "b", before: info("b", 0, 2), after: null },
    ]);
    expect(ws.ordered.map((b) => b.id)).toEqual(["a"]);
    expect("b" in ws.notes).toBe(false);
    ws.dispose();
  });
});
