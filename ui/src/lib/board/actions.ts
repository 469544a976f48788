import { isTypingTarget, type KeyLike } from "../keys";
import { ARROW_STEP, type Point } from "./geometry";
import { TONES, type Tone } from "./sentiment";

/**
 * Every board action, once: the keyboard, the context menu, the toolbar and the zoom buttons all
 * run these, so a shortcut is one entry here and a menu item is the same code as its key.
 */

/** What the actions act through: the board (BoardActions.svelte) implements it. */
export interface ActionHost {
  /** The board is loaded and on screen (not the outline). */
  readonly ready: boolean;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly noteCount: number;
  /** Touchpoint ids in path order. */
  readonly stationIds: readonly string[];
  /** How many notes are picked on purpose (see Selection). */
  readonly pickedCount: number;
  /** The note with the keyboard focus. */
  readonly focused: string | null;
  /** Some label on the board differs from the words its template gave it. */
  readonly renamed: boolean;
  undo(): void;
  redo(): void;
  /** A new note ready to type: at `at` (board units) or, without it, under the touchpoint in focus. */
  addNote(tone: Tone, at: Point | null): void;
  edit(id: string): void;
  duplicate(ids: readonly string[]): void;
  remove(ids: readonly string[]): void;
  recolour(ids: readonly string[], tone: Tone): void;
  moveBy(ids: readonly string[], dx: number, dy: number): void;
  moveTo(ids: readonly string[], stationId: string): void;
  toggle(id: string): void;
  selectAll(): void;
  clearSelection(): void;
  openMenu(): void;
  zoomBy(factor: number): void;
  fit(): void;
  zoomTo(stationId: string): void;
  pan(dx: number, dy: number): void;
  resetLabels(): void;
}

export type ActionContext = {
  host: ActionHost;
  /** The notes the action is for: the selection, or the note it was asked on. */
  targets: readonly string[];
  /** Where on the board it was asked for (a right-click, a double-click), board units. */
  at?: Point | null;
};

export type Shortcut = {
  /** KeyboardEvent.key; letters in either case. */
  key: string;
  /** Ctrl, or Cmd on a Mac. */
  mod?: boolean;
  /** Must Shift be down; "any" for keys that need Shift on some layouts (+). */
  shift?: boolean | "any";
  alt?: boolean;
  /** Handed to `perform` when this key runs the action (which touchpoint a digit zooms to). */
  arg?: string;
};

/**
 * "anywhere": any focus but a text field (undo and redo, as in every app). "board": only with the
 * focus on the board itself or on a note, so N typed into a toolbar or list never makes a note.
 */
export type Scope = "anywhere" | "board";

export type Action = {
  id: string;
  labelKey: string;
  scope: Scope;
  shortcuts?: readonly Shortcut[];
  enabled(ctx: ActionContext, arg?: string): boolean;
  perform(ctx: ActionContext, arg?: string): void;
};

/** How far (screen px) an arrow key pans the board when no note is in focus or selected. */
export const PAN_STEP = 60;
export const ZOOM_STEP = 1.25;
/** The tone a note made by N, a double-click or "Add note here" starts with; one tap recolours it. */
export const DEFAULT_TONE: Tone = "neutral";

const ready = (c: ActionContext) => c.host.ready;
const some = (c: ActionContext) => c.host.ready && c.targets.length > 0;
const none = (c: ActionContext) => c.host.ready && c.targets.length === 0;

function arrows(
  id: string,
  when: (c: ActionContext) => boolean,
  run: (c: ActionContext, dx: number, dy: number) => void,
  step: number,
): Action[] {
  const dirs: [string, string, number, number][] = [
    ["Left", "ArrowLeft", -1, 0],
    ["Right", "ArrowRight", 1, 0],
    ["Up", "ArrowUp", 0, -1],
    ["Down", "ArrowDown", 0, 1],
  ];
  return dirs.map(([name, key, x, y]) => ({
    id: `${id}${name}`,
    labelKey: `actions.${id}${name}`,
    scope: "board",
    shortcuts: [{ key }],
    enabled: when,
    perform: (c) => run(c, x * step, y * step),
  }));
}

