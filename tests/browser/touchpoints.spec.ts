import { expect, test, type Locator, type Page } from "@playwright/test";
import { addNote, createWorkshop, note, TOUCHPOINTS, unique } from "./helpers";

function saved(page: Page, command = "apply_op") {
  return page.waitForResponse((r) => r.url().endsWith(`/api/${command}`) && r.ok());
}

function path(page: Page): Locator {
  return page.getByRole("list", { name: "Service path" });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A station's head: the button that opens its panel; `name` is its label. */
function head(page: Page, name: string): Locator {
  return path(page).getByRole("button", { name: new RegExp(`^Touchpoint \\d+:\\s+${escape(name)}`) });
}

async function centreX(l: Locator): Promise<number> {
  const box = await l.boundingBox();
  if (!box) throw new Error("not on screen");
  return box.x + box.width / 2;
}

/** The label of the station whose column the note is in, judged as a user would: by where it is drawn. */
async function columnOf(page: Page, card: Locator): Promise<string> {
  const x = await centreX(card);
  let best = { d: Infinity, label: "" };
  for (const h of await page.getByTestId("station-head").all()) {
    const d = Math.abs((await centreX(h)) - x);
    if (d < best.d) best = { d, label: (await h.locator(".name").textContent()) ?? "" };
  }
  return best.label;
}

async function showOutline(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Outline", exact: true }).click();
  await expect(page.getByRole("region", { name: "Outline of the service path" })).toBeVisible();
}

async function showBoard(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Board", exact: true }).click();
  await expect(page.getByTestId("station-head").first()).toBeVisible();
}

test("a touchpoint is renamed and described in its panel, and keeps both after a reload", async ({ page }) => {
  await createWorkshop(page, unique("Touchpoint panel"));
  await head(page, TOUCHPOINTS.en[1]).click();
  const panel = page.getByRole("dialog", { name: "Touchpoint 2 of 5" });
  await expect(panel).toBeVisible();
  const name = panel.getByLabel("Name", { exact: true });
  await expect(name).toBeFocused();
  await expect(name).toHaveValue(TOUCHPOINTS.en[1]);

  await name.fill("Intake meeting");
  let done = saved(page);
  await name.press("Enter");
  await done;
  await panel.getByLabel("Description").fill("The worker and the client meet.\nForms are filled in together.");
  done = saved(page);
  await panel.getByRole("button", { name: "Done" }).click();
  await done;
  await expect(panel).toBeHidden();
  // The focus is back on the station it was opened from.
  await expect(head(page, "Intake meeting")).toBeFocused();

  await page.reload();
  await expect(path(page).getByRole("listitem").nth(1)).toContainText("Intake meeting");
  await expect(head(page, TOUCHPOINTS.en[1])).toHaveCount(0);
  // The keyboard opens it too; Esc closes it and the focus returns.
  await head(page, "Intake meeting").focus();
  await page.keyboard.press("Enter");
  await expect(panel.getByLabel("Description")).toHaveValue("The worker and the client meet.\nForms are filled in together.");
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(head(page, "Intake meeting")).toBeFocused();

  // The outline reads the same touchpoint with its description.
  await showOutline(page);
  const section = page.getByRole("region", { name: "Touchpoint 2: Intake meeting" });
  await expect(section).toContainText("Forms are filled in together.");
});

test("a touchpoint moves along the path by keyboard and by dragging, and its notes go with it", async ({ page }) => {
  await createWorkshop(page, unique("Reorder"));
  // A note goes to the touchpoint whose head had the focus: the third one.
  await head(page, TOUCHPOINTS.en[2]).focus();
  const card = await addNote(page, "negative", "Waited three weeks");
  const label = await columnOf(page, card);
  const from = TOUCHPOINTS.en.indexOf(label);
  expect(from).toBeGreaterThanOrEqual(0);
  expect(from).toBeLessThan(4);
  const h = head(page, label);
  expect(Math.abs((await centreX(card)) - (await centreX(h)))).toBeLessThan(2);

  // Alt+Shift+→ moves the focused station one place right; the focus stays on it.
  await h.focus();
  let done = saved(page);
  await page.keyboard.press("Alt+Shift+ArrowRight");
  await done;
  await expect(h).toHaveAccessibleName(new RegExp(`^Touchpoint ${from + 2}:\\s+${escape(label)}`));
  await expect(h).toBeFocused();
  await expect(path(page).getByRole("listitem").nth(from + 1)).toContainText(label);
  await expect.poll(async () => Math.abs((await centreX(note(page, "Waited three weeks"))) - (await centreX(h)))).toBeLessThan(2);

  // Drag it with the mouse onto the first station's place: a marker shows where it will land.
  const target = await centreX(head(page, TOUCHPOINTS.en[0]));
  const box = await h.boundingBox();
  if (!box) throw new Error("head not on screen");
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width / 2, y);
  await page.mouse.down();
  await page.mouse.move((box.x + box.width / 2 + target) / 2, y, { steps: 6 });
  await page.mouse.move(target, y, { steps: 6 });
  const marker = page.getByTestId("drop-marker");
  await expect(marker).toBeAttached();
  expect(Math.abs((await centreX(marker)) - target)).toBeLessThan(4);
  done = saved(page);
  await page.mouse.up();
  await done;
  await expect(marker).not.toBeAttached();
  await expect(path(page).getByRole("listitem").first()).toContainText(label);
  await expect(h).toHaveAccessibleName(new RegExp(`^Touchpoint 1:\\s+${escape(label)}`));
  // The note followed its station to the front of the path.
  await expect.poll(async () => Math.abs((await centreX(note(page, "Waited three weeks"))) - (await centreX(h)))).toBeLessThan(2);
  expect(await columnOf(page, note(page, "Waited three weeks"))).toBe(label);

  // A mouse click without a drag still just opens the panel.
  await h.click();
  await expect(page.getByRole("dialog", { name: "Touchpoint 1 of 5" })).toBeVisible();
  await page.keyboard.press("Escape");

  await page.reload();
  await expect(path(page).getByRole("listitem").first()).toContainText(label);
  expect(await columnOf(page, note(page, "Waited three weeks"))).toBe(label);
});

