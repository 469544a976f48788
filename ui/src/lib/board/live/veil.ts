import type { BoardLive, Note } from "../../api/types";

/**
 * Why a screen shows a note only as a blank card: written privately by someone else and not yet
 * revealed ("face_down": its colour hidden too, since the colour says how it felt), or the whole
 * board covered while people write on paper ("covered": the colour stays, the words go).
 */
export type Veil = "face_down" | "covered";

export function veilOf(n: Pick<Note, "id" | "face_down">, live: BoardLive | undefined, mine: ReadonlySet<string>): Veil | null {
  if (n.face_down && !mine.has(n.id)) return "face_down";
  return live?.covered ? "covered" : null;
}

/** The copy a screen draws of a veiled note: no words, and face down no colour either. */
export function veiled(n: Note, veil: Veil): Note {
  return veil === "face_down" ? { ...n, text: "", kind: "observation", sentiment: null } : { ...n, text: "" };
}

/** Face-down notes per place (touchpoint, box or column id; "" for none), in the order of `places`. */
export function faceDownByPlace(notes: readonly Pick<Note, "face_down" | "touchpoint_id">[], places: readonly { id: string; label: string }[]): { label: string | null; count: number }[] {
  const counts = new Map<string, number>();
  for (const n of notes) if (n.face_down) counts.set(n.touchpoint_id ?? "", (counts.get(n.touchpoint_id ?? "") ?? 0) + 1);
  const out = places.filter((p) => counts.has(p.id)).map((p) => ({ label: p.label, count: counts.get(p.id)! }));
  const elsewhere = [...counts].filter(([id]) => !places.some((p) => p.id === id)).reduce((sum, [, c]) => sum + c, 0);
  return elsewhere ? [...out, { label: null, count: elsewhere }] : out;
}