export const ACTIONS: readonly Action[] = [
  {
    id: "undo",
    labelKey: "actions.undo",
    scope: "anywhere",
    shortcuts: [{ key: "z", mod: true }],
    enabled: (c) => c.host.canUndo,
    perform: (c) => c.host.undo(),
  },
  {
    id: "redo",
    labelKey: "actions.redo",
    scope: "anywhere",
    shortcuts: [
      { key: "z", mod: true, shift: true },
      { key: "y", mod: true },
    ],
    enabled: (c) => c.host.canRedo,
    perform: (c) => c.host.redo(),
  },
  {
    id: "add",
    labelKey: "actions.add",
    scope: "board",
    shortcuts: [{ key: "n" }],
    enabled: ready,
    perform: (c, tone) => c.host.addNote(isTone(tone) ? tone : DEFAULT_TONE, c.at ?? null),
  },
  {
    id: "edit",
    labelKey: "actions.edit",
    scope: "board",
    // A focused note opens its editor itself (NoteCard); this is the menu's way in.
    shortcuts: [{ key: "Enter" }, { key: "F2" }],
    enabled: (c) => c.host.ready && c.targets.length === 1,
    perform: (c) => c.host.edit(c.targets[0]),
  },
  ...TONES.map(
    (tone): Action => ({
      id: `tone.${tone}`,
      labelKey: `actions.tone.${tone}`,
      scope: "board",
      enabled: some,
      perform: (c) => c.host.recolour(c.targets, tone),
    }),
  ),
  {
    id: "duplicate",
    labelKey: "actions.duplicate",
    scope: "board",
    shortcuts: [{ key: "d", mod: true }],
    enabled: some,
    perform: (c) => c.host.duplicate(c.targets),
  },
  {
    id: "moveTo",
    labelKey: "actions.moveTo",
    scope: "board",
    enabled: (c, station) => some(c) && c.host.stationIds.length > 0 && (!station || c.host.stationIds.includes(station)),
    perform: (c, station) => station && c.host.moveTo(c.targets, station),
  },
  {
    id: "delete",
    labelKey: "actions.delete",
    scope: "board",
    shortcuts: [{ key: "Delete" }, { key: "Backspace" }],
    enabled: some,
    perform: (c) => c.host.remove(c.targets),
  },
  ...arrows("move", some, (c, dx, dy) => c.host.moveBy(c.targets, dx, dy), ARROW_STEP),
  // The same arrows pan the board when there is no note to move.
  ...arrows("pan", none, (c, dx, dy) => c.host.pan(-dx, -dy), PAN_STEP),
  {
    id: "toggle",
    labelKey: "actions.toggle",
    scope: "board",
    shortcuts: [{ key: " " }],
    enabled: (c) => c.host.ready && c.host.focused !== null,
    perform: (c) => c.host.focused && c.host.toggle(c.host.focused),
  },
  {
    id: "selectAll",
    labelKey: "actions.selectAll",
    scope: "board",
    shortcuts: [{ key: "a", mod: true }],
    enabled: (c) => c.host.ready && c.host.noteCount > 0,
    perform: (c) => c.host.selectAll(),
  },
  {
    id: "clearSelection",
    labelKey: "actions.clearSelection",
    scope: "board",
    shortcuts: [{ key: "Escape" }],
    enabled: (c) => c.host.ready && c.host.pickedCount > 0,
    perform: (c) => c.host.clearSelection(),
  },
  {
    id: "menu",
    labelKey: "actions.menu",
    scope: "board",
    shortcuts: [{ key: "F10", shift: true }, { key: "ContextMenu" }],
    enabled: ready,
    perform: (c) => c.host.openMenu(),
  },
  {
    id: "zoomIn",
    labelKey: "actions.zoomIn",
    scope: "board",
    shortcuts: [
      { key: "+", shift: "any" },
      { key: "=", shift: "any" },
    ],
    enabled: ready,
    perform: (c) => c.host.zoomBy(ZOOM_STEP),
  },
  {
    id: "zoomOut",
    labelKey: "actions.zoomOut",
    scope: "board",
    shortcuts: [{ key: "-" }],
    enabled: ready,
    perform: (c) => c.host.zoomBy(1 / ZOOM_STEP),
  },
  {
    id: "fit",
    labelKey: "actions.fit",
    scope: "board",
    shortcuts: [{ key: "0" }],
    enabled: ready,
    perform: (c) => c.host.fit(),
  },
  {
    id: "resetLabels",
    labelKey: "actions.resetLabels",
    scope: "board",
    enabled: (c) => ready(c) && c.host.renamed,
    perform: (c) => c.host.resetLabels(),
  },
  {
    id: "zoomTo",
    labelKey: "actions.zoomTo",
    scope: "board",
    enabled: (c, station) => ready(c) && c.host.stationIds.length > 0 && (!station || c.host.stationIds.includes(station)),
    perform: (c, station) => station && c.host.zoomTo(station),
  },
  {
    id: "zoomToNth",
    labelKey: "actions.zoomToNth",
    scope: "board",
    shortcuts: ["1", "2", "3", "4", "5", "6", "7", "8", "9"].map((d) => ({ key: d, arg: d })),
    enabled: (c, n) => ready(c) && Number(n) >= 1 && Number(n) <= c.host.stationIds.length,
    perform: (c, n) => c.host.zoomTo(c.host.stationIds[Number(n) - 1]),
  },
];

