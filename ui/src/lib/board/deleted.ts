import type { Note } from "../api/types";
import { offer, type Message } from "../ui/toast.svelte";

/** A note's text as a toast quotes it: one line, cut with "…" when long. */
export function quoted(text: string, max = 40): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

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
