import { describe, expect, it } from "vitest";
import type { Phase, Touchpoint } from "../src/lib/api/types";
import { fitCamera, FIRST_X, PATH_Y, STEP_X, stations } from "../src/lib/board/geometry";
import {
  BAND_TOP,
  cleanLabel,
  createPhaseOps,
  createTouchpointOp,
  dropIndex,
  headKey,
  MAX_LABEL,
  neighbours,
  notesOn,
  phaseColour,
  phaseRuns,
  previewIndex,
  stationY,
  touchpointPatch,
  type TouchpointFields,
} from "../src/lib/board/path/structure";

const phase = (id: string, position: number): Phase => ({ id, board_id: "b", position, label: id.toUpperCase(), stacked: false, caption: "", original_label: "", original_caption: "", version: 1 });
const PHASES = [phase("before", 0), phase("during", 1), phase("after", 2)];

function tp(id: string, position: number, phase_id: string | null = null, side_station = false): Touchpoint {
  return { id, board_id: "b", position, label: id, description: "", phase_id, side_station, original_label: "", version: 1 };
}

describe("phaseRuns", () => {
  it("draws one band per run of consecutive touchpoints in one phase, spanning their columns", () => {
    const list = stations([tp("a", 0, "before"), tp("b", 1, "during"), tp("c", 2, "during"), tp("d", 3, "during"), tp("e", 4, "after")]);
    const runs = phaseRuns(list, PHASES);
    expect(runs.map((r) => [r.phase.id, r.from, r.to])).toEqual([
      ["before", 0, 0],
      ["during", 1, 3],
      ["after", 4, 4],
    ]);
    // A band covers its columns (less a small gap at each end), and neighbouring bands don't overlap.
    const during = runs[1];
    expect(during.x1).toBeGreaterThan(list[1].x - STEP_X / 2);
    expect(during.x1).toBeLessThan(list[1].x - STEP_X / 2 + 20);
    expect(during.x2).toBeLessThan(list[3].x + STEP_X / 2);
    expect(during.x2).toBeGreaterThan(list[3].x + STEP_X / 2 - 20);
    for (let i = 1; i < runs.length; i++) expect(runs[i].x1).toBeGreaterThan(runs[i - 1].x2);
  });

  it("leaves touchpoints without a phase (or with one the board lacks) out, breaking runs", () => {
    const list = stations([tp("a", 0, "during"), tp("b", 1), tp("c", 2, "during"), tp("d", 3, "gone"), tp("e", 4, "during")]);
    const runs = phaseRuns(list, PHASES);
    expect(runs.map((r) => [r.phase.id, r.from, r.to, r.first])).toEqual([
      ["during", 0, 0, true],
      ["during", 2, 2, false],
      ["during", 4, 4, false],
    ]);
  });

  it("colours a band by its phase's place among the board's phases, so a moved touchpoint keeps it", () => {
    const list = stations([tp("a", 0, "after"), tp("b", 1, "before")]);
    const runs = phaseRuns(list, PHASES);
    expect(runs.map((r) => r.slot)).toEqual([2, 0]);
    expect(phaseColour(runs[0].slot)).not.toEqual(phaseColour(runs[1].slot));
    // Six calm colours, then they repeat.
    expect(phaseColour(6)).toEqual(phaseColour(0));
  });

  it("has no bands on an empty path", () => {
    expect(phaseRuns([], PHASES)).toEqual([]);
  });

  it("sits above the board's origin, yet inside the fitted view", () => {
    expect(BAND_TOP).toBeLessThan(0);
    for (const [w, min, max] of [[680, 0.4, 1], [1280, 0.4, 1], [3000, 0.4, 1], [1920, 0.6, 1.5]]) {
      const cam = fitCamera(w, 5, min, max);
      expect(cam.y + BAND_TOP * cam.zoom).toBeGreaterThanOrEqual(0);
    }
  });
});

describe("dropIndex", () => {
  it("lands on the column nearest the dragged centre", () => {
    expect(dropIndex(5, FIRST_X)).toBe(0);
    expect(dropIndex(5, FIRST_X + 2 * STEP_X + STEP_X * 0.4)).toBe(2);
    expect(dropIndex(5, FIRST_X + 2 * STEP_X + STEP_X * 0.6)).toBe(3);
  });

  it("clamps to the ends of the path", () => {
    expect(dropIndex(5, -1000)).toBe(0);
    expect(dropIndex(5, FIRST_X + 40 * STEP_X)).toBe(4);
    expect(dropIndex(0, 500)).toBe(0);
  });
});

