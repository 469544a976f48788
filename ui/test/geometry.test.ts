import { describe, expect, it } from "vitest";
import type { Touchpoint } from "../src/lib/api/types";
import { MAX_ZOOM, zoomAt } from "../src/lib/board/camera";
import {
  FIRST_ROW_Y,
  FIRST_X,
  NOTE_GAP,
  NOTE_H,
  NOTE_W,
  STEP_X,
  boardWidth,
  fitCamera,
  freeSpotBelow,
  nearestStation,
  pathOrder,
  screenToBoard,
  stations,
  touchpointForNoteAt,
} from "../src/lib/board/geometry";

const tp = (id: string, position: number, label = id): Touchpoint => ({
  id,
  board_id: "b",
  position,
  label,
  description: "",
  phase_id: null,
  side_station: false,
  original_label: "",
  version: 1,
});

describe("stations", () => {
  it("orders touchpoints by position and spaces them at fixed x", () => {
    const s = stations([tp("c", 30), tp("a", 10), tp("b", 20)]);
    expect(s.map((x) => x.id)).toEqual(["a", "b", "c"]);
    expect(s.map((x) => x.x)).toEqual([160, 420, 680]);
    expect(s.map((x) => x.index)).toEqual([0, 1, 2]);
  });

  it("uses the order, not the raw position value, for spacing", () => {
    const s = stations([tp("a", 0), tp("b", 1000)]);
    expect(s[1].x).toBe(FIRST_X + STEP_X);
  });

  it("sizes the board to its stations", () => {
    expect(boardWidth(5)).toBe(160 * 2 + 4 * 260);
    expect(boardWidth(0)).toBe(320);
  });
});

describe("nearest touchpoint", () => {
  const list = stations([tp("a", 0), tp("b", 1), tp("c", 2)]); // x 160, 420, 680

  it("finds the column nearest to an x", () => {
    expect(nearestStation(list, 0)?.id).toBe("a");
    expect(nearestStation(list, 289)?.id).toBe("a");
    expect(nearestStation(list, 291)?.id).toBe("b");
    expect(nearestStation(list, 560)?.id).toBe("c");
    expect(nearestStation(list, 5000)?.id).toBe("c");
  });

  it("breaks a tie toward the earlier touchpoint", () => {
    expect(nearestStation(list, 290)?.id).toBe("a");
  });

  it("has none without touchpoints", () => {
    expect(nearestStation([], 100)).toBeNull();
    expect(touchpointForNoteAt([], 100)).toBeNull();
  });

  it("judges a note by its centre, not its corner", () => {
    // Corner at 250 is nearer a (160) but the centre, 350, is nearer b (420).
    expect(touchpointForNoteAt(list, 250)).toBe("b");
    expect(touchpointForNoteAt(list, 160 - NOTE_W / 2)).toBe("a");
  });
});

describe("placing a new note", () => {
  const list = stations([tp("a", 0), tp("b", 1)]);
  const row = (k: number) => FIRST_ROW_Y + k * (NOTE_H + NOTE_GAP);

  it("puts the first note centred under its touchpoint", () => {
    expect(freeSpotBelow(list[1], [])).toEqual({ x: 420 - NOTE_W / 2, y: row(0) });
  });

  it("skips taken spots in the column", () => {
    const taken = [{ x: 60, y: row(0) }, { x: 60, y: row(1) }];
    expect(freeSpotBelow(list[0], taken)).toEqual({ x: 60, y: row(2) });
  });

  it("uses a gap left between notes when the note fits", () => {
    const taken = [{ x: 60, y: row(0) }, { x: 60, y: row(2) }];
    expect(freeSpotBelow(list[0], taken)).toEqual({ x: 60, y: row(1) });
  });

  it("skips a gap too small for a note", () => {
    const taken = [{ x: 60, y: row(0) }, { x: 60, y: row(1) + 40 }];
    expect(freeSpotBelow(list[0], taken).y).toBe(row(1) + 40 + NOTE_H + NOTE_GAP);
  });

  it("counts a note that only partly covers the slot", () => {
    const taken = [{ x: 60 + NOTE_W - 1, y: row(0) + 5 }];
    expect(freeSpotBelow(list[0], taken).y).toBe(row(0) + 5 + NOTE_H + NOTE_GAP);
  });

  it("keeps clear of a note taller than a slot", () => {
    const taken = [{ x: 60, y: row(0), h: 300 }];
    expect(freeSpotBelow(list[0], taken).y).toBe(row(0) + 300 + NOTE_GAP);
  });

  it("ignores notes in other columns", () => {
    const taken = [{ x: 320, y: row(0) }];
    expect(freeSpotBelow(list[0], taken)).toEqual({ x: 60, y: row(0) });
  });

  it("works on a board without touchpoints", () => {
    expect(freeSpotBelow(null, [])).toEqual({ x: FIRST_X - NOTE_W / 2, y: row(0) });
  });
});

describe("camera", () => {
  it("maps screen to board through pan and zoom", () => {
    expect(screenToBoard({ x: 100, y: 50, zoom: 2 }, { x: 300, y: 250 })).toEqual({ x: 100, y: 100 });
  });

  it("fits a wide path into a narrow viewport but never enlarges", () => {
    const narrow = fitCamera(680, 5);
    expect(narrow.zoom).toBeCloseTo(680 / boardWidth(5));
    const wide = fitCamera(3000, 5);
    expect(wide.zoom).toBe(1);
    expect(wide.x).toBe((3000 - boardWidth(5)) / 2);
  });

  it("fits closer up when allowed to enlarge (big-screen mode), still within the limit", () => {
    const big = fitCamera(1920, 5, 0.6, 1.5);
    expect(big.zoom).toBeCloseTo(1920 / boardWidth(5));
    expect(big.zoom).toBeGreaterThan(1);
    expect(fitCamera(5000, 5, 0.6, 1.5).zoom).toBe(1.5);
    expect(fitCamera(300, 5, 0.6, 1.5).zoom).toBe(0.6);
  });

  it("zooms around the anchor point", () => {
    const cam = { x: 10, y: 20, zoom: 1 };
    const anchor = { x: 200, y: 100 };
    const before = screenToBoard(cam, anchor);
    const after = zoomAt(cam, anchor, 2);
    expect(after.zoom).toBe(2);
    expect(screenToBoard(after, anchor)).toEqual(before);
    expect(zoomAt(cam, anchor, 100).zoom).toBe(MAX_ZOOM);
  });
});

describe("path order", () => {
  const list = stations([tp("a", 0), tp("b", 1)]);
  it("goes along the path, then down, then right", () => {
    const notes = [
      { id: "b-low", x: 320, y: 400 },
      { id: "a-low", x: 60, y: 400 },
      { id: "b-high", x: 320, y: 230 },
      { id: "a-high", x: 60, y: 230 },
    ];
    expect(pathOrder(list, notes).map((n) => n.id)).toEqual(["a-high", "a-low", "b-high", "b-low"]);
  });
});
