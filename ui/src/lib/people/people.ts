import type { Persona, WalkStep, Walkthrough } from "../api/types";

/**
 * The workshop's personas, walkthroughs and walk steps as this client holds them, kept current
 * from op results and other clients' change events like the notes are (see board/changes.ts):
 * a late, older copy never replaces a newer one.
 */
export type People = {
  personas: Record<string, Persona>;
  walkthroughs: Record<string, Walkthrough>;
  steps: Record<string, WalkStep>;
};

export function peopleFrom(personas: readonly Persona[], walkthroughs: readonly Walkthrough[], steps: readonly WalkStep[]): People {
  const byId = <T extends { id: string }>(list: readonly T[]) => Object.fromEntries(list.map((v) => [v.id, v]));
  return { personas: byId(personas), walkthroughs: byId(walkthroughs), steps: byId(steps) };
}

/**
 * Applies one persona, walkthrough or walk-step change to its map in place; false when it was an
 * older copy than the one held.
 */
export function applyVersioned<V extends { version: number }>(map: Record<string, V>, change: { id: string; after: V | null }): boolean {
  const held = map[change.id];
  if (change.after) {
    if (held && held.version > change.after.version) return false;
    map[change.id] = change.after;
  } else {
    delete map[change.id];
  }
  return true;
}

/** A persona's walkthroughs on a board, the most recent first. */
export function walksOf(people: People, personaId: string, boardId: string): Walkthrough[] {
  return Object.values(people.walkthroughs)
    .filter((w) => w.persona_id === personaId && w.board_id === boardId)
    .sort((a, b) => b.created_at - a.created_at || (a.id < b.id ? 1 : -1));
}

/** A walk's steps by touchpoint id. */
export function stepsOf(people: People, walkthroughId: string): Map<string, WalkStep> {
  const out = new Map<string, WalkStep>();
  for (const s of Object.values(people.steps)) if (s.walkthrough_id === walkthroughId) out.set(s.touchpoint_id, s);
  return out;
}
