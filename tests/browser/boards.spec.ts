import { expect, test, type Page } from "@playwright/test";
import { addBoard, addDialog, boardMenu, expectStrip, openTab, tabs } from "./board-ops";
import { addNote, createWorkshop, note, position, TOUCHPOINTS, unique } from "./helpers";
import { importWorkshop, type Imported } from "./library";

/** Two boards with a note each; made with the real CLI into the running server's library. */
function twoBoards(): Imported {
  return importWorkshop(unique("Programme"), [
    { title: "Session one: path", touchpoints: ["Arrival", "Meeting"], notes: ["Alpha note"] },
    { title: "Session two: canvas", touchpoints: ["Call", "Visit", "Follow-up"], notes: ["Beta note"] },
  ]);
}

const tab = (page: Page, title: string) => page.getByRole("tab", { name: title });
const boardUrl = (w: Imported, board: number) => new RegExp(`#/w/${w.id}/b/${w.boards[board].id}$`);

/** Counts the workshop loads a page makes: switching boards must not make any. */
function countLoads(page: Page): () => number {
  let loads = 0;
  page.on("request", (r) => {
    if (r.url().endsWith("/api/open_workshop")) loads++;
  });
  return () => loads;
}

async function expectOn(page: Page, w: Imported, board: number) {
  await expect(page).toHaveURL(boardUrl(w, board));
  await expect(tab(page, w.boards[board].title)).toHaveAttribute("aria-selected", "true");
  await expect(tab(page, w.boards[1 - board].title)).toHaveAttribute("aria-selected", "false");
  await expect(note(page, board === 0 ? "Alpha note" : "Beta note")).toBeVisible();
  await expect(note(page, board === 0 ? "Beta note" : "Alpha note")).toHaveCount(0);
}

test("opens on the first board; a click opens the other, Back returns, a reload stays", async ({ page }) => {
  const w = twoBoards();
  await page.goto(`/#/w/${w.id}`);
  await expectOn(page, w, 0);
  await expect(page.getByRole("tab")).toHaveText(w.boards.map((b) => b.title));
  const loads = countLoads(page);

  await tab(page, w.boards[1].title).click();
  await expectOn(page, w, 1);
  await expect(page.getByText("Follow-up", { exact: true })).toBeVisible();
  await page.goBack();
  await expectOn(page, w, 0);
  expect(loads()).toBe(0);

  await page.goForward();
  await expectOn(page, w, 1);
  await page.reload();
  await expectOn(page, w, 1);
});

test("the keyboard moves along the strip with the arrows and opens a board with Enter", async ({ page }) => {
  const w = twoBoards();
  await page.goto(`/#/w/${w.id}/b/${w.boards[0].id}`);
  await expectOn(page, w, 0);
  await tab(page, w.boards[0].title).focus();
  await page.keyboard.press("ArrowRight");
  await expect(tab(page, w.boards[1].title)).toBeFocused();
  // Moving is not opening.
  await expect(page).toHaveURL(boardUrl(w, 0));
  await page.keyboard.press("Enter");
  await expectOn(page, w, 1);
  // One tab stop: the open board's tab.
  await expect(tab(page, w.boards[1].title)).toHaveAttribute("tabindex", "0");
  await expect(tab(page, w.boards[0].title)).toHaveAttribute("tabindex", "-1");
  await page.keyboard.press("Home");
  await expect(tab(page, w.boards[0].title)).toBeFocused();
  await page.keyboard.press("Space");
  await expectOn(page, w, 0);
});

test("the outline keeps its view and the old links are written out in full", async ({ page }) => {
  const w = twoBoards();
  await page.goto(`/#/w/${w.id}/outline`);
  await expect(page).toHaveURL(new RegExp(`#/w/${w.id}/b/${w.boards[0].id}/outline$`));
  await tab(page, w.boards[1].title).click();
  await expect(page).toHaveURL(new RegExp(`#/w/${w.id}/b/${w.boards[1].id}/outline$`));
  await page.getByRole("group", { name: "View" }).getByRole("button", { name: "Board" }).click();
  await expectOn(page, w, 1);
});

test("a link to a board the workshop does not have shows the first board and says so", async ({ page }) => {
  const w = twoBoards();
  await page.goto(`/#/w/${w.id}/b/00000000-0000-4000-8000-000000000000`);
  await expect(page.getByText("That board was not found")).toBeVisible();
  await expectOn(page, w, 0);
});

