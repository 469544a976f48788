import { expect, request, test, type APIRequestContext } from "@playwright/test";
import { createWorkshop, note, unique } from "./helpers";
import { openJoining, RoomNetwork } from "./room-network";

let room: RoomNetwork;
test.beforeAll(() => {
  room = RoomNetwork.make();
});
test.afterAll(() => room?.remove());

/** A participant's phone, as far as the server can tell: its own cookies, the LAN address. */
async function phone(origin: string): Promise<APIRequestContext> {
  return request.newContext({ baseURL: origin, extraHTTPHeaders: { origin } });
}

test("the facilitator opens joining on the room's network; a phone asks, is let in, writes a note, is removed; closing lets everyone out", async ({ page }) => {
  const title = unique("Join");
  await createWorkshop(page, title);
  const url = await openJoining(page, room, true);
  const open = page.getByRole("dialog", { name: "Participants can join" });
  await expect(open.getByTestId("join-qr")).toBeVisible();
  expect(url).toMatch(new RegExp(`^http://${room.address.replace(/\./g, "\\.")}:\\d+/j/[0-9A-Z]{26,}$`));
  await expect(open.getByTestId("join-code")).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  const origin = new URL(url).origin;
  const key = url.split("/j/")[1];

  // The phone (its page comes next; here its requests): the invitation names the workshop,
  // joining waits for the facilitator.
  const p = await phone(origin);
  const invite = await p.post("/p/invite", { data: { key } });
  expect(invite.status()).toBe(200);
  expect((await invite.json()).title).toBe(title);
  const joined = await p.post("/p/join", { data: { key, nickname: "Sininen kettu" } });
  expect(joined.status()).toBe(200);
  expect((await joined.json()).pending).toBe(true);
  expect(joined.headers()["set-cookie"]).toMatch(/HttpOnly/i);
  expect(joined.headers()["set-cookie"]).toMatch(/SameSite=Strict/i);

  // The facilitator sees who waits, live, and lets them in.
  await expect(open.getByTestId("join-waiting")).toHaveText(/Sininen kettu/);
  await open.getByRole("button", { name: "Let Sininen kettu in" }).click();
  await expect(open.getByTestId("join-device")).toHaveText(/Sininen kettu/);
  await expect(page.getByTestId("join-button")).toHaveText(/Joined: 1/);

  // What the phone writes is on the facilitator's board.
  const view = await (await p.post("/p/api/participant_view", { data: {} })).json();
  const board = view.boards[0];
  const sent = await p.post("/p/api/participant_add_note", {
    data: { op_id: crypto.randomUUID(), board_id: board.id, touchpoint_id: board.places[0].id, tone: "negative", text: "Jonossa liian kauan" },
  });
  expect(sent.status()).toBe(200);
  await open.getByRole("button", { name: "Done" }).click();
  await expect(note(page, "Jonossa liian kauan")).toBeVisible();
  // A facilitator's command is not a participant's.
  expect((await p.post("/p/api/list_workshops", { data: {} })).status()).toBe(403);

  // Removed: the device's next request is refused at once.
  await page.getByTestId("join-button").click();
  await open.getByRole("button", { name: "Remove Sininen kettu" }).click();
  await expect(open.getByText("Nobody has joined yet.")).toBeVisible();
  expect((await p.post("/p/api/participant_view", { data: {} })).status()).toBe(403);

  // Closing joining (after a yes) lets everyone out and the link stops answering.
  await open.getByRole("button", { name: "Close joining" }).click();
  await page.getByRole("dialog", { name: "Close joining?" }).getByRole("button", { name: "Close joining" }).click();
  await expect(page.getByRole("dialog", { name: "Let participants join" })).toBeVisible();
  // Refused either way: by the closed join, or (once the socket is shut) by nobody answering.
  const after = await p.post("/p/invite", { data: { key } }).then((r) => r.status(), () => "unreachable");
  expect([403, "unreachable"]).toContain(after);
  const fresh = await phone(origin);
  await expect.poll(() => fresh.post("/p/invite", { data: { key } }).then((r) => r.status(), () => "unreachable")).toBe("unreachable");
  await fresh.dispose();
  await p.dispose();
});

test("joining closes by itself: in 12 hours unless the facilitator picks another time, and more time can be given", async ({ page }) => {
  await createWorkshop(page, unique("Join time"));
  await page.getByRole("button", { name: "Let participants join" }).click();
  const dialog = page.getByRole("dialog", { name: "Let participants join" });
  const hours = dialog.getByLabel("Closes by itself after");
  await expect(hours.locator("option:checked")).toHaveText("12 hours (today)");
  await hours.selectOption({ label: "3 hours (a meeting)" });
  await dialog.getByLabel("Network").selectOption({ label: `${room.address} (${room.name})` });
  await dialog.getByRole("button", { name: "Open joining" }).click();

  // When it closes is said as the page says times: three hours from now (the minute may turn meanwhile).
  const open = page.getByRole("dialog", { name: "Participants can join" });
  const closes = open.getByTestId("join-closes");
  const around = (ms: number) =>
    page.evaluate((ms) => [-60_000, 0, 60_000].map((d) => new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" }).format(Date.now() + ms + d)), ms);
  const shown = async () => /^Closes by itself at (.*)\. Everyone is then let out/.exec((await closes.textContent()) ?? "")?.[1];
  expect(await around(3 * 3_600_000)).toContain(await shown());

  // A week more, counted from now: said, and shown.
  await open.getByLabel("How much more time, counted from now").selectOption({ label: "7 days (adding from home)" });
  await open.getByRole("button", { name: "Keep open longer" }).click();
  await expect(page.getByTestId("toast").filter({ hasText: "Joining stays open until" })).toBeVisible();
  const week = await around(168 * 3_600_000);
  await expect.poll(async () => week.includes((await shown()) ?? "")).toBe(true);
});
