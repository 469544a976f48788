import { expect, type Locator, type Page } from "@playwright/test";
import { test } from "@playwright/test";
import { addNote, createWorkshop, dragBy, note, position, unique, expectInLane } from "./helpers";

const saved = (page: Page, path = "apply_op") => page.waitForResponse((r) => r.url().endsWith(`/api/${path}`) && r.ok());

function lanes(page: Page): Locator {
  return page.getByRole("list", { name: "Lanes" }).getByRole("listitem");
}

/** A lane's header: it spans the lane's band from top to bottom. */
function lane(page: Page, label: string): Locator {
  return lanes(page).filter({ has: page.getByRole("button", { name: `Lane: ${label}`, exact: true }) });
}

async function addLane(page: Page, label: string): Promise<void> {
  await page.getByRole("button", { name: "Add lane", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Add a lane" });
  await dialog.getByLabel("Name of the lane").fill(label);
  const done = saved(page);
  await dialog.getByRole("button", { name: "Add", exact: true }).click();
  await done;
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: `Lane: ${label}`, exact: true })).toBeVisible();
}

async function openLane(page: Page, label: string): Promise<Locator> {
  await page.getByRole("button", { name: `Lane: ${label}`, exact: true }).click();
  await expect(page.getByRole("dialog", { name: `Lane “${label}”` })).toBeVisible();
  // Found without its name, which a rename changes.
  return page.getByRole("dialog");
}


