import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { note, typeNote, unique } from "./helpers";
import { fromTemplate } from "./library";

type Touchpoint = { id: string; label: string; phase_id: string | null; position: number };
type Lane = { id: string; label: string; line_above: string; position: number };
type Board = { id: string; kind: string; title: string; touchpoints: Touchpoint[]; lanes: Lane[]; notes: { text: string; touchpoint_id: string | null; lane_id: string | null }[] };

/** The workshop as the server has it, read through the same API the page uses. */
async function boards(request: APIRequestContext, id: string): Promise<Board[]> {
  const r = await request.post("/api/open_workshop", { data: { id } });
  expect(r.ok()).toBe(true);
  return (await r.json()).boards;
}

async function noteIn(request: APIRequestContext, ws: string, text: string) {
  const all = (await boards(request, ws)).flatMap((b) => b.notes.map((n) => ({ ...n, board: b })));
  const n = all.find((x) => x.text === text);
  if (!n) return null;
  const tp = n.board.touchpoints.find((t) => t.id === n.touchpoint_id)?.label ?? null;
  const lane = n.board.lanes.find((l) => l.id === n.lane_id)?.label ?? null;
  return { board: n.board.title, touchpoint: tp, lane };
}

const programme = () => fromTemplate("co-development-five-sessions", unique("Programme"));

async function openBoard(page: Page, ws: string, title: string) {
  await page.goto(`/#/w/${ws}`);
  await page.getByRole("tab", { name: title }).click();
  await expect(page.getByRole("tab", { name: title })).toHaveAttribute("aria-selected", "true");
}

const box = (page: Page, label: string) => page.getByTestId("canvas-box").filter({ has: page.getByRole("button", { name: `Box: ${label}. Settings` }) });

/** Whether the note is drawn inside the box (its middle within the box's frame), as a person sees it. */
async function drawnIn(page: Page, label: string, text: string): Promise<boolean> {
  const frame = await box(page, label).first().boundingBox();
  const card = await note(page, text).boundingBox();
  if (!frame || !card) return false;
  const cx = card.x + card.width / 2;
  const cy = card.y + card.height / 2;
  return cx > frame.x && cx < frame.x + frame.width && cy > frame.y && cy < frame.y + frame.height;
}

/** A new neutral note (a double-click or tap makes one) typed and saved, and on the board. */
async function typeNeutral(page: Page, text: string) {
  await typeNote(page, "neutral", text);
  await expect(note(page, text)).toBeVisible();
}

test("the canvas shows its periods, boxes, band and credit; a note goes into a box by mouse and by keyboard", async ({ page, request }) => {
  const ws = programme();
  await openBoard(page, ws, "Customer journey canvas");
  for (const label of ["Advertisement / PR", "Social media", "Word of mouth", "Past experiences", "Customer relationship management"]) {
    await expect(box(page, label).first()).toBeVisible();
  }
  for (const caption of ["Expectations", "Experiences", "Satisfaction / dissatisfaction"]) {
    await expect(page.getByTestId("band-period").filter({ hasText: caption })).toBeVisible();
  }
  await expect(page.getByTestId("canvas-credit")).toContainText("Marc Stickdorn & Jakob Schneider");
  await expect(page.getByText("Start of the service", { exact: true })).toBeVisible();

  // Mouse: a double-click inside a box makes a note there.
  const social = box(page, "Social media").first();
  const b = (await social.boundingBox())!;
  await page.mouse.dblclick(b.x + b.width * 0.3, b.y + b.height * 0.6);
  await typeNeutral(page, "Nothing about us on Facebook");
  await expect.poll(() => noteIn(request, ws, "Nothing about us on Facebook")).toEqual({ board: "Customer journey canvas", touchpoint: "Social media", lane: null });

  // Keyboard: the note's menu moves it to another box.
  const card = note(page, "Nothing about us on Facebook");
  await card.focus();
  await page.keyboard.press("Shift+F10");
  await page.getByRole("menuitem", { name: /Move to/ }).press("ArrowRight");
  await page.getByRole("menuitem", { name: /Past experiences/ }).press("Enter");
  await expect.poll(() => noteIn(request, ws, "Nothing about us on Facebook")).toMatchObject({ touchpoint: "Past experiences" });
  await expect.poll(() => drawnIn(page, "Past experiences", "Nothing about us on Facebook")).toBe(true);

  // The band counts the period's notes.
  await expect(page.getByTestId("band-period").first().getByTestId("band-counts")).toHaveAccessibleName(/1 neutral note/);

  await page.reload();
  await expect(note(page, "Nothing about us on Facebook")).toBeVisible();
  expect(await drawnIn(page, "Past experiences", "Nothing about us on Facebook")).toBe(true);
});

