import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { addNote, createWorkshop, unique } from "./helpers";

const applied = (page: Page) => page.waitForResponse((r) => r.url().endsWith("/api/apply_op") && r.ok());

async function showSessions(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sessions", exact: true }).click();
  await expect(page.getByRole("region", { name: "Sessions" })).toBeVisible();
  await expect(page).toHaveURL(/\/sessions$/);
}

const cards = (page: Page) => page.getByTestId("session-card");
const card = (page: Page, title: string) => cards(page).filter({ has: page.getByRole("button", { name: title, exact: true }) });
const editor = (page: Page) => page.getByTestId("session-editor");

/** Adds a session with the button and waits for its card. */
async function addSession(page: Page, title: string): Promise<void> {
  const saved = applied(page);
  await page.getByRole("button", { name: "Add session" }).click();
  await saved;
  await expect(card(page, title)).toBeVisible();
}

async function openSession(page: Page, title: string): Promise<Locator> {
  await card(page, title).getByRole("button", { name: title, exact: true }).click();
  await expect(editor(page)).toBeVisible();
  return editor(page);
}

/** Types into a field and leaves it: the leave saves, one op. */
async function fillAndLeave(field: Locator, value: string): Promise<void> {
  const saved = applied(field.page());
  await field.fill(value);
  await field.blur();
  await saved;
}

const local = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;

