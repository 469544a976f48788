import { readFileSync } from "node:fs";
import { expect, test, type Download, type Locator, type Page } from "@playwright/test";
import { addNote, createWorkshop, unique } from "./helpers";
import { importWorkshop } from "./library";

// The export dialog against the real server: the page count, the files that come out (read back
// byte by byte), cancel, and the keyboard. Setup that is not what a test is about (a Finnish or a
// very big workshop) goes through the API, as another client would.

const exportButton = (page: Page) => page.getByRole("button", { name: "Export", exact: true });
const dialog = (page: Page) => page.getByRole("dialog", { name: "Export the workshop" });
const startButton = (page: Page) => dialog(page).getByRole("button", { name: "Export", exact: true });
const count = (page: Page) => page.getByTestId("export-pages");
const workshopIdOf = (page: Page) => /#\/w\/([0-9a-f-]+)/.exec(page.url())![1];

async function openExport(page: Page): Promise<Locator> {
  await exportButton(page).click();
  await expect(dialog(page)).toBeVisible();
  return dialog(page);
}

/** The page count once the server has answered for the options now shown. */
async function pagesAfter(page: Page, change: () => Promise<unknown>): Promise<number> {
  const answered = page.waitForResponse((r) => r.url().endsWith("/api/preview_export") && r.ok());
  await change();
  const { pages } = await (await answered).json();
  await expect(count(page)).toHaveText(pages === 1 ? "1 page" : `${pages} pages`);
  return pages;
}

async function bytesOf(download: Download): Promise<Buffer> {
  return readFileSync(await download.path());
}

/** A workshop made through the API in `language`, opened in the (English) UI. */
async function apiWorkshop(page: Page, title: string, language: "fi" | "en" | "sv"): Promise<string> {
  await page.goto("/");
  const res = await page.request.post("/api/create_workshop", { data: { title, language } });
  expect(res.ok()).toBe(true);
  const { id } = await res.json();
  return id;
}

/** Adds `n` notes through the API in batches (the server takes at most 1,000 ops in one). */
async function apiNotes(page: Page, workshopId: string, n: number, text: (i: number) => string): Promise<void> {
  const opened = await (await page.request.post("/api/open_workshop", { data: { id: workshopId } })).json();
  const board = opened.boards[0];
  const touchpoints = board.touchpoints.map((t: { id: string }) => t.id);
  const clientId = crypto.randomUUID();
  for (let start = 0; start < n; start += 500) {
    const ops = [];
    for (let i = start; i < Math.min(n, start + 500); i++) {
      ops.push({
        type: "create_note",
        note: {
          id: crypto.randomUUID(),
          board_id: board.id,
          touchpoint_id: touchpoints[i % touchpoints.length],
          lane_id: null,
          persona_id: null,
          kind: "observation",
          sentiment: (["negative", "neutral", "positive"] as const)[i % 3],
          text: text(i),
          x: ((i / 5) % 6) * 10,
          y: Math.floor(i / 30) * 10,
        },
      });
    }
    const res = await page.request.post("/api/apply_op", {
      data: { workshop_id: workshopId, op_id: crypto.randomUUID(), client_id: clientId, undo: "skip", op: { type: "batch", ops } },
    });
    expect(res.ok(), await res.text()).toBe(true);
  }
}