test("each board keeps its own pan and zoom", async ({ page }) => {
  const w = twoBoards();
  await page.goto(`/#/w/${w.id}`);
  await expectOn(page, w, 0);
  const world = page.locator(".world");
  const fitted = Number(await world.getAttribute("data-zoom"));
  await page.getByRole("button", { name: "Zoom in" }).click();
  await page.getByRole("button", { name: "Zoom in" }).click();
  await expect.poll(async () => Number(await world.getAttribute("data-zoom"))).toBeGreaterThan(fitted);
  const zoomedA = await world.getAttribute("style");

  await tab(page, w.boards[1].title).click();
  await expectOn(page, w, 1);
  // The other board is fitted on its first showing, not left at A's zoom.
  await expect(world).not.toHaveAttribute("style", zoomedA!);
  const fittedB = await world.getAttribute("style");

  await tab(page, w.boards[0].title).click();
  await expectOn(page, w, 0);
  await expect(world).toHaveAttribute("style", zoomedA!);
  await page.goBack();
  await expectOn(page, w, 1);
  await expect(world).toHaveAttribute("style", fittedB!);
});

test("two tabs on different boards each get the other's new notes", async ({ page, context }) => {
  const w = twoBoards();
  await page.goto(`/#/w/${w.id}/b/${w.boards[0].id}`);
  await expectOn(page, w, 0);
  const other = await context.newPage();
  await other.goto(`/#/w/${w.id}/b/${w.boards[1].id}`);
  await expectOn(other, w, 1);
  const loads = countLoads(page);
  const otherLoads = countLoads(other);

  await addNote(other, "positive", "Written in tab two");
  await addNote(page, "negative", "Written in tab one");

  await tab(page, w.boards[1].title).click();
  await expect(note(page, "Written in tab two")).toBeVisible();
  await tab(other, w.boards[0].title).click();
  await expect(note(other, "Written in tab one")).toBeVisible();
  expect(loads()).toBe(0);
  expect(otherLoads()).toBe(0);
});

test.describe("on a touchscreen", () => {
  test.use({ hasTouch: true });

  test("a tap on a tab opens its board", async ({ page }) => {
    const w = twoBoards();
    await page.goto(`/#/w/${w.id}`);
    await expectOn(page, w, 0);
    await tab(page, w.boards[1].title).tap();
    await expectOn(page, w, 1);
    const box = await tab(page, w.boards[1].title).boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
  });
});

// Board operations, on workshops made through the UI (one board from the service-path template).

const station = (page: Page, n: number) => page.getByText(TOUCHPOINTS.en[n], { exact: true });

/** A new workshop (English UI) and the title of its one board. */
async function freshWorkshop(page: Page): Promise<string> {
  await createWorkshop(page, unique("Ops"));
  await expect(tabs(page)).toHaveCount(1);
  return (await tabs(page).textContent())!.trim();
}

test("adds a board from the template, an empty one, and a copy with the notes, each right after the open one", async ({ page }) => {
  const first = await freshWorkshop(page);
  const card = await addNote(page, "positive", "Kept in the copy");
  const at = await position(card);

  await page.getByTestId("add-board").click();
  const dialog = addDialog(page);
  // A default name after what it starts with, selected: typing replaces it. The service path is what it starts with.
  const name = dialog.getByLabel("Name of the board");
  await expect(dialog.getByRole("radio", { name: /^Service path/ })).toBeChecked();
  await expect(name).toHaveValue(`${first} 2`);
  await expect(name).toBeFocused();
  await page.keyboard.type("Visit");
  await expect(name).toHaveValue("Visit");
  // A name someone typed stays, whatever they pick.
  await dialog.getByRole("radio", { name: /^Empty service path/ }).check();
  await dialog.getByRole("radio", { name: /^Service path/ }).check();
  await expect(name).toHaveValue("Visit");
  await dialog.getByRole("button", { name: "Add board" }).click();
  await expect(dialog).toBeHidden();
  await expect(openTab(page)).toHaveText("Visit");
  for (let i = 0; i < 5; i++) await expect(station(page, i)).toBeVisible();
  await expect(note(page, "Kept in the copy")).toHaveCount(0);
  // A new place: Back returns to the first board.
  await page.goBack();
  await expect(openTab(page)).toHaveText(first);
  await expect(note(page, "Kept in the copy")).toBeVisible();

  // Placed right after the open board, before "Visit".
  await addBoard(page, "Empty", /^Empty service path/);
  await expect(station(page, 0)).toHaveCount(0);
  await expectStrip(page, [first, "Empty", "Visit"]);

  await tabs(page).first().click();
  await boardMenu(page, "Duplicate");
  await expect(dialog.getByRole("radio", { name: `Copy of “${first}”` })).toBeChecked();
  await expect(dialog.getByRole("checkbox", { name: "With its notes" })).not.toBeChecked();
  await dialog.getByLabel("Name of the board").fill("Copy");
  await dialog.getByRole("checkbox", { name: "With its notes" }).check();
  await dialog.getByRole("button", { name: "Add board" }).click();
  await expect(openTab(page)).toHaveText("Copy");
  await expectStrip(page, [first, "Copy", "Empty", "Visit"]);
  // The same stations, the note under the same one at the same place.
  const copied = note(page, "Kept in the copy");
  await expect(copied).toBeVisible();
  expect(await position(copied)).toEqual(at);
  await page.reload();
  await expectStrip(page, [first, "Copy", "Empty", "Visit"]);
  await expect(note(page, "Kept in the copy")).toBeVisible();
});

