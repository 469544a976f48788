import type { Backend } from "./backend";
import { WebBackend, webClientId } from "./web";

export type { Backend } from "./backend";

let current: Backend | null = null;

/**
 * Picks the transport once, at start: the desktop window's own page (Tauri's origin) talks IPC.
 * A team server's page in a desktop window of its own has Tauri's globals too, but no IPC (and
 * no right to it): it talks to its server, as in a browser.
 */
export async function startBackend(): Promise<Backend> {
  if (current) return current;
  const tauriOrigin = location.protocol === "tauri:" || location.hostname === "tauri.localhost";
  if ("__TAURI_INTERNALS__" in window && tauriOrigin) {
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
