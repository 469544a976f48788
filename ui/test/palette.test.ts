import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SYMBOL, TONES } from "../src/lib/board/sentiment";

// The note palette as readers with colour vision deficiency see it: each tone's colours run
// through Machado, Oliveira & Fernandes (2009) simulations at full severity, and every two tones
// must still differ (CIE76 ΔE) — clearly by the note's edge stripe, at least a little by its fill.
// The symbol on every note is what makes a tone certain; colour helps at a glance from afar.

const css = readFileSync(join(__dirname, "../src/app.css"), "utf8");
const VAR: Record<string, string> = { negative: "neg", neutral: "neu", positive: "pos", idea: "idea", question: "question" };
function colour(name: string): string {
  const m = new RegExp(`--${name}:\\s*(#[0-9a-f]{6})`, "i").exec(css);
  if (!m) throw new Error(`no --${name} in app.css`);
  return m[1];
}

type RGB = [number, number, number];
const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const fromLinear = (c: number) => (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);
const rgb = (hex: string): RGB => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as RGB;

const SIMULATIONS: Record<string, number[][]> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

function simulate(c: RGB, m: number[][]): RGB {
  const l = c.map(toLinear);
  return m.map((row) => fromLinear(Math.min(1, Math.max(0, row[0] * l[0] + row[1] * l[1] + row[2] * l[2])))) as RGB;
}

function lab(c: RGB): RGB {
  const [r, g, b] = c.map(toLinear);
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

const deltaE = (a: RGB, b: RGB) => {
  const [p, q] = [lab(a), lab(b)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
};

const luminance = (c: RGB) => {
  const [r, g, b] = c.map(toLinear);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: RGB, b: RGB) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

const pairs = TONES.flatMap((a, i) => TONES.slice(i + 1).map((b) => [a, b] as const));

describe("the note palette for colour-blind readers", () => {
  for (const [vision, matrix] of Object.entries(SIMULATIONS)) {
    it(`keeps every two tones apart with ${vision}`, () => {
      for (const [a, b] of pairs) {
        const edge = deltaE(simulate(rgb(colour(`${VAR[a]}-edge`)), matrix), simulate(rgb(colour(`${VAR[b]}-edge`)), matrix));
        const fill = deltaE(simulate(rgb(colour(`${VAR[a]}-bg`)), matrix), simulate(rgb(colour(`${VAR[b]}-bg`)), matrix));
        expect(edge, `${a} / ${b} edge`).toBeGreaterThanOrEqual(10);
        expect(fill, `${a} / ${b} fill`).toBeGreaterThanOrEqual(4);
      }
    });
  }

  it("draws each edge stripe at 3:1 or more against its fill, as a UI part must be", () => {
    for (const tone of TONES) {
      expect(contrast(rgb(colour(`${VAR[tone]}-edge`)), rgb(colour(`${VAR[tone]}-bg`))), tone).toBeGreaterThanOrEqual(3);
    }
  });

  it("gives every tone a symbol of its own", () => {
    expect(new Set(TONES.map((t) => SYMBOL[t])).size).toBe(TONES.length);
  });
});
