import { ApiError, errorKey, toApiError } from "../api/errors";
import { hasKey } from "../i18n/index.svelte";
import type { Params } from "../i18n/lookup";

/** A message by key: `count` picks the plural form. */
export type Message = { key: string; params?: Params; count?: number };

/** A button in the toast that acts on what it tells (Undo); the toast goes away once pressed. */
export type ToastAction = { key: string; run: () => void | Promise<void> };

export type Toast = Message & {
  id: number;
  tone: "info" | "error";
  /** A message shown inside this one's `{what}`, e.g. what an undo did. */
  what?: Message;
  action?: ToastAction;
};

// Keys, not texts, are kept: a toast still on screen follows a language switch.
export const toasts = $state<Toast[]>([]);
let next = 1;

export function notify(key: string, params?: Params, tone: Toast["tone"] = "info", ms = 6000): void {
  // The same message twice in a row (a double press) is shown once.
  if (toasts.some((t) => t.key === key && !t.action)) return;
  show({ key, params, tone }, ms);
}

/**
 * A message with a button that takes it back (Undo), kept long enough to reach it. It replaces an
 * older one with the same key: only the latest can still be taken back.
 */
export function offer(message: Message, action: ToastAction, ms = 10000): void {
  for (const t of toasts.filter((t) => t.action)) dismiss(t.id);
  show({ ...message, tone: "info", action }, ms);
}

/** A message that says what an undo or redo did (`key` holds `{what}`). */
export function notifyWhat(key: string, what: Message, ms = 6000): void {
  for (const t of toasts.filter((t) => t.what)) dismiss(t.id);
  show({ key, what, tone: "info" }, ms);
}

/** An offer that no longer holds (something newer was done) goes away. */
export function withdrawOffers(): void {
  for (const t of toasts.filter((t) => t.action)) dismiss(t.id);
}

/**
 * A toast's time left. Its clock stands while the pointer is on it or the focus is in it (WCAG
 * 2.2.1): someone who reads slowly, or needs a while to reach its Undo, keeps it by pointing at it.
 */
type Clock = { left: number; since: number; timer: ReturnType<typeof setTimeout> | null; holds: Set<Hold> };
export type Hold = "pointer" | "focus";
const clocks = new Map<number, Clock>();

/** Let go with only a moment left, a toast would vanish as the pointer leaves, as if it fled. */
export const LEFT_AFTER_HOLD = 2000;

function run(id: number, clock: Clock): void {
  clock.since = Date.now();
  clock.timer = setTimeout(() => dismiss(id), clock.left);
}

function show(toast: Omit<Toast, "id">, ms: number): void {
  const shown = { ...toast, id: next++ };
  toasts.push(shown);
  if (toasts.length > 3) dismiss(toasts[0].id);
  const clock: Clock = { left: ms, since: 0, timer: null, holds: new Set() };
  clocks.set(shown.id, clock);
  run(shown.id, clock);
}

/** The toast stays while held: its clock stands until every hold is let go. */
export function hold(id: number, why: Hold): void {
  const clock = clocks.get(id);
  if (!clock) return;
  clock.holds.add(why);
  if (clock.timer === null) return;
  clearTimeout(clock.timer);
  clock.timer = null;
  clock.left -= Date.now() - clock.since;
}

export function release(id: number, why: Hold): void {
  const clock = clocks.get(id);
  if (!clock || !clock.holds.delete(why) || clock.holds.size > 0 || clock.timer !== null) return;
  clock.left = Math.max(clock.left, LEFT_AFTER_HOLD);
  run(id, clock);
}

export function notifyError(err: unknown): ApiError {
  const e = toApiError(err);
  if (e.code === "internal" || e.code === "network") console.error(e);
  notify(errorKey(e, hasKey), undefined, "error", 8000);
  return e;
}

export function dismiss(id: number): void {
  const clock = clocks.get(id);
  if (clock && clock.timer !== null) clearTimeout(clock.timer);
  clocks.delete(id);
  const i = toasts.findIndex((t) => t.id === id);
  if (i >= 0) toasts.splice(i, 1);
}

/** Presses a toast's button: it goes at once, so a second press cannot run it twice. */
export function act(toast: Toast): void {
  dismiss(toast.id);
  void toast.action?.run();
}
