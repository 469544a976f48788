import { expect, test, type Page } from "@playwright/test";
import { addDialog, expectStrip, openTab, tabs } from "./board-ops";
import { createWorkshop, newWorkshopName, unique } from "./helpers";

// Starting from templates: a workshop from the five-session programme, a board from a one-board
// template. What the boards look like inside is the board's own business, not asserted here.

const PROGRAMME = "Co-development with clients — five sessions";
const PROGRAMME_BOARDS = ["Digital services we use", "Channel analysis", "Service path", "Customer journey canvas"];
/** Each session of the programme, with the boards its agenda uses (workshops/co-development-five-sessions.json). */
const SESSIONS: { title: string; boards: string[] }[] = [
  { title: "Clients' experiences of the digital services that exist", boards: ["Digital services we use"] },
  { title: "Analysing the digital services of adult social work", boards: ["Channel analysis"] },
  { title: "Making the visual service path and choosing its touchpoints", boards: ["Service path"] },
  { title: "A closer analysis of the service path (customer journey canvas)", boards: ["Service path", "Customer journey canvas"] },
  { title: "Testing the path with client personas", boards: ["Service path"] },
];

async function showSessions(page: Page, name = "Sessions"): Promise<void> {
  await page.getByRole("button", { name, exact: true }).click();
  await expect(page.getByRole("region", { name })).toBeVisible();
}

test("a workshop made from the five-session programme has its four boards and five sessions, and each agenda opens its board", async ({ page }) => {
  await page.goto("/");
  const title = unique("Programme");
  await (await newWorkshopName(page)).fill(title);
  // The service path is the default; the cards are radio buttons, so the arrow keys choose too.
  const path = page.getByRole("radio", { name: "Service path", exact: true });
  const programme = page.getByRole("radio", { name: PROGRAMME, exact: true });
  await expect(path).toBeChecked();
  for (const card of await page.getByTestId("workshop-template").all()) {
    expect((await card.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  }
  await path.focus();
  await page.keyboard.press("ArrowDown");
  await expect(programme).toBeChecked();
  await expect(programme).toBeFocused();
  await page.getByRole("button", { name: "Create workshop" }).click();

  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expectStrip(page, PROGRAMME_BOARDS);
  await expect(openTab(page)).toHaveText(PROGRAMME_BOARDS[0]);

  await showSessions(page);
  const cards = page.getByTestId("session-card");
  await expect(cards).toHaveCount(5);
  for (const [i, s] of SESSIONS.entries()) await expect(cards.nth(i).getByRole("button", { name: s.title, exact: true })).toBeVisible();

  // Each session's agenda names its boards, and its links open them.
  for (const s of SESSIONS) {
    for (const board of s.boards) {
      await showSessions(page);
      await page.getByRole("button", { name: s.title, exact: true }).click();
      const editor = page.getByTestId("session-editor");
      await expect(editor).toBeVisible();
      await editor.getByRole("button", { name: `Open board: ${board}`, exact: true }).first().click();
      await expect(openTab(page)).toHaveText(board);
      const id = await openTab(page).getAttribute("data-board-id");
      await expect(page).toHaveURL(new RegExp(`/b/${id}$`));
    }
  }
});

test("in a Finnish UI, the programme's boards are named in Finnish", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Language", { exact: true }).selectOption("fi");
  await (await newWorkshopName(page, { button: "Uusi työpaja", field: "Työpajan nimi" })).fill(unique("Ohjelma"));
  await page.getByRole("radio", { name: "Yhteiskehittäminen asiakkaiden kanssa — viisi kertaa", exact: true }).check();
  await page.getByRole("button", { name: "Luo työpaja" }).click();
  await expectStrip(page, ["Käyttämämme digitaaliset palvelut", "Kanava-analyysi", "Palvelupolku", "Asiakaspolun kanvas"]);
  await showSessions(page, "Tapaamiset");
  await expect(page.getByTestId("session-card")).toHaveCount(5);
});

test("a board added from the Channel analysis template is named after it, stays over a reload, and undo takes it away", async ({ page }) => {
  await createWorkshop(page, unique("Channels"));
  const first = (await tabs(page).textContent())!.trim();

  await page.getByTestId("add-board").click();
  const dialog = addDialog(page);
  const name = dialog.getByLabel("Name of the board");
  const channels = dialog.getByRole("radio", { name: "Channel analysis", exact: true });
  await expect(channels).toBeVisible();
  await channels.check();
  // The name follows the template picked, until someone types one.
  await expect(name).toHaveValue("Channel analysis");
  await dialog.getByRole("button", { name: "Add board" }).click();
  await expect(dialog).toBeHidden();

  await expectStrip(page, [first, "Channel analysis"]);
  await expect(openTab(page)).toHaveText("Channel analysis");
  const id = await openTab(page).getAttribute("data-board-id");
  await expect(page).toHaveURL(new RegExp(`/b/${id}$`));

  await page.reload();
  await expectStrip(page, [first, "Channel analysis"]);
  await expect(openTab(page)).toHaveText("Channel analysis");

  await page.getByRole("button", { name: "Undo" }).click();
  await expectStrip(page, [first]);
  await expect(openTab(page)).toHaveText(first);
  await expect(page).not.toHaveURL(new RegExp(`/b/${id}`));
  // One's own undo is told as such, never as something another window did.
  await expect(page.getByTestId("toast").filter({ hasText: "Undid: new board “Channel analysis”" })).toBeVisible();
  await expect(page.getByTestId("toast").filter({ hasText: "another window" })).toHaveCount(0);
});
