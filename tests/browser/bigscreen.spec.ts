import { expect, test, type Page } from "@playwright/test";
import { addNote, createWorkshop, unique } from "./helpers";

const zoomOf = (page: Page) => page.locator(".world").evaluate((el) => Number((el as HTMLElement).dataset.zoom));

/** Heights (CSS px) of every visible control in the header, the board's toolbar and zoom buttons. */
async function controlHeights(page: Page): Promise<{ name: string; h: number }[]> {
  return page.locator("header, [role=toolbar], .zoom").locator("button, a.button, select").evaluateAll((els) =>
    els
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .map((el) => ({ name: el.textContent?.trim() || el.getAttribute("aria-label") || "", h: el.getBoundingClientRect().height })),
  );
}

test.describe("big-screen mode", () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test("makes every target at least 64 px, fits closer, and survives a reload", async ({ page }) => {
    await createWorkshop(page, unique("Wall screen"));
    await addNote(page, "positive", "Readable from the back");
    const toggle = page.getByRole("button", { name: "Big screen" });
    await expect(toggle).toHaveAttribute("aria-pressed", "false");
    const normalZoom = await zoomOf(page);
    const small = await controlHeights(page);
    expect(Math.min(...small.map((c) => c.h))).toBeLessThan(64);

    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-pressed", "true");
    for (const c of await controlHeights(page)) expect(c.h, c.name).toBeGreaterThanOrEqual(64);
    // The camera fits the path closer; the notes keep their board size.
    expect(await zoomOf(page)).toBeGreaterThan(normalZoom * 1.2);

    await page.reload();
    await expect(page.getByRole("button", { name: "Big screen" })).toHaveAttribute("aria-pressed", "true");
    const after = await controlHeights(page);
    expect(after.length).toBeGreaterThan(8);
    for (const c of after) expect(c.h, c.name).toBeGreaterThanOrEqual(64);

    // A selected note's tools are targets too, at any zoom (counter-scaled: allow float rounding).
    await page.getByTestId("note").first().focus();
    const tools = page.getByRole("toolbar", { name: "Note tools" }).getByRole("button");
    for (const h of await tools.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height))) {
      expect(h).toBeGreaterThan(63.9);
    }

    await page.getByRole("button", { name: "Big screen" }).click();
    await expect(page.getByRole("button", { name: "Big screen" })).toHaveAttribute("aria-pressed", "false");
    await page.reload();
    await expect(page.getByRole("button", { name: "Big screen" })).toHaveAttribute("aria-pressed", "false");
  });
});

for (const lang of ["fi", "sv", "en"] as const) {
  test(`big-screen toolbar fits without clipping in ${lang} at 1280×800`, async ({ page }) => {
    await createWorkshop(page, unique("Fit"));
    await page.evaluate((l) => {
      localStorage.setItem("polku.language", l);
      localStorage.setItem("polku.bigScreen", "on");
    }, lang);
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await expect(page.locator("header button.big[aria-pressed=true]")).toBeVisible();
    const clipped = await page.locator("header, .toolbar, .zoom").locator("button, a.button").evaluateAll((els) =>
      els.filter((e) => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > innerWidth).map((e) => e.textContent?.trim()),
    );
    expect(clipped).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    // The board keeps most of the screen (the row under it for Walk and zoom, which would
    // otherwise cover notes, costs one row of big targets).
    const board = (await page.locator(".viewport").boundingBox())!;
    expect(board.height).toBeGreaterThan(800 * 0.5);
  });
}

for (const lang of ["fi", "sv", "en"] as const) {
  test(`the board's toolbar stays on one row in ${lang} at 1280×800`, async ({ page }) => {
    await createWorkshop(page, unique("Rivi"));
    await page.evaluate((l) => localStorage.setItem("polku.language", l), lang);
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    const toolbar = page.getByRole("toolbar").first();
    // The board mounts after the tab has made sure of its client id (a moment after a reload).
    await expect(toolbar.getByRole("button").first()).toBeVisible();
    const buttons = await toolbar.locator("button, a.button").evaluateAll((els) =>
      els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => Math.round(e.getBoundingClientRect().top)),
    );
    expect(new Set(buttons).size, `rows of toolbar controls: ${[...new Set(buttons)]}`).toBe(1);
  });
}