test("deleting a touchpoint asks what happens to its notes; undo brings it back", async ({ page }) => {
  await createWorkshop(page, unique("Delete touchpoint"));
  const kept = await addNote(page, "neutral", "Keep me here");
  const first = await columnOf(page, kept);
  const before = await kept.boundingBox();

  // Keep them on the board, unattached: the note doesn't move.
  await head(page, first).focus();
  await page.keyboard.press("Delete");
  let dialog = page.getByRole("dialog", { name: `Delete touchpoint “${first}”?` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("It has 1 note.");
  await dialog.getByLabel("Keep on the board where they are, on no touchpoint").check();
  let done = saved(page);
  await dialog.getByRole("button", { name: "Delete" }).click();
  await done;
  await expect(dialog).toBeHidden();
  await expect(path(page).getByRole("listitem")).toHaveCount(4);
  await expect(head(page, first)).toHaveCount(0);
  expect(await note(page, "Keep me here").boundingBox()).toEqual(before);

  // Another one, its notes moved to the next touchpoint.
  const moved = await addNote(page, "negative", "Move me along");
  const second = await columnOf(page, moved);
  const labels = await page.getByTestId("station-head").locator(".name").allTextContents();
  const next = labels[labels.indexOf(second) + 1];
  expect(next).toBeTruthy();
  await head(page, second).click();
  await page.getByRole("dialog", { name: /^Touchpoint \d of 4$/ }).getByRole("button", { name: "Delete touchpoint…" }).click();
  dialog = page.getByRole("dialog", { name: `Delete touchpoint “${second}”?` });
  await dialog.getByLabel(`Move to the next touchpoint, “${next}”`).check();
  done = saved(page);
  await dialog.getByRole("button", { name: "Delete" }).click();
  await done;
  await expect(path(page).getByRole("listitem")).toHaveCount(3);
  await expect.poll(() => columnOf(page, note(page, "Move me along"))).toBe(next);
  // The focus went to the station that took its place.
  await expect(head(page, next)).toBeFocused();

  await showOutline(page);
  const nextSection = page.getByRole("region", { name: new RegExp(`^Touchpoint \\d:\\s+${escape(next)}`) });
  await expect(nextSection.getByTestId("outline-note").filter({ hasText: "Move me along" })).toHaveCount(1);
  // The first deleted touchpoint's note is on the board, on no touchpoint.
  await expect(page.getByRole("region", { name: "Not on the path" }).getByTestId("outline-note")).toHaveText([/Keep me here/]);
  await showBoard(page);

  // Undo restores the last deleted touchpoint with its note.
  done = saved(page, "undo");
  await page.getByRole("button", { name: "Undo" }).click();
  await done;
  await expect(path(page).getByRole("listitem")).toHaveCount(4);
  await expect(head(page, second)).toBeVisible();
  await expect.poll(() => columnOf(page, note(page, "Move me along"))).toBe(second);
});

test("a touchpoint without notes is deleted after a plain confirmation", async ({ page }) => {
  await createWorkshop(page, unique("Delete empty"));
  await head(page, TOUCHPOINTS.en[4]).focus();
  await page.keyboard.press("Delete");
  const dialog = page.getByRole("dialog", { name: `Delete touchpoint “${TOUCHPOINTS.en[4]}”?` });
  await expect(dialog).toContainText("It has no notes.");
  await expect(dialog.getByRole("radio")).toHaveCount(0);
  // The safe button has the focus: Enter cancels.
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(path(page).getByRole("listitem")).toHaveCount(5);
  await expect(head(page, TOUCHPOINTS.en[4])).toBeFocused();
  await page.keyboard.press("Delete");
  const done = saved(page);
  await dialog.getByRole("button", { name: "Delete" }).click();
  await done;
  await expect(path(page).getByRole("listitem")).toHaveCount(4);
});

test("a phase band is renamed in place", async ({ page }) => {
  await createWorkshop(page, unique("Phases"));
  const band = page.getByRole("button", { name: "Phase: During the service. Rename" });
  await expect(band).toHaveText("During the service");
  await band.click();
  const field = page.getByLabel("Name of the phase");
  await expect(field).toBeFocused();
  await field.fill("While the client is with us");
  const done = saved(page);
  await field.press("Enter");
  await done;
  const renamed = page.getByRole("button", { name: "Phase: While the client is with us. Rename" });
  await expect(renamed).toBeFocused();

  await page.reload();
  await expect(renamed).toHaveText("While the client is with us");
  // The outline groups its touchpoints under the same name.
  await showOutline(page);
  const group = page.getByRole("region", { name: "While the client is with us" });
  await expect(group.getByRole("heading", { level: 3 })).toHaveCount(3);
});

test("a phase is made and removed from a touchpoint's panel; its touchpoints stay", async ({ page }) => {
  await createWorkshop(page, unique("New phase"));
  await head(page, TOUCHPOINTS.en[4]).click();
  const panel = page.getByRole("dialog", { name: "Touchpoint 5 of 5" });
  await panel.getByRole("button", { name: "New phase…" }).click();
  await panel.getByLabel("Name of the new phase").fill("Follow-up");
  let done = saved(page);
  await panel.getByRole("button", { name: "Add phase" }).click();
  await done;
  await expect(panel.getByRole("combobox", { name: "Phase" })).toHaveValue(/.+/);
  await expect(panel.getByRole("combobox", { name: "Phase" }).locator("option:checked")).toHaveText("Follow-up");
  await expect(page.getByRole("button", { name: "Phase: Follow-up. Rename" })).toBeAttached();
  await expect(page.getByRole("button", { name: "Phase: After the service. Rename" })).toHaveCount(0);

  done = saved(page);
  await panel.getByRole("button", { name: "Delete phase “Follow-up”" }).click();
  await done;
  await expect(panel.getByRole("combobox", { name: "Phase" })).toHaveValue("");
  await expect(page.getByRole("button", { name: "Phase: Follow-up. Rename" })).toHaveCount(0);
  await page.keyboard.press("Escape");
  await expect(path(page).getByRole("listitem")).toHaveCount(5);
});

test("a side station is drawn off the main line and named as one", async ({ page }) => {
  await createWorkshop(page, unique("Side station"));
  const label = TOUCHPOINTS.en[3];
  const h = head(page, label);
  const id = await h.getAttribute("data-touchpoint-id");
  const mark = page.locator(`[data-testid="station"][data-touchpoint-id="${id}"]`);
  const neighbour = page.locator(`[data-testid="station"]`).nth(4);
  const circleY = async (l: Locator) => {
    const b = await l.locator("circle").boundingBox();
    return b ? b.y + b.height / 2 : NaN;
  };
  await expect(h).not.toHaveAccessibleName(/side station/);
  expect(Math.abs((await circleY(mark)) - (await circleY(neighbour)))).toBeLessThan(1);
  await expect(mark.locator(".detour")).toHaveCount(0);

  await h.click();
  const panel = page.getByRole("dialog", { name: "Touchpoint 4 of 5" });
  let done = saved(page);
  await panel.getByLabel("Side station").check();
  await done;
  await page.keyboard.press("Escape");

  await expect(h).toHaveAccessibleName(new RegExp(`^Touchpoint 4:\\s+${escape(label)}\\s+\\(side station\\)$`));
  await expect(mark).toHaveAttribute("data-side", "true");
  // Raised above the line the others sit on, on a detour of its own.
  expect(await circleY(mark)).toBeLessThan((await circleY(neighbour)) - 10);
  await expect(mark.locator(".detour")).toHaveCount(1);

  await page.reload();
  await expect(h).toHaveAccessibleName(/\(side station\)$/);
  await h.click();
  done = saved(page);
  await panel.getByLabel("Side station").uncheck();
  await done;
  await page.keyboard.press("Escape");
  await expect(h).not.toHaveAccessibleName(/side station/);
  expect(Math.abs((await circleY(mark)) - (await circleY(neighbour)))).toBeLessThan(1);
});

test("touchpoints are added at the end of the path and after another one", async ({ page }) => {
  await createWorkshop(page, unique("Add touchpoints"));
  await page.getByRole("button", { name: "Add touchpoint", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "New touchpoint" });
  await dialog.getByLabel("Name").fill("Feedback call");
  let done = saved(page);
  await dialog.getByRole("button", { name: "Add", exact: true }).click();
  await done;
  await expect(dialog).toBeHidden();
  await expect(path(page).getByRole("listitem")).toHaveCount(6);
  await expect(path(page).getByRole("listitem").nth(5)).toContainText("Feedback call");
  await expect(head(page, "Feedback call")).toBeFocused();

  await head(page, TOUCHPOINTS.en[0]).click();
  const panel = page.getByRole("dialog", { name: "Touchpoint 1 of 6" });
  await panel.getByLabel("New touchpoint after this one").fill("Waiting for a call back");
  done = saved(page);
  await panel.getByRole("button", { name: "Add after" }).click();
  await done;
  await page.keyboard.press("Escape");
  await expect(path(page).getByRole("listitem")).toHaveCount(7);
  await expect(path(page).getByRole("listitem").nth(1)).toContainText("Waiting for a call back");
  await expect(path(page).getByRole("listitem").nth(2)).toContainText(TOUCHPOINTS.en[1]);
});
