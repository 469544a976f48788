import { expect, test, type Page } from "@playwright/test";
import { addNote, createWorkshop, dragBy, note, position, TOUCHPOINTS, unique } from "./helpers";

const board = (page: Page) => page.getByRole("region", { name: "Service path board" });
const status = (page: Page) => page.getByTestId("selection-status");
const saved = (page: Page, what = "apply_op") => page.waitForResponse((r) => r.url().endsWith(`/api/${what}`) && r.ok());

/** Counts the change requests sent from now on. */
function countOps(page: Page): () => number {
  let n = 0;
  page.on("request", (r) => {
    if (r.url().endsWith("/api/apply_op")) n++;
  });
  return () => n;
}

/** The "Notes per touchpoint" picture of one touchpoint, by its label. */
const counts = (page: Page, label: string) => page.getByRole("img", { name: new RegExp(`^${label}:`) });

/** Clicks empty board (between the first two columns, low down): nothing in focus, nothing picked. */
async function clickEmpty(page: Page) {
  const a = await columnAt(page, 0, 0);
  const b = await columnAt(page, 1, 0);
  const v = (await board(page).boundingBox())!;
  await page.mouse.click((a.x + b.x) / 2, v.y + v.height - 60);
}

/** The screen centre of a touchpoint's column at board height y (px from the viewport's top). */
async function columnAt(page: Page, n: number, y: number): Promise<{ x: number; y: number }> {
  const label = page.getByText(TOUCHPOINTS.en[n], { exact: true });
  const l = (await label.boundingBox())!;
  const v = (await board(page).boundingBox())!;
  return { x: l.x + l.width / 2, y: v.y + y };
}

test("a note is made, moved and sent to another touchpoint with the keyboard alone", async ({ page }) => {
  await createWorkshop(page, unique("Keys only"));
  // Tab from the top of the page until the board itself has the focus.
  for (let i = 0; i < 60; i++) {
    if (await board(page).evaluate((el) => el === document.activeElement)) break;
    await page.keyboard.press("Tab");
  }
  await expect(board(page)).toBeFocused();

  await page.keyboard.press("n");
  const editor = page.getByLabel("Text of the neutral note");
  await expect(editor).toBeFocused();
  await page.keyboard.type("Made by keys");
  let done = saved(page);
  await page.keyboard.press("Enter");
  await done;
  const card = note(page, "Made by keys");
  await expect(card).toBeFocused();

  const box0 = (await card.boundingBox())!;
  const at0 = await position(card);
  done = saved(page);
  await page.keyboard.press("ArrowDown");
  await done;
  done = saved(page);
  await page.keyboard.press("ArrowRight");
  await done;
  await expect.poll(async () => (await card.boundingBox())!.y).toBeGreaterThan(box0.y);
  await expect.poll(async () => (await card.boundingBox())!.x).toBeGreaterThan(box0.x);
  const moved = await position(card);
  expect(moved).toEqual({ x: at0.x + 10, y: at0.y + 10 });

  await page.reload();
  await expect(note(page, "Made by keys")).toBeVisible();
  expect(await position(note(page, "Made by keys"))).toEqual(moved);

  // Move to touchpoint…, from the menu Shift+F10 opens on the focused note.
  const last = TOUCHPOINTS.en[4];
  await expect(counts(page, last)).toHaveAccessibleName(/0 neutral notes/);
  await note(page, "Made by keys").focus();
  await page.keyboard.press("Shift+F10");
  const menu = page.getByRole("menu", { name: "Note" });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole("menuitem", { name: "Edit" })).toBeFocused();
  await page.keyboard.press("End");
  await page.keyboard.press("ArrowUp");
  await expect(menu.getByRole("menuitem", { name: "Move to touchpoint" })).toBeFocused();
  await page.keyboard.press("ArrowRight");
  const sub = page.getByRole("menu", { name: "Move to touchpoint" });
  // The note is at the first touchpoint (where a new note goes), which cannot be chosen: the next one has the focus.
  await expect(sub.getByRole("menuitem", { name: `2. ${TOUCHPOINTS.en[1]}` })).toBeFocused();
  await page.keyboard.press("End");
  await expect(sub.getByRole("menuitem", { name: `5. ${last}` })).toBeFocused();
  done = saved(page);
  await page.keyboard.press("Enter");
  await done;
  await expect(menu).toHaveCount(0);
  await expect(counts(page, last)).toHaveAccessibleName(/1 neutral note\b/);
  // The focus came back to the note, which is now under the last touchpoint.
  await expect(note(page, "Made by keys")).toBeFocused();
  const end = await columnAt(page, 4, 0);
  const box = (await note(page, "Made by keys").boundingBox())!;
  expect(Math.abs(box.x + box.width / 2 - end.x)).toBeLessThan(box.width / 2);
});

