import { describe, expect, it } from "vitest";
import { faceDownByPlace, veiled, veilOf } from "../src/lib/board/live/veil";
import { note } from "./fixtures";

const open = { covered: false, writing: null };

describe("what a screen shows of a note while people write", () => {
  it("hides others' face-down notes, words and colour, but never the author's own", () => {
    const n = note("n1", 1, { face_down: true, text: "Salainen", sentiment: "negative" });
    expect(veilOf(n, open, new Set())).toBe("face_down");
    expect(veilOf(n, open, new Set(["n1"]))).toBeNull();
    expect(veiled(n, "face_down")).toMatchObject({ text: "", sentiment: null, kind: "observation" });
  });

  it("a covered board hides every note's words and keeps their colour", () => {
    const n = note("n2", 1, { sentiment: "positive" });
    expect(veilOf(n, { covered: true, writing: null }, new Set())).toBe("covered");
    expect(veiled(n, "covered")).toMatchObject({ text: "", sentiment: "positive" });
    expect(veilOf(note("n3", 1, { face_down: true }), { covered: true, writing: null }, new Set())).toBe("face_down");
  });

  it("counts face-down notes per place in the board's order, and those at no place last", () => {
    const notes = [
      note("a", 1, { face_down: true, touchpoint_id: "t2" }),
      note("b", 1, { face_down: true, touchpoint_id: "t1" }),
      note("c", 1, { face_down: true, touchpoint_id: "t2" }),
      note("d", 1, { face_down: false, touchpoint_id: "t1" }),
      note("e", 1, { face_down: true, touchpoint_id: null }),
    ];
    const places = [{ id: "t1", label: "First contact" }, { id: "t2", label: "Pause" }, { id: "t3", label: "End" }];
    expect(faceDownByPlace(notes, places)).toEqual([{ label: "First contact", count: 1 }, { label: "Pause", count: 2 }, { label: null, count: 1 }]);
  });
});