async function openBoard(page: Page, id: string, title: string): Promise<void> {
  await page.goto(`/#/w/${id}`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

test("the page count follows the options, the choices are remembered, and a PDF downloads", async ({ page }) => {
  const title = unique("Export PDF");
  await createWorkshop(page, title);
  await addNote(page, "negative", "The letter was hard to read");
  await addNote(page, "positive", "Kind voice on the phone");

  const d = await openExport(page);
  await expect(d.getByRole("radio", { name: "PDF report" })).toBeChecked();
  await expect(d.getByRole("radio", { name: "PDF report" })).toBeFocused();
  await expect(count(page)).toHaveText(/^\d+ pages?$/);
  const a4 = Number((await count(page).textContent())!.split(" ")[0]);
  expect(a4).toBeGreaterThan(1);

  // At a readable size, a board takes more than one page; fitted it takes one.
  const tiled = await pagesAfter(page, () => d.getByRole("radio", { name: "Tile across pages (to tape together)" }).check());
  expect(tiled).toBeGreaterThan(a4);
  const a3 = await pagesAfter(page, () => d.getByRole("radio", { name: "A3" }).check());
  expect(a3).toBeLessThan(tiled);
  const noCover = await pagesAfter(page, () => d.getByRole("checkbox", { name: "Cover page" }).uncheck());
  expect(noCover).toBe(a3 - 1);
  await pagesAfter(page, () => d.getByRole("checkbox", { name: "Cover page" }).check());
  await d.getByLabel("Facilitator (optional)").fill("Aino Ärväs");
  await d.getByLabel("Number of participants (optional)").fill("12");
  await expect(d.getByText("Participants' names are never printed.")).toBeVisible();

  // Esc closes; the choices are there again next time (per workshop, in this browser).
  await page.keyboard.press("Escape");
  await expect(dialog(page)).toBeHidden();
  await expect(exportButton(page)).toBeFocused();
  await openExport(page);
  await expect(d.getByRole("radio", { name: "A3" })).toBeChecked();
  await expect(d.getByRole("radio", { name: "Tile across pages (to tape together)" })).toBeChecked();
  await expect(d.getByLabel("Facilitator (optional)")).toHaveValue("Aino Ärväs");
  await expect(d.getByLabel("Number of participants (optional)")).toHaveValue("12");
  await expect(count(page)).toHaveText(`${a3} pages`);

  const download = page.waitForEvent("download");
  const started = page.waitForRequest((r) => r.url().endsWith("/api/start_export"));
  await startButton(page).click();
  const sent = (await started).postDataJSON();
  expect(sent.format).toBe("pdf");
  expect(sent.pdf).toMatchObject({ paper: "a3", poster: "tile", facilitator: "Aino Ärväs", participants: 12 });
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.pdf$/);
  expect(file.suggestedFilename()).toContain(title);
  expect((await bytesOf(file)).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  await expect(page.getByTestId("toast").filter({ hasText: `Saved ${file.suggestedFilename()}` })).toBeVisible();
  await expect(dialog(page)).toBeHidden();
  await expect(exportButton(page)).toBeFocused();
});

test("a Finnish workshop's table is UTF-8 with a BOM and ';' between fields", async ({ page }) => {
  const title = unique("Vienti");
  const id = await apiWorkshop(page, title, "fi");
  await apiNotes(page, id, 3, (i) => `Lappu ${i}: ääkköset, ja pilkku`);
  await openBoard(page, id, title);

  const d = await openExport(page);
  await d.getByRole("radio", { name: "Table (CSV)" }).check();
  await expect(d.getByText("Opens in Excel; one row per note.")).toBeVisible();
  // Only a PDF has pages and parts.
  await expect(count(page)).toHaveCount(0);
  await expect(d.getByRole("checkbox", { name: "Cover page" })).toHaveCount(0);

  const download = page.waitForEvent("download");
  await startButton(page).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.csv$/);
  const bytes = await bytesOf(file);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString("utf8").split(/\r?\n/);
  expect(lines[0].startsWith("Työpaja;Taulu;")).toBe(true);
  expect(lines[0]).not.toContain(",");
  expect(lines.filter((l) => l.includes("ääkköset, ja pilkku"))).toHaveLength(3);
  await expect(page.getByTestId("toast").filter({ hasText: "Saved" })).toBeVisible();
});

test("with no part ticked, Export is off and the dialog says why", async ({ page }) => {
  await createWorkshop(page, unique("No parts"));
  const d = await openExport(page);
  await expect(count(page)).toHaveText(/pages?$/);
  for (const part of ["Cover page", "Boards", "Personas", "Walkthroughs", "Summary"]) {
    await d.getByRole("checkbox", { name: part }).uncheck();
  }
  const why = d.getByRole("alert");
  await expect(why).toHaveText("Tick at least one part to export.");
  await expect(startButton(page)).toBeDisabled();
  await expect(startButton(page)).toHaveAccessibleDescription("Tick at least one part to export.");
  await expect(count(page)).toHaveCount(0);

  // A table needs no parts; back on the PDF the reason is there again.
  await d.getByRole("radio", { name: "Excel workbook (.xlsx)" }).check();
  await expect(startButton(page)).toBeEnabled();
  await d.getByRole("radio", { name: "PDF report" }).check();
  await expect(startButton(page)).toBeDisabled();

  // Parts that exist but have nothing in them yet: the server's reason, by its field.
  expect(await pagesAfter(page, () => d.getByRole("checkbox", { name: "Boards" }).check())).toBeGreaterThan(0);
  await expect(startButton(page)).toBeEnabled();
  await d.getByRole("checkbox", { name: "Boards" }).uncheck();
  await d.getByRole("checkbox", { name: "Personas" }).check();
  await expect(why).toHaveText(/nothing to print yet/);
  await expect(startButton(page)).toBeDisabled();

  // A count that cannot be right is told before anything is sent; emptied, the field is optional.
  await d.getByRole("checkbox", { name: "Boards" }).check();
  await expect(startButton(page)).toBeEnabled();
  const participants = d.getByLabel("Number of participants (optional)");
  await participants.fill("-3");
  await expect(why).toHaveText("The number of participants is a whole number from 0 to 10,000.");
  await expect(participants).toHaveAttribute("aria-invalid", "true");
  await expect(startButton(page)).toBeDisabled();
  await participants.fill("");
  await expect(startButton(page)).toBeEnabled();
});

test("a long export shows its progress and can be cancelled, by button and by Esc", async ({ page }) => {
  test.setTimeout(90_000);
  const title = unique("Big export");
  const id = await apiWorkshop(page, title, "en");
  // Big enough that making the PDF takes seconds, not milliseconds, even on a fast machine.
  await apiNotes(page, id, 5000, (i) => `Note number ${i}, with text long enough to wrap onto a second line of the card`);
  await openBoard(page, id, title);

  const downloads: Download[] = [];
  page.on("download", (d) => downloads.push(d));
  const d = await openExport(page);
  await expect(count(page)).toHaveText(/^\d+ pages$/, { timeout: 20_000 });

  for (const how of ["button", "Escape"] as const) {
    const cancelled = page.waitForRequest((r) => r.url().endsWith("/api/cancel_export"));
    await startButton(page).click();
    const bar = d.getByRole("progressbar", { name: "Making the file…" });
    await expect(bar).toBeVisible();
    await expect(bar).toHaveAttribute("aria-valuemin", "0");
    expect(Number(await bar.getAttribute("aria-valuemax"))).toBeGreaterThanOrEqual(1);
    await expect(startButton(page)).toBeDisabled();
    if (how === "button") await d.getByRole("button", { name: "Cancel", exact: true }).click();
    else await page.keyboard.press("Escape");
    await cancelled;
    await expect(d.getByTestId("export-notice")).toHaveText("Export cancelled. Nothing was saved.");
    // Back to the form, still open, ready for another try.
    await expect(dialog(page)).toBeVisible();
    await expect(bar).toBeHidden();
    await expect(startButton(page)).toBeEnabled();
    await expect(startButton(page)).toBeFocused();
  }
  // Whatever the server finished meanwhile was never fetched.
  await page.waitForTimeout(500);
  expect(downloads).toHaveLength(0);
});

test("keyboard only: open the dialog, choose the table, export", async ({ page }) => {
  await createWorkshop(page, unique("Keys export"));
  await addNote(page, "neutral", "Queue at the door");
  await page.reload();
  await expect(page.getByText("Queue at the door")).toBeVisible();

  // From the top of the page (its first link; the page opens with its heading focused), Tab reaches the header's Export button.
  await page.getByRole("link", { name: "Polku", exact: true }).focus();
  for (let i = 0; i < 10 && !(await exportButton(page).evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(exportButton(page)).toBeFocused();
  await page.keyboard.press("Enter");
  const d = dialog(page);
  await expect(d.getByRole("radio", { name: "PDF report" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(d.getByRole("radio", { name: "Table (CSV)" })).toBeChecked();
  await expect(d.getByRole("radio", { name: "Table (CSV)" })).toBeFocused();

  for (let i = 0; i < 6 && !(await startButton(page).evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(startButton(page)).toBeFocused();
  const download = page.waitForEvent("download");
  await page.keyboard.press("Enter");
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.csv$/);
  // An English workshop: English Excel reads ',' between fields.
  const text = (await bytesOf(file)).subarray(3).toString("utf8");
  expect(text.split(/\r?\n/)[0].startsWith("Workshop,Board,")).toBe(true);
  expect(text).toContain("Queue at the door");
  await expect(dialog(page)).toBeHidden();
  await expect(exportButton(page)).toBeFocused();
});

test("a blank handout of a board or of a session's agenda downloads as a PDF", async ({ page }) => {
  await page.goto("/");
  const res = await page.request.post("/api/create_workshop", {
    data: { title: unique("Paperilla"), language: "en", template: "co-development-five-sessions" },
  });
  expect(res.ok()).toBe(true);
  const { id, title } = await res.json();
  await openBoard(page, id, title);
  const d = await openExport(page);
  const counted = page.waitForResponse((r) => r.url().endsWith("/api/preview_handout") && r.ok());
  await d.getByRole("radio", { name: "Blank handout" }).check();
  await counted;
  await expect(d.getByRole("radio", { name: "A blank board", exact: true })).toBeChecked();
  await d.getByLabel("Board", { exact: true }).selectOption({ label: "Customer journey canvas" });
  await expect(d.getByText("A journey canvas always prints on one A3 page")).toBeVisible();
  await expect(count(page)).toHaveText("1 page");
  let [download] = await Promise.all([page.waitForEvent("download"), startButton(page).click()]);
  expect(download.suggestedFilename()).toMatch(/ - Customer journey canvas-\d{4}-\d{2}-\d{2}\.pdf$/);
  expect((await bytesOf(download)).subarray(0, 5).toString()).toBe("%PDF-");

  await openExport(page);
  await expect(d.getByRole("radio", { name: "Blank handout" })).toBeChecked();
  await d.getByRole("radio", { name: "A session's agenda", exact: true }).check();
  await d.getByLabel("Session", { exact: true }).selectOption({ index: 1 });
  await expect(count(page)).toHaveText("1 page");
  [download] = await Promise.all([page.waitForEvent("download"), startButton(page).click()]);
  expect(download.suggestedFilename()).toMatch(/ - Analysing the digital services of adult social work-/);
});

test("a board too tall to read fitted on one page prints tiled instead, and the dialog says so", async ({ page }) => {
  const notes = Array.from({ length: 16 }, (_, i) => `Note number ${i + 1} of a long column`);
  const w = importWorkshop(unique("Tall column"), [{ title: "Tall path", touchpoints: ["Only station"], notes }]);
  await page.goto(`/#/w/${w.id}`);
  await expect(page.getByText("Only station", { exact: true })).toBeVisible();
  const d = await openExport(page);
  await expect(d.getByRole("radio", { name: "Fit each board on one page" })).toBeChecked();
  await expect(count(page)).toHaveText(/^\d+ pages?$/);
  await expect(page.getByTestId("export-tiled")).toHaveText(
    "To keep the notes readable, “Tall path” prints across several pages to tape together.",
  );
});
