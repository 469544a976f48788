import { expect, test, type Locator, type Page } from "@playwright/test";
import { openExample } from "./example";
import { unique } from "./helpers";

const FIRST = "Ennen ensimmäistä yhteydenottoa";
const SECOND = "Ensimmäinen yhteydenotto";

/** Every listed note whole inside the window, its text at least `px` CSS pixels: readable. */
async function expectReadable(page: Page, notes: Locator, count: number, px: number) {
  await expect(notes).toHaveCount(count);
  const size = page.viewportSize()!;
  for (const box of await notes.evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      const text = el.querySelector(".text")!;
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, font: parseFloat(getComputedStyle(text).fontSize) };
    }),
  )) {
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(size.height);
    expect(box.right).toBeLessThanOrEqual(size.width);
    expect(box.font).toBeGreaterThanOrEqual(px);
  }
}

test.describe("a tall column read large", () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test("on the big screen, a touchpoint's twelve notes read whole in large type; ← → go along the path", async ({ page }) => {
    await openExample(page, unique("Read large"));
    await page.getByRole("button", { name: "Big screen" }).click();
    await expect(page.getByRole("button", { name: "Big screen" })).toHaveAttribute("aria-pressed", "true");

    // On the board, fitted, the column does not fit: its last note is below the board's edge.
    const board = await page.getByTestId("board-viewport").boundingBox();
    const last = page.getByTestId("note").filter({ hasText: "Apua etsitään ensin Googlesta" });
    const lastBox = await last.boundingBox();
    expect(!lastBox || lastBox.y + lastBox.height > board!.y + board!.height).toBe(true);

    // From the touchpoint's own panel.
    await page.getByTestId("station-head").filter({ hasText: FIRST }).click();
    await page.getByRole("button", { name: "Read the notes large" }).click();
    const dialog = page.getByRole("dialog", { name: FIRST });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("Touchpoint 1 of 6");
    await expect(page.getByTestId("read-tally")).toHaveText("11 negative notes · 1 neutral note · 0 positive notes");
    await expectReadable(page, dialog.getByTestId("read-note"), 12, 28);
    await expect(dialog.getByTestId("read-note").last()).toContainText("Apua etsitään ensin Googlesta");

    await dialog.getByRole("button", { name: "Next" }).click();
    const second = page.getByRole("dialog", { name: SECOND });
    await expect(second).toContainText("Touchpoint 2 of 6");
    await expectReadable(page, second.getByTestId("read-note"), 5, 28);
    await page.keyboard.press("ArrowLeft");
    await expect(page.getByRole("dialog", { name: FIRST })).toBeVisible();
    await expect(page.getByRole("button", { name: "Previous" })).toBeDisabled();

    // Esc closes; the focus is back on the touchpoint whose panel opened it.
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("read-view")).toBeHidden();
    await expect(page.getByTestId("station-head").filter({ hasText: FIRST })).toBeFocused();
  });
});

test("on a laptop, Read large opens where the group is working, and Close gives the focus back", async ({ page }) => {
  await openExample(page, unique("Read here"));
  // A note of the third touchpoint in focus: that is where the group is.
  await page.getByTestId("note").filter({ hasText: "Kiitollisuus" }).focus();
  const button = page.getByRole("button", { name: "Read large" });
  await button.click();
  const dialog = page.getByRole("dialog", { name: "Asiakkuus alkaa" });
  await expect(dialog).toContainText("Touchpoint 3 of 6");
  await expectReadable(page, dialog.getByTestId("read-note"), 8, 20);
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(page.getByTestId("read-view")).toBeHidden();
  await expect(button).toBeFocused();
});
