import { describe, expect, it } from "vitest";
import { lazyPage } from "../src/lib/ui/lazyPage.svelte";

describe("a page loaded on first need", () => {
  it("is fetched once however often it is asked for, and then stays", async () => {
    let fetched = 0;
    const page = lazyPage(async () => {
      fetched++;
      return { default: "the board" };
    });
    expect(page.component).toBeNull();
    await Promise.all([page.load(), page.load()]);
    await page.load();
    expect(page.component).toBe("the board");
    expect(fetched).toBe(1);
  });

  it("says it failed when its code could not be fetched, and is tried again on the next ask", async () => {
    let attempt = 0;
    const page = lazyPage(async () => {
      if (++attempt === 1) throw new Error("network gone");
      return { default: "the board" };
    });
    const quiet = console.error;
    console.error = () => {};
    try {
      await page.load();
    } finally {
      console.error = quiet;
    }
    expect(page.failed).toBe(true);
    expect(page.component).toBeNull();
    await page.load();
    expect(page.failed).toBe(false);
    expect(page.component).toBe("the board");
  });
});
