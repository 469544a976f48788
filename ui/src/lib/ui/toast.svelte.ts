import { ApiError, errorKey, toApiError } from "../api/errors";
import { hasKey } from "../i18n/index.svelte";
import type { Params } from "../i18n/lookup";

export type Toast = { id: number; key: string; params?: Params; tone: "info" | "error" };

// Keys, not texts, are kept: a toast still on screen follows a language switch.
export const toasts = $state<Toast[]>([]);
let next = 1;

export function notify(key: string, params?: Params, tone: Toast["tone"] = "info", ms = 6000): void {
  // The same message twice in a row (a double press) is shown once.
  if (toasts.some((t) => t.key === key)) return;
  const toast = { id: next++, key, params, tone };
  toasts.push(toast);
  if (toasts.length > 3) toasts.shift();
  setTimeout(() => dismiss(toast.id), ms);
}

export function notifyError(err: unknown): ApiError {
  const e = toApiError(err);
  if (e.code === "internal" || e.code === "network") console.error(e);
  notify(errorKey(e, hasKey), undefined, "error", 8000);
  return e;
}

export function dismiss(id: number): void {
  const i = toasts.findIndex((t) => t.id === id);
  if (i >= 0) toasts.splice(i, 1);
}
