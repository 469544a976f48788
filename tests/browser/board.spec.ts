import { expect, test } from "@playwright/test";
import { addNote, createWorkshop, dragBy, note, position, TOUCHPOINTS, typeNote, unique } from "./helpers";

test("a group's notes survive a drag, an edit, an undo and a reload", async ({ page }) => {
  const title = unique("Family services");
  await createWorkshop(page, title);

  // The template's five touchpoints are on the path, in order.
  const path = page.getByRole("list", { name: "Service path" });
  await expect(path.getByRole("listitem")).toHaveCount(5);
  for (const [i, label] of TOUCHPOINTS.en.entries()) {
    await expect(path.getByRole("listitem").nth(i)).toContainText(label);
  }

  await addNote(page, "negative", "Long queue on the phone");
  await addNote(page, "neutral", "The form was fine");
  await addNote(page, "positive", "Friendly worker");
  await expect(page.getByTestId("note")).toHaveCount(3);
  // Colour is never alone: each note names its sentiment and shows its symbol.
  await expect(page.getByRole("button", { name: "Negative note: Long queue on the phone" })).toBeVisible();
  await expect(note(page, "Long queue")).toContainText("−");
  await expect(note(page, "form was fine")).toContainText("○");
  await expect(note(page, "Friendly")).toContainText("+");

  // Drag the positive note to the right and down.
  const friendly = note(page, "Friendly worker");
  const before = await position(friendly);
  await dragBy(page, friendly, 280, 60);
  const dragged = await position(friendly);
  expect(dragged.x).toBeGreaterThan(before.x + 100);
  expect(dragged.y).toBeGreaterThan(before.y + 20);

  // Edit the neutral note in place, then undo the edit.
  await note(page, "The form was fine").dblclick();
  const editor = page.getByLabel("Text of the neutral note");
  await editor.fill("The form was confusing");
  let saved = page.waitForResponse((r) => r.url().endsWith("/api/apply_op") && r.ok());
  await editor.press("Enter");
  await saved;
  await expect(note(page, "The form was confusing")).toBeVisible();

  saved = page.waitForResponse((r) => r.url().endsWith("/api/undo") && r.ok());
  await page.getByRole("button", { name: "Undo" }).click();
  await saved;
  await expect(note(page, "The form was fine")).toBeVisible();
  await expect(note(page, "The form was confusing")).toHaveCount(0);
  // The redo of that edit is now possible.
  await expect(page.getByRole("button", { name: "Redo" })).toBeEnabled();

  await page.reload();
  await expect(page.getByTestId("note")).toHaveCount(3);
  await expect(note(page, "Long queue on the phone")).toHaveAttribute("data-sentiment", "negative");
  await expect(note(page, "The form was fine")).toHaveAttribute("data-sentiment", "neutral");
  await expect(note(page, "Friendly worker")).toHaveAttribute("data-sentiment", "positive");
  await expect(note(page, "The form was confusing")).toHaveCount(0);
  expect(await position(note(page, "Friendly worker"))).toEqual(dragged);
  // Undo history is kept for this tab across the reload: redo brings the undone edit back.
  await expect(page.getByRole("button", { name: "Redo" })).toBeEnabled();
  const redone = page.waitForResponse((r) => r.url().endsWith("/api/redo") && r.ok());
  await page.getByRole("button", { name: "Redo" }).click();
  await redone;
  await expect(note(page, "The form was confusing")).toBeVisible();
  await expect(note(page, "The form was fine")).toHaveCount(0);
});

