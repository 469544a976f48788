import { expect, test, type Page } from "@playwright/test";
import { createWorkshop, unique } from "./helpers";

const COUNT = 40;

/** Note n of the column, by its accessible name (which full cards and far-zoom blocks both have). */
function step(page: Page, n: number) {
  return page.locator(`[data-testid="note"][aria-label$=": Step ${n}"]`);
}

/** Adds COUNT notes in the first column through the API (as another client would), then reloads. */
async function longColumn(page: Page): Promise<void> {
  const workshopId = /#\/w\/([0-9a-f-]+)/.exec(page.url())![1];
  const opened = await (await page.request.post("/api/open_workshop", { data: { id: workshopId } })).json();
  const board = opened.boards[0];
  const touchpoint = [...board.touchpoints].sort((a: { position: number }, b: { position: number }) => a.position - b.position)[0];
  const clientId = crypto.randomUUID();
  for (let i = 0; i < COUNT; i++) {
    const res = await page.request.post("/api/apply_op", {
      data: {
        workshop_id: workshopId,
        op_id: crypto.randomUUID(),
        client_id: clientId,
        undo: "record",
        op: {
          type: "create_note",
          note: {
            id: crypto.randomUUID(),
            board_id: board.id,
            touchpoint_id: touchpoint.id,
            lane_id: null,
            kind: "observation",
            sentiment: (["negative", "neutral", "positive"] as const)[i % 3],
            text: `Step ${i + 1}`,
            // From the touchpoint's column: centred under it.
            x: -100,
            y: 230 + i * 126,
          },
        },
      },
    });
    expect(res.ok()).toBe(true);
  }
  await page.reload();
  await expect(step(page, 1)).toBeVisible();
}

/** Presses Tab (or Shift+Tab) until the focus is on another note card; returns its text. */
async function tabToNextNote(page: Page, back = false): Promise<string> {
  const start = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.noteId ?? null);
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    const now = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el?.dataset.testid === "note" ? { id: el.dataset.noteId, text: el.querySelector(".text")?.textContent ?? "" } : null;
    });
    if (now && now.id !== start) return now.text;
  }
  throw new Error("Tab did not reach another note");
}

test("notes far off screen are not drawn, yet Tab walks the whole path", async ({ page }) => {
  await createWorkshop(page, unique("Long column"));
  await longColumn(page);
  // Culled: the last notes, several screens down, are not in the page.
  await expect(step(page, 40)).toHaveCount(0);
  const drawn = await page.getByTestId("note").count();
  expect(drawn).toBeLessThan(COUNT);

  await step(page, 1).focus();
  for (let i = 2; i <= COUNT; i++) {
    expect(await tabToNextNote(page)).toBe(`Step ${i}`);
  }
  // The browser brought the last note into view by panning the board; it is drawn and visible.
  await expect(step(page, 40)).toBeFocused();
  await expect(step(page, 40)).toBeInViewport();
  // The first notes are now far above and culled; Shift+Tab still goes back along the path.
  await expect(step(page, 1)).toHaveCount(0);
  expect(await tabToNextNote(page, true)).toBe("Step 39");
  expect(await tabToNextNote(page, true)).toBe("Step 38");
});

test("at far zoom notes are coloured blocks that keep their names", async ({ page }) => {
  await createWorkshop(page, unique("Far zoom"));
  await longColumn(page);
  const first = step(page, 1);
  await expect(first.locator(".text")).toHaveCount(1);
  const zoomOut = page.getByRole("button", { name: "Zoom out" });
  const near = await page.getByTestId("note").count();
  for (let i = 0; i < 6; i++) await zoomOut.click();
  // No text is laid out, but the colour and the accessible name stay.
  const block = step(page, 1);
  await expect(block).toHaveClass(/block/);
  await expect(block.locator(".text")).toHaveCount(0);
  await expect(block).toHaveAttribute("data-sentiment", "negative");
  // Zoomed out, more of the column is in view, so more notes are drawn than at 1:1.
  // (Counted against 1:1 on this screen, not a fixed number: the board's height decides both.)
  expect(await page.getByTestId("note").count()).toBeGreaterThan(2 * near);
  await page.getByRole("button", { name: "Zoom in" }).click();
  await page.getByRole("button", { name: "Zoom in" }).click();
  await expect(step(page, 1).locator(".text")).toHaveCount(1);
});
