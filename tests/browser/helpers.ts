import { expect, type Locator, type Page } from "@playwright/test";

export const TOUCHPOINTS = {
  en: ["First contact", "Client relationship begins", "Pause", "Closer relationship", "Relationship ends"],
  fi: ["Ensimmäinen yhteydenotto", "Asiakkuus alkaa", "Tauko", "Tiiviimpi asiakkuus", "Asiakkuus päättyy"],
};

export type Sentiment = "negative" | "neutral" | "positive";

/** A title no other test uses: every spec shares one server and one library. */
export function unique(name: string): string {
  return `${name} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** The words of the list's way to a new workshop, in the UI's language. */
export type NewWorkshopWords = { button?: string; field?: string };

/**
 * The list's way to a new workshop: the form's name field in an empty library, else the button
 * that opens the form (the library's workshops come first). Seen once the list has answered.
 */
export function newWorkshop(page: Page, { button = "New workshop", field = "Workshop name" }: NewWorkshopWords = {}): Locator {
  return page.getByLabel(field, { exact: true }).or(page.getByRole("button", { name: button, exact: true }));
}

/** The new-workshop form's name field, the form opened first where the library keeps it closed. */
export async function newWorkshopName(page: Page, words: NewWorkshopWords = {}): Promise<Locator> {
  const { button = "New workshop", field = "Workshop name" } = words;
  await expect(newWorkshop(page, words)).toBeVisible();
  const open = page.getByRole("button", { name: button, exact: true });
  if (await open.isVisible()) await open.click();
  const name = page.getByLabel(field, { exact: true });
  await expect(name).toBeVisible();
  return name;
}

/** Creates a workshop from the list (English UI) and waits for its board. */
export async function createWorkshop(page: Page, title: string): Promise<void> {
  await page.goto("/");
  await (await newWorkshopName(page)).fill(title);
  await page.getByRole("button", { name: "Create workshop" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText(TOUCHPOINTS.en[0], { exact: true })).toBeVisible();
}

export function note(page: Page, text: string): Locator {
  return page.getByTestId("note").filter({ hasText: text });
}

/** Types the text of the note whose editor just opened and saves it with Enter. */
export async function typeNote(page: Page, sentiment: Sentiment, text: string): Promise<void> {
  const editor = page.getByLabel(`Text of the ${sentiment} note`);
  await expect(editor).toBeFocused();
  await editor.fill(text);
  const saved = page.waitForResponse((r) => r.url().endsWith("/api/apply_op") && r.ok());
  await editor.press("Enter");
  await saved;
}

/** Adds a note with the toolbar button, types its text and saves it with Enter. */
export async function addNote(page: Page, sentiment: Sentiment, text: string): Promise<Locator> {
  await page.getByRole("button", { name: `Add ${sentiment} note` }).click();
  await typeNote(page, sentiment, text);
  const card = note(page, text);
  await expect(card).toBeVisible();
  await expect(card).toHaveAttribute("data-sentiment", sentiment);
  return card;
}

/**
 * Drags a note with the mouse by (dx, dy) screen pixels and waits until the move is saved and the
 * card shows the saved place.
 */
export async function dragBy(page: Page, card: Locator, dx: number, dy: number): Promise<void> {
  const box = await card.boundingBox();
  if (!box) throw new Error("note is not on screen");
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  const saved = page.waitForResponse((r) => r.url().endsWith("/api/apply_op") && r.ok());
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 5 });
  await page.mouse.move(x + dx, y + dy, { steps: 5 });
  await page.mouse.up();
  await saved;
  // Until the page has taken in the answer the card stays where the pointer let go; then it moves
  // to the saved place (snapped into its column). A position read before that is not the saved one.
  await expect(card.locator("xpath=..")).not.toHaveClass(/(^|\s)dragging(\s|$)/);
}

export async function position(card: Locator): Promise<{ x: number; y: number }> {
  return {
    x: Number(await card.getAttribute("data-x")),
    y: Number(await card.getAttribute("data-y")),
  };
}

/** Whether the note's card lies inside the lane's band, top to bottom (screen pixels). */
export async function expectInLane(card: Locator, band: Locator): Promise<void> {
  await expect
    .poll(async () => {
      const n = await card.boundingBox();
      const l = await band.boundingBox();
      if (!n || !l) return "not on screen";
      return n.y >= l.y - 1 && n.y + n.height <= l.y + l.height + 1 ? "inside" : `note ${n.y}–${n.y + n.height}, lane ${l.y}–${l.y + l.height}`;
    })
    .toBe("inside");
}