function isTone(s: string | undefined): s is Tone {
  return (TONES as readonly string[]).includes(s ?? "");
}

const BY_ID = new Map(ACTIONS.map((a) => [a.id, a]));

export function action(id: string): Action {
  const a = BY_ID.get(id);
  if (!a) throw new Error(`no action ${id}`);
  return a;
}

/** Runs an action when it is enabled; true when it ran. */
export function run(id: string, ctx: ActionContext, arg?: string): boolean {
  const a = action(id);
  if (!a.enabled(ctx, arg)) return false;
  a.perform(ctx, arg);
  return true;
}

export function matches(s: Shortcut, e: KeyLike): boolean {
  if (!!s.mod !== (e.ctrlKey || e.metaKey)) return false;
  if (!!s.alt !== e.altKey) return false;
  if (s.shift !== "any" && !!s.shift !== e.shiftKey) return false;
  return s.key.length === 1 ? e.key.toLowerCase() === s.key.toLowerCase() : e.key === s.key;
}

/** Where a key press comes from, as far as the actions care. */
export type KeySource = "typing" | "board" | "note" | "other";

/**
 * "board" is the board region itself or nothing in particular (the page body, as after a click on
 * empty board); "note" a note card; "other" any other control, including a note's own tools (their
 * arrow keys and Space are theirs).
 */
export function keySource(target: EventTarget | null, board: Element | null | undefined): KeySource {
  if (isTypingTarget(target)) return "typing";
  const el = target as Element | null;
  if (!el || typeof el.matches !== "function") return "board";
  if (el === board || el.tagName === "BODY" || el.tagName === "HTML") return "board";
  if (board?.contains(el) && el.matches('[data-testid="note"]')) return "note";
  return "other";
}

/** The action (and its argument) a key press runs, or null: what the keyboard handler asks. */
export function forKey(
  e: KeyLike & { defaultPrevented?: boolean; isComposing?: boolean },
  source: KeySource,
  ctx: ActionContext,
): { action: Action; arg?: string } | null {
  if (e.defaultPrevented || e.isComposing || source === "typing") return null;
  for (const a of ACTIONS) {
    if (a.scope === "board" && source !== "board" && source !== "note") continue;
    for (const s of a.shortcuts ?? []) {
      if (matches(s, e) && a.enabled(ctx, s.arg)) return { action: a, arg: s.arg };
    }
  }
  return null;
}

const MAC = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform ?? "");

const KEY_NAMES: Record<string, string> = {
  " ": "Space",
  Delete: "Del",
  Escape: "Esc",
  ArrowLeft: "←",
  ArrowRight: "→",
  ArrowUp: "↑",
  ArrowDown: "↓",
};

/** A shortcut as people write it: Ctrl+D (⌘D on a Mac), Shift+F10. */
export function shortcutText(s: Shortcut, mac = MAC): string {
  const key = KEY_NAMES[s.key] ?? (s.key.length === 1 ? s.key.toUpperCase() : s.key);
  if (mac) return `${s.alt ? "⌥" : ""}${s.shift === true ? "⇧" : ""}${s.mod ? "⌘" : ""}${key}`;
  return [s.mod && "Ctrl", s.alt && "Alt", s.shift === true && "Shift", key].filter(Boolean).join("+");
}

/** The first shortcut of an action, written out, for a menu item or a tooltip. */
export function shortcutOf(id: string, mac = MAC): string | undefined {
  const s = action(id).shortcuts?.[0];
  return s ? shortcutText(s, mac) : undefined;
}
