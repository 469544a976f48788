import { expect, test, type Locator, type Page } from "@playwright/test";
import { addNote, createWorkshop, note, position, unique, expectInLane } from "./helpers";

// Board geometry (ui/src/lib/board/geometry.ts): station i sits at FIRST_X + i * STEP_X.
const stationX = (i: number) => 160 + i * 260;
const NOTE_W = 200;

function saved(page: Page, command = "apply_op") {
  return page.waitForResponse((r) => r.url().endsWith(`/api/${command}`) && r.ok());
}

async function showOutline(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Outline", exact: true }).click();
  await expect(page.getByRole("region", { name: "Outline of the service path" })).toBeVisible();
}

function outlineNote(page: Page, text: string) {
  return page.getByTestId("outline-note").filter({ hasText: text });
}

test("a note added in the outline lands on the board under its touchpoint", async ({ page }) => {
  await createWorkshop(page, unique("Outline add"));
  await showOutline(page);
  // Headings: the touchpoints in path order, each numbered.
  await expect(page.getByRole("heading", { level: 3 })).toHaveCount(5);
  await expect(page.getByRole("heading", { level: 3 }).nth(2)).toHaveText(/3\s*Touchpoint 3:\s*Pause/);

  await page.getByRole("button", { name: "Add note at Pause" }).click();
  const form = page.getByRole("group", { name: "Add note at Pause" });
  await form.getByRole("button", { name: "Negative" }).click();
  await expect(form.getByRole("button", { name: "Negative" })).toHaveAttribute("aria-pressed", "true");
  const editor = form.getByLabel("Text of the negative note");
  await editor.fill("Nobody called back");
  const done = saved(page);
  await editor.press("Enter");
  await done;

  const pause = page.getByRole("region", { name: "Touchpoint 3: Pause" });
  const item = pause.getByTestId("outline-note").filter({ hasText: "Nobody called back" });
  await expect(item).toHaveAttribute("data-sentiment", "negative");
  // Sentiment is said in words and a symbol, not only by colour; the new note has the focus.
  await expect(item).toContainText("−");
  await expect(item).toContainText("Negative");
  await expect(pause.getByRole("button", { name: "Negative note: Nobody called back" })).toBeFocused();

  await page.getByRole("button", { name: "Board", exact: true }).click();
  const card = note(page, "Nobody called back");
  await expect(card).toBeVisible();
  await expect(card).toHaveAttribute("data-sentiment", "negative");
  expect((await position(card)).x + NOTE_W / 2).toBe(stationX(2));
});

test("edits in the outline reach the board and another tab", async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await createWorkshop(a, unique("Outline edit"));
  await addNote(a, "neutral", "Waiting room");
  await b.goto(a.url());
  await expect(note(b, "Waiting room")).toBeVisible();

  await showOutline(a);
  await a.getByRole("button", { name: "Neutral note: Waiting room" }).click();
  const editor = a.getByLabel("Text of the neutral note");
  await expect(editor).toBeFocused();
  await editor.fill("Waiting room was cold");
  let done = saved(a);
  await editor.press("Enter");
  await done;
  const item = outlineNote(a, "Waiting room was cold");
  await expect(item).toBeVisible();

  done = saved(a);
  await item.getByRole("button", { name: "Positive", exact: true }).click();
  await done;
  await expect(item).toHaveAttribute("data-sentiment", "positive");
  await expect(item.getByRole("button", { name: "Positive", exact: true })).toHaveAttribute("aria-pressed", "true");

  // The other tab (board view) sees both within a second.
  await expect(note(b, "Waiting room was cold")).toHaveAttribute("data-sentiment", "positive", { timeout: 1_000 });

  // Moving to another touchpoint: one op, into that column's first free slot.
  await item.getByLabel("Touchpoint").selectOption({ label: "5. Relationship ends" });
  done = saved(a);
  await item.getByRole("button", { name: "Move" }).click();
  await done;
  const ends = a.getByRole("region", { name: "Touchpoint 5: Relationship ends" });
  await expect(ends.getByTestId("outline-note")).toHaveText(/Waiting room was cold/);
  await expect(ends.getByRole("button", { name: "Positive note: Waiting room was cold" })).toBeFocused();
  await expect.poll(async () => (await position(note(b, "Waiting room was cold"))).x + NOTE_W / 2).toBe(stationX(4));

  await a.getByRole("button", { name: "Board", exact: true }).click();
  await expect(note(a, "Waiting room was cold")).toHaveAttribute("data-sentiment", "positive");
});

