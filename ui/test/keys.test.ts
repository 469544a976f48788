import { describe, expect, it } from "vitest";
import { arrowDelta, historyAction, isTypingTarget, noteEditorKey, type KeyLike } from "../src/lib/keys";

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe("undo and redo keys", () => {
  it("undoes with Ctrl+Z and Cmd+Z", () => {
    expect(historyAction(key("z", { ctrlKey: true }))).toBe("undo");
    expect(historyAction(key("z", { metaKey: true }))).toBe("undo");
  });

  it("redoes with Shift+Ctrl/Cmd+Z and Ctrl+Y", () => {
    expect(historyAction(key("Z", { ctrlKey: true, shiftKey: true }))).toBe("redo");
    expect(historyAction(key("z", { metaKey: true, shiftKey: true }))).toBe("redo");
    expect(historyAction(key("y", { ctrlKey: true }))).toBe("redo");
  });

  it("leaves other combinations alone", () => {
    expect(historyAction(key("z"))).toBeNull();
    expect(historyAction(key("z", { shiftKey: true }))).toBeNull();
    expect(historyAction(key("z", { ctrlKey: true, altKey: true }))).toBeNull();
    expect(historyAction(key("y", { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(historyAction(key("x", { ctrlKey: true }))).toBeNull();
  });
});

describe("typing targets", () => {
  const el = (tagName: string, extra: Record<string, unknown> = {}) =>
    ({ tagName, isContentEditable: false, ...extra }) as unknown as EventTarget;

  it("counts text fields and editable content", () => {
    expect(isTypingTarget(el("TEXTAREA"))).toBe(true);
    expect(isTypingTarget(el("INPUT", { type: "text" }))).toBe(true);
    expect(isTypingTarget(el("INPUT", { type: "search" }))).toBe(true);
    expect(isTypingTarget(el("SELECT"))).toBe(true);
    expect(isTypingTarget(el("DIV", { isContentEditable: true }))).toBe(true);
  });

  it("does not count buttons, notes or the page", () => {
    expect(isTypingTarget(el("BUTTON"))).toBe(false);
    expect(isTypingTarget(el("INPUT", { type: "checkbox" }))).toBe(false);
    expect(isTypingTarget(el("DIV"))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe("arrow keys", () => {
  it("move by the step in the arrow's direction", () => {
    expect(arrowDelta("ArrowLeft", 10)).toEqual({ dx: -10, dy: 0 });
    expect(arrowDelta("ArrowRight", 10)).toEqual({ dx: 10, dy: 0 });
    expect(arrowDelta("ArrowUp", 10)).toEqual({ dx: 0, dy: -10 });
    expect(arrowDelta("ArrowDown", 10)).toEqual({ dx: 0, dy: 10 });
    expect(arrowDelta("a", 10)).toBeNull();
  });
});

describe("the note editors' keys", () => {
  const press = (init: KeyboardEventInit) => {
    const e = { ...init, defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    return { action: noteEditorKey(e as unknown as KeyboardEvent), e };
  };
  it("saves on Enter, gives up on Esc, and leaves Shift+Enter and composing to the text", () => {
    expect(press({ key: "Enter" }).action).toBe("save");
    expect(press({ key: "Enter" }).e.defaultPrevented).toBe(true);
    expect(press({ key: "Escape" }).action).toBe("cancel");
    const newline = press({ key: "Enter", shiftKey: true });
    expect([newline.action, newline.e.defaultPrevented]).toEqual([null, false]);
    expect(press({ key: "Enter", isComposing: true }).action).toBeNull();
    expect(press({ key: "a" }).action).toBeNull();
  });
});
