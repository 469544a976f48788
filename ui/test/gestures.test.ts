import { describe, expect, it } from "vitest";
import { MAX_ZOOM, MIN_ZOOM } from "../src/lib/board/camera";
import type { Camera } from "../src/lib/board/geometry";
import { screenToBoard } from "../src/lib/board/geometry";
import {
  Gestures,
  LONG_PRESS_MS,
  applyMotion,
  isPalm,
  type PointerSample,
  type TargetKind,
} from "../src/lib/board/gestures";

let clock = 0;
function at(id: number, x: number, y: number, more: Partial<PointerSample> = {}): PointerSample {
  return { id, type: "touch", x, y, width: 20, height: 20, target: "board" as TargetKind, time: clock, ...more };
}

/** Feeds moves and returns the camera they lead to. */
function run(g: Gestures, camera: Camera, moves: PointerSample[]): Camera {
  for (const m of moves) {
    const motion = g.move(m);
    if (motion) camera = applyMotion(camera, motion);
  }
  return camera;
}

const start: Camera = { x: 0, y: 0, zoom: 1 };

describe("one finger on empty board", () => {
  it("pans by exactly the finger's travel", () => {
    const g = new Gestures();
    g.down(at(1, 100, 100));
    const c = run(g, start, [at(1, 110, 105), at(1, 150, 80)]);
    expect(c).toEqual({ x: 50, y: -20, zoom: 1 });
  });

  it("a mouse pans like a finger", () => {
    const g = new Gestures();
    g.down(at(1, 0, 0, { type: "mouse", width: 1, height: 1 }));
    expect(run(g, start, [at(1, 30, 40, { type: "mouse" })])).toEqual({ x: 30, y: 40, zoom: 1 });
  });

  it("a finger that came down on a note or a control never pans", () => {
    const g = new Gestures();
    g.down(at(1, 0, 0, { target: "note", noteId: "n" }));
    g.down(at(2, 0, 0, { target: "other" }));
    expect(g.move(at(1, 50, 50))).toBeNull();
    expect(g.move(at(2, 50, 50))).toBeNull();
    expect(g.steering).toBe(0);
  });
});

describe("two fingers on empty board", () => {
  it("pinching out to twice the distance doubles the zoom about the midpoint", () => {
    const g = new Gestures();
    g.down(at(1, 100, 200));
    g.down(at(2, 200, 200));
    const under = screenToBoard(start, { x: 150, y: 200 });
    const c = run(g, start, [at(1, 50, 200), at(2, 250, 200)]);
    expect(c.zoom).toBeCloseTo(2);
    // The board point under the fingers' midpoint stays under it.
    const still = screenToBoard(c, { x: 150, y: 200 });
    expect(still.x).toBeCloseTo(under.x);
    expect(still.y).toBeCloseTo(under.y);
  });

  it("pinching in halves the zoom", () => {
    const g = new Gestures();
    g.down(at(1, 0, 0));
    g.down(at(2, 200, 0));
    const c = run(g, start, [at(1, 50, 0), at(2, 150, 0)]);
    expect(c.zoom).toBeCloseTo(0.5);
  });

  it("moving both fingers together pans by the midpoint's travel, zoom unchanged", () => {
    const g = new Gestures();
    g.down(at(1, 100, 100));
    g.down(at(2, 200, 100));
    const c = run(g, start, [at(1, 140, 130), at(2, 240, 130)]);
    expect(c.zoom).toBeCloseTo(1);
    expect(c.x).toBeCloseTo(40);
    expect(c.y).toBeCloseTo(30);
  });

  it("pans and zooms together: the board point first under the midpoint follows it", () => {
    const g = new Gestures();
    const cam: Camera = { x: -300, y: 40, zoom: 0.8 };
    g.down(at(1, 400, 300));
    g.down(at(2, 500, 300));
    const grabbed = screenToBoard(cam, { x: 450, y: 300 });
    // Spread to 1.5x the distance while the midpoint travels to (600, 350).
    const c = run(g, cam, [at(1, 525, 350), at(2, 675, 350)]);
    expect(c.zoom).toBeCloseTo(1.2);
    const now = screenToBoard(c, { x: 600, y: 350 });
    expect(now.x).toBeCloseTo(grabbed.x);
    expect(now.y).toBeCloseTo(grabbed.y);
  });

  it("the zoom stops at the camera's limits", () => {
    const g = new Gestures();
    g.down(at(1, 0, 0));
    g.down(at(2, 10, 0));
    expect(run(g, start, [at(2, 1000, 0)]).zoom).toBe(MAX_ZOOM);
    const h = new Gestures();
    h.down(at(1, 0, 0));
    h.down(at(2, 1000, 0));
    expect(run(h, start, [at(2, 1, 0)]).zoom).toBe(MIN_ZOOM);
  });

  it("lifting one of two fingers goes on as a one-finger pan without a jump", () => {
    const g = new Gestures();
    g.down(at(1, 100, 100));
    g.down(at(2, 300, 100));
    let c = run(g, start, [at(1, 50, 100), at(2, 350, 100)]);
    const afterPinch = c;
    g.up(1);
    // The first move after the lift is relative to where finger 2 already was.
    c = run(g, c, [at(2, 360, 110)]);
    expect(c.zoom).toBe(afterPinch.zoom);
    expect(c.x - afterPinch.x).toBeCloseTo(10);
    expect(c.y - afterPinch.y).toBeCloseTo(10);
  });

  it("a second finger joining a pan starts the pinch from where both are", () => {
    const g = new Gestures();
    g.down(at(1, 100, 100));
    let c = run(g, start, [at(1, 120, 100)]);
    g.down(at(2, 220, 100));
    const before = c;
    c = run(g, c, [at(2, 221, 100)]);
    // 100 px apart becoming 101: a 1% zoom, not a leap.
    expect(c.zoom / before.zoom).toBeCloseTo(1.01);
  });

  it("a third finger rests without effect", () => {
    const g = new Gestures();
    g.down(at(1, 0, 0));
    g.down(at(2, 100, 0));
    g.down(at(3, 50, 50));
    expect(g.move(at(3, 400, 400))).toBeNull();
  });
});

