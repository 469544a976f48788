import { describe, expect, it } from "vitest";
import { fitSize, LINE_HEIGHT, linesAt, TEXT_FLOOR, TEXT_MAX } from "../src/lib/board/noteFit";

const words = (n: number) => Array.from({ length: n }, (_, i) => ["jono", "puhelin", "odotus", "lomake"][i % 4]).join(" ");

describe("note text auto-fit", () => {
  it("keeps a short note at the usual size", () => {
    expect(fitSize("")).toBe(TEXT_MAX);
    expect(fitSize("Long queue")).toBe(TEXT_MAX);
  });

  it("shrinks a note that would overflow its card, never below the floor", () => {
    const sizes = [2, 6, 8, 10, 12, 30, 300].map((n) => fitSize(words(n)));
    for (const s of sizes) {
      expect(s).toBeLessThanOrEqual(TEXT_MAX);
      expect(s).toBeGreaterThanOrEqual(TEXT_FLOOR);
    }
    // Longer text never gets bigger letters than shorter text.
    for (let i = 1; i < sizes.length; i++) expect(sizes[i]).toBeLessThanOrEqual(sizes[i - 1]);
    expect(sizes[0]).toBe(TEXT_MAX);
    expect(sizes[sizes.length - 1]).toBe(TEXT_FLOOR);
    expect(sizes.some((s) => s > TEXT_FLOOR && s < TEXT_MAX)).toBe(true);
  });

  it("at the floor, lets the card grow: the text takes more lines than the usual height holds", () => {
    const text = words(300);
    expect(fitSize(text)).toBe(TEXT_FLOOR);
    expect(linesAt(text, TEXT_FLOOR) * TEXT_FLOOR * LINE_HEIGHT).toBeGreaterThan(96);
  });

  it("counts line breaks, so a list of short lines shrinks too", () => {
    expect(fitSize("a\nb")).toBe(TEXT_MAX);
    expect(fitSize("a\nb\nc\nd")).toBeLessThan(TEXT_MAX);
    expect(linesAt("a\n\nb", TEXT_MAX)).toBe(3);
  });

  it("gives smaller letters more characters a line", () => {
    const text = words(20);
    expect(linesAt(text, TEXT_FLOOR)).toBeLessThan(linesAt(text, TEXT_MAX));
  });
});
