import { describe, expect, it, vi } from "vitest";
import type { Backend } from "../src/lib/backend/backend";
import { loadTemplates, templatesChanged, watchTemplates } from "../src/lib/templates/catalogue";
import { previewOf, previewShapes, VIEW, type Shape } from "../src/lib/templates/preview";
import { boardTemplates, freeTitle, labelIn, templateBoardTitle, workshopTemplates } from "../src/lib/templates/templates";
import { ALL, BLUEPRINT, board, CANVAS, CHANNELS, DIGITAL, PATH, template } from "./templateFixtures";

describe("template lists", () => {
  it("takes a label in the language asked for, else English", () => {
    expect(labelIn({ en: "Path", fi: "Polku" }, "fi")).toBe("Polku");
    expect(labelIn({ en: "Path", fi: "Polku" }, "sv")).toBe("Path");
    expect(labelIn({ fi: "Polku" }, "sv")).toBe("Polku");
    expect(labelIn({}, "sv")).toBe("");
  });

  it("offers a new workshop the workshop templates, the service path first", () => {
    expect(workshopTemplates(ALL).map((t) => t.id)).toEqual(["service-path", "co-development-five-sessions"]);
  });

  it("offers the facilitator's own templates after the built-in ones, each where it fits", () => {
    const own = [template("own-1", "board", [CANVAS], 0, true), template("own-2", "workshop", [PATH, CHANNELS], 2, true)];
    const all = [...ALL, ...own];
    expect(workshopTemplates(all).map((t) => t.id)).toEqual(["service-path", "co-development-five-sessions", "own-2"]);
    expect(boardTemplates(all).map((t) => t.id).slice(-2)).toEqual(["channel-analysis", "own-1"]);
  });

  it("offers a new board every template of one board, whatever its kind, the service path first", () => {
    expect(boardTemplates(ALL).map((t) => t.id)).toEqual(["service-path", "journey-canvas", "blueprint", "digital-services", "channel-analysis"]);
  });
});

describe("the name offered for a board from a template", () => {
  it("numbers a title that a board already has", () => {
    expect(freeTitle(["Visit"], "Channel analysis")).toBe("Channel analysis");
    expect(freeTitle(["Channel analysis "], "Channel analysis")).toBe("Channel analysis 2");
    expect(freeTitle(["Channel analysis", "Channel analysis 2"], "Channel analysis")).toBe("Channel analysis 3");
  });

  it("follows the template picked, in the workshop's language", () => {
    expect(templateBoardTitle(ALL, "channel-analysis", "fi", [])).toBe("Kanava-analyysi");
    expect(templateBoardTitle(ALL, "channel-analysis", "sv", [])).toBe("Channel analysis");
    expect(templateBoardTitle(ALL, "service-path", "en", ["Service path"])).toBe("Service path 2");
    expect(templateBoardTitle(ALL, "nope", "en", [])).toBeNull();
  });
});

const count = (shapes: Shape[], shape: Shape["shape"], tone?: string) =>
  shapes.filter((s) => s.shape === shape && (tone === undefined || s.tone === tone)).length;

function inside(shapes: Shape[]): boolean {
  const within = (x: number, y: number) => x >= 0 && x <= VIEW.w && y >= 0 && y <= VIEW.h;
  return shapes.every((s) =>
    s.shape === "rect" ? within(s.x, s.y) && within(s.x + s.w, s.y + s.h) && s.w > 0 && s.h > 0
    : s.shape === "line" ? within(s.x1, s.y1) && within(s.x2, s.y2)
    : within(s.cx - s.r, s.cy - s.r) && within(s.cx + s.r, s.cy + s.r),
  );
}

