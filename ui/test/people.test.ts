import { describe, expect, it } from "vitest";
import type { WalkStep, Walkthrough } from "../src/lib/api/types";
import { applyVersioned, peopleFrom, stepsOf, walksOf } from "../src/lib/people/people";
import { persona } from "./fixtures";

const walk = (id: string, persona_id: string, created_at: number): Walkthrough => ({
  id,
  persona_id,
  board_id: "b",
  at_touchpoint_id: null,
  version: 1,
  created_at,
  updated_at: created_at,
});
const step = (id: string, walkthrough_id: string, touchpoint_id: string): WalkStep => ({
  id,
  walkthrough_id,
  touchpoint_id,
  record: { emotion: 1, happens: "", barriers: "", ideas: "", skipped: false },
  version: 1,
  updated_at: 1,
});

describe("people held by a client", () => {
  it("takes new and newer copies, keeps a newer one over a late older one, and removes deleted ones", () => {
    const p = peopleFrom([persona("aino", 2)], [], []);
    expect(applyVersioned(p.personas, { id: "aino", after: persona("aino", 1) })).toBe(false);
    expect(p.personas.aino.version).toBe(2);
    expect(applyVersioned(p.personas, { id: "janne", after: persona("janne") })).toBe(true);
    expect(applyVersioned(p.personas, { id: "aino", after: null })).toBe(true);
    expect(Object.keys(p.personas)).toEqual(["janne"]);
  });

  it("lists a persona's walks newest first and a walk's steps by station", () => {
    const p = peopleFrom([persona("aino")], [walk("w1", "aino", 10), walk("w2", "aino", 20), walk("w3", "janne", 30)], [
      step("s1", "w2", "tp1"),
      step("s2", "w1", "tp1"),
    ]);
    expect(walksOf(p, "aino", "b").map((w) => w.id)).toEqual(["w2", "w1"]);
    expect([...stepsOf(p, "w2").keys()]).toEqual(["tp1"]);
    expect(stepsOf(p, "w2").get("tp1")?.id).toBe("s1");
  });
});
