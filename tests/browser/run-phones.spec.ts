import { expect, test } from "@playwright/test";
import { openTab } from "./board-ops";
import { openJoining, RoomNetwork } from "./room-network";
import { programme } from "./run-helpers";

/** Phones in the room see what the room is doing now: the agenda item, its instructions, the timer. */

let room: RoomNetwork;
test.beforeAll(() => {
  room = RoomNetwork.make();
});
test.afterAll(() => room?.remove());

test("a joined phone shows the running item and timer, follows next, start and pause, and is brought with the other tab to the facilitator's board and place", async ({ page, browser }) => {
  const url = process.env.POLKU_URL!;
  const { w } = await programme(url, process.env.POLKU_E2E_DATA_DIR!);
  await page.goto(`/#/w/${w.id}/sessions`);
  await page.getByRole("button", { name: "Start session: First meeting" }).click();
  await expect(page.getByTestId("run-item")).toHaveText("Welcome round");
  const link = await openJoining(page, room);
  await page.getByRole("dialog", { name: "Participants can join" }).getByRole("button", { name: "Done", exact: true }).click();

  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: "en-US" });
  const phone = await ctx.newPage();
  await phone.goto(link);
  await phone.getByRole("button", { name: "Join" }).tap();
  const live = phone.getByTestId("phone-live");
  await expect(live).toContainText("Now: Welcome round");
  await expect(live).toContainText("Say your name and one thing that went well this week.");
  await expect(live.getByTestId("timer-digits")).toHaveText("10:00");
  await expect(live.getByRole("timer")).toHaveAccessibleName("10:00 left");

  // The facilitator moves on and starts the timer: the phone follows without a tap.
  await page.getByTestId("run-next").click();
  await expect(live).toContainText("Now: Notes on the path");
  await expect(live.getByTestId("timer-digits")).toHaveText("5:00");
  await page.getByTestId("timer-toggle").click();
  await expect(live.getByTestId("timer-words")).toHaveText("");
  await expect(live.getByTestId("timer-digits")).toHaveText(/^4:5\d$/);
  await page.getByTestId("timer-toggle").click();
  await expect(live.getByTestId("timer-words")).toHaveText("Paused");
  // The phone offers no way to steer it.
  await expect(live.getByRole("button")).toHaveCount(0);

  // "Bring everyone here": the phone and the facilitator's other tab go to the facilitator's board
  // and place, once.
  const other = await page.context().newPage();
  await other.goto(`/#/w/${w.id}/b/${w.boards[0].id}`);
  await expect(openTab(other)).toHaveText(w.boards[0].title);
  const board = w.boards[2];
  await expect(openTab(page)).toHaveText(board.title);
  const station = page.locator(".station-head, [data-touchpoint-id]").filter({ hasText: "Closer relationship" }).first();
  await station.focus();
  await page.getByTestId("run-bring").click();
  await expect(page.getByText(`Everyone was brought to ${board.title}.`)).toBeVisible();
  const shown = phone.locator('[data-testid="phone-board"]:visible');
  await expect(shown.getByRole("heading", { level: 2 })).toHaveText(board.title);
  await expect(shown.getByRole("radio", { name: "Closer relationship", exact: true })).toBeChecked();
  await expect(openTab(other)).toHaveText(board.title);
  await expect(other.getByText(`The facilitator brought everyone to ${board.title}.`)).toBeVisible();
  // Once: the phone may go elsewhere and stays there.
  await phone.getByRole("radio", { name: w.boards[0].title }).check();
  await expect(shown.getByRole("heading", { level: 2 })).toHaveText(w.boards[0].title);
  await page.getByTestId("timer-toggle").click();
  await expect(live.getByTestId("timer-words")).toHaveText("");
  await expect(shown.getByRole("heading", { level: 2 })).toHaveText(w.boards[0].title);

  // Ended: the phone drops the panel and keeps its note form.
  await page.getByTestId("run-end").click();
  await expect(live).toHaveCount(0);
  await expect(shown.getByLabel("Your note", { exact: true })).toBeVisible();
  await ctx.close();
});
