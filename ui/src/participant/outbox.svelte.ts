import type { Tone } from "../lib/api/generated/Tone";
import { uuid } from "../lib/ids";
import { phoneApi } from "./phoneApi";

/** A note written on this phone and not yet acknowledged by Polku. */
export type Outgoing = { op_id: string; board_id: string; touchpoint_id: string; lane_id?: string; tone: Tone; text: string };

/** A note Polku refused (the board was locked or closed to participants meanwhile): kept, with why, until its writer removes it. */
export type Held = Outgoing & { reason: "locked" | "board" | "other" };

const KEY = "polku.outbox";
const HELD_KEY = "polku.outbox.held";

/**
 * Notes wait here until Polku has them: a dropped Wi-Fi loses nothing. Each keeps the op id made
 * before its first try, so sending it again after a lost answer makes no second note. Kept in
 * the phone's storage too, so a reload while offline keeps them.
 */
export class Outbox {
  waiting = $state<Outgoing[]>(load(KEY));
  /** Refused for a reason other than the network: said, not retried, and not thrown away. */
  held = $state<Held[]>(load(HELD_KEY));
  private sending = false;

  /** `onsent` hears of each note handed over: accepted, or refused and held. */
  constructor(private readonly onsent: (accepted: boolean) => void) {}

  add(n: Omit<Outgoing, "op_id">): void {
    this.waiting = [...this.waiting, { ...n, op_id: uuid() }];
    save(KEY, this.waiting);
    void this.flush();
  }

  dismiss(opId: string): void {
    this.held = this.held.filter((h) => h.op_id !== opId);
    save(HELD_KEY, this.held);
  }

  /** Sends what waits, oldest first; stops at the first network failure to try again later. */
  async flush(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      while (this.waiting.length > 0) {
        const next = this.waiting[0];
        let accepted = true;
        try {
          await phoneApi.add(next);
        } catch (e) {
          const { code, field } = e as { code?: string; field?: string | null };
          // Unreachable, or Polku asked to slow down: the note waits for the next try.
          if (code === "network" || code === "internal" || (code === "too_large" && field === "rate")) return;
          const reason = field === "locked" ? "locked" : field === "board" ? "board" : "other";
          this.held = [...this.held, { ...next, reason }];
          accepted = false;
          save(HELD_KEY, this.held);
        }
        this.waiting = this.waiting.slice(1);
        save(KEY, this.waiting);
        this.onsent(accepted);
      }
    } finally {
      this.sending = false;
    }
  }
}

function load<T extends Outgoing>(key: string): T[] {
  try {
    const raw = JSON.parse(localStorage.getItem(key) ?? "[]");
    return Array.isArray(raw) ? (raw as T[]) : [];
  } catch {
    return [];
  }
}

function save(key: string, list: Outgoing[]): void {
  try {
    localStorage.setItem(key, JSON.stringify(list));
  } catch {
    // Storage off: the notes still wait in the page while it stays open.
  }
}
