import { expect, test, type Page } from "@playwright/test";
import { addNote, createWorkshop, dragBy, note, TOUCHPOINTS, unique } from "./helpers";

const [FIRST, SECOND] = TOUCHPOINTS.en;

/** The count row under a touchpoint, found by its accessible name. */
function counts(page: Page, touchpoint: string) {
  return page.getByRole("group", { name: "Notes per touchpoint" }).getByRole("img", { name: new RegExp(`^${touchpoint}:`) });
}

function named(touchpoint: string, neg: string, neu: string, pos: string): string {
  return `${touchpoint}: ${neg}, ${neu}, ${pos}`;
}

/** The mood line's points as (touchpoint id → mood), in path order. */
async function moodPoints(page: Page): Promise<string[]> {
  return page.getByTestId("mood-point").evaluateAll((els) => els.map((e) => e.getAttribute("data-mood") ?? ""));
}

test("counts under each touchpoint and the mood line follow the notes, also in another tab", async ({ context }) => {
  const page = await context.newPage();
  await createWorkshop(page, unique("Mood"));
  await expect(page.getByRole("img", { name: "Mood from the notes" })).toBeVisible();
  await expect(counts(page, FIRST)).toHaveAccessibleName(
    named(FIRST, "0 negative notes", "0 neutral notes", "0 positive notes"),
  );
  expect(await moodPoints(page)).toEqual([]);

  // New notes go to the first touchpoint, then to the focused note's.
  await addNote(page, "negative", "Long queue");
  await addNote(page, "negative", "Lost form");
  await addNote(page, "positive", "Kind worker");
  await expect(counts(page, FIRST)).toHaveAccessibleName(
    named(FIRST, "2 negative notes", "0 neutral notes", "1 positive note"),
  );
  expect(await moodPoints(page)).toEqual([(-1 / 3).toFixed(3)]);

  // Drag the positive note one column to the right: both columns change.
  const zoom = Number(await page.locator(".world").getAttribute("data-zoom"));
  await dragBy(page, note(page, "Kind worker"), 260 * zoom, 0);
  await expect(counts(page, FIRST)).toHaveAccessibleName(
    named(FIRST, "2 negative notes", "0 neutral notes", "0 positive notes"),
  );
  await expect(counts(page, SECOND)).toHaveAccessibleName(
    named(SECOND, "0 negative notes", "0 neutral notes", "1 positive note"),
  );
  await expect.poll(() => moodPoints(page)).toEqual(["-1.000", "1.000"]);

  // A second tab sees the same counts, and later changes within a second.
  const other = await context.newPage();
  await other.goto(page.url());
  await expect(counts(other, SECOND)).toHaveAccessibleName(
    named(SECOND, "0 negative notes", "0 neutral notes", "1 positive note"),
  );

  // Recolour one negative note neutral.
  await note(page, "Lost form").focus();
  let saved = page.waitForResponse((r) => r.url().endsWith("/api/apply_op") && r.ok());
  await page.getByRole("group", { name: "Tone of the note" }).getByRole("button", { name: "Neutral" }).click();
  await saved;
  const recoloured = named(FIRST, "1 negative note", "1 neutral note", "0 positive notes");
  await expect(counts(page, FIRST)).toHaveAccessibleName(recoloured);
  await expect(counts(other, FIRST)).toHaveAccessibleName(recoloured, { timeout: 1_000 });
  await expect.poll(() => moodPoints(page)).toEqual(["-0.500", "1.000"]);

  // Delete the other one; the other tab follows.
  await note(page, "Long queue").focus();
  saved = page.waitForResponse((r) => r.url().endsWith("/api/apply_op") && r.ok());
  await page.keyboard.press("Delete");
  await saved;
  const deleted = named(FIRST, "0 negative notes", "1 neutral note", "0 positive notes");
  await expect(counts(page, FIRST)).toHaveAccessibleName(deleted);
  await expect(counts(other, FIRST)).toHaveAccessibleName(deleted, { timeout: 1_000 });

  // A change made in the second tab reaches the first one.
  await addNote(other, "positive", "From the other tab");
  await expect(counts(page, FIRST)).toHaveAccessibleName(
    named(FIRST, "0 negative notes", "1 neutral note", "1 positive note"),
    { timeout: 1_000 },
  );
  await expect.poll(() => moodPoints(other)).toEqual(["0.500", "1.000"]);
});

test("the count rows are named in the UI language", async ({ page }) => {
  await createWorkshop(page, unique("Mood fi"));
  await addNote(page, "negative", "Jonossa");
  await page.getByLabel("Language", { exact: true }).selectOption("fi");
  await expect(page.getByRole("img", { name: "Tunnelma lappujen mukaan" })).toBeVisible();
  await expect(page.getByRole("img", { name: `${FIRST}: 1 kielteinen lappu, 0 neutraalia lappua, 0 myönteistä lappua` })).toBeVisible();
});