test("Shift-click picks two notes; Delete removes both and one undo brings both back", async ({ page }) => {
  await createWorkshop(page, unique("Pick two"));
  await addNote(page, "negative", "Keep me");
  await addNote(page, "neutral", "First to go");
  await addNote(page, "positive", "Second to go");
  await clickEmpty(page);

  // The lowest first: a focused note's tools open below it, over the notes further down.
  await note(page, "Second to go").click();
  await note(page, "First to go").click({ modifiers: ["Shift"] });
  await expect(status(page)).toHaveText("2 notes selected");
  // Marked by more than colour: the tick, and the word for screen readers.
  await expect(note(page, "First to go")).toHaveAccessibleDescription(/Selected\./);
  await expect(note(page, "Second to go")).toHaveAccessibleDescription(/Selected\./);
  await expect(note(page, "Keep me")).not.toHaveAccessibleDescription(/Selected\./);

  const ops = countOps(page);
  let done = saved(page);
  await page.keyboard.press("Delete");
  await done;
  await expect(note(page, "First to go")).toHaveCount(0);
  await expect(note(page, "Second to go")).toHaveCount(0);
  await expect(note(page, "Keep me")).toBeVisible();
  expect(ops()).toBe(1);
  // The focus went to the board, not onto the note that is left: a second Delete takes nothing.
  await expect(page.getByTestId("board-viewport")).toBeFocused();
  await expect(page.getByTestId("toast").filter({ hasText: "2 notes deleted" })).toBeVisible();

  done = saved(page, "undo");
  await page.keyboard.press("Control+z");
  await done;
  await expect(note(page, "First to go")).toBeVisible();
  await expect(note(page, "Second to go")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("note")).toHaveCount(3);
});

test("a Shift-drag marquee picks three notes, and dragging one moves all three", async ({ page }) => {
  await createWorkshop(page, unique("Marquee"));
  await addNote(page, "negative", "Apart");
  await clickEmpty(page);
  // Out of the way, under a touchpoint the group will not be dropped on (a drop never covers a note).
  await dragBy(page, note(page, "Apart"), 780, 0);
  await addNote(page, "negative", "Box one");
  await addNote(page, "neutral", "Box two");
  await addNote(page, "positive", "Box three");
  await clickEmpty(page);

  const a = (await note(page, "Box one").boundingBox())!;
  const c = (await note(page, "Box three").boundingBox())!;
  await page.keyboard.down("Shift");
  await page.mouse.move(a.x - 24, a.y - 12);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2, c.y + c.height / 2, { steps: 4 });
  await expect(page.getByTestId("marquee")).toBeVisible();
  await page.mouse.move(c.x + c.width + 12, c.y + c.height + 8, { steps: 4 });
  await page.mouse.up();
  await page.keyboard.up("Shift");
  await expect(page.getByTestId("marquee")).toHaveCount(0);
  await expect(status(page)).toHaveText("3 notes selected");

  const names = ["Box one", "Box two", "Box three", "Apart"];
  const before = await Promise.all(names.map((n) => position(note(page, n))));
  const ops = countOps(page);
  await dragBy(page, note(page, "Box two"), 300, 40);
  const after = await Promise.all(names.map((n) => position(note(page, n))));
  // All three by the same amount (one snapped drop would differ), the fourth not at all.
  const dx = after[0].x - before[0].x;
  const dy = after[0].y - before[0].y;
  expect(dx).toBeGreaterThan(150);
  for (const i of [1, 2]) expect({ dx: after[i].x - before[i].x, dy: after[i].y - before[i].y }).toEqual({ dx, dy });
  expect(after[3]).toEqual(before[3]);
  expect(ops()).toBe(1);

  await page.reload();
  for (const [i, n] of names.entries()) expect(await position(note(page, n))).toEqual(after[i]);
});

test("Ctrl+D duplicates the note in focus, and the copy is picked", async ({ page }) => {
  await createWorkshop(page, unique("Duplicate"));
  const card = await addNote(page, "positive", "Copy me");
  await expect(card).toBeFocused();
  const at = await position(card);
  const done = saved(page);
  await page.keyboard.press("Control+d");
  await done;
  await expect(note(page, "Copy me")).toHaveCount(2);
  await expect(status(page)).toHaveText("1 note selected");
  const spots = await Promise.all([0, 1].map((i) => position(note(page, "Copy me").nth(i))));
  const copy = spots.find((p) => p.x !== at.x || p.y !== at.y)!;
  expect(copy.x).toBeGreaterThan(at.x);
  expect(copy.y).toBeGreaterThan(at.y);
  for (const i of [0, 1]) await expect(note(page, "Copy me").nth(i)).toHaveAttribute("data-sentiment", "positive");
  await page.reload();
  await expect(note(page, "Copy me")).toHaveCount(2);
});

