import type { Change, Persona, WalkStep, Walkthrough } from "../api/types";

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

/** Applies the persona and walk changes in place; true when any was taken. */
export function applyPeople(people: People, changes: readonly Change[]): boolean {
  let any = false;
  for (const c of changes) {
    const map = (
      c.entity === "persona" ? people.personas : c.entity === "walkthrough" ? people.walkthroughs : c.entity === "walk_step" ? people.steps : null
    ) as Record<string, { version: number }> | null;
    if (!map) continue;
    const held = map[c.id];
    if (c.after) {
      if (held && held.version > c.after.version) continue;
      map[c.id] = c.after;
    } else {
      delete map[c.id];
    }
    any = true;
  }
  return any;
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
