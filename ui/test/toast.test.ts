import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// The real module reads the browser's storage and <html> when loaded; the toasts need only this.
vi.mock("../src/lib/i18n/index.svelte", () => ({ hasKey: () => true }));

const { dismiss, hold, LEFT_AFTER_HOLD, notify, offer, release, toasts } = await import("../src/lib/ui/toast.svelte");

const keys = () => toasts.map((t) => t.key);

describe("a toast's time on screen (WCAG 2.2.1)", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    for (const t of [...toasts]) dismiss(t.id);
    vi.useRealTimers();
  });

  it("goes by itself when nobody holds it", () => {
    notify("a");
    vi.advanceTimersByTime(5999);
    expect(keys()).toEqual(["a"]);
    vi.advanceTimersByTime(1);
    expect(keys()).toEqual([]);
  });

  it("stays while the pointer is on it, however long, and goes once the pointer leaves", () => {
    notify("a");
    const id = toasts[0].id;
    vi.advanceTimersByTime(2000);
    hold(id, "pointer");
    vi.advanceTimersByTime(10 * 60_000);
    expect(keys()).toEqual(["a"]);
    release(id, "pointer");
    // It had 4 s left when the pointer came, and gets them back.
    vi.advanceTimersByTime(3999);
    expect(keys()).toEqual(["a"]);
    vi.advanceTimersByTime(1);
    expect(keys()).toEqual([]);
  });

  it("keeps an Undo while the focus is in it, also when the pointer passes over and leaves", () => {
    offer({ key: "deleted" }, { key: "toast.undo", run: () => {} });
    const id = toasts[0].id;
    vi.advanceTimersByTime(9000);
    hold(id, "focus");
    hold(id, "pointer");
    release(id, "pointer");
    vi.advanceTimersByTime(60_000);
    expect(keys()).toEqual(["deleted"]);
    release(id, "focus");
    vi.advanceTimersByTime(LEFT_AFTER_HOLD - 1);
    expect(keys()).toEqual(["deleted"]);
    vi.advanceTimersByTime(1);
    expect(keys()).toEqual([]);
  });

  it("lets a held toast go with a moment left, not at once", () => {
    notify("a");
    const id = toasts[0].id;
    vi.advanceTimersByTime(5900);
    hold(id, "pointer");
    release(id, "pointer");
    vi.advanceTimersByTime(LEFT_AFTER_HOLD - 1);
    expect(keys()).toEqual(["a"]);
    vi.advanceTimersByTime(1);
    expect(keys()).toEqual([]);
  });

  it("only the toast held stays; the others keep their own time", () => {
    notify("a");
    notify("b");
    hold(toasts[1].id, "pointer");
    vi.advanceTimersByTime(6000);
    expect(keys()).toEqual(["b"]);
  });

  it("closed or pushed out while held, it leaves no clock behind and does not come back", () => {
    notify("a");
    const id = toasts[0].id;
    hold(id, "focus");
    dismiss(id);
    release(id, "focus");
    expect(keys()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);

    for (const k of ["b", "c", "d"]) notify(k);
    hold(toasts[0].id, "pointer");
    notify("e");
    expect(keys()).toEqual(["c", "d", "e"]);
    expect(vi.getTimerCount()).toBe(3);
  });
});
