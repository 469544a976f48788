import { expect, type Locator, type Page } from "@playwright/test";

/** Helpers for the board operations' specs: the strip's controls, as a user reaches them. */

export const tabs = (page: Page): Locator => page.getByRole("tab");
export const openTab = (page: Page): Locator => page.locator('[role="tab"][aria-selected="true"]');
export const addDialog = (page: Page): Locator => page.getByRole("dialog", { name: "Add a board" });

/** The open board's "⋯" menu, opened; its item named `item` chosen. */
export async function boardMenu(page: Page, item: string): Promise<void> {
  await page.getByTestId("board-menu").click();
  await page.getByRole("menuitem", { name: item }).click();
}

/**
 * Adds a board with the strip's "+": named `title`, started as `start` (the card's words), with the
 * copy's notes when asked. Waits until the new board is open.
 */
export async function addBoard(page: Page, title: string, start: string | RegExp, withNotes = false): Promise<void> {
  await page.getByTestId("add-board").click();
  const dialog = addDialog(page);
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Name of the board").fill(title);
  await dialog.getByRole("radio", { name: start }).check();
  if (withNotes) await dialog.getByRole("checkbox", { name: "With its notes" }).check();
  await dialog.getByRole("button", { name: "Add board" }).click();
  await expect(dialog).toBeHidden();
  await expect(openTab(page)).toHaveText(title);
}

/** The strip's tab titles, left to right. */
export async function expectStrip(page: Page, titles: string[]): Promise<void> {
  await expect(tabs(page)).toHaveText(titles);
}
