import { expect, test, type Page } from "@playwright/test";
import { addBoard, openTab } from "./board-ops";
import { createWorkshop, note, TOUCHPOINTS, unique } from "./helpers";
import { openJoining, RoomNetwork } from "./room-network";

let room: RoomNetwork;
test.beforeAll(() => {
  room = RoomNetwork.make();
});
test.afterAll(() => room?.remove());

const joinDialog = (page: Page) => page.getByRole("dialog", { name: "Participants can join" });

async function reopenDialog(page: Page) {
  await page.getByTestId("join-button").click();
  await expect(joinDialog(page)).toBeVisible();
}

async function closeDialog(page: Page) {
  await joinDialog(page).getByRole("button", { name: "Done", exact: true }).click();
  await expect(joinDialog(page)).toBeHidden();
}

test("the facilitator opens a second board to participants, their phones follow the facilitator's board, and a locked board takes no more changes", async ({ page, browser }) => {
  await createWorkshop(page, unique("Boards for phones"));
  const first = (await openTab(page).textContent())!.trim();
  await addBoard(page, "Second path", /^Service path/);
  await page.getByRole("tab", { name: first }).click();
  await expect(openTab(page)).toHaveText(first);
  const url = await openJoining(page, room);
  await closeDialog(page);

  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: "en-US" });
  const phone = await ctx.newPage();
  await phone.goto(url);
  await phone.getByRole("button", { name: "Join" }).tap();
  const shown = phone.locator('[data-testid="phone-board"]:visible');
  await expect(shown.getByRole("heading", { level: 2 })).toHaveText(first);
  // One board open to participants: no chooser.
  await expect(phone.getByTestId("phone-boards")).toHaveCount(0);

  // The facilitator opens the second board too: the phone can choose it.
  await reopenDialog(page);
  await joinDialog(page).getByRole("checkbox", { name: "Participants see the board Second path" }).check();
  await expect(phone.getByRole("radio", { name: "Second path" })).toBeVisible();
  await phone.getByRole("radio", { name: "Second path" }).check();
  await expect(shown.getByRole("heading", { level: 2 })).toHaveText("Second path");

  // Following: the phone moves with the facilitator, onto the board the facilitator switches to.
  await joinDialog(page).getByRole("checkbox", { name: "Participants follow my board" }).check();
  await expect(shown.getByRole("heading", { level: 2 })).toHaveText(first);
  await expect(shown.getByText("The facilitator is showing this board.")).toBeVisible();
  // What the phone was writing stays when it is moved.
  await shown.getByLabel("Your note", { exact: true }).fill("Kesken jäänyt ajatus");
  await closeDialog(page);
  await page.getByRole("tab", { name: "Second path" }).click();
  await expect(shown.getByRole("heading", { level: 2 })).toHaveText("Second path");
  await page.getByRole("tab", { name: first }).click();
  await expect(shown.getByRole("heading", { level: 2 })).toHaveText(first);
  await expect(shown.getByLabel("Your note", { exact: true })).toHaveValue("Kesken jäänyt ajatus");
  await shown.getByRole("radio", { name: TOUCHPOINTS.en[1], exact: true }).check();
  await shown.getByRole("button", { name: "Send" }).tap();
  await expect(note(page, "Kesken jäänyt ajatus")).toBeVisible();
  await expect(shown.getByTestId("phone-note")).toHaveCount(1);
  // A participant who goes to another board themselves is no longer taken along, until following
  // is switched on again.
  await phone.getByRole("radio", { name: "Second path" }).check();
  await page.getByRole("tab", { name: "Second path" }).click();
  // The phone hears of the facilitator's move and looks again, and stays where it went.
  const lookedAgain = phone.waitForResponse((r) => r.url().endsWith("/p/api/participant_view"));
  await page.getByRole("tab", { name: first }).click();
  await expect(openTab(page)).toHaveText(first);
  await lookedAgain;
  await expect(shown.getByRole("heading", { level: 2 })).toHaveText("Second path");
  await reopenDialog(page);
  await joinDialog(page).getByRole("checkbox", { name: "Participants follow my board" }).uncheck();
  await expect(phone.getByText("The facilitator is showing this board.")).toHaveCount(0);
  await joinDialog(page).getByRole("checkbox", { name: "Participants follow my board" }).check();
  await expect(shown.getByRole("heading", { level: 2 })).toHaveText(first);
  await closeDialog(page);

  // Locked: the phone says so, offers no way to write, edit or delete there; the note stays.
  await reopenDialog(page);
  await joinDialog(page).getByRole("checkbox", { name: `Lock the board ${first}` }).check();
  await expect(shown.getByTestId("phone-locked")).toHaveText(/locked this board/);
  await expect(shown.getByLabel("Your note", { exact: true })).toHaveCount(0);
  await expect(shown.getByRole("button", { name: /Edit your note|Delete your note/ })).toHaveCount(0);
  await expect(shown.getByTestId("phone-note")).toHaveText(/Kesken jäänyt ajatus/);

  // A note written while offline and refused because the board was locked meanwhile is kept
  // on the phone with why, not dropped.
  await joinDialog(page).getByRole("checkbox", { name: `Lock the board ${first}` }).uncheck();
  await expect(shown.getByTestId("phone-locked")).toHaveCount(0);
  await ctx.setOffline(true);
  await shown.getByLabel("Your note", { exact: true }).fill("Myöhästynyt lappu");
  await shown.getByRole("button", { name: "Send" }).tap();
  await expect(shown.getByTestId("phone-waiting")).toContainText("not sent yet");
  await joinDialog(page).getByRole("checkbox", { name: `Lock the board ${first}` }).check();
  await expect(joinDialog(page).getByRole("checkbox", { name: `Lock the board ${first}` })).toBeChecked();
  await ctx.setOffline(false);
  const held = shown.getByTestId("phone-held");
  await expect(held).toContainText("Myöhästynyt lappu", { timeout: 10_000 });
  await expect(held).toContainText("The board was locked before this note arrived");
  await expect(note(page, "Myöhästynyt lappu")).toHaveCount(0);
  await held.getByRole("button", { name: "Remove the note that was not sent: Myöhästynyt lappu" }).tap();
  await expect(held).toHaveCount(0);
  await ctx.close();
});
