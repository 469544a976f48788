import { expect, test, type Locator, type Page } from "@playwright/test";
import { newWorkshop, note, position, TOUCHPOINTS, unique } from "./helpers";

/**
 * The main flows with the keyboard alone, as a facilitator who cannot use a mouse does them: Tab
 * and Shift+Tab to get somewhere, Enter, the arrows and the board's own keys to act, text typed
 * only once the focus is in a field. No click, no mouse, no fill(). The accessibility statement
 * (ui/src/lib/about/AccessibilityPage.svelte) says these runs are made: what it lists as a known
 * shortcoming of the keyboard is checked here too, so a fix shows up as a statement to update.
 */

const board = (page: Page) => page.getByRole("region", { name: "Service path board" });
const saved = (page: Page, what = "apply_op") => page.waitForResponse((r) => r.url().endsWith(`/api/${what}`) && r.ok());
/** The "Notes per touchpoint" picture of one touchpoint, by its label. */
const counts = (page: Page, label: string) => page.getByRole("img", { name: new RegExp(`^${label}:`) });
const head = (page: Page, n: number) => page.getByRole("button", { name: new RegExp(`^Touchpoint ${n}: ${TOUCHPOINTS.en[n - 1]}`) });

/** What has the keyboard focus: "visible" when it is an element with a focus ring, else what is wrong. */
function focusState(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return "lost to the page";
    const style = getComputedStyle(el);
    const ring = el.matches(":focus-visible") && ((style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none");
    return ring ? "visible" : `no focus ring on <${el.tagName.toLowerCase()}> ${el.textContent?.trim().slice(0, 40)}`;
  });
}

/** `target` has the focus, and it shows. */
async function expectFocusOn(page: Page, target: Locator): Promise<void> {
  await expect(target).toBeFocused();
  await expect.poll(() => focusState(page)).toBe("visible");
}

/**
 * Moves the focus with Tab (Shift+Tab when `back`) until `target` has it, at most `max` presses:
 * a page that needs more is one nobody goes through by keyboard.
 */
async function tabTo(page: Page, target: Locator, { back = false, max = 40 } = {}): Promise<void> {
  await expect(target).toBeVisible();
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) break;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  await expectFocusOn(page, target);
}

/** Tabs to the list's way to a new workshop; where that is the button, Enter opens the form. The name field then has the focus. */
async function tabToNewWorkshopName(page: Page): Promise<void> {
  const control = newWorkshop(page);
  await tabTo(page, control);
  if (await control.evaluate((el) => el.tagName === "BUTTON")) await page.keyboard.press("Enter");
  await expect(page.getByLabel("Workshop name", { exact: true })).toBeFocused();
}

