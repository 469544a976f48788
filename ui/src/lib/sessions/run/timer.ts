import type { AgendaItem, Session, SessionRun, Timer } from "../../api/types";

/**
 * A running session's timer as a screen draws it. The timer is stored state on the server's
 * clock (`polku_core::run`); a screen only adds the difference between its clock and the
 * server's, so every screen and phone shows the same time, and a reload changes nothing.
 */

/** How a timer stands: not started, counting, paused part-way, or past its length. */
export type TimerState = "ready" | "running" | "paused" | "over";

export interface TimerReading {
  state: TimerState;
  /** A countdown's time left (never below 0), or a free timer's time run. */
  shownMs: number;
  /** Time past the end of a countdown; 0 before it. */
  overMs: number;
  /** 0 … 1 of a countdown run; null for a free timer. */
  share: number | null;
  free: boolean;
}

export function runBy(timer: Timer, serverNow: number): number {
  return timer.run_ms + (timer.running_since === null ? 0 : Math.max(0, serverNow - timer.running_since));
}

export function readTimer(timer: Timer, serverNow: number): TimerReading {
  const run = runBy(timer, serverNow);
  const running = timer.running_since !== null;
  const length = timer.length_ms;
  if (length === null) {
    return { state: running ? "running" : run > 0 ? "paused" : "ready", shownMs: run, overMs: 0, share: null, free: true };
  }
  const over = Math.max(0, run - length);
  const state: TimerState = run >= length && length > 0 ? "over" : running ? "running" : run > 0 ? "paused" : "ready";
  return { state, shownMs: Math.max(0, length - run), overMs: over, share: length > 0 ? Math.min(1, run / length) : 1, free: false };
}

/**
 * `m:ss`, or `h:mm:ss` past an hour. A countdown shows whole seconds rounded up, so it reads 0:00
 * exactly when the time is up, not a second early.
 */
export function clockText(ms: number, up = false): string {
  const total = up ? Math.floor(ms / 1000) : Math.ceil(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

/** The session running in the workshop, if one is (the server keeps it to one). */
export function runningSession(programme: readonly Session[]): (Session & { run: SessionRun }) | null {
  const s = programme.find((x) => x.run !== null && x.run.ended_at === null);
  return (s as (Session & { run: SessionRun }) | undefined) ?? null;
}

/** The item on screen, its place in the agenda (from 0), and the items either side. */
export function itemPlace(session: Session & { run: SessionRun }): { item: AgendaItem | null; index: number; prev: AgendaItem | null; next: AgendaItem | null } {
  const agenda = session.fields.agenda;
  const index = agenda.findIndex((i) => i.id === session.run.item_id);
  return {
    item: index >= 0 ? agenda[index] : null,
    index,
    prev: index > 0 ? agenda[index - 1] : null,
    // With no item on screen (it was taken off the agenda), "next" is the first.
    next: index >= 0 ? (agenda[index + 1] ?? null) : (agenda[0] ?? null),
  };
}

/** Time each item was on screen by `serverNow`, the one on screen included (for the summary). */
export function itemTimes(run: SessionRun, serverNow: number): Map<string, number> {
  const times = new Map(run.item_times.map((t) => [t.item_id, t.ms]));
  if (run.ended_at === null && run.item_id !== null) {
    times.set(run.item_id, (times.get(run.item_id) ?? 0) + Math.max(0, serverNow - run.item_since));
  }
  return times;
}