test("sessions are planned, kept over a reload, reordered, deleted and undone", async ({ page }) => {
  await createWorkshop(page, unique("Sessions"));
  await showSessions(page);
  await expect(page.getByTestId("sessions-empty")).toHaveText(/No sessions yet/);

  await addSession(page, "Session 1");
  await addSession(page, "Session 2");
  await expect(cards(page).first()).toContainText("No date yet");

  const form = await openSession(page, "Session 1");
  await expect(form.getByLabel("Title", { exact: true })).toBeFocused();
  await fillAndLeave(form.getByLabel("Title", { exact: true }), "Kick-off");
  await fillAndLeave(form.getByLabel("Date"), "2025-03-18");
  await fillAndLeave(form.getByLabel(/Starts at/), "13:00");
  await fillAndLeave(form.getByLabel("Place"), "Library group room");
  await fillAndLeave(form.getByLabel("Goal"), "Hear the clients' own experiences.\nAgree how we work.");
  await expect(form.getByRole("heading", { name: "Session 1: Kick-off" })).toBeVisible();

  // Two agenda items, the second on the board; the total follows the minutes.
  let saved = applied(page);
  await form.getByRole("button", { name: "Add agenda item" }).click();
  await saved;
  const items = form.getByTestId("agenda-item");
  await expect(items.first().getByLabel("Title")).toBeFocused();
  await fillAndLeave(items.first().getByLabel("Title"), "Getting to know each other");
  await fillAndLeave(items.first().getByLabel("Minutes"), "30");
  saved = applied(page);
  await form.getByRole("button", { name: "Add agenda item" }).click();
  await saved;
  await fillAndLeave(items.nth(1).getByLabel("Title"), "Walk the path");
  await fillAndLeave(items.nth(1).getByLabel("Minutes"), "45");
  await fillAndLeave(items.nth(1).getByLabel("Instructions for the group"), "Each group walks one touchpoint.");
  saved = applied(page);
  await items.nth(1).getByLabel("Board").selectOption({ index: 1 });
  await saved;
  await expect(form.getByTestId("agenda-total")).toHaveText("Total 75 min");
  await expect(items.nth(1).getByRole("button", { name: /^Open board/ })).toBeVisible();

  await expect(form.getByText("names are never recorded")).toBeVisible();
  await fillAndLeave(form.getByLabel("Clients"), "4");
  await fillAndLeave(form.getByLabel("Experts by experience"), "2");
  await fillAndLeave(form.getByLabel("Facilitators"), "1");
  await fillAndLeave(form.getByLabel("Summary"), "We agreed to meet weekly.");
  await form.getByRole("button", { name: "Done" }).click();
  await expect(editor(page)).toHaveCount(0);

  const first = card(page, "Kick-off");
  await expect(first).toContainText("Tue, 3/18/2025 1:00 PM");
  await expect(first).toContainText("Library group room");
  await expect(first).toContainText("Hear the clients' own experiences.");
  await expect(first).toContainText("2 agenda items, 75 min");
  await expect(first).toContainText("7 participants");

  await page.reload();
  await expect(cards(page)).toHaveCount(2);
  const again = await openSession(page, "Kick-off");
  await expect(again.getByLabel("Date")).toHaveValue("2025-03-18");
  await expect(again.getByLabel(/Starts at/)).toHaveValue("13:00");
  await expect(again.getByLabel("Goal")).toHaveValue("Hear the clients' own experiences.\nAgree how we work.");
  await expect(again.getByTestId("agenda-item").nth(1).getByLabel("Instructions for the group")).toHaveValue("Each group walks one touchpoint.");
  await expect(again.getByLabel("Workers")).toHaveValue("");
  await expect(again.getByLabel("Summary")).toHaveValue("We agreed to meet weekly.");

  // The agenda item's board link leads to that board.
  await again.getByTestId("agenda-item").nth(1).getByRole("button", { name: /^Open board/ }).click();
  await expect(page).toHaveURL(/\/b\/[^/]+$/);
  // Back returns to the session as it was left, open.
  await page.goBack();
  await expect(editor(page)).toBeVisible();
  await editor(page).getByRole("button", { name: "Done" }).click();

  // Reorder: the second becomes the first.
  saved = applied(page);
  await page.getByRole("button", { name: "Move Session 2 earlier" }).click();
  await saved;
  await expect(cards(page).first()).toContainText("Session 2");
  await expect(card(page, "Session 2").getByRole("button", { name: "Session 2", exact: true })).toBeFocused();

  // Delete, named in the question; undo brings it back with everything in it.
  await card(page, "Kick-off").getByRole("button", { name: "Delete session Kick-off" }).click();
  const ask = page.getByRole("dialog", { name: "Delete session Kick-off?" });
  await expect(ask).toBeVisible();
  saved = applied(page);
  await ask.getByRole("button", { name: "Delete session" }).click();
  await saved;
  await expect(card(page, "Kick-off")).toHaveCount(0);
  const undone = page.waitForResponse((r) => r.url().endsWith("/api/undo") && r.ok());
  await page.keyboard.press("Control+z");
  await undone;
  await expect(card(page, "Kick-off")).toContainText("7 participants");
});