test("a note is usable from the keyboard alone", async ({ page }) => {
  await createWorkshop(page, unique("Keyboard"));
  const card = await addNote(page, "neutral", "Typed only");
  // Enter saved the note and left the focus on it.
  await expect(card).toBeFocused();
  const start = await position(card);

  let saved = page.waitForResponse((r) => r.url().endsWith("/api/apply_op") && r.ok());
  await page.keyboard.press("ArrowDown");
  await saved;
  await expect.poll(async () => (await position(note(page, "Typed only"))).y).toBe(start.y + 10);
  await expect(note(page, "Typed only")).toBeFocused();

  // Change its sentiment with the palette shown for the focused note.
  saved = page.waitForResponse((r) => r.url().endsWith("/api/apply_op") && r.ok());
  await page.getByRole("group", { name: "Tone of the note" }).getByRole("button", { name: "Positive" }).click();
  await saved;
  await expect(note(page, "Typed only")).toHaveAttribute("data-sentiment", "positive");

  // Ctrl+Z outside a text field undoes the sentiment change.
  await note(page, "Typed only").focus();
  saved = page.waitForResponse((r) => r.url().endsWith("/api/undo") && r.ok());
  await page.keyboard.press("Control+z");
  await saved;
  await expect(note(page, "Typed only")).toHaveAttribute("data-sentiment", "neutral");

  // Emptying the text keeps the old text and says why.
  await note(page, "Typed only").focus();
  await page.keyboard.press("Enter");
  await page.getByLabel("Text of the neutral note").fill("   ");
  await page.keyboard.press("Enter");
  await expect(note(page, "Typed only")).toBeVisible();
  await expect(page.getByText("A note can't be empty")).toBeVisible();

  // Delete removes the focused note.
  await note(page, "Typed only").focus();
  saved = page.waitForResponse((r) => r.url().endsWith("/api/apply_op") && r.ok());
  await page.keyboard.press("Delete");
  await saved;
  await expect(page.getByTestId("note")).toHaveCount(0);
});

test("Escape gives up a new note without saving anything", async ({ page }) => {
  await createWorkshop(page, unique("Escape"));
  await page.getByRole("button", { name: "Add negative note" }).click();
  await page.getByLabel("Text of the negative note").fill("never mind");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("note-draft")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Add negative note" })).toBeFocused();
  await page.reload();
  await expect(page.getByText(TOUCHPOINTS.en[0], { exact: true })).toBeVisible();
  await expect(page.getByTestId("note")).toHaveCount(0);
});

test("a note whose save fails keeps its text until it can be saved", async ({ page }) => {
  await createWorkshop(page, unique("Offline"));
  // Cut the line to the server for saves only; the server itself stays real.
  await page.route("**/api/apply_op", (route) => route.abort("internetdisconnected"));
  await page.getByRole("button", { name: "Add positive note" }).click();
  const editor = page.getByLabel("Text of the positive note");
  await editor.fill("Worth keeping");
  await editor.press("Enter");
  await expect(page.getByText("Polku can't be reached right now")).toBeVisible();
  await expect(editor).toHaveValue("Worth keeping");
  await expect(page.getByTestId("note")).toHaveCount(0);

  await page.unroute("**/api/apply_op");
  const saved = page.waitForResponse((r) => r.url().endsWith("/api/apply_op") && r.ok());
  await editor.press("Enter");
  await saved;
  await expect(note(page, "Worth keeping")).toBeVisible();
  await page.reload();
  await expect(note(page, "Worth keeping")).toHaveAttribute("data-sentiment", "positive");
});

test("holding Space, a drag pans the board, also when it starts on a note, and moves no note", async ({ page }) => {
  await createWorkshop(page, unique("Space pan"));
  const card = await addNote(page, "neutral", "Stays put");
  const before = await position(card);
  const world = page.locator(".world");
  const transform = () => world.evaluate((el) => (el as HTMLElement).style.transform);
  const start = await transform();
  let ops = 0;
  page.on("request", (r) => {
    if (r.url().endsWith("/api/apply_op")) ops++;
  });
  // Off the note first: on a focused note Space selects it instead.
  const board = (await page.getByRole("region", { name: "Service path board" }).boundingBox())!;
  await page.mouse.click(board.x + board.width / 2, board.y + board.height - 150);
  const box = (await card.boundingBox())!;
  await page.keyboard.down("Space");
  await page.mouse.move(box.x + box.width / 2, box.y + 20);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 60, box.y + 60, { steps: 4 });
  await page.mouse.move(box.x + box.width / 2 + 120, box.y + 100, { steps: 4 });
  await page.mouse.up();
  await page.keyboard.up("Space");
  await expect.poll(transform).not.toBe(start);
  const moved = (await card.boundingBox())!;
  expect(Math.round(moved.x - box.x)).toBe(120);
  expect(Math.round(moved.y - box.y)).toBe(80);
  expect(await position(card)).toEqual(before);
  expect(ops).toBe(0);
  // Without Space the same drag moves the note again.
  await page.mouse.move(moved.x + moved.width / 2, moved.y + 20);
  await page.mouse.down();
  await page.mouse.move(moved.x + moved.width / 2 + 80, moved.y + 20, { steps: 6 });
  await page.mouse.up();
  await expect.poll(async () => (await position(card)).x).not.toBe(before.x);
});