test("right-click on empty board offers Add note here, and the note lands there", async ({ page }) => {
  await createWorkshop(page, unique("Menu add"));
  // Well above the board's bottom edge, so that showing the new note does not pan the board.
  const p = await columnAt(page, 3, 460);
  await page.mouse.click(p.x, p.y, { button: "right" });
  const menu = page.getByRole("menu", { name: "Board" });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole("menuitem", { name: "Add note here" })).toBeFocused();
  await menu.getByRole("menuitem", { name: "Add note here" }).click();
  await expect(menu).toHaveCount(0);
  const editor = page.getByLabel("Text of the neutral note");
  await expect(editor).toBeFocused();
  await editor.fill("Right here");
  const done = saved(page);
  await editor.press("Enter");
  await done;
  const box = (await note(page, "Right here").boundingBox())!;
  expect(Math.abs(box.x + box.width / 2 - p.x)).toBeLessThan(box.width / 2);
  expect(Math.abs(box.y - p.y)).toBeLessThan(box.height);
  await expect(counts(page, TOUCHPOINTS.en[3])).toHaveAccessibleName(/1 neutral note\b/);

  // Esc closes the menu without doing anything, and the browser's own menu never shows up over it.
  await page.mouse.click(p.x, p.y - 140, { button: "right" });
  await expect(menu).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
  await expect(page.getByTestId("note")).toHaveCount(1);
});

test("a double-click on empty board starts a note right there", async ({ page }) => {
  await createWorkshop(page, unique("Double click"));
  const p = await columnAt(page, 1, 480);
  await page.mouse.dblclick(p.x, p.y);
  const editor = page.getByLabel("Text of the neutral note");
  await expect(editor).toBeFocused();
  await page.keyboard.type("Clicked twice");
  const done = saved(page);
  await page.keyboard.press("Enter");
  await done;
  const box = (await note(page, "Clicked twice").boundingBox())!;
  expect(Math.abs(box.x + box.width / 2 - p.x)).toBeLessThan(box.width / 2);
  expect(Math.abs(box.y - p.y)).toBeLessThan(box.height);
  await expect(counts(page, TOUCHPOINTS.en[1])).toHaveAccessibleName(/1 neutral note\b/);
  await expect(page.getByTestId("note")).toHaveCount(1);
});

test.describe("by touch", () => {
  test.use({ hasTouch: true });

  async function fingers(page: Page) {
    const cdp = await page.context().newCDPSession(page);
    return async (type: "touchStart" | "touchMove" | "touchEnd", points: { x: number; y: number; id: number }[]) =>
      cdp.send("Input.dispatchTouchEvent", { type, touchPoints: points });
  }

  test("a double tap on empty board starts a note there", async ({ page }) => {
    await createWorkshop(page, unique("Double tap"));
    const touch = await fingers(page);
    const p = await columnAt(page, 3, 460);
    for (let i = 0; i < 2; i++) {
      await touch("touchStart", [{ ...p, id: 1 }]);
      await touch("touchEnd", []);
    }
    const editor = page.getByLabel("Text of the neutral note");
    await expect(editor).toBeFocused();
    await editor.fill("Tapped twice");
    const done = saved(page);
    await editor.press("Enter");
    await done;
    await expect(counts(page, TOUCHPOINTS.en[3])).toHaveAccessibleName(/1 neutral note\b/);
    // One tap alone makes nothing.
    const q = await columnAt(page, 1, 460);
    await touch("touchStart", [{ ...q, id: 2 }]);
    await touch("touchEnd", []);
    await page.waitForTimeout(500);
    await expect(page.getByTestId("note-draft")).toHaveCount(0);
  });

  test("a long press opens the note's menu, and a tap on an item runs it", async ({ page }) => {
    await createWorkshop(page, unique("Press menu"));
    await addNote(page, "neutral", "Held note");
    await clickEmpty(page);
    const touch = await fingers(page);
    const box = (await note(page, "Held note").boundingBox())!;
    const p = { x: box.x + 60, y: box.y + 30 };
    await touch("touchStart", [{ ...p, id: 1 }]);
    await page.waitForTimeout(800);
    const menu = page.getByRole("menu", { name: "Note" });
    await expect(menu).toBeVisible();
    await touch("touchEnd", []);
    // Lifting the finger ran nothing and left the menu open.
    await page.waitForTimeout(300);
    await expect(menu).toBeVisible();
    await expect(note(page, "Held note")).toHaveCount(1);

    const item = (await menu.getByRole("menuitem", { name: "Duplicate" }).boundingBox())!;
    const done = saved(page);
    await touch("touchStart", [{ x: item.x + 20, y: item.y + item.height / 2, id: 2 }]);
    await touch("touchEnd", []);
    await done;
    await expect(menu).toHaveCount(0);
    await expect(note(page, "Held note")).toHaveCount(2);
  });
});
