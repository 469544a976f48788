import { expect, test, type Locator, type Page } from "@playwright/test";
import { addNote, createWorkshop, note, TOUCHPOINTS, unique } from "./helpers";

const FIRST = TOUCHPOINTS.en[0];

/** The count row under a touchpoint, found by its accessible name. */
function counts(page: Page, touchpoint: string): Locator {
  return page.getByRole("group", { name: "Notes per touchpoint" }).getByRole("img", { name: new RegExp(`^${touchpoint}:`) });
}

const moodPoints = (page: Page) => page.getByTestId("mood-point").evaluateAll((els) => els.map((e) => e.getAttribute("data-mood")));

/** What a CSS colour variable resolves to, as the browser writes a computed background. */
function colourOf(page: Page, variable: string): Promise<string> {
  return page.evaluate((v) => {
    const probe = document.createElement("div");
    probe.style.background = `var(${v})`;
    document.body.append(probe);
    const c = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return c;
  }, variable);
}

const background = (el: Locator) => el.evaluate((e) => getComputedStyle(e).backgroundColor);
const applied = (page: Page, command = "apply_op") => page.waitForResponse((r) => r.url().endsWith(`/api/${command}`) && r.ok());

test("a note turned into an idea on its palette is blue with ✦, leaves the counts, survives a reload and undo brings it back", async ({ page }) => {
  await createWorkshop(page, unique("Kinds"));
  // New notes go to the first touchpoint, then to the focused note's.
  const card = await addNote(page, "negative", "A callback service");
  await addNote(page, "positive", "Kind worker");
  await expect(counts(page, FIRST)).toHaveAccessibleName(`${FIRST}: 1 negative note, 0 neutral notes, 1 positive note`);
  expect(await moodPoints(page)).toEqual(["0.000"]);
  const observationBg = await background(card);

  await card.focus();
  const palette = page.getByRole("group", { name: "Tone of the note" });
  const saved = applied(page);
  await palette.getByRole("button", { name: "Idea", exact: true }).click();
  await saved;

  const idea = note(page, "A callback service");
  await expect(idea).toHaveAttribute("data-kind", "idea");
  await expect(idea).not.toHaveAttribute("data-sentiment");
  await expect(page.getByRole("button", { name: "Idea note: A callback service" })).toBeVisible();
  await expect(idea.locator(".symbol")).toHaveText("✦");
  const ideaBg = await background(idea);
  expect(ideaBg).toBe(await colourOf(page, "--idea-bg"));
  expect(ideaBg).not.toBe(observationBg);
  await expect(palette.getByRole("button", { name: "Idea", exact: true })).toHaveAttribute("aria-pressed", "true");
  // An idea is not a feeling: only the positive note is counted and makes the mood.
  await expect(counts(page, FIRST)).toHaveAccessibleName(`${FIRST}: 0 negative notes, 0 neutral notes, 1 positive note`);
  await expect.poll(() => moodPoints(page)).toEqual(["1.000"]);

  await page.reload();
  await expect(note(page, "A callback service")).toHaveAttribute("data-kind", "idea");
  await expect(note(page, "Kind worker")).toHaveAttribute("data-kind", "observation");
  await expect(counts(page, FIRST)).toHaveAccessibleName(`${FIRST}: 0 negative notes, 0 neutral notes, 1 positive note`);

  // The undo stack is this tab's, kept by the server over the reload.
  const undone = applied(page, "undo");
  await page.getByRole("button", { name: "Undo" }).click();
  await undone;
  await expect(note(page, "A callback service")).toHaveAttribute("data-kind", "observation");
  await expect(note(page, "A callback service")).toHaveAttribute("data-sentiment", "negative");
  await expect(counts(page, FIRST)).toHaveAccessibleName(`${FIRST}: 1 negative note, 0 neutral notes, 1 positive note`);
  await expect.poll(() => moodPoints(page)).toEqual(["0.000"]);
});

test("the toolbar's menu adds a question from the keyboard; it is purple with ? and in the outline too", async ({ page }) => {
  await createWorkshop(page, unique("Questions"));
  const more = page.getByRole("button", { name: "Add an idea or a question" });
  await more.focus();
  await page.keyboard.press("ArrowDown");
  const menu = page.getByRole("menu");
  await expect(menu.getByRole("menuitem", { name: "Add idea note" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "Add question note" })).toBeFocused();
  // Escape closes the menu and gives the focus back to its button.
  await page.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
  await expect(more).toBeFocused();

  await page.keyboard.press("Enter");
  await menu.getByRole("menuitem", { name: "Add question note" }).click();
  const editor = page.getByLabel("Text of the question note");
  await expect(editor).toBeFocused();
  await editor.fill("Who calls back?");
  const saved = applied(page);
  await editor.press("Enter");
  await saved;

  const card = note(page, "Who calls back?");
  await expect(card).toHaveAttribute("data-kind", "question");
  await expect(card).not.toHaveAttribute("data-sentiment");
  await expect(card.locator(".symbol")).toHaveText("?");
  expect(await background(card)).toBe(await colourOf(page, "--question-bg"));
  await expect(counts(page, FIRST)).toHaveAccessibleName(`${FIRST}: 0 negative notes, 0 neutral notes, 0 positive notes`);
  expect(await moodPoints(page)).toEqual([]);

  await page.getByRole("button", { name: "Outline", exact: true }).click();
  const entry = page.getByTestId("outline-note").filter({ hasText: "Who calls back?" });
  await expect(entry).toHaveAttribute("data-kind", "question");
  await expect(entry.getByRole("button", { name: "Question", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("button", { name: "Question note: Who calls back?" })).toBeVisible();
});

test("a note's text shrinks as it grows, down to a floor, and then the note grows", async ({ page }) => {
  await createWorkshop(page, unique("Fit"));
  const size = (card: Locator) => card.locator(".text").evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  const height = (card: Locator) => card.evaluate((e) => e.getBoundingClientRect().height);

  const short = await addNote(page, "neutral", "Cold room");
  const medium = await addNote(page, "neutral", "The queue on the phone was long and nobody called back later");
  const long = await addNote(page, "neutral", "The queue on the phone was long, nobody called back, ".repeat(5).trim());

  expect(await size(short)).toBe(16);
  const m = await size(medium);
  expect(m).toBeLessThan(16);
  expect(m).toBeGreaterThanOrEqual(13);
  expect(await size(long)).toBe(13);
  // The medium note still has the usual height; the long one grew to hold its text.
  expect(await height(medium)).toBeCloseTo(await height(short), 0);
  expect(await height(long)).toBeGreaterThan((await height(short)) * 1.5);
  // The text is never cut off.
  for (const card of [short, medium, long]) {
    expect(await card.locator(".text").evaluate((e) => e.scrollHeight <= e.clientHeight + 1)).toBe(true);
  }
});