test("a value the core would refuse is explained in the user's language and kept", async ({ page }) => {
  await createWorkshop(page, unique("Refused"));
  await page.getByRole("combobox", { name: "Language" }).selectOption("fi");
  await page.getByRole("button", { name: "Tapaamiset", exact: true }).click();
  await page.getByRole("button", { name: "Lisää tapaaminen" }).click();
  await expect(cards(page)).toHaveCount(1);
  await expect(cards(page)).toContainText("Tapaaminen 1");
  await cards(page).getByRole("button", { name: "Tapaaminen 1", exact: true }).click();
  const form = editor(page);
  const long = "x".repeat(201);
  await form.getByLabel("Paikka").fill(long);
  await form.getByLabel("Paikka").blur();
  await expect(form.getByText("Tässä on 201 merkkiä; enintään 200 mahtuu.")).toBeVisible();
  await expect(form.getByLabel("Paikka")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Paikka")).toHaveValue(long);

  // Closing asks before losing it; keeping on editing finds the text as typed.
  await form.getByRole("button", { name: "Valmis" }).click();
  const ask = page.getByRole("dialog", { name: "Jätetäänkö tallentamatta?" });
  await expect(ask).toBeVisible();
  await ask.getByRole("button", { name: "Jatka muokkausta" }).click();
  await expect(form.getByLabel("Paikka")).toHaveValue(long);
  await expect(form.getByLabel("Paikka")).toBeFocused();

  // Fixed, it saves and the message goes.
  await fillAndLeave(form.getByLabel("Paikka"), "Kirjasto");
  await expect(form.getByText("Tässä on 201 merkkiä")).toHaveCount(0);
  await form.getByRole("button", { name: "Valmis" }).click();
  await expect(editor(page)).toHaveCount(0);
  await expect(cards(page)).toContainText("Kirjasto");
});

test("a second tab sees a new session and an edit live; today's session shows in the header", async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await createWorkshop(a, unique("Two tabs sessions"));
  await showSessions(a);
  await b.goto(a.url());
  await expect(b.getByTestId("sessions-empty")).toBeVisible();

  await addSession(a, "Session 1");
  await expect(card(b, "Session 1")).toBeVisible({ timeout: 2_000 });
  await expect(b.getByTestId("today-session")).toHaveCount(0);

  const form = await openSession(a, "Session 1");
  await fillAndLeave(form.getByLabel("Title", { exact: true }), "Walking the path");
  await fillAndLeave(form.getByLabel("Date"), local(new Date()));
  await expect(card(b, "Walking the path")).toBeVisible({ timeout: 2_000 });

  // Today's session is named next to the board strip, and opens from there.
  const today = b.getByTestId("today-session");
  await expect(today).toHaveText("Today: 1. Walking the path");
  await today.click();
  await expect(editor(b)).toBeVisible();
  await expect(editor(b).getByLabel("Title", { exact: true })).toHaveValue("Walking the path");
  // An edit in A reaches B's open editor in a field B is not typing in.
  await fillAndLeave(form.getByLabel("Place"), "Room 3");
  await expect(editor(b).getByLabel("Place")).toHaveValue("Room 3", { timeout: 2_000 });
});

test("a note made on the day of a session is written in that session", async ({ page }) => {
  await createWorkshop(page, unique("Note in a session"));
  const workshopId = decodeURIComponent(/#\/w\/([^/]+)/.exec(page.url())?.[1] ?? "");
  await showSessions(page);
  await addSession(page, "Session 1");
  const form = await openSession(page, "Session 1");
  await fillAndLeave(form.getByLabel("Date"), local(new Date()));
  // The board view (the tab remembers the sessions view otherwise).
  await page.goto(`/#/w/${workshopId}/board`);
  await addNote(page, "negative", "Nobody answers the chat");
  const saved = await page.evaluate(async (id) => {
    const r = await fetch("/api/open_workshop", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ id }) });
    return r.json();
  }, workshopId);
  const made = saved.boards[0].notes.find((n: { text: string }) => n.text === "Nobody answers the chat");
  expect(made.session_id).toBe(saved.sessions[0].id);
});

