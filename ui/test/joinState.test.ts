import { afterEach, describe, expect, it, vi } from "vitest";
import type { Backend } from "../src/lib/backend/backend";
import type { JoinStatus } from "../src/lib/api/generated/JoinStatus";
import { JoinState } from "../src/lib/join/join.svelte";

/** A join's status as the server answers it: open until `closesAt`, or closed. */
function status(open: boolean, closesAt: number | null): JoinStatus {
  return {
    workshop_id: "w",
    open,
    token: open ? "T" : null,
    link: null,
    code: null,
    ask_first: false,
    show_others: true,
    boards: [],
    locked: [],
    follow: null,
    names: false,
    devices: [],
    joined: 0,
    waiting: 0,
    url: null,
    qr: null,
    address: null,
    code_url: null,
    closes_at: open ? closesAt : null,
  };
}

/** A backend that answers `join_status` with what the test says the server has now. */
function server(now: { status: JoinStatus }): Backend & { asked: number } {
  const api = {
    asked: 0,
    call: (async (command: string) => {
      if (command !== "join_status") throw new Error(`unexpected ${command}`);
      api.asked++;
      return now.status;
    }) as Backend["call"],
    subscribe: () => () => {},
    onReconnect: () => () => {},
  };
  return api as unknown as Backend & { asked: number };
}

describe("a join that closes by itself, as the facilitator's page holds it", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("asks the server again once the time is up, and then shows it closed", async () => {
    vi.useFakeTimers();
    const closesAt = Date.now() + 3 * 3_600_000;
    const now = { status: status(true, closesAt) };
    const api = server(now);
    const join = new JoinState(api, "w");
    join.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(join.open).toBe(true);
    const before = api.asked;
    await vi.advanceTimersByTimeAsync(3 * 3_600_000 - 5_000);
    expect(api.asked).toBe(before);
    // The server closed it at its time.
    now.status = status(false, null);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(api.asked).toBe(before + 1);
    expect(join.open).toBe(false);
    join.stop();
  });

  it("asks again a little later while the server's clock says it is still open, and stops asking when told to stop", async () => {
    vi.useFakeTimers();
    const now = { status: status(true, Date.now() + 1_000) };
    const api = server(now);
    const join = new JoinState(api, "w");
    join.start();
    await vi.advanceTimersByTimeAsync(0);
    const first = api.asked;
    // The server's clock is behind: still open, with a time already past here.
    await vi.advanceTimersByTimeAsync(2_500);
    expect(api.asked).toBe(first + 1);
    // Then once a second, not in a tight loop.
    await vi.advanceTimersByTimeAsync(1_000);
    expect(api.asked).toBe(first + 2);
    join.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(api.asked).toBe(first + 2);
  });
});
