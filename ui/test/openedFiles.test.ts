import { describe, expect, it, vi } from "vitest";
import { OpenedFiles } from "../src/lib/backend/openedFiles";

/** The shell's side: what the page told it, and a way to let its answers arrive. */
function shell() {
  const told: boolean[] = [];
  let answer: () => void = () => {};
  const invoke = vi.fn((_cmd: string, args?: Record<string, unknown>) => {
    told.push(Boolean(args?.on));
    return new Promise<unknown>((resolve) => (answer = () => resolve(null)));
  });
  return { files: new OpenedFiles(invoke), told, answer: () => answer() };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe("files the desktop hands the page", () => {
  it("asks for the file the app was started with once the shell knows the list receives", async () => {
    const { files, told, answer } = shell();
    const arrived = vi.fn();
    files.receive({ arrived, hovering: () => {} });
    expect(told).toEqual([true]);
    expect(arrived).not.toHaveBeenCalled();
    answer();
    await settle();
    expect(arrived).toHaveBeenCalledTimes(1);
  });

  it("opens a dropped file on the list and lights the drop area while one is dragged over", () => {
    const { files } = shell();
    const arrived = vi.fn();
    const hovering = vi.fn();
    files.receive({ arrived, hovering });
    files.hear({ kind: "hover", over: true });
    files.hear({ kind: "hover", over: false });
    files.hear({ kind: "waiting" });
    expect(hovering.mock.calls).toEqual([[true], [false]]);
    expect(arrived).toHaveBeenCalledTimes(1);
  });

  it("a list that has gone opens nothing, and tells the shell so", async () => {
    const { files, told, answer } = shell();
    const arrived = vi.fn();
    const stop = files.receive({ arrived, hovering: () => {} });
    stop();
    answer();
    await settle();
    files.hear({ kind: "waiting" });
    expect(arrived).not.toHaveBeenCalled();
    expect(told).toEqual([true, false]);
  });

  it("a drop elsewhere is heard by who explains it, not by the list", () => {
    const { files } = shell();
    const arrived = vi.fn();
    const explain = vi.fn();
    files.receive({ arrived, hovering: () => {} });
    const stop = files.onDroppedElsewhere(explain);
    files.hear({ kind: "elsewhere" });
    stop();
    files.hear({ kind: "elsewhere" });
    expect(explain).toHaveBeenCalledTimes(1);
    expect(arrived).not.toHaveBeenCalled();
  });
});
