import { expect, test, type Page } from "@playwright/test";
import { createWorkshop, note, TOUCHPOINTS, unique } from "./helpers";
import { joinPhone } from "./phones";
import { openJoining, RoomNetwork } from "./room-network";

/**
 * Private writing from two phones: the facilitator's screen shows blank cards and how many lie at
 * each place, each phone its own words only, until one reveal shows all (and Ctrl+Z takes the
 * reveal back). Covering hides every note's words on the room's screens.
 */

let room: RoomNetwork;
test.beforeAll(() => {
  room = RoomNetwork.make();
});
test.afterAll(() => room?.remove());

async function send(phone: Page, place: string, text: string): Promise<void> {
  await phone.getByRole("radio", { name: place, exact: true }).check();
  await phone.getByLabel("Your note", { exact: true }).fill(text);
  await phone.getByRole("button", { name: "Send" }).tap();
  await expect(phone.getByTestId("phone-note").filter({ hasText: text })).toBeVisible();
}

test("notes written privately from two phones stay face down on every other screen until the facilitator reveals them", async ({ page, browser }) => {
  await createWorkshop(page, unique("Private writing"));
  await page.getByTestId("write-privately").click();
  await page.getByTestId("write-whole").click();
  await expect(page.getByTestId("writing-status")).toContainText("Writing privately on this board");
  const url = await openJoining(page, room);
  await page.getByRole("dialog", { name: "Participants can join" }).getByRole("button", { name: "Done", exact: true }).click();
  const [a, b] = [await joinPhone(browser, url, "Kettu"), await joinPhone(browser, url, "Siili")];
  await expect(a.getByTestId("phone-writing")).toBeVisible();

  await send(a, TOUCHPOINTS.en[0], "Salainen ajatus A");
  await send(b, TOUCHPOINTS.en[2], "Salainen ajatus B");
  await send(b, TOUCHPOINTS.en[2], "Toinen salaisuus B");

  // The facilitator's screen: three blank cards, counted per place, and none of the words.
  await expect(page.locator('[data-testid="note"].face-down')).toHaveCount(3);
  await expect(page.getByTestId("face-down-counts")).toHaveText(`3 notes face down: ${TOUCHPOINTS.en[0]} 1, ${TOUCHPOINTS.en[2]} 2`);
  await expect(page.getByText(/Salai/)).toHaveCount(0);
  expect(await page.content()).not.toContain("Salainen");
  // Counted as nothing: a face-down note's colour is not shown either.
  await expect(page.getByTestId("touchpoint-counts").first()).toHaveAttribute("aria-label", `${TOUCHPOINTS.en[0]}: 0 negative notes, 0 neutral notes, 0 positive notes`);
  // Each phone: its own words, and only a count of the others'.
  await expect(a.getByTestId("phone-face-down")).toHaveText(`2 notes by others, not yet revealed: ${TOUCHPOINTS.en[2]} 2`);
  await expect(b.getByTestId("phone-face-down")).toHaveText(`1 note by others, not yet revealed: ${TOUCHPOINTS.en[0]} 1`);
  expect(await a.content()).not.toContain("ajatus B");
  expect(await b.content()).not.toContain("ajatus A");

  // Reveal: every screen shows all; Ctrl+Z turns them down again, a second reveal shows them.
  await page.getByTestId("reveal").click();
  await expect(note(page, "Salainen ajatus A")).toBeVisible();
  await expect(note(page, "Toinen salaisuus B")).toBeVisible();
  await expect(page.getByTestId("writing-status")).toHaveCount(0);
  await expect(a.getByText("Salainen ajatus B")).toBeVisible();
  await expect(b.getByText("Salainen ajatus A")).toBeVisible();
  await page.keyboard.press("Control+z");
  await expect(page.locator('[data-testid="note"].face-down')).toHaveCount(3);
  await expect(a.getByTestId("phone-face-down")).toBeVisible();
  await page.getByTestId("reveal").click();
  await expect(note(page, "Salainen ajatus B")).toBeVisible();

  // Covering hides every note's words on the room's screens, the facilitator's other tab too.
  const other = await page.context().newPage();
  await other.goto(page.url());
  await expect(note(other, "Salainen ajatus A")).toBeVisible();
  await page.getByTestId("cover").click();
  await expect(page.getByTestId("cover")).toHaveAttribute("aria-pressed", "true");
  for (const p of [page, other]) {
    await expect(p.locator('[data-testid="note"].covered')).toHaveCount(3);
    await expect(p.getByText(/Salai/)).toHaveCount(0);
  }
  await page.getByTestId("cover").click();
  await expect(note(other, "Salainen ajatus A")).toBeVisible();
  for (const p of [a, b]) await p.context().close();
});
