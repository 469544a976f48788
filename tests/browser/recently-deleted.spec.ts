import { expect, test, type Page } from "@playwright/test";
import { addNote, createWorkshop, note, unique } from "./helpers";

/** The "Recently deleted" section under the workshop list, opened. */
async function openRecentlyDeleted(page: Page) {
  const toggle = page.getByRole("button", { name: /^Recently deleted/ });
  if ((await toggle.getAttribute("aria-expanded")) !== "true") {
    // Keyboard-complete: the disclosure opens from the keyboard.
    await toggle.focus();
    await page.keyboard.press("Enter");
  }
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  return page.locator("#deleted-list");
}

async function deleteFromList(page: Page, title: string) {
  await page.getByRole("button", { name: `Delete ${title}` }).click();
  const dialog = page.getByRole("dialog", { name: "Delete workshop?" });
  await expect(dialog).toContainText("Recently deleted");
  await expect(dialog).toContainText("30 days");
  await expect(dialog).not.toContainText("cannot be undone");
  await dialog.getByRole("button", { name: "Move to Recently deleted" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
}

test("a deleted workshop waits in Recently deleted, comes back whole, and can be erased for good", async ({ page }) => {
  const title = unique("Deleted by mistake");
  await createWorkshop(page, title);
  await addNote(page, "negative", "The queue on the phone is long");
  await addNote(page, "positive", "The nurse called back");
  const address = page.url();
  await page.getByRole("link", { name: "Workshops" }).click();

  // The question offers the export first; closing the export comes back to the question.
  await page.getByRole("button", { name: `Delete ${title}` }).click();
  const ask = page.getByRole("dialog", { name: "Delete workshop?" });
  await expect(ask).toContainText("2 notes");
  await ask.getByRole("button", { name: "Export first…" }).click();
  const exportDialog = page.getByRole("dialog", { name: "Export the workshop" });
  await expect(exportDialog).toBeVisible();
  await exportDialog.getByRole("button", { name: "Close" }).first().click();
  await expect(exportDialog).toBeHidden();
  await expect(ask).toBeVisible();
  await ask.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("link", { name: title })).toBeVisible();

  await deleteFromList(page, title);
  // Its address now says where it went, rather than showing an empty board.
  await page.goto(address);
  await expect(page.getByText("moved to Recently deleted")).toBeVisible();
  await page.goto("/");
  let deleted = await openRecentlyDeleted(page);
  const row = deleted.getByRole("listitem").filter({ hasText: title });
  await expect(row).toContainText("2 notes");
  await expect(row).toContainText("erased in 30 days");

  await row.getByRole("button", { name: `Restore ${title}` }).click();
  await expect(row).toHaveCount(0);
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(note(page, "The queue on the phone is long")).toBeVisible();
  await expect(note(page, "The nurse called back")).toBeVisible();

  // Delete again, then erase: the question says what it means, and Cancel is the first choice.
  await page.getByRole("link", { name: "Workshops" }).click();
  await deleteFromList(page, title);
  deleted = await openRecentlyDeleted(page);
  await deleted.getByRole("button", { name: `Erase ${title} now` }).click();
  const erase = page.getByRole("dialog", { name: "Erase for good?" });
  await expect(erase).toContainText("cannot be undone");
  await expect(erase).toContainText("database file");
  await expect(erase.getByRole("button", { name: "Cancel" })).toBeFocused();
  await erase.getByRole("button", { name: "Erase for good" }).click();
  await expect(erase).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "erased for good" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: title })).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Workshops" })).toBeVisible();
  await expect(page.getByText(title)).toHaveCount(0);
});

test("another tab's delete shows up in its Recently deleted", async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  const title = unique("Deleted elsewhere");
  await createWorkshop(a, title);
  await a.getByRole("link", { name: "Workshops" }).click();
  await b.goto("/");
  await deleteFromList(b, title);
  await expect(a.getByRole("link", { name: title })).toHaveCount(0);
  const deleted = await openRecentlyDeleted(a);
  await expect(deleted.getByRole("listitem").filter({ hasText: title })).toBeVisible();
});
