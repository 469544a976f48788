import type { Tone } from "../lib/api/generated/Tone";
import { uuid } from "../lib/ids";
import { phoneApi } from "./phoneApi";

/** A note written on this phone and not yet acknowledged by Polku. */
export type Outgoing = { op_id: string; board_id: string; touchpoint_id: string; lane_id?: string; tone: Tone; text: string };

const KEY = "polku.outbox";

/**
 * Notes wait here until Polku has them: a dropped Wi-Fi loses nothing. Each keeps the op id made
 * before its first try, so sending it again after a lost answer makes no second note. Kept in
 * the phone's storage too, so a reload while offline keeps them.
 */
export class Outbox {
  waiting = $state<Outgoing[]>(load());
  /** The last refusal that was not about the network (too long, not allowed): said, not retried. */
  refused = $state<string | null>(null);
  private sending = false;

  constructor(private readonly onsent: () => void) {}

  add(n: Omit<Outgoing, "op_id">): void {
    this.waiting = [...this.waiting, { ...n, op_id: uuid() }];
    save(this.waiting);
    void this.flush();
  }

  /** Sends what waits, oldest first; stops at the first network failure to try again later. */
  async flush(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      while (this.waiting.length > 0) {
        const next = this.waiting[0];
        try {
          await phoneApi.add(next);
        } catch (e) {
          const { code, field } = e as { code?: string; field?: string | null };
          // Unreachable, or Polku asked to slow down: the note waits for the next try.
          if (code === "network" || code === "internal" || (code === "too_large" && field === "rate")) return;
          this.refused = code ?? "unknown";
        }
        this.waiting = this.waiting.slice(1);
        save(this.waiting);
        this.onsent();
      }
    } finally {
      this.sending = false;
    }
  }
}

function load(): Outgoing[] {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? "[]");
    return Array.isArray(raw) ? (raw as Outgoing[]) : [];
  } catch {
    return [];
  }
}

function save(list: Outgoing[]): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(list));
  } catch {
    // Storage off: the notes still wait in the page while it stays open.
  }
}
