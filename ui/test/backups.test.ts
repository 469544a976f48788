import { describe, expect, it } from "vitest";
import type { Backup } from "../src/lib/api/types";
import { readable, size } from "../src/lib/backups/backups";

const backup = (name: string, workshops: number | null): Backup => ({
  name,
  made_at: 0,
  origin: "rolling",
  bytes: 1,
  workshops,
  notes: workshops,
});

describe("backups", () => {
  it("offers only the backups that could be read", () => {
    expect(readable([backup("a", 2), backup("b", null), backup("c", 0)]).map((b) => b.name)).toEqual(["a", "c"]);
  });

  it("writes sizes as people read them", () => {
    expect(size(212_992, "en")).toBe("213 kB");
    expect(size(400, "en")).toBe("1 kB");
    expect(size(3_400_000, "en")).toBe("3.4 MB");
    expect(size(3_400_000, "fi")).toBe("3,4 MB");
    expect(size(48_000_000, "en")).toBe("48 MB");
  });
});