test("a canvas box is renamed, the rename undone, and the template's labels come back after another", async ({ page }) => {
  const ws = programme();
  await openBoard(page, ws, "Customer journey canvas");
  await page.getByRole("button", { name: "Box: Advertisement / PR. Settings" }).click();
  await expect(page.getByRole("heading", { name: "Box “Advertisement / PR”" })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Side station" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Move up" })).toBeDisabled();
  const name = page.getByRole("textbox", { name: "Name" });
  await name.fill("Municipal leaflets");
  await name.press("Enter");
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("button", { name: "Box: Municipal leaflets. Settings" })).toBeVisible();

  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("button", { name: "Box: Advertisement / PR. Settings" })).toBeVisible();
  await page.getByRole("button", { name: "Redo" }).click();
  await expect(page.getByRole("button", { name: "Box: Municipal leaflets. Settings" })).toBeVisible();

  // A caption of the band is renamed in place.
  await page.getByRole("button", { name: "Expectations. Rename" }).click();
  await page.getByRole("textbox", { name: "Caption" }).fill("Hopes");
  await page.getByRole("textbox", { name: "Caption" }).press("Enter");
  await expect(page.getByTestId("band-period").first()).toContainText("Hopes");

  // The empty board's menu puts the template's words back, one undo step.
  const board = page.getByRole("region", { name: "Board “Customer journey canvas”" });
  await board.click({ button: "right", position: { x: 700, y: 200 } });
  await page.getByRole("menuitem", { name: "Back to the original labels" }).click();
  await expect(page.getByRole("button", { name: "Box: Advertisement / PR. Settings" })).toBeVisible();
  await expect(page.getByTestId("band-period").first()).toContainText("Expectations");
  await page.reload();
  await expect(page.getByRole("button", { name: "Box: Advertisement / PR. Settings" })).toBeVisible();
  await board.click({ button: "right", position: { x: 700, y: 200 } });
  await expect(page.getByRole("menuitem", { name: "Back to the original labels" })).toBeDisabled();
});

test("the outline of a canvas lists its boxes in reading order, and a note added there lands in its box", async ({ page, request }) => {
  const ws = programme();
  await openBoard(page, ws, "Customer journey canvas");
  await page.getByRole("button", { name: "Outline", exact: true }).click();
  const outline = page.getByRole("region", { name: "Outline of “Customer journey canvas”" });
  await expect(outline.getByRole("heading", { level: 3 })).toHaveText([
    /Advertisement \/ PR/,
    /Social media/,
    /Word of mouth/,
    /Past experiences/,
    /Start of the service/,
    /Touchpoint/,
    /End of the service/,
    /Customer relationship management/,
    /Social media/,
    /Word of mouth/,
  ]);
  await outline.getByRole("button", { name: "Add note at Word of mouth" }).first().click();
  const form = outline.getByRole("group", { name: "Add note at Word of mouth" }).first();
  await form.getByRole("textbox").fill("A friend said they help");
  await form.getByRole("button", { name: "Save note" }).click();
  await expect.poll(() => noteIn(request, ws, "A friend said they help")).toMatchObject({ touchpoint: "Word of mouth" });
  await page.getByRole("button", { name: "Board", exact: true }).click();
  await expect(note(page, "A friend said they help")).toBeVisible();
  expect(await drawnIn(page, "Word of mouth", "A friend said they help")).toBe(true);
});

