import type { Backend } from "../backend/backend";

/**
 * Calls `reload` whenever the library may have changed: a workshop created, renamed, deleted,
 * restored or erased here or in another window, or events missed while the stream was down.
 * Returns the unsubscribe function, for an `$effect` to return.
 */
export function onLibraryChange(api: Backend, reload: () => void): () => void {
  const offs = [
    api.subscribe((ev) => {
      if (ev.type === "library_changed") reload();
    }),
    api.onReconnect(reload),
  ];
  return () => offs.forEach((off) => off());
}
