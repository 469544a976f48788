import type { Vote } from "../api/types";
import type { VoteTurn } from "../api/generated/VoteTurn";
import type { BoardSession } from "../board/session.svelte";
import { countOf, countsShown, currentVote, kept } from "./votes";

/** What a note card shows of the vote on its board: its dots (once shown) and what this screen may do. */
export type NoteDots = {
  /** Every dot on it; null while the results are hidden. */
  count: number | null;
  /** Dots of the current turn on it (turns on the shared screen). */
  mine: number;
  give: boolean;
  take: boolean;
  /** Among the "keep the top N". */
  top: boolean;
};

/**
 * One board's vote on this screen: the vote going on (or the last one), the current turn's
 * dots, and each note's dots for its card. The turn's ballot is asked of the server after each
 * dot and each "next voter" (the vote record carries counts, never who gave them).
 */
export class BoardVoting {
  vote: Vote | null = $derived.by(() => currentVote(this.session.ws.votes, this.session.boardId));
  turn = $state<VoteTurn | null>(null);
  starting = $state(false);
  /** Ended votes this tab was done looking at. */
  dismissed = $state(new Set<string>());
  private topSet: Set<string> = $derived(this.vote ? kept(this.vote) : new Set());
  /** Asked once per note card on every draw: a set, not a search of up to 300 targets each. */
  private targets: Set<string> = $derived(new Set(this.vote?.fields.targets ?? []));

  constructor(readonly session: BoardSession) {}

  get shown(): Vote | null {
    return this.vote && !this.dismissed.has(this.vote.id) ? this.vote : null;
  }

  get open(): boolean {
    return !!this.vote && this.vote.fields.ended_at === null;
  }

  async refreshTurn(): Promise<void> {
    const v = this.vote;
    if (!v || v.fields.ended_at !== null || v.fields.settings.screen !== "turns") {
      this.turn = null;
      return;
    }
    try {
      this.turn = await this.session.ws.voteTurn(v.id);
    } catch {
      // Offline: the turn's dots show again on the next change.
    }
  }

  dotsOf(noteId: string): NoteDots | null {
    const v = this.shown;
    if (!v || !this.targets.has(noteId)) return null;
    const open = v.fields.ended_at === null;
    const s = v.fields.settings;
    const mine = s.screen === "turns" ? (this.turn?.on.find((c) => c.target_id === noteId)?.count ?? 0) : 0;
    const used = this.turn?.used ?? 0;
    const give = open && (s.screen === "tally" || (s.screen === "turns" && used < s.dots && (s.several_per_target || mine === 0)));
    const take = open && (s.screen === "tally" || (s.screen === "turns" && mine > 0));
    return { count: countsShown(v) ? countOf(v, noteId) : null, mine, give, take, top: this.topSet.has(noteId) };
  }

  async dot(noteId: string, delta: 1 | -1): Promise<void> {
    if (this.vote && (await this.session.ws.castVote(this.vote.id, noteId, delta))) await this.refreshTurn();
  }
}