test("the outline works from the keyboard alone", async ({ page }) => {
  await createWorkshop(page, unique("Outline keys"));
  await addNote(page, "negative", "Form lost");
  await page.getByRole("button", { name: "Outline", exact: true }).focus();
  await page.keyboard.press("Enter");
  const item = page.getByRole("button", { name: "Negative note: Form lost" });
  await expect(item).toBeVisible();

  // Tab forward from the switch until the note is reached.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    if (await item.evaluate((el) => el === document.activeElement)) break;
  }
  await expect(item).toBeFocused();

  await page.keyboard.press("Enter");
  const editor = page.getByLabel("Text of the negative note");
  await expect(editor).toBeFocused();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("Form lost twice");
  await page.keyboard.press("Shift+Enter");
  await page.keyboard.type("by the office");
  let done = saved(page);
  await page.keyboard.press("Enter");
  await done;
  const edited = page.getByRole("button", { name: "Negative note: Form lost twice\nby the office" });
  await expect(edited).toBeFocused();

  // Esc gives up an edit; an emptied note keeps its text.
  await page.keyboard.press("Enter");
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Backspace");
  await page.keyboard.press("Enter");
  await expect(edited).toBeFocused();

  done = saved(page);
  await page.keyboard.press("Delete");
  await done;
  await expect(page.getByTestId("outline-note")).toHaveCount(0);
  // The focus stays in the touchpoint: on its add button.
  await expect(page.locator(":focus")).toHaveAccessibleName(/^Add note at /);

  done = saved(page, "undo");
  await page.keyboard.press("ControlOrMeta+Z");
  await done;
  await expect(outlineNote(page, "Form lost twice")).toBeVisible();
});