/** Another client (the API, as a second window would) adds a blueprint to the workshop. */
async function addBlueprint(request: APIRequestContext, ws: string) {
  const add = { type: "create_board", board: { id: crypto.randomUUID(), index: 4, title: "Service blueprint", from: { type: "template", template: "blueprint" } } };
  const r = await request.post("/api/apply_op", { data: { workshop_id: ws, op_id: crypto.randomUUID(), client_id: "other", undo: "record", op: add } });
  expect(r.ok()).toBe(true);
}

test("from the keyboard alone, the outline reads a table row by row and a drawback goes into its cell", async ({ page, request }) => {
  const ws = programme();
  await openBoard(page, ws, "Channel analysis");
  await page.getByRole("button", { name: "Outline", exact: true }).click();
  const outline = page.getByRole("region", { name: "Outline of “Channel analysis”" });
  await expect(outline.getByRole("heading", { level: 2 }).filter({ hasNotText: "Lanes" })).toHaveText([
    "Phone",
    "E-mail",
    "Web page",
    "Facebook",
    "WhatsApp",
    "Chat",
    "E-services",
    "Office visit",
  ]);
  await outline.getByRole("button", { name: "Add note at Drawbacks −, Web page" }).focus();
  await page.keyboard.press("Enter");
  const form = outline.getByRole("group", { name: "Add note at Drawbacks −, Web page" });
  await form.getByRole("textbox").focus();
  await page.keyboard.type("Nobody reads the web page");
  await page.keyboard.press("Enter");
  await expect.poll(() => noteIn(request, ws, "Nobody reads the web page")).toEqual({ board: "Channel analysis", touchpoint: "Drawbacks −", lane: "Web page" });
  const webPage = outline.getByRole("region", { name: "Web page" });
  await expect(webPage.getByTestId("outline-note")).toHaveText([/Nobody reads the web page/]);

  // Moved to another channel's row from its item: the Lane list and Move.
  const item = outline.getByTestId("outline-note").filter({ hasText: "Nobody reads the web page" });
  await item.getByRole("combobox", { name: "Lane" }).focus();
  await item.getByRole("combobox", { name: "Lane" }).selectOption({ label: "Chat" });
  await item.getByRole("button", { name: "Move" }).focus();
  await page.keyboard.press("Enter");
  await expect.poll(() => noteIn(request, ws, "Nobody reads the web page")).toMatchObject({ lane: "Chat" });
  await expect(outline.getByRole("region", { name: "Chat" }).getByTestId("outline-note")).toHaveText([/Nobody reads the web page/]);
});

test.describe("by touch", () => {
  test.use({ hasTouch: true });

  test("a double tap in a blueprint row makes a note in that row and step", async ({ page, request }) => {
    const ws = programme();
    await addBlueprint(request, ws);
    await openBoard(page, ws, "Service blueprint");
    const head = (await page.getByRole("button", { name: "Lane: Customer actions" }).boundingBox())!;
    const col = (await page.getByText("Client relationship begins", { exact: true }).boundingBox())!;
    const at = { x: col.x + col.width / 2, y: head.y + head.height / 2 };
    await page.touchscreen.tap(at.x, at.y);
    await page.touchscreen.tap(at.x, at.y);
    await typeNeutral(page, "Calls the advice line");
    await expect.poll(() => noteIn(request, ws, "Calls the advice line")).toEqual({
      board: "Service blueprint",
      touchpoint: "Client relationship begins",
      lane: "Customer actions",
    });
  });

  test("a double tap in a canvas box makes a note in that box", async ({ page, request }) => {
    const ws = programme();
    await openBoard(page, ws, "Customer journey canvas");
    const b = (await box(page, "Customer relationship management").boundingBox())!;
    const at = { x: b.x + b.width * 0.5, y: b.y + b.height * 0.7 };
    await page.touchscreen.tap(at.x, at.y);
    await page.touchscreen.tap(at.x, at.y);
    await typeNeutral(page, "They called after it ended");
    await expect.poll(() => noteIn(request, ws, "They called after it ended")).toMatchObject({ touchpoint: "Customer relationship management" });
  });
});

