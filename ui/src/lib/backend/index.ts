import type { Backend } from "./backend";
import { WebBackend, webClientId } from "./web";

export type { Backend } from "./backend";

let current: Backend | null = null;

/** Picks the transport once, at start: inside the desktop window Tauri's globals exist. */
export async function startBackend(): Promise<Backend> {
  if (current) return current;
  if ("__TAURI_INTERNALS__" in window) {
    const { TauriBackend } = await import("./tauri");
    current = await TauriBackend.create();
  } else {
    current = new WebBackend(await webClientId());
  }
  return current;
}

export function backend(): Backend {
  if (!current) throw new Error("backend not started");
  return current;
}
