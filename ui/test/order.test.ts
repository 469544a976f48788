import { describe, expect, it } from "vitest";
import { byPosition, inPositionOrder } from "../src/lib/order";

describe("position, then id", () => {
  it("orders by position first", () => {
    const list = [
      { id: "a", position: 2 },
      { id: "b", position: 0 },
      { id: "c", position: 1 },
    ];
    expect(inPositionOrder(list).map((v) => v.id)).toEqual(["b", "c", "a"]);
    expect(list.map((v) => v.id)).toEqual(["a", "b", "c"]);
  });

  it("breaks a tie by the id's characters, as the core orders uuids by their bytes", () => {
    // "-" (0x2d) comes before the digits and "f"; a locale-aware compare may skip punctuation.
    const ids = ["0195f-0001", "01954-f001", "0195-ff001", "01950-0001"];
    const sorted = inPositionOrder(ids.map((id) => ({ id, position: 3 }))).map((v) => v.id);
    expect(sorted).toEqual(["0195-ff001", "01950-0001", "01954-f001", "0195f-0001"]);
    expect(sorted).toEqual([...ids].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
  });

  it("is zero only for the same position and id", () => {
    expect(byPosition({ id: "x", position: 1 }, { id: "x", position: 1 })).toBe(0);
    expect(byPosition({ id: "x", position: 1 }, { id: "y", position: 1 })).toBeLessThan(0);
    expect(byPosition({ id: "y", position: 0 }, { id: "x", position: 1 })).toBeLessThan(0);
  });
});
