import { expect, test } from "@playwright/test";
import { createWorkshop, note, TOUCHPOINTS, unique } from "./helpers";
import { openJoining, RoomNetwork } from "./room-network";
import { joinPhone } from "./phones";

let room: RoomNetwork;
test.beforeAll(() => {
  room = RoomNetwork.make();
});
test.afterAll(() => room?.remove());

test("a participant joins from a phone by the link, writes notes of three tones to two places, one while offline, edits one and deletes one", async ({ page, browser }) => {
  await createWorkshop(page, unique("Phones"));
  const url = await openJoining(page, room);
  await page.getByRole("dialog", { name: "Participants can join" }).getByRole("button", { name: "Done", exact: true }).click();

  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: "en-US" });
  const phone = await ctx.newPage();
  await phone.goto(url);
  // A friendly nickname is offered; no real name is asked for.
  const nick = phone.getByLabel("Your nickname");
  await expect(nick).not.toHaveValue("");
  await expect(phone.getByText("No real names: a nickname is enough.")).toBeVisible();
  await nick.fill("Kettu");
  await phone.getByRole("button", { name: "Join" }).tap();
  await expect(phone.getByText("You are Kettu")).toBeVisible();
  await expect(page.getByTestId("join-button")).toHaveText(/Joined: 1/);

  async function send(place: string, tone: string, text: string) {
    await phone.getByRole("radio", { name: place, exact: true }).check();
    await phone.getByRole("radio", { name: tone, exact: true }).check();
    await phone.getByLabel("Your note", { exact: true }).fill(text);
    await phone.getByRole("button", { name: "Send" }).tap();
  }
  // Each on the facilitator's board within a second of its tap, under the touchpoint it chose.
  const sent: [string, string, string, string][] = [
    [TOUCHPOINTS.en[0], "Negative", "Jono puhelimessa", "observation"],
    [TOUCHPOINTS.en[0], "Positive", "Ystävällinen vastaus", "observation"],
    [TOUCHPOINTS.en[1], "Idea", "Tekstiviesti ajasta", "idea"],
  ];
  for (const [place, tone, text, kind] of sent) {
    await send(place, tone, text);
    await expect(note(page, text)).toBeVisible({ timeout: 1000 });
    await expect(note(page, text)).toHaveAttribute("data-kind", kind);
  }
  await expect(phone.getByTestId("phone-note")).toHaveCount(3);

  // The Wi-Fi drops: the note waits on the phone, marked, and goes when the connection is back.
  await ctx.setOffline(true);
  await send(TOUCHPOINTS.en[1], "Neutral", "Odotin viikon");
  await expect(phone.getByTestId("phone-waiting")).toContainText("not sent yet");
  await expect(note(page, "Odotin viikon")).toHaveCount(0);
  await ctx.setOffline(false);
  await expect(note(page, "Odotin viikon")).toBeVisible({ timeout: 10_000 });
  await expect(phone.getByTestId("phone-waiting")).toHaveCount(0);
  await expect(phone.getByTestId("phone-note")).toHaveCount(4);

  // Its own note, rewritten on the phone, changes on the board.
  await phone.getByRole("button", { name: "Edit your note: Ystävällinen vastaus" }).tap();
  await phone.getByLabel("The note's text").fill("Ystävällinen ja nopea vastaus");
  await phone.getByRole("button", { name: "Save", exact: true }).tap();
  await expect(note(page, "Ystävällinen ja nopea vastaus")).toBeVisible();
  await expect(phone.getByTestId("phone-note").filter({ hasText: "Ystävällinen ja nopea vastaus" })).toHaveCount(1);

  // Its own note, deleted from the phone, leaves the board.
  await phone.getByRole("button", { name: "Delete your note: Jono puhelimessa" }).tap();
  await expect(note(page, "Jono puhelimessa")).toHaveCount(0);
  await expect(phone.getByTestId("phone-note")).toHaveCount(3);

  // Joining closed: the phone is told in words, not left with a connection that went quiet.
  await page.getByTestId("join-button").click();
  await page.getByRole("dialog", { name: "Participants can join" }).getByRole("button", { name: "Close joining" }).click();
  await page.getByRole("dialog", { name: "Close joining?" }).getByRole("button", { name: "Close joining" }).click();
  await expect(phone.getByText("You are no longer in this workshop")).toBeVisible();
  await ctx.close();
});

test("a phone that cannot scan opens the short address and types the code from the screen; a wrong code is said in words", async ({ page, browser }) => {
  await createWorkshop(page, unique("Code"));
  await openJoining(page, room);
  const dialog = page.getByRole("dialog", { name: "Participants can join" });
  const code = (await dialog.getByTestId("join-code").textContent())!.trim();
  const url = new URL((await dialog.getByTestId("join-url").textContent())!.trim());

  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: "en-US" });
  const phone = await ctx.newPage();
  await phone.goto(url.origin + "/");
  const field = phone.getByLabel("The code on the screen");
  await field.fill("ZZZZ-ZZZZ");
  await phone.getByRole("button", { name: "Continue" }).tap();
  await expect(phone.getByRole("alert")).toHaveText("That code does not work. Check it on the screen and type it again.");
  // Typed as people type it: lower case, without the dash.
  await field.fill(code.replace("-", "").toLowerCase());
  await phone.getByRole("button", { name: "Continue" }).tap();
  await phone.getByRole("button", { name: "Join" }).tap();
  await expect(phone.getByText(/^You are /)).toBeVisible();
  await expect(dialog.getByTestId("join-device")).toHaveCount(1);
  await ctx.close();
});

test("a note written as markup or a link is shown as the words typed, on the phones and on the facilitator's board", async ({ page, browser }) => {
  await createWorkshop(page, unique("Text only"));
  const url = await openJoining(page, room);
  await page.getByRole("dialog", { name: "Participants can join" }).getByRole("button", { name: "Done", exact: true }).click();
  const hostile = `<img src="x" onerror="window.__pwned=1"><a href="https://example.com">klikkaa</a> https://example.com`;
  const phones = [await joinPhone(browser, url, "Kirjoittaja"), await joinPhone(browser, url, "Lukija")];
  const [writer, reader] = phones;
  await writer.getByLabel("Your note", { exact: true }).fill(hostile);
  await writer.getByRole("button", { name: "Send" }).tap();
  // The writer's own list, another phone's list of others' notes, and the board: the same words, no element made of them.
  await expect(writer.getByTestId("phone-note")).toContainText(hostile);
  await expect(reader.getByText(hostile, { exact: true })).toBeVisible();
  await expect(note(page, "onerror")).toContainText(hostile);
  for (const p of [writer, reader, page]) {
    await expect(p.locator('img[src="x"], a[href="https://example.com"]')).toHaveCount(0);
    expect(await p.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  }
  for (const p of phones) await p.context().close();
});