describe("previewIndex", () => {
  it("makes room where the dragged station will land", () => {
    // Station 1 dragged to 3: 2 and 3 step left.
    expect([0, 2, 3, 4].map((j) => previewIndex(j, 1, 3))).toEqual([0, 1, 2, 4]);
    // Station 3 dragged to 0: 0, 1, 2 step right.
    expect([0, 1, 2, 4].map((j) => previewIndex(j, 3, 0))).toEqual([1, 2, 3, 4]);
    expect([0, 1, 2].map((j) => previewIndex(j, 1, 1))).toEqual([0, 1, 2]);
  });
});

describe("headKey", () => {
  const k = (key: string, mods: Partial<{ altKey: boolean; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {}) =>
    headKey({ key, altKey: false, shiftKey: false, ctrlKey: false, metaKey: false, ...mods });

  it("moves with Alt+Shift+arrows and deletes with Delete or Backspace", () => {
    expect(k("ArrowLeft", { altKey: true, shiftKey: true })).toBe("left");
    expect(k("ArrowRight", { altKey: true, shiftKey: true })).toBe("right");
    expect(k("Delete")).toBe("delete");
    expect(k("Backspace")).toBe("delete");
  });

  it("leaves plain arrows, Ctrl combinations and other keys alone", () => {
    expect(k("ArrowLeft")).toBeNull();
    expect(k("ArrowLeft", { altKey: true })).toBeNull();
    expect(k("ArrowLeft", { altKey: true, shiftKey: true, ctrlKey: true })).toBeNull();
    expect(k("Delete", { ctrlKey: true })).toBeNull();
    expect(k("Enter")).toBeNull();
  });
});

describe("touchpointPatch", () => {
  const was: TouchpointFields = { label: "Pause", description: "", phase_id: "during", side_station: true };

  it("sends only what was edited", () => {
    expect(touchpointPatch(was, { ...was, label: "  Long  pause " }, was)).toEqual({ label: "Long pause" });
    expect(touchpointPatch(was, { ...was, description: "Weeks of waiting", side_station: false }, was)).toEqual({
      description: "Weeks of waiting",
      side_station: false,
    });
    expect(touchpointPatch(was, { ...was }, was)).toBeNull();
  });

  it("never overwrites a field another window changed when it wasn't edited here", () => {
    const now = { ...was, label: "Renamed elsewhere", phase_id: null };
    expect(touchpointPatch(was, { ...was, description: "x" }, now)).toEqual({ description: "x" });
  });

  it("skips an empty or too long name, and stores a blank description as empty", () => {
    expect(touchpointPatch(was, { ...was, label: "   " }, was)).toBeNull();
    expect(touchpointPatch(was, { ...was, label: "x".repeat(MAX_LABEL + 1) }, was)).toBeNull();
    const had = { ...was, description: "Something" };
    expect(touchpointPatch(had, { ...had, description: "  \n " }, had)).toEqual({ description: "" });
  });
});

describe("ops", () => {
  it("adds a touchpoint at the given place, in the given phase, not as a side station", () => {
    const { id, op } = createTouchpointOp("b", 3, "Home visit", "during");
    expect(op).toEqual({
      type: "create_touchpoint",
      touchpoint: { id, board_id: "b", index: 3, label: "Home visit", description: "", phase_id: "during", side_station: false },
    });
  });

  it("makes a phase and puts the touchpoint in it as one undo step", () => {
    const { id, op } = createPhaseOps("b", 3, "Follow-up", "t1");
    expect(op).toEqual({
      type: "batch",
      ops: [
        { type: "create_phase", phase: { id, board_id: "b", index: 3, label: "Follow-up" } },
        { type: "update_touchpoint", id: "t1", patch: { phase_id: id } },
      ],
    });
    expect(createPhaseOps("b", 0, "Alone", null).op.type).toBe("create_phase");
  });
});

describe("helpers", () => {
  it("finds the neighbours in path order", () => {
    const list = stations([tp("c", 2), tp("a", 0), tp("b", 1)]);
    expect(neighbours(list, "b")).toMatchObject({ prev: { id: "a" }, next: { id: "c" } });
    expect(neighbours(list, "a").prev).toBeNull();
    expect(neighbours(list, "c").next).toBeNull();
    expect(neighbours(list, "zzz")).toEqual({ prev: null, next: null });
  });

  it("counts a touchpoint's notes", () => {
    expect(notesOn([{ touchpoint_id: "a" }, { touchpoint_id: null }, { touchpoint_id: "a" }, { touchpoint_id: "b" }], "a")).toBe(2);
  });

  it("keeps a label to one line", () => {
    expect(cleanLabel("First\ncontact ")).toBe("First contact");
    expect(cleanLabel("")).toBeNull();
  });

  it("raises a side station off the main line", () => {
    expect(stationY({ side_station: false })).toBe(PATH_Y);
    expect(stationY({ side_station: true })).toBeLessThan(PATH_Y);
  });
});
