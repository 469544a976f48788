export type KeyLike = {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
};

export type HistoryAction = "undo" | "redo";

/**
 * Ctrl/Cmd+Z undoes; Shift+Ctrl/Cmd+Z and Ctrl/Cmd+Y redo. Alt combinations are left alone: on
 * some layouts AltGr (Ctrl+Alt) types characters.
 */
export function historyAction(e: KeyLike): HistoryAction | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === "z") return e.shiftKey ? "redo" : "undo";
  if (key === "y" && !e.shiftKey) return "redo";
  return null;
}

/** Whether keystrokes go to text the user is typing, where Ctrl+Z means the field's own undo. */
export function isTypingTarget(target: EventTarget | null): boolean {
  const el = target as (HTMLElement & { type?: string }) | null;
  if (!el || typeof el.tagName !== "string") return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName.toLowerCase();
  if (tag === "textarea" || tag === "select") return true;
  if (tag !== "input") return false;
  const type = (el.type ?? "text").toLowerCase();
  return !["button", "checkbox", "radio", "submit", "reset", "range", "color", "file", "image"].includes(type);
}

/** Arrow keys move a focused note; the board offset for one press, or null for other keys. */
export function arrowDelta(key: string, step: number): { dx: number; dy: number } | null {
  switch (key) {
    case "ArrowLeft":
      return { dx: -step, dy: 0 };
    case "ArrowRight":
      return { dx: step, dy: 0 };
    case "ArrowUp":
      return { dx: 0, dy: -step };
    case "ArrowDown":
      return { dx: 0, dy: step };
    default:
      return null;
  }
}

/**
 * The note editors' keys (the board card, the outline entry, the outline's add form): Enter saves,
 * Shift+Enter makes a new line, Esc gives up. Enter while an input method composes is its own.
 * Takes the key away from the browser when it is one of these.
 */
export function noteEditorKey(e: KeyboardEvent): "save" | "cancel" | null {
  const action = e.key === "Enter" && !e.shiftKey && !e.isComposing ? "save" : e.key === "Escape" ? "cancel" : null;
  if (action) e.preventDefault();
  return action;
}
