import { describe, expect, it } from "vitest";
import {
  MIN_READABLE_PX,
  NOTE_TEXT_PX,
  culled,
  detailFor,
  estimatedHeight,
  keptIds,
  recull,
  renderRect,
  viewRect,
} from "../src/lib/board/culling";
import { NOTE_H, NOTE_W } from "../src/lib/board/geometry";
import { panBy, zoomAt } from "../src/lib/board/camera";

const note = (id: string, x: number, y: number, text = "short") => ({ id, x, y, text });
const none = new Set<string>();

describe("viewRect", () => {
  it("is the viewport in board units", () => {
    expect(viewRect({ x: 0, y: 0, zoom: 1 }, 1000, 600)).toEqual({ x: 0, y: 0, w: 1000, h: 600 });
    // Panned right by 100 px and zoomed to 2: the left edge shows board x = -50.
    expect(viewRect({ x: 100, y: -40, zoom: 2 }, 1000, 600)).toEqual({ x: -50, y: 20, w: 500, h: 300 });
  });
});

describe("culled", () => {
  // A 1000×600 view at zoom 1: the rendered area is one screen more on every side,
  // x from -1000 to 2000, y from -600 to 1200.
  const area = renderRect(viewRect({ x: 0, y: 0, zoom: 1 }, 1000, 600));

  it("keeps notes in the view and in the margin, drops those past it", () => {
    const notes = [note("in", 100, 100), note("margin", 1500, 1000), note("below", 100, 1201), note("right", 2001, 0)];
    expect(culled(notes, area, none).map((n) => n.id)).toEqual(["in", "margin"]);
  });

  it("keeps a note that is only partly inside the area", () => {
    // Its left edge is 150 units past the left of the area; its right part still overlaps.
    const partly = note("partly", -1000 - NOTE_W + 50, 0);
    const justOut = note("out", -1000 - NOTE_W - 1, 0);
    expect(culled([partly, justOut], area, none).map((n) => n.id)).toEqual(["partly"]);
  });

  it("counts a tall note by its measured or estimated height", () => {
    const tall = note("tall", 0, -600 - 300);
    expect(culled([tall], area, none)).toEqual([]);
    expect(culled([tall], area, none, () => 320).map((n) => n.id)).toEqual(["tall"]);
    const long = note("long", 0, -600 - 300, "x".repeat(400));
    expect(culled([long], area, none).map((n) => n.id)).toEqual(["long"]);
  });

  it("always keeps dragged and focused notes, wherever they are", () => {
    const far = [note("dragged", 50_000, 0), note("focused", 0, 90_000), note("gone", 0, 80_000)];
    const keep = new Set(["dragged", "focused"]);
    expect(culled(far, area, keep).map((n) => n.id)).toEqual(["dragged", "focused"]);
  });

  it("keeps the given (path) order", () => {
    const notes = [note("c", 900, 0), note("a", 0, 500), note("b", 0, 0)];
    expect(culled(notes, area, none).map((n) => n.id)).toEqual(["c", "a", "b"]);
  });
});

describe("estimatedHeight", () => {
  it("is never below a card's height and grows with the text", () => {
    expect(estimatedHeight("Hi")).toBe(NOTE_H);
    expect(estimatedHeight("x".repeat(160))).toBeGreaterThan(NOTE_H * 2);
    expect(estimatedHeight("a\nb\nc\nd\ne\nf")).toBeGreaterThan(NOTE_H);
  });
});

describe("keptIds", () => {
  const ordered = ["a", "b", "c", "d"].map((id) => ({ id }));

  it("keeps the focused note and its neighbours along the path, for Tab and Shift+Tab", () => {
    expect([...keptIds(ordered, "b", [])].sort()).toEqual(["a", "b", "c"]);
    expect([...keptIds(ordered, "a", [])].sort()).toEqual(["a", "b"]);
    expect([...keptIds(ordered, "d", [])].sort()).toEqual(["c", "d"]);
  });

  it("keeps every dragged note, and nothing else without focus", () => {
    expect([...keptIds(ordered, null, ["d", "a"])].sort()).toEqual(["a", "d"]);
    expect(keptIds(ordered, null, []).size).toBe(0);
  });

  it("keeps a focused draft (not in the path) by itself", () => {
    expect([...keptIds(ordered, "draft", [])]).toEqual(["draft"]);
  });
});

describe("recull", () => {
  const cam = { x: 0, y: 0, zoom: 1 };
  const view = viewRect(cam, 1000, 600);
  const area = renderRect(view);

  it("is needed at once without an area or when the view leaves it", () => {
    expect(recull(null, view)).toBe("now");
    expect(recull(area, viewRect(panBy(cam, -1100, 0), 1000, 600))).toBe("now");
  });

  it("is not needed for a small pan, and needed soon after half a screen", () => {
    expect(recull(area, viewRect(panBy(cam, -200, -100), 1000, 600))).toBe("no");
    expect(recull(area, viewRect(panBy(cam, -600, 0), 1000, 600))).toBe("soon");
  });

  it("is needed soon after zooming in far enough to keep too many notes", () => {
    expect(recull(area, viewRect(zoomAt(cam, { x: 500, y: 300 }, 1.2), 1000, 600))).toBe("no");
    expect(recull(area, viewRect(zoomAt(cam, { x: 500, y: 300 }, 1.6), 1000, 600))).toBe("soon");
  });

  it("is needed at once after zooming out past the margin", () => {
    expect(recull(area, viewRect(zoomAt(cam, { x: 500, y: 300 }, 0.3), 1000, 600))).toBe("now");
  });
});

describe("detailFor", () => {
  it("draws blocks once the text would be smaller than readable on screen", () => {
    const threshold = MIN_READABLE_PX / NOTE_TEXT_PX;
    expect(detailFor(1)).toBe("full");
    expect(detailFor(threshold)).toBe("full");
    expect(detailFor(threshold - 0.01)).toBe("block");
    expect(detailFor(0.3)).toBe("block");
    expect(detailFor(0.4)).toBe("full");
  });
});