test("the first lane on a board with notes says it keeps them apart, and starts empty", async ({ page }) => {
  await createWorkshop(page, unique("Apart"));
  await addNote(page, "negative", "Nobody called back");
  await addNote(page, "positive", "Kind receptionist");
  await page.getByRole("button", { name: "Add lane", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Add a lane" });
  await expect(dialog.getByTestId("lane-existing")).toHaveText(
    "The 2 notes already on the board get a row of their own, “Earlier notes”, above the new one. The new row starts empty.",
  );
  await dialog.getByLabel("Name of the lane").fill("Feelings");
  const done = saved(page);
  await dialog.getByRole("button", { name: "Add", exact: true }).click();
  await done;
  await expectInLane(note(page, "Nobody called back"), lane(page, "Earlier notes"));
  await expectInLane(note(page, "Kind receptionist"), lane(page, "Earlier notes"));
  // One undo takes both rows away and leaves the notes as they were.
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(lanes(page)).toHaveCount(0);
  await expect(note(page, "Nobody called back")).toBeVisible();
});

test("a board without lanes offers only the control that adds one", async ({ page }) => {
  await createWorkshop(page, unique("No lanes"));
  await expect(page.getByRole("button", { name: "Add lane", exact: true })).toBeVisible();
  await expect(page.getByRole("list", { name: "Lanes" })).toHaveCount(0);
});

test("lanes take in notes, move with them, and keep a note dropped into them", async ({ page }) => {
  await createWorkshop(page, unique("Lanes"));
  const card = await addNote(page, "negative", "Nobody called back");
  const before = await position(card);

  // The first lane does not swallow the note already on the board: it gets a row of its own,
  // above the new one, and stays where it was.
  await addLane(page, "Tunteet");
  await expect(lanes(page)).toHaveCount(2);
  await expect(lanes(page).nth(0)).toContainText("Earlier notes");
  expect(await position(note(page, "Nobody called back"))).toEqual(before);
  await expectInLane(note(page, "Nobody called back"), lane(page, "Earlier notes"));

  // Another lane, renamed in its tools, then moved up to the top.
  await addLane(page, "Thoughts");
  await expect(lanes(page)).toHaveCount(3);
  const panel = await openLane(page, "Thoughts");
  await panel.getByLabel("Name of the lane").fill("Ajatukset");
  let done = saved(page);
  await panel.getByRole("button", { name: "Save name" }).click();
  await done;
  await expect(page.getByRole("dialog", { name: "Lane “Ajatukset”" })).toBeVisible();
  for (let i = 0; i < 2; i++) {
    done = saved(page);
    await panel.getByRole("button", { name: "Move up" }).click();
    await done;
  }
  // Now first, it can't go further up.
  await expect(panel.getByRole("button", { name: "Move up" })).toBeDisabled();
  await panel.getByRole("button", { name: "Done" }).click();
  await expect(panel).toBeHidden();
  await expect(page.getByRole("button", { name: "Lane: Ajatukset" })).toBeFocused();

  await expect(lanes(page).nth(0)).toContainText("Ajatukset");
  await expect(lanes(page).nth(1)).toContainText("Earlier notes");
  await expect(lanes(page).nth(2)).toContainText("Tunteet");
  // The note moved down with its lane, by the height of the lane now above it.
  const first = await lane(page, "Ajatukset").boundingBox();
  const zoom = Number(await page.locator(".world").getAttribute("data-zoom"));
  const moved = await position(note(page, "Nobody called back"));
  expect(moved.x).toBe(before.x);
  expect(moved.y).toBeGreaterThan(before.y + 100);
  expect(moved.y - before.y).toBeCloseTo(first!.height / zoom, -1);
  await expectInLane(note(page, "Nobody called back"), lane(page, "Earlier notes"));

  // Drag the note up into the first lane; it stays there after a reload.
  const n = await note(page, "Nobody called back").boundingBox();
  const target = await lane(page, "Ajatukset").boundingBox();
  await dragBy(page, note(page, "Nobody called back"), 0, target!.y + 8 - n!.y);
  await expectInLane(note(page, "Nobody called back"), lane(page, "Ajatukset"));
  const dropped = await position(note(page, "Nobody called back"));

  await page.reload();
  await expect(lanes(page)).toHaveCount(3);
  await expect(lanes(page).nth(0)).toContainText("Ajatukset");
  await expectInLane(note(page, "Nobody called back"), lane(page, "Ajatukset"));
  expect(await position(note(page, "Nobody called back"))).toEqual(dropped);
});

test("a lane grows to hold a note dropped over its bottom edge, and one undo takes both back", async ({ page }) => {
  await createWorkshop(page, unique("Growing lane"));
  await addNote(page, "positive", "Kind receptionist");
  await addLane(page, "Feelings");
  const band = lane(page, "Feelings");
  const grip = page.getByRole("separator", { name: "Height of the lane Feelings" });
  const height = Number(await grip.getAttribute("aria-valuenow"));
  const card = note(page, "Kind receptionist");
  const start = await position(card);

  // Drop the note with its top just above the lane's bottom edge: its centre is still in the lane.
  const l = await band.boundingBox();
  const c = await card.boundingBox();
  await dragBy(page, card, 0, l!.y + l!.height - 80 - c!.y);
  await expect.poll(async () => Number(await grip.getAttribute("aria-valuenow"))).toBeGreaterThan(height);
  await expectInLane(card, band);
  expect((await position(card)).y).toBeGreaterThan(start.y + 100);

  const undone = saved(page, "undo");
  await page.getByRole("button", { name: "Undo" }).click();
  await undone;
  await expect.poll(async () => Number(await grip.getAttribute("aria-valuenow"))).toBe(height);
  expect(await position(card)).toEqual(start);
});

test("a new note placed under a full lane's notes makes the lane grow to hold it", async ({ page }) => {
  await createWorkshop(page, unique("Full lane"));
  await addLane(page, "Thoughts");
  const band = lane(page, "Thoughts");
  const grip = page.getByRole("separator", { name: "Height of the lane Thoughts" });
  const height = Number(await grip.getAttribute("aria-valuenow"));
  // Each new note goes under the last one in the same column; the third no longer fits.
  for (const text of ["First thought", "Second thought", "Third thought"]) await addNote(page, "neutral", text);
  await expect.poll(async () => Number(await grip.getAttribute("aria-valuenow"))).toBeGreaterThan(height);
  for (const text of ["First thought", "Second thought", "Third thought"]) await expectInLane(note(page, text), band);
});

test("a group sent to another touchpoint keeps each note in its own lane", async ({ page }) => {
  await createWorkshop(page, unique("Move keeps lanes"));
  await addLane(page, "Top");
  await addLane(page, "Bottom");
  await addNote(page, "neutral", "Upper note");
  await addNote(page, "negative", "Lower note");
  const upper = note(page, "Upper note");
  const lower = note(page, "Lower note");
  const n = (await lower.boundingBox())!;
  const target = (await lane(page, "Bottom").boundingBox())!;
  await dragBy(page, lower, 0, target.y + 8 - n.y);
  await expectInLane(upper, lane(page, "Top"));
  await expectInLane(lower, lane(page, "Bottom"));

  await upper.click();
  await lower.click({ modifiers: ["Shift"] });
  await expect(page.getByTestId("selection-status")).toHaveText("2 notes selected");
  await lower.click({ button: "right" });
  const menu = page.getByRole("menu").first();
  await menu.getByRole("menuitem", { name: "Move to touchpoint" }).click();
  const done = saved(page);
  await page.getByRole("menu", { name: "Move to touchpoint" }).getByRole("menuitem", { name: "4. Closer relationship" }).click();
  await done;

  // Both under the new touchpoint, each still in the lane it was in, one not over the other.
  const column = (await page.getByText("Closer relationship", { exact: true }).boundingBox())!;
  for (const card of [upper, lower]) {
    await expect.poll(async () => {
      const b = (await card.boundingBox())!;
      return Math.abs(b.x + b.width / 2 - (column.x + column.width / 2)) < b.width / 2;
    }).toBe(true);
  }
  await expectInLane(upper, lane(page, "Top"));
  await expectInLane(lower, lane(page, "Bottom"));
  const [a, b] = [(await upper.boundingBox())!, (await lower.boundingBox())!];
  expect(a.y + a.height).toBeLessThanOrEqual(b.y);

  // Kept after a reload: the cells were saved, not only drawn.
  await page.reload();
  await expectInLane(note(page, "Upper note"), lane(page, "Top"));
  await expectInLane(note(page, "Lower note"), lane(page, "Bottom"));
});

test("a lane's height follows its resize handle, by keyboard and by dragging", async ({ page }) => {
  await createWorkshop(page, unique("Resize lane"));
  await addLane(page, "Channels");
  const grip = page.getByRole("separator", { name: "Height of the lane Channels" });
  const height = Number(await grip.getAttribute("aria-valuenow"));
  const box = (await lane(page, "Channels").boundingBox())!;

  await grip.focus();
  let done = saved(page);
  await page.keyboard.press("ArrowDown");
  await done;
  await expect(grip).toHaveAttribute("aria-valuenow", String(height + 20));
  await expect.poll(async () => (await lane(page, "Channels").boundingBox())!.height).toBeGreaterThan(box.height + 10);

  // Drag the handle down with the mouse: the lane follows the pointer, in board units.
  const zoom = Number(await page.locator(".world").getAttribute("data-zoom"));
  const g = (await grip.boundingBox())!;
  done = saved(page);
  await page.mouse.move(g.x + g.width / 2, g.y + g.height / 2);
  await page.mouse.down();
  await page.mouse.move(g.x + g.width / 2, g.y + g.height / 2 + 60, { steps: 6 });
  await page.mouse.move(g.x + g.width / 2, g.y + g.height / 2 + 120, { steps: 6 });
  await page.mouse.up();
  await done;
  const dragged = height + 20 + Math.round(120 / zoom);
  await expect.poll(async () => Number(await grip.getAttribute("aria-valuenow"))).toBeGreaterThanOrEqual(dragged - 2);
  expect(Number(await grip.getAttribute("aria-valuenow"))).toBeLessThanOrEqual(dragged + 2);
  const now = await grip.getAttribute("aria-valuenow");

  await page.reload();
  await expect(page.getByRole("separator", { name: "Height of the lane Channels" })).toHaveAttribute("aria-valuenow", now!);
});

test("deleting a lane moves its notes to the lane above; undo brings the lane back", async ({ page }) => {
  await createWorkshop(page, unique("Delete lane"));
  await addLane(page, "Actions");
  await addLane(page, "Pain points");
  await addNote(page, "neutral", "Forms by post");

  // Put the note into the second lane.
  const card = note(page, "Forms by post");
  const n = (await card.boundingBox())!;
  const target = (await lane(page, "Pain points").boundingBox())!;
  await dragBy(page, card, 0, target.y + 8 - n.y);
  await expectInLane(card, lane(page, "Pain points"));

  const panel = await openLane(page, "Pain points");
  await panel.getByRole("button", { name: "Delete lane" }).click();
  const ask = page.getByRole("dialog", { name: "Delete the lane “Pain points”?" });
  await expect(ask).toContainText("It has 1 note.");
  // No choice drops the note.
  await expect(ask.getByRole("button", { name: "Keep them on the board without a lane" })).toBeVisible();
  await expect(ask.getByRole("button", { name: /lane below/ })).toHaveCount(0);
  const done = saved(page);
  await ask.getByRole("button", { name: "Move them to the lane above (Actions)" }).click();
  await done;
  await expect(ask).toBeHidden();

  await expect(lanes(page)).toHaveCount(1);
  await expect(card).toBeVisible();
  await expectInLane(card, lane(page, "Actions"));
  await expect(page.getByRole("button", { name: "Lane: Actions" })).toBeFocused();

  const undone = saved(page, "undo");
  await page.getByRole("button", { name: "Undo" }).click();
  await undone;
  await expect(lanes(page)).toHaveCount(2);
  await expect(lanes(page).nth(1)).toContainText("Pain points");
  await expectInLane(card, lane(page, "Pain points"));
});