test("a workshop is made, and a note written, coloured, moved and found in the outline, with the keyboard alone", async ({ page }) => {
  const title = unique("Keyboard only");
  const text = "Nobody answers the phone";
  await page.goto("/");

  // The list: name the workshop, Enter sends the form and opens the new workshop.
  await tabToNewWorkshopName(page);
  await page.keyboard.type(title);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  // The board: N makes a note at the first touchpoint, its editor open; Enter saves it.
  await tabTo(page, board(page), { max: 60 });
  await page.keyboard.press("n");
  await expect(page.getByLabel("Text of the neutral note")).toBeFocused();
  await expect(page.getByTestId("draft-place")).toHaveText(`At: ${TOUCHPOINTS.en[0]}`);
  await page.keyboard.type(text);
  let done = saved(page);
  await page.keyboard.press("Enter");
  await done;
  const card = note(page, text);
  await expect(card).toBeVisible();
  await expect(card).toHaveAccessibleName(`Neutral note: ${text}`);
  await expectFocusOn(page, card);

  // Red, from the note's menu: Shift+F10 opens it on the note, the tones follow Edit.
  await page.keyboard.press("Shift+F10");
  const menu = page.getByRole("menu", { name: "Note" });
  await expect(menu.getByRole("menuitem", { name: "Edit" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitemradio", { name: "Negative" })).toBeFocused();
  done = saved(page);
  await page.keyboard.press("Enter");
  await done;
  await expect(menu).toHaveCount(0);
  await expectFocusOn(page, card);
  await expect(card).toHaveAccessibleName(`Negative note: ${text}`);
  // Red (app.css --neg-bg), and the minus sign that says the same without colour.
  await expect(card).toHaveCSS("background-color", "rgb(251, 208, 202)");
  await expect(card.getByText("−", { exact: true })).toBeVisible();

  // The tone buttons shown under the note are not on the Tab path: Tab goes on along the path.
  // The statement lists this (a11yStatement.problem.noteTools); when this changes, so must it.
  await expect(page.getByRole("group", { name: "Tone of the note" })).toBeVisible();
  await page.keyboard.press("Tab");
  await expectFocusOn(page, head(page, 2));
  await page.keyboard.press("Shift+Tab");
  await expectFocusOn(page, card);

  // A nudge with an arrow key, then to the next touchpoint from the menu (M jumps to "Move to").
  const at = await position(card);
  done = saved(page);
  await page.keyboard.press("ArrowDown");
  await done;
  await expect.poll(() => position(card)).toEqual({ x: at.x, y: at.y + 10 });
  await page.keyboard.press("Shift+F10");
  await page.keyboard.press("m");
  await expect(menu.getByRole("menuitem", { name: "Move to touchpoint" })).toBeFocused();
  await page.keyboard.press("ArrowRight");
  const places = page.getByRole("menu", { name: "Move to touchpoint" });
  await expect(places.getByRole("menuitem", { name: `2. ${TOUCHPOINTS.en[1]}` })).toBeFocused();
  done = saved(page);
  await page.keyboard.press("Enter");
  await done;
  await expect(menu).toHaveCount(0);
  await expectFocusOn(page, card);
  await expect(counts(page, TOUCHPOINTS.en[1])).toHaveAccessibleName(/1 negative note\b/);
  await expect(counts(page, TOUCHPOINTS.en[0])).toHaveAccessibleName(/0 negative notes/);
  // Along the path the note now follows the second touchpoint.
  await page.keyboard.press("Shift+Tab");
  await expectFocusOn(page, head(page, 2));

  // Back up the page to the view switch; the outline lists the note under the second touchpoint.
  const outline = page.getByRole("button", { name: "Outline", exact: true });
  await tabTo(page, outline, { back: true });
  await page.keyboard.press("Enter");
  await expect(outline).toHaveAttribute("aria-pressed", "true");
  const second = page.getByRole("region", { name: new RegExp(TOUCHPOINTS.en[1]) });
  const listed = second.getByRole("button", { name: `Negative note: ${text}` });
  await expect(listed).toBeVisible();
  await tabTo(page, listed);

  // Export, in the app's header: its dialog takes the focus, Esc closes it and gives it back.
  const exportButton = page.getByRole("button", { name: "Export", exact: true });
  await tabTo(page, exportButton, { back: true });
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Export the workshop" });
  await expect(dialog).toBeVisible();
  await expect.poll(() => dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await expect.poll(() => focusState(page)).toBe("visible");
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expectFocusOn(page, exportButton);
});

test("About Polku and the accessibility statement are reached with the keyboard alone", async ({ page }) => {
  await page.goto("/");
  await expect(newWorkshop(page)).toBeVisible();
  // The page starts with its heading focused (App.svelte); the header is a few Shift+Tabs back.
  await expect(page.getByRole("heading", { level: 1, name: "Workshops" })).toBeFocused();
  const about = page.getByRole("banner").getByRole("link", { name: "About", exact: true });
  await tabTo(page, about, { back: true, max: 5 });
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "About Polku" })).toBeVisible();
  await expect(page).toHaveTitle("About Polku – Polku");

  await tabTo(page, page.getByRole("link", { name: "Accessibility statement" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Accessibility statement" })).toBeVisible();
  await expect(page).toHaveTitle("Accessibility statement – Polku");
  await expect(page.getByRole("heading", { level: 2, name: "Known shortcomings" })).toBeVisible();
  await expect(page.getByTestId("a11y-prepared")).toHaveText("This statement was prepared on 3 December 2026. It is updated when Polku changes, and at least once a year.");

  await tabTo(page, page.getByRole("link", { name: "Back to About Polku" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "About Polku" })).toBeVisible();
  await expect(page).toHaveTitle("About Polku – Polku");
});

test("a workshop's header leads to About Polku and the statement too", async ({ page }) => {
  const title = unique("Header about");
  await page.goto("/");
  await tabToNewWorkshopName(page);
  await page.keyboard.type(title);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  // Back up from the new workshop's board to the header, past its other controls.
  const about = page.getByRole("banner").getByRole("link", { name: "About", exact: true });
  await tabTo(page, about, { back: true });
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "About Polku" })).toBeVisible();
  await expect(about).toHaveAttribute("aria-current", "page");
  await tabTo(page, page.getByRole("link", { name: "Accessibility statement" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Accessibility statement" })).toBeVisible();
  await expect(page).toHaveTitle("Accessibility statement – Polku");
});
