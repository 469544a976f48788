import { expect, test, type Page } from "@playwright/test";
import { addNote, createWorkshop, unique } from "./helpers";

/**
 * A single-page app's page change moves nothing for a screen reader unless the focus moves: each
 * new page puts it on its main heading (App.svelte, ui/routeFocus.ts), so the heading is read out.
 */
const focusedHeading = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el?.tagName === "H1" ? el.textContent?.trim() : `not a heading: <${el?.tagName.toLowerCase()}>`;
  });

test("after each change of page the focus is on the new page's heading, from the first load on", async ({ page }) => {
  const title = unique("Focus follows");
  await page.goto("/");
  await expect.poll(() => focusedHeading(page)).toBe("Workshops");

  await createWorkshop(page, title);
  await expect.poll(() => focusedHeading(page)).toBe(title);

  await page.getByRole("link", { name: "Workshops", exact: true }).click();
  await expect.poll(() => focusedHeading(page)).toBe("Workshops");

  await page.getByRole("banner").getByRole("link", { name: "About", exact: true }).click();
  await expect.poll(() => focusedHeading(page)).toBe("About Polku");

  await page.getByRole("link", { name: "Polku", exact: true }).click();
  await expect.poll(() => focusedHeading(page)).toBe("Workshops");

  await page.getByRole("link", { name: title, exact: true }).click();
  await expect.poll(() => focusedHeading(page)).toBe(title);
});

test("a note's new colour is said in the messages' live region", async ({ page }) => {
  await createWorkshop(page, unique("Colour heard"));
  const card = await addNote(page, "neutral", "Phone queue");
  await card.focus();
  await page.keyboard.press("Shift+F10");
  await page.getByRole("menuitemradio", { name: "Positive" }).click();
  await expect(card).toHaveAttribute("data-sentiment", "positive");
  await expect(page.getByRole("status", { name: "Messages" })).toContainText("The note is now positive");
});