test("the add dialog refuses an empty name in words and keeps what was chosen; Esc cancels", async ({ page }) => {
  await freshWorkshop(page);
  await page.getByTestId("add-board").click();
  const dialog = addDialog(page);
  await dialog.getByRole("radio", { name: /^Empty service path/ }).check();
  await dialog.getByLabel("Name of the board").fill("  ");
  await dialog.getByRole("button", { name: "Add board" }).click();
  await expect(dialog.getByText("A board needs a name.")).toBeVisible();
  await expect(dialog.getByRole("radio", { name: /^Empty service path/ })).toBeChecked();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(tabs(page)).toHaveCount(1);
  await expect(page.getByTestId("add-board")).toBeFocused();
});

test("renames by the menu and by F2, and moves by the menu and by Ctrl+Shift+Arrow; a reload keeps the order", async ({ page }) => {
  const first = await freshWorkshop(page);
  await addBoard(page, "Second", /^Empty service path/);

  await boardMenu(page, "Rename");
  const rename = page.getByRole("dialog", { name: "Rename the board" });
  await expect(rename.getByLabel("Name of the board")).toHaveValue("Second");
  await page.keyboard.type("Renamed");
  await page.keyboard.press("Enter");
  await expect(rename).toBeHidden();
  await expectStrip(page, [first, "Renamed"]);

  await tabs(page).first().focus();
  await page.keyboard.press("F2");
  await page.keyboard.type("Start");
  await page.keyboard.press("Escape");
  await expectStrip(page, [first, "Renamed"]);
  await page.keyboard.press("F2");
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.press("Enter");
  await expect(rename.getByText("A board needs a name.")).toBeVisible();
  await page.keyboard.type("Start");
  await page.keyboard.press("Enter");
  await expectStrip(page, ["Start", "Renamed"]);

  // "Renamed" is open: it can go left, not right.
  await page.getByTestId("board-menu").click();
  await expect(page.getByRole("menuitem", { name: "Move right" })).toBeDisabled();
  await page.getByRole("menuitem", { name: "Move left" }).click();
  await expectStrip(page, ["Renamed", "Start"]);
  await boardMenu(page, "Move right");
  await expectStrip(page, ["Start", "Renamed"]);

  await tabs(page).first().focus();
  await page.keyboard.press("Control+Shift+ArrowRight");
  await expectStrip(page, ["Renamed", "Start"]);
  await expect(page.getByRole("tab", { name: "Start" })).toBeFocused();
  await page.keyboard.press("Control+Shift+ArrowLeft");
  await expectStrip(page, ["Start", "Renamed"]);
  await page.keyboard.press("Control+Shift+ArrowRight");
  await expectStrip(page, ["Renamed", "Start"]);
  await page.reload();
  await expectStrip(page, ["Renamed", "Start"]);
});

