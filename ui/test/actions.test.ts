import { describe, expect, it } from "vitest";
import { ACTIONS, forKey, keySource, matches, run, shortcutOf, shortcutText, type ActionContext, type ActionHost } from "../src/lib/board/actions";
import { boardMenu, noteMenu } from "../src/lib/board/menus";
import type { Station } from "../src/lib/board/geometry";
import en from "../src/lib/i18n/en.json";
import type { KeyLike } from "../src/lib/keys";

type Call = [string, ...unknown[]];

/** A board that records what the actions asked of it. */
function fakeHost(over: Partial<ActionHost> = {}): ActionHost & { calls: Call[] } {
  const calls: Call[] = [];
  const rec =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push([name, ...args]);
    };
  return {
    calls,
    ready: true,
    canUndo: true,
    canRedo: false,
    noteCount: 3,
    stationIds: ["s1", "s2", "s3"],
    pickedCount: 0,
    focused: null,
    renamed: false,
    undo: rec("undo"),
    redo: rec("redo"),
    addNote: rec("addNote"),
    edit: rec("edit"),
    duplicate: rec("duplicate"),
    remove: rec("remove"),
    recolour: rec("recolour"),
    moveBy: rec("moveBy"),
    moveTo: rec("moveTo"),
    toggle: rec("toggle"),
    selectAll: rec("selectAll"),
    clearSelection: rec("clearSelection"),
    openMenu: rec("openMenu"),
    zoomBy: rec("zoomBy"),
    fit: rec("fit"),
    zoomTo: rec("zoomTo"),
    pan: rec("pan"),
    resetLabels: rec("resetLabels"),
    ...over,
  };
}

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

/** What forKey picks for a key, as "id" or "id:arg"; null when nothing. */
function which(k: KeyLike, ctx: ActionContext, source: Parameters<typeof forKey>[1] = "board"): string | null {
  const hit = forKey(k, source, ctx);
  return hit ? hit.action.id + (hit.arg ? `:${hit.arg}` : "") : null;
}

describe("the action registry", () => {
  it("has unique ids and a label in the dictionary for each", () => {
    const ids = ACTIONS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    const missing = ACTIONS.map((a) => a.labelKey).filter((k) => !(k in en));
    expect(missing).toEqual([]);
  });

  it("gives no key to two actions that could both be enabled at once", () => {
    // Arrows are shared on purpose: move when there is a note to move, pan when there is none.
    const shared = new Map<string, string[]>();
    for (const a of ACTIONS) {
      for (const s of a.shortcuts ?? []) {
        const sig = `${s.mod}|${s.shift}|${s.alt}|${s.key.toLowerCase()}`;
        shared.set(sig, [...(shared.get(sig) ?? []), a.id]);
      }
    }
    const clashes = [...shared.values()].filter((ids) => ids.length > 1).map((ids) => ids.sort().join("+"));
    expect(clashes.sort()).toEqual(["moveDown+panDown", "moveLeft+panLeft", "moveRight+panRight", "moveUp+panUp"]);
  });
});

describe("enabled-when", () => {
  it("acts on notes only when there are notes in hand", () => {
    const host = fakeHost();
    expect(run("delete", { host, targets: [] })).toBe(false);
    expect(run("duplicate", { host, targets: [] })).toBe(false);
    expect(run("delete", { host, targets: ["a", "b"] })).toBe(true);
    expect(host.calls).toEqual([["remove", ["a", "b"]]]);
  });

  it("edits exactly one note", () => {
    const host = fakeHost();
    expect(run("edit", { host, targets: ["a", "b"] })).toBe(false);
    expect(run("edit", { host, targets: ["a"] })).toBe(true);
    expect(host.calls).toEqual([["edit", "a"]]);
  });

  it("follows the history for undo and redo", () => {
    const host = fakeHost({ canUndo: false, canRedo: true });
    expect(run("undo", { host, targets: [] })).toBe(false);
    expect(run("redo", { host, targets: [] })).toBe(true);
    expect(host.calls).toEqual([["redo"]]);
  });

  it("does nothing on the board while it is not shown", () => {
    const host = fakeHost({ ready: false });
    for (const id of ["add", "delete", "selectAll", "fit", "menu"]) expect(run(id, { host, targets: ["a"] })).toBe(false);
    expect(host.calls).toEqual([]);
  });

  it("selects all only when there is a note, clears only a selection", () => {
    expect(run("selectAll", { host: fakeHost({ noteCount: 0 }), targets: [] })).toBe(false);
    expect(run("clearSelection", { host: fakeHost({ pickedCount: 0 }), targets: [] })).toBe(false);
    const host = fakeHost({ pickedCount: 2 });
    expect(run("clearSelection", { host, targets: ["a", "b"] })).toBe(true);
    expect(host.calls).toEqual([["clearSelection"]]);
  });

  it("moves to and zooms to touchpoints that exist", () => {
    const host = fakeHost();
    expect(run("moveTo", { host, targets: ["a"] }, "gone")).toBe(false);
    expect(run("moveTo", { host, targets: ["a"] }, "s2")).toBe(true);
    expect(run("zoomTo", { host, targets: [] }, "s3")).toBe(true);
    expect(host.calls).toEqual([
      ["moveTo", ["a"], "s2"],
      ["zoomTo", "s3"],
    ]);
  });

  it("adds a note where it was asked for, in the default tone", () => {
    const host = fakeHost();
    run("add", { host, targets: [], at: { x: 400, y: 300 } });
    run("add", { host, targets: [] }, "idea");
    expect(host.calls).toEqual([
      ["addNote", "neutral", { x: 400, y: 300 }],
      ["addNote", "idea", null],
    ]);
  });
});

