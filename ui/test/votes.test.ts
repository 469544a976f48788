import { describe, expect, it } from "vitest";
import type { Vote } from "../src/lib/api/types";
import { countsShown, currentVote, kept, openVote, ranked } from "../src/lib/votes/votes";

function vote(id: string, over: Partial<Vote["fields"]> = {}, board = "b"): Vote {
  return {
    id,
    board_id: board,
    version: 1,
    fields: {
      settings: { on: { type: "board" }, dots: 3, several_per_target: false, hidden: true, screen: "turns", ends_at: null },
      session_id: null,
      started_at: 1,
      ended_at: null,
      targets: ["a", "b", "c", "d"],
      counts: [
        { target_id: "a", count: 1 },
        { target_id: "b", count: 4 },
        { target_id: "c", count: 4 },
      ],
      turn: 1,
      keep_top: null,
      ...over,
    },
  };
}

describe("dot votes on a screen", () => {
  it("ranks most dots first, ties sharing a place", () => {
    expect(ranked(vote("v")).map((r) => [r.rank, r.target, r.count])).toEqual([
      [1, "b", 4],
      [1, "c", 4],
      [3, "a", 1],
      [4, "d", 0],
    ]);
  });

  it("keeps the top N with a tie at the edge whole, and nothing while the counts are hidden", () => {
    expect(kept(vote("v", { keep_top: 1 }))).toEqual(new Set());
    expect(kept(vote("v", { keep_top: 1, ended_at: 9 }))).toEqual(new Set(["b", "c"]));
    expect(kept(vote("v", { keep_top: 9, ended_at: 9 }))).toEqual(new Set(["a", "b", "c"]));
  });

  it("shows counts at once only when not hidden, else at the end", () => {
    expect(countsShown(vote("v"))).toBe(false);
    expect(countsShown(vote("v", { ended_at: 5 }))).toBe(true);
    expect(countsShown(vote("v", { settings: { ...vote("v").fields.settings, hidden: false } }))).toBe(true);
  });

  it("finds the board's open vote, else its latest", () => {
    const votes = { old: vote("old", { ended_at: 5, started_at: 1 }), new: vote("new", { started_at: 3, ended_at: 7 }), other: vote("other", {}, "x") };
    expect(openVote(votes, "b")).toBeNull();
    expect(currentVote(votes, "b")?.id).toBe("new");
    expect(openVote({ ...votes, now: vote("now", { started_at: 9 }) }, "b")?.id).toBe("now");
  });
});
