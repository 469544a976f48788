import type { Vote } from "../api/types";

/**
 * Dot votes as the screens read them: the vote going on on a board, results ranked with ties
 * sharing a place (1, 1, 3 …), the top kept. The counts are the vote record's (`polku_core::vote`);
 * who gave which dot is never here.
 */

/** The vote open on a board now (the latest, should there be several). */
export function openVote(votes: Record<string, Vote>, boardId: string): Vote | null {
  return latest(Object.values(votes).filter((v) => v.board_id === boardId && v.fields.ended_at === null));
}

/** The board's latest vote, open or ended: the one whose results the board shows. */
export function currentVote(votes: Record<string, Vote>, boardId: string): Vote | null {
  return openVote(votes, boardId) ?? latest(Object.values(votes).filter((v) => v.board_id === boardId));
}

function latest(list: Vote[]): Vote | null {
  return list.reduce<Vote | null>((a, b) => (!a || b.fields.started_at > a.fields.started_at ? b : a), null);
}

/** Whether a vote's counts may be shown: not hidden, or ended. */
export function countsShown(v: Vote): boolean {
  return !v.fields.settings.hidden || v.fields.ended_at !== null;
}

export function countOf(v: Vote, target: string): number {
  return v.fields.counts.find((c) => c.target_id === target)?.count ?? 0;
}

export type Ranked = { rank: number; target: string; count: number };

/** Every target, most dots first; equal counts share a rank and the next rank skips (1, 1, 3). */
export function ranked(v: Vote): Ranked[] {
  const list = v.fields.targets.map((t) => ({ target: t, count: countOf(v, t) })).sort((a, b) => b.count - a.count);
  const out: Ranked[] = [];
  list.forEach((x, i) => {
    const prev = out[i - 1];
    out.push({ ...x, rank: prev && prev.count === x.count ? prev.rank : i + 1 });
  });
  return out;
}

/** The targets "keep the top N" keeps: ranks 1 … N, so a tie at the edge is kept whole; none without dots. */
export function kept(v: Vote): Set<string> {
  const n = v.fields.keep_top;
  if (n === null || !countsShown(v)) return new Set();
  return new Set(ranked(v).filter((r) => r.rank <= n && r.count > 0).map((r) => r.target));
}
