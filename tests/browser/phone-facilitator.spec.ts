import { expect, test, type Locator, type Page } from "@playwright/test";
import { createWorkshop, unique } from "./helpers";

// A facilitator who opens a workshop on a phone (a team server's board, away from the laptop):
// the header leaves the board its room, and no control is off the screen, where a finger can't
// reach it.
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

async function expectOnScreen(page: Page, control: Locator): Promise<void> {
  const box = await control.boundingBox();
  const screen = page.viewportSize();
  expect(box, "the control is drawn").not.toBeNull();
  expect(screen).not.toBeNull();
  if (!box || !screen) return;
  const name = (await control.getAttribute("aria-label")) ?? (await control.innerText());
  expect(box.x, `${name} starts on the screen`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${name} ends on the screen`).toBeLessThanOrEqual(screen.width);
  expect(box.y + box.height, `${name} is above the screen's bottom`).toBeLessThanOrEqual(screen.height);
}

test("on a phone the header's buttons are named icons in two rows at most, every button of the board's toolbar and dock is on the screen, and 40 % of the screen is the board's", async ({ page }) => {
  await createWorkshop(page, unique("Puhelimella"));
  const header = page.locator("header.app-header");
  const controls = [
    header.getByRole("button", { name: "Let participants join", exact: true }),
    header.getByRole("button", { name: "Export", exact: true }),
    header.getByRole("button", { name: "Big screen", exact: true }),
    header.getByRole("link", { name: "About", exact: true }),
    header.getByLabel("Language", { exact: true }),
  ];
  for (const control of controls) {
    await expect(control).toBeVisible();
    await expectOnScreen(page, control);
  }
  // Two rows of 44 px targets and their gaps: with the words drawn the header took three.
  const headerBox = await header.boundingBox();
  expect(headerBox?.height).toBeLessThanOrEqual(110);

  // The board's toolbar: the tones by their symbols, named in full, none past the screen's edge.
  const toolbar = page.getByRole("toolbar", { name: "Board tools" });
  for (const button of await toolbar.getByRole("button").all()) await expectOnScreen(page, button);
  await expect(toolbar.getByRole("button", { name: "Add negative note", exact: true })).toBeVisible();

  const dock = page.getByTestId("board-dock");
  const buttons = await dock.getByRole("button").all();
  expect(buttons.length).toBeGreaterThanOrEqual(5);
  for (const button of buttons) await expectOnScreen(page, button);

  // What is left is the board's: 40 % of the screen at least (357 px of 844; 303 with undo on a row
  // of its own below the tones).
  const board = await page.getByTestId("board-viewport").boundingBox();
  expect(board?.height).toBeGreaterThanOrEqual(0.4 * 844);

  // The icon alone still does what its name says.
  await header.getByRole("button", { name: "Export", exact: true }).tap();
  await expect(page.getByRole("dialog", { name: /Export/ })).toBeVisible();
});
