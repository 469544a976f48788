import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { throttled } from "../src/participant/throttle";

describe("throttled", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("runs the first call at once and folds a burst into one more run after the gap", async () => {
    let runs = 0;
    const refetch = throttled(async () => void runs++, 1000);
    refetch();
    expect(runs).toBe(1);
    for (let i = 0; i < 20; i++) refetch();
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toBe(2);
    await vi.advanceTimersByTimeAsync(5000);
    expect(runs).toBe(2);
  });

  it("never runs twice at once, and runs again after a slow run that was asked for meanwhile", async () => {
    let open = 0;
    let most = 0;
    let runs = 0;
    const slow = throttled(async () => {
      open++;
      most = Math.max(most, open);
      runs++;
      await new Promise((r) => setTimeout(r, 3000));
      open--;
    }, 1000);
    slow();
    await vi.advanceTimersByTimeAsync(1500);
    slow();
    await vi.advanceTimersByTimeAsync(10_000);
    expect([runs, most]).toEqual([2, 1]);
  });

  it("after a quiet spell a call runs at once again", async () => {
    let runs = 0;
    const refetch = throttled(async () => void runs++, 1000);
    refetch();
    await vi.advanceTimersByTimeAsync(2000);
    refetch();
    expect(runs).toBe(2);
  });
});