describe("palms", () => {
  it("a wide or tall touch is a palm; a mouse or a pen never is", () => {
    expect(isPalm({ pointerType: "touch", width: 60, height: 20 })).toBe(true);
    expect(isPalm({ pointerType: "touch", width: 20, height: 41 })).toBe(true);
    expect(isPalm({ pointerType: "touch", width: 30, height: 30 })).toBe(false);
    expect(isPalm({ pointerType: "mouse", width: 100, height: 100 })).toBe(false);
    expect(isPalm({ pointerType: "pen", width: 100, height: 100 })).toBe(false);
  });

  it("a palm on empty board neither pans nor zooms", () => {
    const g = new Gestures();
    expect(g.down(at(1, 100, 100, { width: 90, height: 120 }))).toBe("palm");
    expect(g.ignored(1)).toBe(true);
    expect(g.move(at(1, 300, 300, { width: 90, height: 120 }))).toBeNull();
    expect(g.steering).toBe(0);
  });

  it("a palm among two fingers is ignored: the fingers still pinch", () => {
    const g = new Gestures();
    g.down(at(1, 100, 100));
    g.down(at(9, 400, 600, { width: 80, height: 80 }));
    g.down(at(2, 200, 100));
    const c = run(g, start, [
      at(9, 500, 700, { width: 80, height: 80 }),
      at(1, 50, 100),
      at(2, 250, 100),
      at(9, 10, 10, { width: 80, height: 80 }),
    ]);
    expect(c.zoom).toBeCloseTo(2);
    expect(g.steering).toBe(2);
  });

  it("a palm on a note never becomes a long press", () => {
    const g = new Gestures();
    clock = 0;
    g.down(at(1, 10, 10, { target: "note", noteId: "n", width: 70, height: 70 }));
    expect(g.due(LONG_PRESS_MS * 2)).toEqual([]);
  });

  it("a finger that grows into a palm stops panning at once", () => {
    const g = new Gestures();
    g.down(at(1, 0, 0));
    expect(g.move(at(1, 10, 0, { width: 70 }))).toBeNull();
    expect(g.ignored(1)).toBe(true);
    expect(g.move(at(1, 30, 0, { width: 20 }))).toBeNull();
    expect(g.steering).toBe(0);
  });

  it("a new contact reusing a palm's id is judged afresh", () => {
    const g = new Gestures();
    g.down(at(1, 0, 0, { width: 70 }));
    g.up(1);
    expect(g.down(at(1, 0, 0))).toBe("tracked");
    expect(g.ignored(1)).toBe(false);
  });
});

describe("long press on a note", () => {
  const onNote = (id: number, x: number, y: number, time: number, more: Partial<PointerSample> = {}) =>
    at(id, x, y, { target: "note", noteId: "note-1", time, ...more });

  it("fires once after the hold, where the finger is", () => {
    const g = new Gestures();
    g.down(onNote(1, 100, 100, 1000));
    expect(g.due(1000 + LONG_PRESS_MS - 1)).toEqual([]);
    g.move(onNote(1, 104, 103, 1200));
    expect(g.due(1000 + LONG_PRESS_MS)).toEqual([{ id: 1, noteId: "note-1", x: 104, y: 103 }]);
    expect(g.due(1000 + LONG_PRESS_MS * 3)).toEqual([]);
  });

  it("is cancelled by moving more than the slop, even if the finger comes back", () => {
    const g = new Gestures();
    g.down(onNote(1, 100, 100, 0));
    g.move(onNote(1, 110, 100, 100));
    g.move(onNote(1, 100, 100, 200));
    expect(g.due(LONG_PRESS_MS)).toEqual([]);
  });

  it("is cancelled by lifting the finger early", () => {
    const g = new Gestures();
    g.down(onNote(1, 100, 100, 0));
    g.up(1);
    expect(g.due(LONG_PRESS_MS)).toEqual([]);
  });

  it("belongs to touch only: a held mouse button is a drag about to start", () => {
    const g = new Gestures();
    g.down(onNote(1, 100, 100, 0, { type: "mouse" }));
    expect(g.due(LONG_PRESS_MS)).toEqual([]);
  });

  it("two fingers on two notes each time their own press", () => {
    const g = new Gestures();
    g.down(onNote(1, 100, 100, 0));
    g.down(at(2, 400, 100, { target: "note", noteId: "note-2", time: 300 }));
    g.move(onNote(1, 150, 100, 100));
    expect(g.due(300 + LONG_PRESS_MS).map((p) => p.noteId)).toEqual(["note-2"]);
  });

  it("does not stop the board fingers from panning meanwhile", () => {
    const g = new Gestures();
    g.down(onNote(1, 100, 100, 0));
    g.down(at(2, 500, 500));
    expect(run(g, start, [at(2, 520, 500)])).toEqual({ x: 20, y: 0, zoom: 1 });
    expect(g.due(LONG_PRESS_MS)).toHaveLength(1);
  });
});