describe("shortcuts", () => {
  it("matches letters in either case, Ctrl or Cmd, and Shift exactly", () => {
    expect(matches({ key: "d", mod: true }, key("d", { ctrlKey: true }))).toBe(true);
    expect(matches({ key: "d", mod: true }, key("D", { metaKey: true }))).toBe(true);
    expect(matches({ key: "d", mod: true }, key("d"))).toBe(false);
    expect(matches({ key: "n" }, key("n", { ctrlKey: true }))).toBe(false);
    expect(matches({ key: "n" }, key("N", { shiftKey: true }))).toBe(false);
    expect(matches({ key: "F10", shift: true }, key("F10", { shiftKey: true }))).toBe(true);
    expect(matches({ key: "F10", shift: true }, key("F10"))).toBe(false);
    expect(matches({ key: "+", shift: "any" }, key("+", { shiftKey: true }))).toBe(true);
    // AltGr (Ctrl+Alt) types characters on many layouts.
    expect(matches({ key: "z", mod: true }, key("z", { ctrlKey: true, altKey: true }))).toBe(false);
  });

  it("picks the action for a key press on the board", () => {
    const ctx = { host: fakeHost(), targets: ["a"] };
    expect(which(key("n"), ctx)).toBe("add");
    expect(which(key("d", { ctrlKey: true }), ctx)).toBe("duplicate");
    expect(which(key("Delete"), ctx)).toBe("delete");
    expect(which(key("a", { metaKey: true }), ctx)).toBe("selectAll");
    expect(which(key("F10", { shiftKey: true }), ctx)).toBe("menu");
    expect(which(key("ContextMenu"), ctx)).toBe("menu");
    expect(which(key("z", { ctrlKey: true }), ctx)).toBe("undo");
    expect(which(key("2"), ctx)).toBe("zoomToNth:2");
    expect(which(key("0"), ctx)).toBe("fit");
    expect(which(key("x"), ctx)).toBeNull();
  });

  it("moves notes with the arrows, and pans the board when there is none", () => {
    expect(which(key("ArrowLeft"), { host: fakeHost(), targets: ["a"] })).toBe("moveLeft");
    expect(which(key("ArrowLeft"), { host: fakeHost(), targets: [] })).toBe("panLeft");
    const host = fakeHost();
    forKey(key("ArrowDown"), "board", { host, targets: ["a", "b"] })!.action.perform({ host, targets: ["a", "b"] });
    forKey(key("ArrowDown"), "board", { host, targets: [] })!.action.perform({ host, targets: [] });
    expect(host.calls[0]).toEqual(["moveBy", ["a", "b"], 0, 10]);
    // The board comes up when the view goes down.
    expect(host.calls[1][0]).toBe("pan");
    expect(host.calls[1][2]).toBeLessThan(0);
  });

  it("zooms only to a touchpoint that is there", () => {
    const ctx = { host: fakeHost({ stationIds: ["s1", "s2"] }), targets: [] };
    expect(which(key("2"), ctx)).toBe("zoomToNth:2");
    expect(which(key("3"), ctx)).toBeNull();
    forKey(key("2"), "board", ctx)!.action.perform(ctx, "2");
    expect((ctx.host as ReturnType<typeof fakeHost>).calls).toEqual([["zoomTo", "s2"]]);
  });

  it("leaves typing alone, and board keys to the board", () => {
    const ctx = { host: fakeHost(), targets: ["a"] };
    expect(which(key("n"), ctx, "typing")).toBeNull();
    expect(which(key("Delete"), ctx, "typing")).toBeNull();
    expect(which(key("z", { ctrlKey: true }), ctx, "typing")).toBeNull();
    // From a toolbar button: undo still works, N and Delete do not touch the board.
    expect(which(key("z", { ctrlKey: true }), ctx, "other")).toBe("undo");
    expect(which(key("n"), ctx, "other")).toBeNull();
    expect(which(key("Delete"), ctx, "other")).toBeNull();
    expect(which(key("n"), ctx, "note")).toBe("add");
  });

  it("skips a key something else already handled", () => {
    const ctx = { host: fakeHost(), targets: ["a"] };
    expect(forKey({ ...key("Delete"), defaultPrevented: true }, "note", ctx)).toBeNull();
    expect(forKey({ ...key("n"), isComposing: true }, "board", ctx)).toBeNull();
  });

  it("toggles the focused note with Space, not from the bare board", () => {
    expect(which(key(" "), { host: fakeHost({ focused: "a" }), targets: ["a"] }, "note")).toBe("toggle");
    expect(which(key(" "), { host: fakeHost({ focused: null }), targets: [] })).toBeNull();
  });

  it("writes shortcuts the way people read them", () => {
    expect(shortcutText({ key: "d", mod: true }, false)).toBe("Ctrl+D");
    expect(shortcutText({ key: "d", mod: true }, true)).toBe("⌘D");
    expect(shortcutText({ key: "F10", shift: true }, false)).toBe("Shift+F10");
    expect(shortcutText({ key: "Delete" }, false)).toBe("Del");
    expect(shortcutOf("duplicate", false)).toBe("Ctrl+D");
    expect(shortcutOf("moveTo", false)).toBeUndefined();
  });
});

