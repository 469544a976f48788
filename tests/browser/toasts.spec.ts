import { expect, test, type Page } from "@playwright/test";
import { addNote, createWorkshop, note, unique } from "./helpers";

/**
 * A message at the bottom of the screen goes by itself, but not from under someone reading it
 * (WCAG 2.2.1 Timing Adjustable): while the pointer is on it or the focus is in it, its clock
 * stands. The page's clock is the test's, so minutes pass at once.
 */

const saved = (page: Page, command = "apply_op") => page.waitForResponse((r) => r.url().endsWith(`/api/${command}`) && r.ok());

async function deleteNote(page: Page, text: string): Promise<void> {
  await note(page, text).focus();
  const gone = saved(page);
  await page.keyboard.press("Delete");
  await gone;
}

test("a toast stays while pointed at or focused, goes after, and its Undo still works", async ({ page }) => {
  await page.clock.install();
  await createWorkshop(page, unique("Toast time"));
  await addNote(page, "negative", "Read slowly");
  await addNote(page, "neutral", "Undo by keyboard");

  // The pointer on it: half a minute, three times its 10 s, and it is still there.
  await deleteNote(page, "Read slowly");
  const pointed = page.getByTestId("toast").filter({ hasText: "Note “Read slowly” deleted" });
  await pointed.hover();
  await page.clock.fastForward("00:30");
  await expect(pointed).toBeVisible();
  // Off it, it has the rest of its time and then goes.
  await page.mouse.move(640, 300);
  await page.clock.fastForward("00:05");
  await expect(pointed).toBeVisible();
  await page.clock.fastForward("00:06");
  await expect(pointed).toHaveCount(0);

  // The focus on its Undo: a minute passes, and Enter still takes the delete back.
  await deleteNote(page, "Undo by keyboard");
  const focused = page.getByTestId("toast").filter({ hasText: "Note “Undo by keyboard” deleted" });
  const undo = focused.getByRole("button", { name: "Undo" });
  await undo.focus();
  await page.clock.fastForward("01:00");
  await expect(undo).toBeFocused();
  const undone = saved(page, "undo");
  await page.keyboard.press("Enter");
  await undone;
  await expect(note(page, "Undo by keyboard")).toBeVisible();
});