test("channel rows and blueprint rows take notes in their cells; the blueprint names its lines", async ({ page, request }) => {
  const ws = programme();
  await openBoard(page, ws, "Channel analysis");
  await expect(page.getByText("Benefits +", { exact: true })).toBeVisible();
  const board = page.getByRole("region", { name: "Board “Channel analysis”" });
  const head = page.getByRole("button", { name: "Lane: E-mail" });
  const h = (await head.boundingBox())!;
  const col = (await page.getByText("Drawbacks −", { exact: true }).boundingBox())!;
  await page.mouse.dblclick(col.x + col.width / 2, h.y + h.height / 2);
  await typeNeutral(page, "Nobody answers in the evening");
  await expect.poll(() => noteIn(request, ws, "Nobody answers in the evening")).toEqual({ board: "Channel analysis", touchpoint: "Drawbacks −", lane: "E-mail" });
  await expect(board).toBeVisible();

  // A blueprint added by another client: it arrives in the strip, its three lines drawn and named.
  await addBlueprint(request, ws);
  await page.getByRole("tab", { name: "Service blueprint" }).click();
  await expect(page.getByTestId("named-line")).toHaveCount(3);
  for (const line of ["Line of interaction", "Line of visibility", "Line of internal interaction"]) {
    await expect(page.getByText(line, { exact: true }).first()).toBeAttached();
  }
});

test("two tabs on different boards of one workshop each get the other's notes", async ({ browser }) => {
  const ws = programme();
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  await openBoard(a, ws, "Customer journey canvas");
  await openBoard(b, ws, "Digital services we use");
  const col = (await b.getByText("What is hard", { exact: true }).boundingBox())!;
  await b.mouse.dblclick(col.x + col.width / 2, col.y + 200);
  await typeNeutral(b, "Too many passwords");
  const ad = (await box(a, "Advertisement / PR").boundingBox())!;
  await a.mouse.dblclick(ad.x + 60, ad.y + ad.height * 0.6);
  await typeNeutral(a, "Waited weeks last time");

  await a.getByRole("tab", { name: "Digital services we use" }).click();
  await expect(note(a, "Too many passwords")).toBeVisible();
  await b.getByRole("tab", { name: "Customer journey canvas" }).click();
  await expect(note(b, "Waited weeks last time")).toBeVisible();
  expect(await drawnIn(b, "Advertisement / PR", "Waited weeks last time")).toBe(true);
});

test("a box moves down among its period's boxes, not into the journey", async ({ page, request }) => {
  const ws = programme();
  await openBoard(page, ws, "Customer journey canvas");
  await page.getByRole("button", { name: "Box: Advertisement / PR. Settings" }).click();
  await page.getByRole("button", { name: "Move down" }).click();
  await page.getByRole("button", { name: "Done" }).click();
  const canvas = (await boards(request, ws)).find((b) => b.kind === "journey_canvas")!;
  const pre = canvas.touchpoints.filter((t) => t.phase_id === canvas.touchpoints[0].phase_id || t.label === "Advertisement / PR");
  const order = [...pre].sort((a, b) => a.position - b.position).map((t) => t.label);
  expect(order.slice(0, 2)).toEqual(["Social media", "Advertisement / PR"]);
  const heads = page.getByTestId("box-head");
  await expect(heads.nth(0)).toHaveText("Social media");
  await expect(heads.nth(1)).toHaveText("Advertisement / PR");
});
