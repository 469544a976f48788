import type { Note } from "../api/types";
import { offer, type Message } from "../ui/toast.svelte";
import { quoted } from "../workshop/describe";

/** "Note “…” deleted", "3 notes deleted". */
export function deletedMessage(gone: readonly Pick<Note, "text">[]): Message {
  if (gone.length !== 1) return { key: "notes.deleted", count: gone.length };
  const text = quoted(gone[0].text);
  return text ? { key: "note.deleted", params: { text } } : { key: "note.deleted.empty" };
}

/** Says what a delete took, with an Undo button in the message: the board's and the outline's way. */
export function offerUndoDelete(gone: readonly Pick<Note, "text">[], undo: () => Promise<unknown>): void {
  if (gone.length) offer(deletedMessage(gone), { key: "toast.undo", run: () => void undo() });
}