test("the board shows what came up in one session, and a note added then belongs to it", async ({ page }) => {
  await createWorkshop(page, unique("Session filter"));
  const workshopId = decodeURIComponent(/#\/w\/([^/]+)/.exec(page.url())?.[1] ?? "");
  await showSessions(page);
  await addSession(page, "Session 1");
  await addSession(page, "Session 2");
  const form = await openSession(page, "Session 1");
  await fillAndLeave(form.getByLabel("Date"), local(new Date()));
  await page.goto(`/#/w/${workshopId}/board`);
  const filter = page.getByTestId("session-filter");
  await expect(filter).toHaveValue("");
  await addNote(page, "negative", "Said in the first meeting");

  // Session 2 alone: nothing yet; a note added now is part of it, though session 1 is today's.
  await filter.selectOption({ label: "2. Session 2" });
  await expect(page.getByTestId("note")).toHaveCount(0);
  await expect(page.getByText("No notes from this session yet.")).toBeVisible();
  await addNote(page, "positive", "Said in the second meeting");
  await filter.selectOption({ label: "1. Session 1" });
  await expect(page.getByTestId("note")).toHaveText(["Said in the first meeting"].map((t) => new RegExp(t)));
  await filter.selectOption({ label: "from all sessions" });
  await expect(page.getByTestId("note")).toHaveCount(2);

  // The outline lists the same.
  await filter.selectOption({ label: "2. Session 2" });
  await page.getByRole("button", { name: "Outline", exact: true }).click();
  // The outline's own entry (the board keeps its hidden card in the page too).
  await expect(page.locator("[data-outline-item]").getByText("Said in the second meeting")).toBeVisible();
  await expect(page.getByText("Said in the first meeting")).toHaveCount(0);
});

test("a session and an agenda item are added with the keyboard alone", async ({ page }) => {
  await createWorkshop(page, unique("Keyboard sessions"));
  await page.getByRole("button", { name: "Sessions", exact: true }).focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Add session" })).toBeFocused();
  let saved = applied(page);
  await page.keyboard.press("Enter");
  await saved;
  // The new card's title button has the focus: Enter opens it.
  await expect(page.getByRole("button", { name: "Session 1", exact: true })).toBeFocused();
  await page.keyboard.press("Enter");
  const form = editor(page);
  await expect(form.getByLabel("Title", { exact: true })).toBeFocused();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("Planning");

  const add = form.getByRole("button", { name: "Add agenda item" });
  for (let i = 0; i < 20 && !(await add.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(add).toBeFocused();
  saved = applied(page);
  await page.keyboard.press("Enter");
  await saved;
  const title = form.getByTestId("agenda-item").getByLabel("Title");
  await expect(title).toBeFocused();
  await page.keyboard.type("Warm-up");
  await page.keyboard.press("Tab");
  await page.keyboard.type("15");
  // Esc saves what waits and closes; the focus goes back to the card.
  await page.keyboard.press("Escape");
  await expect(editor(page)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Planning", exact: true })).toBeFocused();
  await expect(card(page, "Planning")).toContainText("1 agenda item, 15 min");
});

test.describe("on a touch screen", () => {
  test.use({ hasTouch: true });

  test("a tap adds a session and a tap opens it", async ({ page }) => {
    await createWorkshop(page, unique("Touch sessions"));
    await page.getByRole("button", { name: "Sessions", exact: true }).tap();
    const saved = applied(page);
    await page.getByRole("button", { name: "Add session" }).tap();
    await saved;
    await card(page, "Session 1").getByRole("button", { name: "Session 1", exact: true }).tap();
    await expect(editor(page)).toBeVisible();
    await expect(editor(page).getByRole("heading", { name: "Session 1: Session 1" })).toBeVisible();
  });
});

test("the example programme shows its five sessions in order", async ({ page }) => {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
  const bin = process.env.POLKU_BIN;
  const dataDir = process.env.POLKU_E2E_DATA_DIR;
  if (!bin || !dataDir) throw new Error("global-setup did not say where the library and the binary are");
  const out = execFileSync(bin, ["import", join(root, "workshops/examples/aikuissosiaalityo.polku"), "--data-dir", dataDir], { encoding: "utf8" });
  const id = /as ([0-9a-f-]{36})/.exec(out)?.[1];
  expect(id).toBeTruthy();
  await page.goto(`/#/w/${id}/sessions`);
  await expect(cards(page)).toHaveCount(5);
  await expect(cards(page).locator("h3")).toHaveText([
    "Asiakkaiden kokemuksia olemassa olevista digitaalisista palveluista",
    "Aikuissosiaalityön digitaalisten palvelujen analysointia",
    "Visuaalisen palvelupolun tuottaminen ja kosketuspisteiden valinta",
    "Palvelupolun tarkempaa analysointia (asiakaspolun kanvas)",
    "Luodun palvelupolun testaamista asiakaspersoonien kautta",
  ]);
  await expect(cards(page).nth(2)).toContainText("1 agenda item");
});
