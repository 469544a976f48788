import { expect, test, type Page } from "@playwright/test";
import { addNote, note, unique } from "./helpers";
import { importWorkshop, type Imported } from "./library";

/** Two boards with a note each; made with the real CLI into the running server's library. */
function twoBoards(): Imported {
  return importWorkshop(unique("Programme"), [
    { title: "Session one: path", touchpoints: ["Arrival", "Meeting"], notes: ["Alpha note"] },
    { title: "Session two: canvas", touchpoints: ["Call", "Visit", "Follow-up"], notes: ["Beta note"] },
  ]);
}

const tab = (page: Page, title: string) => page.getByRole("tab", { name: title });
const boardUrl = (w: Imported, board: number) => new RegExp(`#/w/${w.id}/b/${w.boards[board].id}$`);

/** Counts the workshop loads a page makes: switching boards must not make any. */
function countLoads(page: Page): () => number {
  let loads = 0;
  page.on("request", (r) => {
    if (r.url().endsWith("/api/open_workshop")) loads++;
  });
  return () => loads;
}

async function expectOn(page: Page, w: Imported, board: number) {
  await expect(page).toHaveURL(boardUrl(w, board));
  await expect(tab(page, w.boards[board].title)).toHaveAttribute("aria-selected", "true");
  await expect(tab(page, w.boards[1 - board].title)).toHaveAttribute("aria-selected", "false");
  await expect(note(page, board === 0 ? "Alpha note" : "Beta note")).toBeVisible();
  await expect(note(page, board === 0 ? "Beta note" : "Alpha note")).toHaveCount(0);
}

test("opens on the first board; a click opens the other, Back returns, a reload stays", async ({ page }) => {
  const w = twoBoards();
  await page.goto(`/#/w/${w.id}`);
  await expectOn(page, w, 0);
  await expect(page.getByRole("tab")).toHaveText(w.boards.map((b) => b.title));
  const loads = countLoads(page);

  await tab(page, w.boards[1].title).click();
  await expectOn(page, w, 1);
  await expect(page.getByText("Follow-up", { exact: true })).toBeVisible();
  await page.goBack();
  await expectOn(page, w, 0);
  expect(loads()).toBe(0);

  await page.goForward();
  await expectOn(page, w, 1);
  await page.reload();
  await expectOn(page, w, 1);
});

test("the keyboard moves along the strip with the arrows and opens a board with Enter", async ({ page }) => {
  const w = twoBoards();
  await page.goto(`/#/w/${w.id}/b/${w.boards[0].id}`);
  await expectOn(page, w, 0);
  await tab(page, w.boards[0].title).focus();
  await page.keyboard.press("ArrowRight");
  await expect(tab(page, w.boards[1].title)).toBeFocused();
  // Moving is not opening.
  await expect(page).toHaveURL(boardUrl(w, 0));
  await page.keyboard.press("Enter");
  await expectOn(page, w, 1);
  // One tab stop: the open board's tab.
  await expect(tab(page, w.boards[1].title)).toHaveAttribute("tabindex", "0");
  await expect(tab(page, w.boards[0].title)).toHaveAttribute("tabindex", "-1");
  await page.keyboard.press("Home");
  await expect(tab(page, w.boards[0].title)).toBeFocused();
  await page.keyboard.press("Space");
  await expectOn(page, w, 0);
});

test("the outline keeps its view and the old links are written out in full", async ({ page }) => {
  const w = twoBoards();
  await page.goto(`/#/w/${w.id}/outline`);
  await expect(page).toHaveURL(new RegExp(`#/w/${w.id}/b/${w.boards[0].id}/outline$`));
  await tab(page, w.boards[1].title).click();
  await expect(page).toHaveURL(new RegExp(`#/w/${w.id}/b/${w.boards[1].id}/outline$`));
  await page.getByRole("group", { name: "View" }).getByRole("button", { name: "Board" }).click();
  await expectOn(page, w, 1);
});

test("a link to a board the workshop does not have shows the first board and says so", async ({ page }) => {
  const w = twoBoards();
  await page.goto(`/#/w/${w.id}/b/00000000-0000-4000-8000-000000000000`);
  await expect(page.getByText("That board was not found")).toBeVisible();
  await expectOn(page, w, 0);
});

test("each board keeps its own pan and zoom", async ({ page }) => {
  const w = twoBoards();
  await page.goto(`/#/w/${w.id}`);
  await expectOn(page, w, 0);
  const world = page.locator(".world");
  const fitted = Number(await world.getAttribute("data-zoom"));
  await page.getByRole("button", { name: "Zoom in" }).click();
  await page.getByRole("button", { name: "Zoom in" }).click();
  await expect.poll(async () => Number(await world.getAttribute("data-zoom"))).toBeGreaterThan(fitted);
  const zoomedA = await world.getAttribute("style");

  await tab(page, w.boards[1].title).click();
  await expectOn(page, w, 1);
  // The other board is fitted on its first showing, not left at A's zoom.
  await expect(world).not.toHaveAttribute("style", zoomedA!);
  const fittedB = await world.getAttribute("style");

  await tab(page, w.boards[0].title).click();
  await expectOn(page, w, 0);
  await expect(world).toHaveAttribute("style", zoomedA!);
  await page.goBack();
  await expectOn(page, w, 1);
  await expect(world).toHaveAttribute("style", fittedB!);
});

test("two tabs on different boards each get the other's new notes", async ({ page, context }) => {
  const w = twoBoards();
  await page.goto(`/#/w/${w.id}/b/${w.boards[0].id}`);
  await expectOn(page, w, 0);
  const other = await context.newPage();
  await other.goto(`/#/w/${w.id}/b/${w.boards[1].id}`);
  await expectOn(other, w, 1);
  const loads = countLoads(page);
  const otherLoads = countLoads(other);

  await addNote(other, "positive", "Written in tab two");
  await addNote(page, "negative", "Written in tab one");

  await tab(page, w.boards[1].title).click();
  await expect(note(page, "Written in tab two")).toBeVisible();
  await tab(other, w.boards[0].title).click();
  await expect(note(other, "Written in tab one")).toBeVisible();
  expect(loads()).toBe(0);
  expect(otherLoads()).toBe(0);
});

test.describe("on a touchscreen", () => {
  test.use({ hasTouch: true });

  test("a tap on a tab opens its board", async ({ page }) => {
    const w = twoBoards();
    await page.goto(`/#/w/${w.id}`);
    await expectOn(page, w, 0);
    await tab(page, w.boards[1].title).tap();
    await expectOn(page, w, 1);
    const box = await tab(page, w.boards[1].title).boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
  });
});
