import { readFileSync, writeFileSync } from "node:fs";
import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { addDialog, boardMenu, expectStrip, openTab } from "./board-ops";
import { newWorkshopName, unique } from "./helpers";
import { fromTemplate } from "./library";

// A facilitator's own templates: a board or a whole workshop saved as its structure, offered where
// templates are picked (marked as their own), shared as a file and imported again, deleted after a
// yes. Nothing written on the boards goes into a template.

type Board = {
  id: string;
  kind: string;
  title: string;
  phases: { id: string; label: string; stacked: boolean; caption: string }[];
  touchpoints: { id: string; label: string; phase_id: string | null; side_station: boolean }[];
  lanes: { label: string; line_above: string }[];
  notes: { text: string }[];
};
type Workshop = { id: string; boards: Board[]; sessions: { fields: { title: string; agenda: { title: string }[] } }[] };

async function workshop(request: APIRequestContext, id: string): Promise<Workshop> {
  const r = await request.post("/api/open_workshop", { data: { id } });
  expect(r.ok()).toBe(true);
  return r.json();
}

/** What a board is made of, by its words: what a template must carry over, and nothing else. */
function shape(b: Board) {
  const phase = (id: string | null) => b.phases.findIndex((p) => p.id === id);
  return {
    kind: b.kind,
    phases: b.phases.map((p) => [p.label, p.stacked, p.caption]),
    touchpoints: b.touchpoints.map((t) => [t.label, phase(t.phase_id), t.side_station]),
    lanes: b.lanes.map((l) => [l.label, l.line_above]),
  };
}

/** A note with `text` in the board's first box or column, written through the API as the page does. */
async function addNote(request: APIRequestContext, w: Workshop, board: Board, text: string): Promise<void> {
  const note = { id: crypto.randomUUID(), board_id: board.id, touchpoint_id: board.touchpoints[0].id, lane_id: null, kind: "idea", sentiment: null, text, x: 0, y: 20 };
  const op = { type: "create_note", note };
  const r = await request.post("/api/apply_op", { data: { workshop_id: w.id, op_id: crypto.randomUUID(), client_id: "e2e-own-templates", undo: "skip", op } });
  expect(r.ok(), await r.text()).toBe(true);
}

/** The card of the template named `name` in a picker, with its actions under it. */
const choice = (page: Page, name: string, scope: Page | Locator = page) =>
  scope.locator(".choice").filter({ has: page.getByRole("radio", { name, exact: true }) });

async function saveAsTemplate(page: Page, heading: string, offered: string, name: string, description: string): Promise<void> {
  const dialog = page.getByRole("dialog", { name: heading });
  await expect(dialog).toBeVisible();
  const nameField = dialog.getByLabel("Template name");
  await expect(nameField).toHaveValue(offered);
  await expect(dialog.getByLabel("What it is for (one line)")).toHaveValue(offered);
  await nameField.fill(name);
  await dialog.getByLabel("What it is for (one line)").fill(description);
  await dialog.getByRole("button", { name: "Save template" }).click();
  await expect(dialog).toBeHidden();
}

test("a board saved as a template from its menu is offered as your own, and makes the same board without its notes", async ({ page, request }) => {
  const ws = fromTemplate("co-development-five-sessions", unique("Spring"));
  const before = await workshop(request, ws);
  const canvas = before.boards.find((b) => b.kind === "journey_canvas")!;
  await addNote(request, before, canvas, "What Aino told us 7731");

  await page.goto(`/#/w/${ws}`);
  await page.getByRole("tab", { name: canvas.title }).click();
  await expect(openTab(page)).toHaveText(canvas.title);
  // A box renamed by the group: the template keeps the group's words.
  await page.getByRole("button", { name: "Box: Advertisement / PR. Settings" }).click();
  await page.getByRole("textbox", { name: "Name" }).fill("Municipal leaflets");
  await page.getByRole("textbox", { name: "Name" }).press("Enter");
  await page.getByRole("button", { name: "Done" }).click();

  const name = unique("Our canvas");
  await boardMenu(page, "Save board as template…");
  await saveAsTemplate(page, "Save board as template", canvas.title, name, "The canvas with our own boxes");
  await expect(page.getByTestId("toast").filter({ hasText: `“${name}” is saved as a template. Pick it when you add a board.` })).toBeVisible();

  await page.getByTestId("add-board").click();
  const dialog = addDialog(page);
  const card = choice(page, name, dialog);
  await expect(card).toBeVisible();
  await expect(card.getByText("Your own", { exact: true })).toBeVisible();
  await expect(card.locator('svg.preview[data-kind="journey_canvas"]')).toBeVisible();
  await expect(card.getByText("The canvas with our own boxes")).toBeVisible();
  await dialog.getByRole("radio", { name, exact: true }).check();
  await expect(dialog.getByLabel("Name of the board")).toHaveValue(`${canvas.title} 2`);
  await dialog.getByRole("button", { name: "Add board" }).click();
  await expect(dialog).toBeHidden();
  await expect(openTab(page)).toHaveText(`${canvas.title} 2`);
  await expect(page.getByRole("button", { name: "Box: Municipal leaflets. Settings" })).toBeVisible();

  const after = await workshop(request, ws);
  const original = after.boards.find((b) => b.id === canvas.id)!;
  const made = after.boards.find((b) => b.title === `${canvas.title} 2`)!;
  expect(shape(made)).toEqual(shape(original));
  expect(original.notes.map((n) => n.text)).toContain("What Aino told us 7731");
  expect(made.notes).toEqual([]);

  // One undo step takes the new board away.
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("tab", { name: `${canvas.title} 2` })).toHaveCount(0);
  await deleteTemplate(page, dialogCard(page, name), name);
  await expect(choice(page, name, addDialog(page))).toHaveCount(0);
  await expect(addDialog(page).getByRole("radio", { name: "Service path", exact: true })).toBeChecked();
});

