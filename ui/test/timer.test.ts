import { describe, expect, it } from "vitest";
import type { Session, SessionRun, Timer } from "../src/lib/api/types";
import { clockText, itemPlace, itemTimes, readTimer, runningSession } from "../src/lib/sessions/run/timer";

const MIN = 60_000;
const timer = (t: Partial<Timer>): Timer => ({ length_ms: 5 * MIN, run_ms: 0, running_since: null, ...t });

describe("a running session's timer", () => {
  it("counts down on the server's clock and stands when paused", () => {
    expect(readTimer(timer({}), 1_000)).toMatchObject({ state: "ready", shownMs: 5 * MIN, share: 0 });
    const running = timer({ running_since: 10 * MIN });
    expect(readTimer(running, 12 * MIN)).toMatchObject({ state: "running", shownMs: 3 * MIN, overMs: 0 });
    expect(readTimer(timer({ run_ms: 2 * MIN }), 99 * MIN)).toMatchObject({ state: "paused", shownMs: 3 * MIN });
  });

  it("says when the time is up and how far past it", () => {
    const r = readTimer(timer({ running_since: 0 }), 5 * MIN + 12_000);
    expect(r).toMatchObject({ state: "over", shownMs: 0, overMs: 12_000, share: 1 });
    expect(clockText(r.overMs, true)).toBe("0:12");
  });

  it("a free timer counts up", () => {
    expect(readTimer(timer({ length_ms: null, running_since: 0 }), 90_000)).toMatchObject({ state: "running", shownMs: 90_000, free: true, share: null });
  });

  it("reads 0:00 only when the time is up, and hours past an hour", () => {
    expect(clockText(500)).toBe("0:01");
    expect(clockText(0)).toBe("0:00");
    expect(clockText(61 * MIN + 5_000)).toBe("1:01:05");
    expect(clockText(59_999, true)).toBe("0:59");
  });
});

function session(run: Partial<SessionRun> | null): Session {
  const agenda = ["a", "b", "c"].map((id) => ({ id, title: id.toUpperCase(), minutes: 10, instructions: "", board_id: null }));
  const full: SessionRun | null = run && { started_at: 0, ended_at: null, item_id: "a", item_since: 0, item_times: [], timer: timer({}), ...run };
  return { id: "s", position: 0, version: 1, run: full, fields: { title: "S", starts_at: null, place: "", goal: "", agenda, attendance: { clients: null, experts_by_experience: null, workers: null, facilitators: null }, summary: "" } };
}

describe("the agenda of a running session", () => {
  it("finds the one running session", () => {
    expect(runningSession([session(null), session({ ended_at: 5 })])).toBeNull();
    expect(runningSession([session(null), session({})])?.id).toBe("s");
  });

  it("knows the items either side, and the first when none is on screen", () => {
    const s = runningSession([session({ item_id: "b" })])!;
    expect(itemPlace(s)).toMatchObject({ index: 1, prev: { id: "a" }, next: { id: "c" } });
    const none = runningSession([session({ item_id: null })])!;
    expect(itemPlace(none)).toMatchObject({ item: null, prev: null, next: { id: "a" } });
  });

  it("counts the item on screen into its time", () => {
    const run = session({ item_id: "b", item_since: 10 * MIN, item_times: [{ item_id: "a", ms: 4 * MIN }, { item_id: "b", ms: MIN }] }).run!;
    expect(Object.fromEntries(itemTimes(run, 12 * MIN))).toEqual({ a: 4 * MIN, b: 3 * MIN });
    expect(Object.fromEntries(itemTimes({ ...run, ended_at: 11 * MIN }, 99 * MIN))).toEqual({ a: 4 * MIN, b: MIN });
  });
});
