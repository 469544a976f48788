import { expect, test, type Page } from "@playwright/test";
import { addNote, createWorkshop, dragBy, note, unique } from "./helpers";

/** What the Walk button's box overlaps: other visible buttons and note cards, by their names. */
async function coveredByWalk(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const walk = document.querySelector<HTMLElement>(".walk-button");
    if (!walk) return ["no Walk button"];
    const w = walk.getBoundingClientRect();
    const viewport = document.querySelector<HTMLElement>(".viewport")!;
    const v = viewport.getBoundingClientRect();
    // What is on the board is seen only inside the viewport, which clips it.
    const seen = (el: HTMLElement) => {
      const r = el.getBoundingClientRect();
      if (!viewport.contains(el)) return r;
      return new DOMRect(Math.max(r.left, v.left), Math.max(r.top, v.top), Math.min(r.right, v.right) - Math.max(r.left, v.left), Math.min(r.bottom, v.bottom) - Math.max(r.top, v.top));
    };
    const others = [...document.querySelectorAll<HTMLElement>("button, a.button, [data-testid=note]")].filter(
      (el) => el !== walk && !walk.contains(el) && el.checkVisibility() && el.getBoundingClientRect().width > 0,
    );
    return others
      .filter((el) => {
        const r = seen(el);
        return r.width > 0 && r.height > 0 && r.left < w.right && r.right > w.left && r.top < w.bottom && r.bottom > w.top;
      })
      .map((el) => el.getAttribute("aria-label") ?? el.textContent?.trim() ?? el.tagName);
  });
}

for (const { width, height, big } of [
  { width: 1280, height: 800, big: false },
  { width: 1920, height: 1080, big: true },
  { width: 1024, height: 768, big: false },
]) {
  test(`the Walk button covers no control and no note at ${width}×${height}${big ? " on the big screen" : ""}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await createWorkshop(page, unique("Walk room"));
    if (big) {
      await page.evaluate(() => localStorage.setItem("polku.bigScreen", "on"));
      await page.reload();
      await expect(page.locator("header button.big[aria-pressed=true]")).toBeVisible();
    }
    // A note dragged into the board's bottom left corner, showing its tools.
    const card = await addNote(page, "negative", "Bottom left");
    const from = (await card.boundingBox())!;
    const board = (await page.getByTestId("board-viewport").boundingBox())!;
    await dragBy(page, card, board.x + 60 - from.x, board.y + board.height - 50 - from.y);
    await note(page, "Bottom left").click();
    await expect(page.getByRole("button", { name: "Walk", exact: true })).toBeVisible();
    expect(await coveredByWalk(page)).toEqual([]);
    // Also with the walk panel open, which makes the board lower.
    await page.getByRole("button", { name: "Walk", exact: true }).click();
    await expect(page.locator("#walk-panel")).toBeVisible();
    expect(await coveredByWalk(page)).toEqual([]);
  });
}
