import { expect, test, type Page } from "@playwright/test";
import { addNote, createWorkshop, note, unique } from "./helpers";

const saved = (page: Page, command = "apply_op") => page.waitForResponse((r) => r.url().endsWith(`/api/${command}`) && r.ok());

test("Delete takes one note, says so, and the toast's Undo brings it back", async ({ page }) => {
  await createWorkshop(page, unique("Delete once"));
  await addNote(page, "negative", "First to go");
  await addNote(page, "neutral", "Stays put");
  await addNote(page, "positive", "Also stays");
  await expect(page.getByTestId("note")).toHaveCount(3);

  await note(page, "First to go").focus();
  const gone = saved(page);
  await page.keyboard.press("Delete");
  await gone;
  await expect(page.getByTestId("note")).toHaveCount(2);
  // A second Delete finds no note under the focus: nothing more goes.
  await page.keyboard.press("Delete");
  await page.waitForTimeout(500);
  await expect(page.getByTestId("note")).toHaveCount(2);
  await expect(note(page, "Stays put")).toBeVisible();
  await expect(note(page, "Also stays")).toBeVisible();
  await expect(page.getByTestId("board-viewport")).toBeFocused();

  const toast = page.getByTestId("toast").filter({ hasText: "Note “First to go” deleted" });
  await expect(toast).toBeVisible();
  const undone = saved(page, "undo");
  await toast.getByRole("button", { name: "Undo" }).click();
  await undone;
  await expect(note(page, "First to go")).toBeVisible();
  await expect(page.getByTestId("note")).toHaveCount(3);
  // The offer is used up; what the Undo did is said instead.
  await expect(page.getByTestId("toast-action")).toHaveCount(0);
  await expect(page.getByTestId("toast").filter({ hasText: "Undid: note “First to go” deleted" })).toBeVisible();
});

test("deleting several picked notes counts them in the toast", async ({ page }) => {
  await createWorkshop(page, unique("Delete many"));
  await addNote(page, "negative", "One");
  await addNote(page, "neutral", "Two");
  await page.getByTestId("board-viewport").focus();
  await page.keyboard.press("Control+a");
  const gone = saved(page);
  await page.keyboard.press("Delete");
  await gone;
  await expect(page.getByTestId("note")).toHaveCount(0);
  await expect(page.getByTestId("toast").filter({ hasText: "2 notes deleted" })).toBeVisible();
});

test("deleting in the outline says what went, with Undo", async ({ page }) => {
  await createWorkshop(page, unique("Outline delete"));
  await addNote(page, "neutral", "Listed note");
  await page.getByRole("button", { name: "Outline", exact: true }).click();
  const gone = saved(page);
  await page.getByRole("button", { name: "Delete note: Listed note" }).click();
  await gone;
  const toast = page.getByTestId("toast").filter({ hasText: "Note “Listed note” deleted" });
  await expect(toast).toBeVisible();
  await toast.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("button", { name: "Delete note: Listed note" })).toBeVisible();
});

test("Ctrl+Z says what it undid and brings the note back into view", async ({ page }) => {
  await createWorkshop(page, unique("Undo says"));
  await addNote(page, "neutral", "Old words");
  await note(page, "Old words").focus();
  await page.keyboard.press("Enter");
  await page.getByLabel("Text of the neutral note").fill("New words");
  const edited = saved(page);
  await page.keyboard.press("Enter");
  await edited;

  // The note goes out of sight: the board is panned far away from it.
  const viewport = page.getByTestId("board-viewport");
  await viewport.focus();
  for (let i = 0; i < 30; i++) await page.keyboard.press("ArrowDown");
  await expect(note(page, "New words")).not.toBeInViewport();

  const undone = saved(page, "undo");
  await page.keyboard.press("Control+z");
  await undone;
  await expect(page.getByTestId("toast").filter({ hasText: "Undid: text of “Old words”" })).toBeVisible();
  await expect(note(page, "Old words")).toBeInViewport();

  const redone = saved(page, "redo");
  await page.keyboard.press("Control+Shift+z");
  await redone;
  await expect(page.getByTestId("toast").filter({ hasText: "Redid: text of “New words”" })).toBeVisible();
});