test("Tab goes along the path: each touchpoint, then its notes, then the next touchpoint", async ({ page }) => {
  await createWorkshop(page, unique("Tab order"));
  const card = await addNote(page, "positive", "Under its station");
  const owner = await card.evaluate((el) => {
    const x = Number((el as HTMLElement).dataset.x) + 100;
    return Math.round((x - 160) / 260);
  });
  await page.getByTestId("station-head").first().focus();
  const seen: string[] = [];
  for (let i = 0; i < 8; i++) {
    seen.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        if (el.dataset.testid === "station-head") return `head ${Number(el.dataset.index) + 1}`;
        if (el.dataset.testid === "note") return `note ${el.querySelector(".text")?.textContent}`;
        return el.dataset.testid ?? el.tagName;
      }),
    );
    if (seen[seen.length - 1] === "add-touchpoint") break;
    await page.keyboard.press("Tab");
  }
  const expected = ["head 1", "head 2", "head 3", "head 4", "head 5"];
  expected.splice(owner + 1, 0, "note Under its station");
  expect(seen).toEqual([...expected, "add-touchpoint"]);
  // And back: Shift+Tab from the next head lands on the note again.
  await page.getByTestId("station-head").nth(owner + 1).focus();
  await page.keyboard.press("Shift+Tab");
  await expect(card).toBeFocused();
});

test("a toolbar note goes to the focused touchpoint, else the first, and says where before it is saved", async ({ page }) => {
  await createWorkshop(page, unique("Where notes go"));
  // Whatever is in the middle of the view, a first note goes to the first touchpoint.
  await page.getByRole("button", { name: "Add negative note" }).click();
  await expect(page.getByTestId("draft-place")).toHaveText(`At: ${TOUCHPOINTS.en[0]}`);
  await expect(page.getByTestId("place-status")).toHaveText(`New note at “${TOUCHPOINTS.en[0]}”. Drag it, or move it from its menu.`);
  await typeNote(page, "negative", "No idea where to call");
  await expect(page.getByTestId("touchpoint-counts").first()).toHaveAccessibleName(/1 negative note/);

  // A touchpoint's head had the focus: the next note goes there.
  const closer = page.getByTestId("station-head").filter({ hasText: TOUCHPOINTS.en[3] });
  await closer.focus();
  await page.getByRole("button", { name: "Add positive note" }).click();
  await expect(page.getByTestId("draft-place")).toHaveText(`At: ${TOUCHPOINTS.en[3]}`);
  await typeNote(page, "positive", "Own worker");
  await expect(page.getByTestId("touchpoint-counts").nth(3)).toHaveAccessibleName(/1 positive note/);
});

test("a note dropped onto another settles just below it, so no text is covered", async ({ page }) => {
  await createWorkshop(page, unique("No covering"));
  const a = await addNote(page, "negative", "Queue on the phone");
  // B under the second touchpoint: its head had the focus.
  await page.getByTestId("station-head").nth(1).focus();
  const b = await addNote(page, "positive", "Kind receptionist");
  const boxA = (await a.boundingBox())!;
  const boxB = (await b.boundingBox())!;
  // Drop B right on top of A.
  await dragBy(page, b, boxA.x - boxB.x, boxA.y - boxB.y + 10);
  const [na, nb] = [(await a.boundingBox())!, (await b.boundingBox())!];
  expect(nb.y, "below A, not over it").toBeGreaterThanOrEqual(na.y + na.height - 1);
  expect(Math.abs(nb.x - na.x)).toBeLessThan(4);
  await page.reload();
  const [ra, rb] = [(await note(page, "Queue on the phone").boundingBox())!, (await note(page, "Kind receptionist").boundingBox())!];
  expect(rb.y).toBeGreaterThanOrEqual(ra.y + ra.height - 1);
});