describe("where a key comes from", () => {
  type Fake = { tagName: string; isContentEditable?: boolean; type?: string; matches(sel: string): boolean };
  const node = (tagName: string, note = false, extra: Partial<Fake> = {}): Fake => ({
    tagName,
    matches: (sel: string) => note && sel.includes('data-testid="note"'),
    ...extra,
  });
  const inside = new Set<unknown>();
  const board = { tagName: "DIV", contains: (el: unknown) => inside.has(el) } as unknown as Element;
  const card = node("DIV", true);
  const tool = node("BUTTON");
  inside.add(card).add(tool);

  it("tells the board, a note, a text field and other controls apart", () => {
    expect(keySource(board, board)).toBe("board");
    expect(keySource(node("BODY") as unknown as Element, board)).toBe("board");
    expect(keySource(card as unknown as Element, board)).toBe("note");
    // A note's own tools keep their keys (arrows in a palette).
    expect(keySource(tool as unknown as Element, board)).toBe("other");
    expect(keySource(node("TEXTAREA") as unknown as Element, board)).toBe("typing");
    expect(keySource(node("INPUT", false, { type: "text" }) as unknown as Element, board)).toBe("typing");
    // A note outside this board (none should exist) is not this board's.
    expect(keySource(node("DIV", true) as unknown as Element, board)).toBe("other");
  });
});

describe("menus", () => {
  const stations: Station[] = ["First contact", "Pause", "Ends"].map((label, index) => ({
    id: `s${index + 1}`,
    label,
    index,
    rank: index,
    x: 160 + index * 260,
    top: null,
    description: "",
    phase_id: null,
    side_station: false,
  }));
  const t = (k: string, p?: Record<string, string | number>) => (p ? `${k}(${Object.values(p).join(",")})` : k);

  it("offers a note's actions, with its tone checked and the touchpoints to move to", () => {
    const items = noteMenu({ host: fakeHost(), targets: ["a"] }, stations, "positive", t);
    expect(items.map((i) => i.action)).toEqual([
      "edit",
      "tone.negative",
      "tone.neutral",
      "tone.positive",
      "tone.idea",
      "tone.question",
      "duplicate",
      "moveTo",
      "delete",
    ]);
    expect(items.filter((i) => i.checked).map((i) => i.tone)).toEqual(["positive"]);
    const move = items.find((i) => i.action === "moveTo")!;
    expect(move.submenu!.map((i) => [i.label, i.arg])).toEqual([
      ["actions.touchpoint(1,First contact)", "s1"],
      ["actions.touchpoint(2,Pause)", "s2"],
      ["actions.touchpoint(3,Ends)", "s3"],
    ]);
    expect(items.find((i) => i.action === "duplicate")!.shortcut).toBe(shortcutOf("duplicate"));
  });

  it("cannot move notes to the touchpoint they are already under", () => {
    const items = noteMenu({ host: fakeHost(), targets: ["a"] }, stations, "neutral", t, "s2");
    const move = items.find((i) => i.action === "moveTo")!;
    expect(move.submenu!.map((i) => [i.arg, i.disabled])).toEqual([
      ["s1", false],
      ["s2", true],
      ["s3", false],
    ]);
  });

  it("has no Edit for several notes, and no tone checked when they differ", () => {
    const items = noteMenu({ host: fakeHost(), targets: ["a", "b"] }, stations, null, t);
    expect(items.some((i) => i.action === "edit")).toBe(false);
    expect(items.some((i) => i.checked)).toBe(false);
  });

  it("offers the original labels back only when something was renamed", () => {
    const items = boardMenu({ host: fakeHost({ renamed: true }), targets: [] }, stations, t);
    expect(items.find((i) => i.action === "resetLabels")?.disabled).toBe(false);
  });

  it("offers empty board's actions, disabled when they cannot run", () => {
    const items = boardMenu({ host: fakeHost({ noteCount: 0 }), targets: [], at: { x: 1, y: 2 } }, stations, t);
    expect(items.map((i) => [i.action, i.disabled])).toEqual([
      ["add", false],
      ["selectAll", true],
      ["fit", false],
      ["zoomTo", false],
      ["resetLabels", true],
    ]);
    expect(items[0].label).toBe("actions.addHere");
    expect(items[3].submenu!.map((i) => i.shortcut)).toEqual(["1", "2", "3"]);
  });
});
