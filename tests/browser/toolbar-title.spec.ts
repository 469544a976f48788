import { expect, test } from "@playwright/test";
import { createWorkshop, unique } from "./helpers";

test("the workshop's title is shown whole at 1280×800, not cut while there is room", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const title = unique("Aikuissosiaalityö");
  await createWorkshop(page, title);
  const h1 = page.getByRole("heading", { level: 1, name: title });
  // Nothing of it is hidden: no ellipsis across, no line clamped away below.
  expect(await h1.evaluate((el) => el.scrollWidth <= el.clientWidth + 1 && el.scrollHeight <= el.clientHeight + 1)).toBe(true);
  // The way back keeps its name when it shows only its arrow.
  await expect(page.getByRole("link", { name: "Workshops" })).toBeVisible();
  // The toolbar is still one row.
  const heights = await page.getByRole("toolbar", { name: "Board tools" }).locator("a.button, button").evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
  expect(new Set(heights).size).toBe(1);
});