/** The add dialog opened again, for the card of `name`. */
function dialogCard(page: Page, name: string): () => Promise<Locator> {
  return async () => {
    await page.getByTestId("add-board").click();
    return choice(page, name, addDialog(page));
  };
}

/** Deletes the own template in the card `open` gives, saying no the first time and yes the second. */
async function deleteTemplate(page: Page, open: () => Promise<Locator>, name: string): Promise<void> {
  const card = await open();
  await card.getByRole("button", { name: `Delete the template ${name}` }).click();
  const confirm = page.getByRole("dialog", { name: `Delete the template “${name}”?` });
  await expect(confirm).toBeVisible();
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(card).toBeVisible();
  await card.getByRole("button", { name: `Delete the template ${name}` }).click();
  await confirm.getByRole("button", { name: "Delete template" }).click();
  await expect(confirm).toBeHidden();
}

test("a workshop saved as a template makes new workshops, goes to a file, comes back from it, and is deleted after a yes", async ({ page, request }, info) => {
  const title = unique("Autumn programme");
  const ws = fromTemplate("co-development-five-sessions", title);
  const original = await workshop(request, ws);
  await addNote(request, original, original.boards[0], "Pekka's story 4417");

  await page.goto("/");
  await page.getByRole("button", { name: `Save ${title} as a template` }).click();
  const name = unique("Our five sessions");
  await saveAsTemplate(page, "Save workshop as template", title, name, "Five meetings, as we ran them");
  await expect(page.getByTestId("toast").filter({ hasText: `“${name}” is saved as a template. Pick it when you create a workshop.` })).toBeVisible();

  // The template is offered in the new-workshop form.
  const workshopName = await newWorkshopName(page);
  const card = choice(page, name);
  await expect(card.getByText("Your own", { exact: true })).toBeVisible();
  await expect(card.getByText("5 sessions")).toBeVisible();
  await expect(card.locator("svg.preview")).toHaveCount(4);
  const made = unique("From our own");
  await workshopName.fill(made);
  await page.getByRole("radio", { name, exact: true }).check();
  await page.getByRole("button", { name: "Create workshop" }).click();
  await expect(page.getByRole("heading", { level: 1, name: made })).toBeVisible();
  await expectStrip(page, original.boards.map((b) => b.title));
  const id = /#\/w\/([0-9a-f-]{36})/.exec(page.url())![1];
  const copy = await workshop(request, id);
  expect(copy.boards.map(shape)).toEqual(original.boards.map(shape));
  expect(copy.sessions.map((s) => s.fields.agenda.map((a) => a.title))).toEqual(original.sessions.map((s) => s.fields.agenda.map((a) => a.title)));
  expect(copy.boards.flatMap((b) => b.notes)).toEqual([]);

  // Shared as a file: downloaded, then imported again as a second copy, picked for the next workshop.
  await page.goto("/");
  await newWorkshopName(page);
  const downloading = page.waitForEvent("download");
  await choice(page, name).getByRole("button", { name: `Download the template file of ${name}` }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${name}.polku-template`);
  const file = info.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const text = readFileSync(file, "utf8");
  expect(JSON.parse(text)).toMatchObject({ format: "polku.template", version: 1, kind: "workshop" });
  expect(text).not.toContain("Pekka's story 4417");

  const choosing = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Import template file…" }).click();
  await (await choosing).setFiles(file);
  await expect(page.getByTestId("toast").filter({ hasText: `The template “${name}” was imported` })).toBeVisible();
  await expect(choice(page, name)).toHaveCount(2);
  await expect(page.getByRole("radio", { name, exact: true }).nth(1)).toBeChecked();

  // A damaged file is refused in one line, and nothing is added.
  const bad = info.outputPath("damaged.polku-template");
  writeFileSync(bad, text.slice(0, text.length / 2));
  const again = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Import template file…" }).click();
  await (await again).setFiles(bad);
  await expect(page.getByTestId("toast").filter({ hasText: "This file isn't a Polku template, or it is damaged. Nothing was imported." })).toBeVisible();
  await expect(choice(page, name)).toHaveCount(2);

  const first = async () => choice(page, name).first();
  await deleteTemplate(page, first, name);
  await expect(choice(page, name)).toHaveCount(1);
  await (await first()).getByRole("button", { name: `Delete the template ${name}` }).click();
  await page.getByRole("dialog", { name: `Delete the template “${name}”?` }).getByRole("button", { name: "Delete template" }).click();
  await expect(choice(page, name)).toHaveCount(0);
  await expect(page.getByRole("radio", { name: "Service path", exact: true })).toBeChecked();
});