test("the outline view survives a reload and a visit to the list", async ({ page }) => {
  const title = unique("Outline stays");
  await createWorkshop(page, title);
  await showOutline(page);
  // The link names the board as well as the view.
  await expect(page).toHaveURL(/#\/w\/[^/]+\/b\/[^/]+\/outline$/);
  await expect(page.getByRole("button", { name: "Outline", exact: true })).toHaveAttribute("aria-pressed", "true");
  // Every control is a comfortable target.
  for (const control of await page.getByRole("region", { name: "Outline of the service path" }).getByRole("button").all()) {
    const box = await control.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
  }

  await page.reload();
  await expect(page.getByRole("region", { name: "Outline of the service path" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Outline", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("note")).toHaveCount(0);

  // Big-screen mode's larger targets reach the outline too.
  await page.getByRole("button", { name: "Big screen" }).click();
  const outline = page.getByRole("region", { name: "Outline of the service path" });
  for (const h of await outline.getByRole("button").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height))) {
    expect(h).toBeGreaterThan(63.9);
  }
  await page.getByRole("button", { name: "Big screen" }).click();

  // Back to the list and in again: this tab remembers the view.
  await page.getByRole("link", { name: "Workshops" }).click();
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("region", { name: "Outline of the service path" })).toBeVisible();

  await page.getByRole("button", { name: "Board", exact: true }).click();
  await expect(page).toHaveURL(/#\/w\/[^/]+\/b\/[^/]+$/);
  await page.reload();
  await expect(page.getByRole("region", { name: "Service path board" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Outline of the service path" })).toHaveCount(0);
});

test("touchpoints are renamed and deleted from the outline too, and the board follows", async ({ page }) => {
  await createWorkshop(page, unique("Outline touchpoints"));
  await addNote(page, "negative", "Queue at the door");
  await showOutline(page);
  const edit = page.getByRole("button", { name: "Edit touchpoint “First contact”…" });
  await edit.click();
  const panel = page.getByRole("dialog");
  const name = panel.getByLabel("Name");
  await name.fill("First call");
  const renamed = saved(page);
  await name.press("Enter");
  await renamed;
  await panel.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("heading", { level: 3 }).first()).toContainText("First call");
  const again = page.getByRole("button", { name: "Edit touchpoint “First call”…" });
  await expect(again).toBeFocused();

  // Deleting the touchpoint that holds the note: the outline asks, and the note is kept.
  const owner = (await page.getByTestId("outline-note").filter({ hasText: "Queue at the door" }).locator("xpath=ancestor::section[1]//h3").textContent()) ?? "";
  const ownerLabel = owner.replace(/^\d+\s*Touchpoint \d+:\s*/, "").replace(/\s*\(side station\)$/, "").trim();
  await page.getByRole("button", { name: `Edit touchpoint “${ownerLabel}”…` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete touchpoint…" }).click();
  const ask = page.getByRole("dialog");
  await ask.getByLabel("Keep on the board where they are, on no touchpoint").check();
  const deleted = saved(page);
  await ask.getByRole("button", { name: "Delete", exact: true }).click();
  await deleted;
  await expect(page.getByRole("heading", { level: 3 })).toHaveCount(4);
  const loose = page.getByRole("region", { name: "Not on the path" });
  await expect(loose.getByTestId("outline-note").filter({ hasText: "Queue at the door" })).toBeVisible();

  await page.getByRole("button", { name: "Board", exact: true }).click();
  await expect(note(page, "Queue at the door")).toBeVisible();
  await expect(page.getByTestId("station-head")).toHaveCount(4);
});

/** The board's header of a lane: it spans the lane's band from top to bottom. */
function laneHeader(page: Page, label: string): Locator {
  return page
    .getByRole("list", { name: "Lanes" })
    .getByRole("listitem")
    .filter({ has: page.getByRole("button", { name: `Lane: ${label}`, exact: true }) });
}


test("phases are renamed and notes change lanes from the outline, and the board follows", async ({ page }) => {
  await createWorkshop(page, unique("Outline lanes"));
  await addNote(page, "negative", "Queue at the door");
  await showOutline(page);
  const outline = page.getByRole("region", { name: "Outline of the service path" });
  const item = outlineNote(page, "Queue at the door");
  // A board without lanes: the outline offers to add one and says nothing of lanes otherwise.
  await expect(outline.getByRole("heading", { name: "Lanes" })).toHaveCount(0);
  await expect(item).not.toContainText("Lane");

  for (const label of ["Tunteet", "Ajatukset"]) {
    await outline.getByRole("button", { name: "Add lane", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Add a lane" });
    await dialog.getByLabel("Name of the lane").fill(label);
    const done = saved(page);
    await dialog.getByRole("button", { name: "Add", exact: true }).click();
    await done;
    await expect(dialog).toBeHidden();
    await expect(outline.getByRole("button", { name: `Edit lane “${label}”…` })).toBeFocused();
  }
  // The first lane did not swallow the note that was on the board: it has a row of its own.
  await expect(item).toContainText("Lane: Earlier notes");

  // The phase's heading stays a heading; its rename field is beside it.
  await outline.getByRole("button", { name: "Rename phase “Before the service”" }).click();
  const field = outline.getByLabel("Name of the phase");
  await expect(field).toBeFocused();
  await field.fill("First steps");
  let done = saved(page);
  await field.press("Enter");
  await done;
  await expect(outline.getByRole("heading", { level: 2, name: "First steps" })).toBeVisible();
  await expect(outline.getByRole("button", { name: "Rename phase “First steps”" })).toBeFocused();

  await item.getByLabel("Lane").selectOption({ label: "Ajatukset" });
  done = saved(page);
  await item.getByRole("button", { name: "Move" }).click();
  await done;
  await expect(item).toContainText("Lane: Ajatukset");
  await expect(outline.getByRole("button", { name: "Negative note: Queue at the door" })).toBeFocused();

  await page.getByRole("button", { name: "Board", exact: true }).click();
  await expect(page.getByRole("button", { name: "Phase: First steps. Rename" })).toHaveText("First steps");
  const card = note(page, "Queue at the door");
  await expectInLane(card, laneHeader(page, "Ajatukset"));

  // One undo takes the move back, lane and all.
  done = saved(page, "undo");
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await done;
  await expectInLane(card, laneHeader(page, "Earlier notes"));
  await showOutline(page);
  await expect(item).toContainText("Lane: Earlier notes");
  await expect(outline.getByRole("heading", { level: 2, name: "First steps" })).toBeVisible();
});
