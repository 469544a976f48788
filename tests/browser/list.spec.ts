import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { createWorkshop, unique } from "./helpers";
import { serve, TOKEN_HEADER } from "./server";

test("with workshops in the library, they come first and a new one is a button away", async ({ page }) => {
  const mine = unique("Perhekeskus");
  await createWorkshop(page, mine);
  await page.getByRole("link", { name: "Workshops" }).click();
  const open = page.getByRole("button", { name: "New workshop", exact: true });
  const name = page.getByLabel("Workshop name", { exact: true });
  await expect(open).toBeVisible();
  await expect(name).toHaveCount(0);
  // The facilitator's own workshops are on the first screen, not under a form.
  await expect(page.getByRole("link", { name: mine })).toBeInViewport();

  // Asked for, the form takes the typing at once; Escape and Cancel close it, back on the button.
  await open.click();
  await expect(name).toBeFocused();
  await name.press("Escape");
  await expect(name).toHaveCount(0);
  await expect(open).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(name).toBeFocused();
  await page.getByRole("button", { name: "Cancel", exact: true }).click();
  await expect(open).toBeFocused();

  const next = unique("Nuorisopalvelut");
  await open.click();
  await name.fill(next);
  await name.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: next })).toBeVisible();
});

test("an empty library opens on the new-workshop form, with nothing to cancel back to", async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), "polku-list-empty-"));
  const server = await serve(dataDir);
  try {
    await page.setExtraHTTPHeaders({ [TOKEN_HEADER]: server.token });
    await page.goto(server.url);
    await expect(page.getByText("No workshops yet", { exact: false })).toBeVisible();
    await expect(page.getByLabel("Workshop name", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "New workshop", exact: true })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Cancel", exact: true })).toHaveCount(0);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test("workshops can be renamed and deleted, with a confirmation", async ({ page }) => {
  const keep = unique("Youth services");
  const gone = unique("Old draft");
  await createWorkshop(page, keep);
  await createWorkshop(page, gone);
  await page.getByRole("link", { name: "Workshops" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Workshops" })).toBeVisible();
  await expect(page.getByRole("link", { name: keep })).toBeVisible();

  // Rename inline: Escape leaves the name as it was, Enter saves.
  await page.getByRole("button", { name: `Rename ${keep}` }).click();
  let field = page.getByLabel(`New name for ${keep}`);
  await field.fill("not this");
  await field.press("Escape");
  await expect(page.getByRole("link", { name: keep })).toBeVisible();

  const renamed = `${keep} (spring)`;
  await page.getByRole("button", { name: `Rename ${keep}` }).click();
  field = page.getByLabel(`New name for ${keep}`);
  await field.fill(renamed);
  await field.press("Enter");
  await expect(page.getByRole("link", { name: renamed })).toBeVisible();

  // Delete asks first; cancelling keeps the workshop.
  await page.getByRole("button", { name: `Delete ${gone}` }).click();
  let dialog = page.getByRole("dialog", { name: "Delete workshop?" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(gone);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("link", { name: gone })).toBeVisible();

  await page.getByRole("button", { name: `Delete ${gone}` }).click();
  dialog = page.getByRole("dialog", { name: "Delete workshop?" });
  await expect(dialog).toContainText("Recently deleted");
  await dialog.getByRole("button", { name: "Move to Recently deleted" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("link", { name: gone })).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole("link", { name: renamed })).toBeVisible();
  await expect(page.getByRole("link", { name: gone })).toHaveCount(0);
  await expect(page.getByRole("link", { name: keep, exact: true })).toHaveCount(0);
});

test("another tab's new workshop shows up in the list", async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await a.goto("/");
  await expect(a.getByRole("heading", { level: 1, name: "Workshops" })).toBeVisible();
  const title = unique("Made elsewhere");
  await createWorkshop(b, title);
  await expect(a.getByRole("link", { name: title })).toBeVisible({ timeout: 2_000 });
});