describe("a board drawn small", () => {
  it("draws a service path as its phases' bands, the line and a dot per station", () => {
    const s = previewShapes(PATH);
    expect(count(s, "rect")).toBe(3);
    expect(count(s, "line", "line")).toBe(1);
    expect(count(s, "dot", "station")).toBe(5);
    expect(inside(s)).toBe(true);
    // An empty path: the line alone.
    expect(previewShapes(board("service_path", "x"))).toEqual([expect.objectContaining({ shape: "line" })]);
  });

  it("draws a canvas as a stack of boxes, a row of columns, a stack of boxes, and a band under them", () => {
    const s = previewShapes(CANVAS);
    expect(count(s, "rect", "box")).toBe(7);
    expect(count(s, "rect", "alt")).toBe(3);
    expect(count(s, "rect", "band")).toBe(1);
    expect(inside(s)).toBe(true);
    // Left stack, then the columns, then the right stack.
    const xs = (tone: string) => s.filter((r) => r.shape === "rect" && r.tone === tone).map((r) => (r as { x: number }).x);
    const [first, last] = [Math.min(...xs("alt")), Math.max(...xs("alt"))];
    expect(xs("box").filter((x) => x < first)).toHaveLength(4);
    expect(xs("box").filter((x) => x > last)).toHaveLength(3);
  });

  it("draws a blueprint's rows with a dashed line above each of its named lines", () => {
    const s = previewShapes(BLUEPRINT);
    expect(count(s, "rect", "head")).toBe(4 + 5);
    expect(s.filter((x) => x.shape === "line" && x.dashed)).toHaveLength(3);
    expect(inside(s)).toBe(true);
  });

  it("draws a grid as a table, with a column of row names when it has rows", () => {
    const channels = previewShapes(CHANNELS);
    expect(count(channels, "rect", "head")).toBe(2 + 8);
    expect(count(channels, "rect", "box")).toBe(2 * 8);
    const digital = previewShapes(DIGITAL);
    expect(count(digital, "rect", "head")).toBe(4);
    expect(count(digital, "rect", "box")).toBe(4 * 3);
    expect(inside(channels) && inside(digital)).toBe(true);
  });

  it("reads a board's shape from what is on it, as a template's summary says it", () => {
    const phase = (id: string, position: number, stacked: boolean) => ({ id, board_id: "b", position, label: id, stacked, caption: "", original_label: "", original_caption: "", version: 1 });
    const tp = (id: string, phase_id: string) => ({ id, board_id: "b", position: 0, label: id, description: "", phase_id, side_station: false, original_label: "", version: 1 });
    const lane = (id: string, line_above: string) => ({ id, board_id: "b", position: 0, label: id, height: 100, line_above, original_label: "", original_line: "", version: 1 });
    const shape = previewOf({
      kind: "journey_canvas",
      phases: [phase("post", 2, true), phase("pre", 0, true), phase("during", 1, false)],
      touchpoints: [tp("a", "pre"), tp("b", "pre"), tp("c", "during"), tp("d", "post")],
      lanes: [lane("x", ""), lane("y", "Line of visibility")],
    });
    expect(shape).toEqual({ kind: "journey_canvas", title: {}, columns: 1, rows: 2, periods: [2, null, 1], lines: 1 });
  });
});

describe("the template catalogue", () => {
  const backend = (call: () => Promise<unknown>) => ({ call: vi.fn(call) }) as unknown as Backend & { call: ReturnType<typeof vi.fn> };

  it("asks once and keeps the answer", async () => {
    const api = backend(() => Promise.resolve(ALL));
    expect(await loadTemplates(api)).toBe(ALL);
    expect(await loadTemplates(api)).toBe(ALL);
    expect(api.call).toHaveBeenCalledTimes(1);
  });

  it("asks again for a picker that watches when a template was saved here or in another window", async () => {
    let handler: (ev: { type: string }) => void = () => {};
    let answer = ALL;
    const api = {
      call: vi.fn(() => Promise.resolve(answer)),
      subscribe: (h: typeof handler) => ((handler = h), () => {}),
      onReconnect: () => () => {},
    } as unknown as Backend & { call: ReturnType<typeof vi.fn> };
    const seen: number[] = [];
    const stop = watchTemplates(api, (all) => seen.push(all.length), () => {});
    await Promise.resolve();
    answer = [...ALL, template("own-1", "board", [CANVAS], 0, true)];
    templatesChanged(api);
    await new Promise((r) => setTimeout(r));
    handler({ type: "templates_changed" });
    await new Promise((r) => setTimeout(r));
    handler({ type: "library_changed" });
    stop();
    templatesChanged(api);
    await new Promise((r) => setTimeout(r));
    expect(seen).toEqual([ALL.length, ALL.length + 1, ALL.length + 1]);
    expect(api.call).toHaveBeenCalledTimes(3);
  });

  it("asks again after a failure", async () => {
    let fail = true;
    const api = backend(() => (fail ? Promise.reject(new Error("down")) : Promise.resolve(ALL)));
    await expect(loadTemplates(api)).rejects.toThrow("down");
    fail = false;
    expect(await loadTemplates(api)).toBe(ALL);
    expect(api.call).toHaveBeenCalledTimes(2);
  });
});
