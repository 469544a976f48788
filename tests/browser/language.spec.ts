import { expect, test } from "@playwright/test";
import { newWorkshopName, TOUCHPOINTS, unique } from "./helpers";

test("switching the language changes what is shown, and is remembered", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Workshops" })).toBeVisible();

  await page.getByLabel("Language", { exact: true }).selectOption("fi");
  await expect(page.getByRole("heading", { level: 1, name: "Työpajat" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "fi");

  // A workshop made now defaults to Finnish labels on its path.
  const title = unique("Työpaja");
  await (await newWorkshopName(page, { button: "Uusi työpaja", field: "Työpajan nimi" })).fill(title);
  await expect(page.getByRole("button", { name: "Luo työpaja" })).toBeVisible();
  await page.getByRole("button", { name: "Luo työpaja" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  for (const label of TOUCHPOINTS.fi) await expect(page.getByText(label, { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Lisää kielteinen lappu" })).toBeVisible();

  await page.reload();
  await expect(page.getByRole("button", { name: "Kumoa" })).toBeVisible();

  await page.getByLabel("Kieli", { exact: true }).selectOption("en");
  await expect(page.getByRole("button", { name: "Add negative note" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Undo" })).toBeVisible();
  // The workshop's own content stays in the language it was made in.
  await expect(page.getByText(TOUCHPOINTS.fi[0], { exact: true })).toBeVisible();
});