test("deletes a board after asking, shows its neighbour, and Undo brings it back with its notes", async ({ page }) => {
  const first = await freshWorkshop(page);
  await addBoard(page, "Doomed", /^Service path/);
  await addNote(page, "negative", "Goes and comes back");
  await addBoard(page, "After", /^Empty service path/);
  await tabs(page).nth(1).click();
  await expect(openTab(page)).toHaveText("Doomed");

  await boardMenu(page, "Delete…");
  const confirm = page.getByRole("dialog", { name: "Delete the board “Doomed”?" });
  await expect(confirm).toContainText("Its 1 note goes with it. Undo brings the board back whole.");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expectStrip(page, [first, "Doomed", "After"]);

  await boardMenu(page, "Delete…");
  await confirm.getByRole("button", { name: "Delete board" }).click();
  await expectStrip(page, [first, "After"]);
  await expect(openTab(page)).toHaveText(first);
  await expect(page.getByText("That board was not found")).toHaveCount(0);
  await expect(page.getByTestId("toast")).toHaveCount(0);

  await page.getByRole("button", { name: "Undo" }).click();
  await expectStrip(page, [first, "Doomed", "After"]);
  await page.getByRole("tab", { name: "Doomed" }).click();
  await expect(note(page, "Goes and comes back")).toBeVisible();
  for (let i = 0; i < 5; i++) await expect(station(page, i)).toBeVisible();

  // Ctrl+Z undoes a delete as well (the board's own keys are not in the way).
  await boardMenu(page, "Delete…");
  await confirm.getByRole("button", { name: "Delete board" }).click();
  await expectStrip(page, [first, "After"]);
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("Control+z");
  await expectStrip(page, [first, "Doomed", "After"]);
});

test("the last board cannot be deleted, and says why in the user's language", async ({ page }) => {
  await freshWorkshop(page);
  await boardMenu(page, "Delete…");
  await expect(page.getByText("A workshop keeps at least one board.")).toBeVisible();
  await expect(tabs(page)).toHaveCount(1);
});

test("a second window sees boards added, renamed, moved and deleted, and leaves a board deleted under it", async ({ page, context }) => {
  const first = await freshWorkshop(page);
  const other = await context.newPage();
  await other.goto(page.url());
  await expectStrip(other, [first]);
  const loads = countLoads(other);

  await page.bringToFront();
  await addBoard(page, "Added", /^Service path/);
  await expectStrip(other, [first, "Added"]);
  await boardMenu(page, "Rename");
  await page.keyboard.type("Named");
  await page.keyboard.press("Enter");
  await expectStrip(other, [first, "Named"]);
  await boardMenu(page, "Move left");
  await expectStrip(other, ["Named", first]);

  // The other window stands on "Named" with a note half typed when this one deletes it.
  await other.bringToFront();
  await other.getByRole("tab", { name: "Named" }).click();
  await other.getByRole("button", { name: "Add neutral note" }).click();
  await other.getByLabel("Text of the neutral note").fill("Half typed");
  await page.bringToFront();
  await boardMenu(page, "Delete…");
  await page.getByRole("button", { name: "Delete board" }).click();
  await expectStrip(other, [first]);
  await expect(openTab(other)).toHaveText(first);
  await expect(other.getByText("The board “Named” was deleted in another window.")).toBeVisible();
  await expect(other.getByText("That board was not found")).toHaveCount(0);
  await expect(note(other, "Half typed")).toHaveCount(0);
  expect(loads()).toBe(0);
});

test.describe("board operations on a touchscreen", () => {
  test.use({ hasTouch: true });

  test("a board is added by tapping, and the controls are finger-sized", async ({ page }) => {
    await freshWorkshop(page);
    for (const control of [page.getByTestId("add-board"), page.getByTestId("board-menu")]) {
      const box = await control.boundingBox();
      expect(box!.height).toBeGreaterThanOrEqual(44);
      expect(box!.width).toBeGreaterThanOrEqual(44);
    }
    await page.getByTestId("add-board").tap();
    const dialog = addDialog(page);
    await dialog.getByRole("radio", { name: /^Empty service path/ }).tap();
    await dialog.getByRole("button", { name: "Add board" }).tap();
    await expect(tabs(page)).toHaveCount(2);
    await expect(openTab(page)).toHaveText("Board 2");
    await page.getByTestId("board-menu").tap();
    await page.getByRole("menuitem", { name: "Move left" }).tap();
    await expect(tabs(page).first()).toHaveText("Board 2");
  });
});
