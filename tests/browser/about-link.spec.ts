import { expect, test, type Page } from "@playwright/test";
import { createWorkshop, newWorkshop, unique } from "./helpers";

/**
 * About Polku, and through it the accessibility statement, from the header of every view: the law
 * asks the statement to be easy to find. The link must fit in the rows the header already has, on
 * a laptop and on a phone, so it never pushes the board down.
 */

const aboutLink = (page: Page) => page.getByRole("banner").getByRole("link", { name: "About", exact: true });

/** The header's height with the link and without it: the same when the link takes no row of its own. */
async function headerHeights(page: Page): Promise<{ with: number; without: number }> {
  return aboutLink(page).evaluate((link: HTMLElement) => {
    const header = link.closest("header")!;
    const shown = header.getBoundingClientRect().height;
    link.style.display = "none";
    const hidden = header.getBoundingClientRect().height;
    link.style.display = "";
    return { with: shown, without: hidden };
  });
}

async function expectCalmLink(page: Page, view: string): Promise<void> {
  for (const size of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(size);
    await expect(aboutLink(page), view).toBeVisible();
    const heights = await headerHeights(page);
    expect(heights.with, `${view} at ${size.width} px: the link adds a row to the header`).toBe(heights.without);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("every view's header has a link to About Polku that adds no row to it", async ({ page }) => {
  await page.goto("/");
  await expect(newWorkshop(page)).toBeVisible();
  await expectCalmLink(page, "the workshop list");

  await createWorkshop(page, unique("Header link"));
  await expectCalmLink(page, "the board");
  for (const view of ["Outline", "Personas", "Sessions"]) {
    await page.getByRole("button", { name: view, exact: true }).click();
    await expect(page.getByRole("button", { name: view, exact: true })).toHaveAttribute("aria-pressed", "true");
    await expectCalmLink(page, `the ${view.toLowerCase()} view`);
  }

  await aboutLink(page).click();
  await expect(page.getByRole("heading", { level: 1, name: "About Polku" })).toBeVisible();
  await expect(page).toHaveTitle("About Polku – Polku");
  await expect(aboutLink(page)).toHaveAttribute("aria-current", "page");
  await page.getByRole("link", { name: "Accessibility statement" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Accessibility statement" })).toBeVisible();
  await expectCalmLink(page, "the statement");
  await expect(aboutLink(page)).not.toHaveAttribute("aria-current");
  // Back in the list, the window is Polku's again.
  await page.getByRole("link", { name: "Back to About Polku" }).click();
  await page.getByRole("link", { name: "Workshops" }).click();
  await expect(newWorkshop(page)).toBeVisible();
  await expect(page).toHaveTitle("Polku");
});

test("the header's link speaks the UI's language", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Language", { exact: true }).selectOption("fi");
  const link = page.getByRole("banner").getByRole("link", { name: "Tietoja", exact: true });
  await link.click();
  await expect(page.getByRole("heading", { level: 1, name: "Tietoja Polusta" })).toBeVisible();
  await expect(page).toHaveTitle("Tietoja Polusta – Polku");
  await page.getByLabel("Kieli", { exact: true }).selectOption("sv");
  await expect(page.getByRole("banner").getByRole("link", { name: "Om Polku", exact: true })).toBeVisible();
  await expect(page).toHaveTitle("Om Polku – Polku");
});
