import { expect, test, type Page } from "@playwright/test";
import { addNote, createWorkshop, note, unique } from "./helpers";
import { joinPhone } from "./phones";
import { openJoining, RoomNetwork } from "./room-network";

/**
 * A dot vote with three dots each from three phones and, in turns, on the shared screen: a
 * fourth dot refused with a message, the results hidden until the end and then ranked, the top
 * kept, and the table's votes column.
 */

let room: RoomNetwork;
test.beforeAll(() => {
  room = RoomNetwork.make();
});
test.afterAll(() => room?.remove());

const IDEAS = ["Yksi tuttu työntekijä", "Tekstiviesti ensin", "Selkokieliset ohjeet", "Illalla auki"];
/** A note's card with what is under it (its dots and + / −). */
const card = (page: Page, text: string) => page.locator(".wrap").filter({ has: note(page, text) });

async function give(phone: Page, text: string): Promise<void> {
  const row = phone.getByTestId("phone-vote-target").filter({ hasText: text });
  await row.getByRole("button", { name: `Give a dot: ${text}` }).tap();
  await expect(row.getByLabel(/of your dots/)).toBeVisible();
}

test("three phones and the shared screen vote with three dots each; the results show ranked only at the end", async ({ page, browser }) => {
  await createWorkshop(page, unique("Dot vote"));
  for (const idea of IDEAS) await addNote(page, "neutral", idea);
  const url = await openJoining(page, room);
  await page.getByRole("dialog", { name: "Participants can join" }).getByRole("button", { name: "Done", exact: true }).click();

  // Start: three dots each, one per note, results hidden, the shared screen in turns.
  await page.getByTestId("start-vote-button").click();
  const dialog = page.getByRole("dialog", { name: "Start a dot vote" });
  await expect(dialog.getByLabel("All notes on this board")).toBeChecked();
  await expect(dialog.getByLabel("Hide the results until the end")).toBeChecked();
  await dialog.getByTestId("vote-go").click();
  await expect(page.getByTestId("vote-bar")).toContainText("3 dots each · results hidden until the end");
  await expect(page.getByTestId("vote-turn")).toHaveText("Voter 1: 3 dots left");

  const phones = [await joinPhone(browser, url, "Kettu"), await joinPhone(browser, url, "Siili"), await joinPhone(browser, url, "Orava")];
  const ballots = [
    [IDEAS[0], IDEAS[1], IDEAS[2]],
    [IDEAS[0], IDEAS[1], IDEAS[3]],
    [IDEAS[0], IDEAS[2], IDEAS[3]],
  ];
  for (const [i, phone] of phones.entries()) {
    await expect(phone.getByTestId("phone-dots-left")).toHaveText("3 of your 3 dots left");
    for (const idea of ballots[i]) await give(phone, idea);
    await expect(phone.getByTestId("phone-dots-left")).toHaveText("0 of your 3 dots left");
  }
  // A fourth dot is refused, in words, and changes nothing.
  await phones[0].getByRole("button", { name: `Give a dot: ${IDEAS[3]}` }).tap();
  await expect(phones[0].getByRole("alert")).toHaveText("All the dots are given. Take one back to give it elsewhere.");
  // Taken back and given elsewhere: still three.
  await phones[0].getByRole("button", { name: `Take a dot back: ${IDEAS[2]}` }).tap();
  await expect(phones[0].getByTestId("phone-dots-left")).toHaveText("1 of your 3 dots left");
  await give(phones[0], IDEAS[2]);

  // The shared screen: voter 1 gives three dots on the cards, has none left, the next voter three.
  for (const idea of [IDEAS[1], IDEAS[2], IDEAS[3]]) {
    await card(page, idea).getByTestId("give-dot").click();
  }
  await expect(page.getByTestId("vote-turn")).toHaveText("Voter 1: 0 dots left");
  await expect(card(page, IDEAS[0]).getByTestId("give-dot")).toHaveCount(0);
  await page.getByTestId("next-voter").click();
  await expect(page.getByTestId("vote-turn")).toHaveText("Voter 2: 3 dots left");
  await card(page, IDEAS[1]).getByTestId("give-dot").click();
  await expect(page.getByTestId("vote-turn")).toHaveText("Voter 2: 2 dots left");

  // Hidden until the end: no counts on the board or the phones.
  await expect(page.getByTestId("note-dot-count")).toHaveCount(0);
  await expect(phones[1].getByTestId("phone-vote").getByText(/\d dots?$/)).toHaveCount(0);

  // The end: ranked, ties sharing a place; the phones see the same.
  await page.getByTestId("end-vote").click();
  await expect(card(page, IDEAS[0]).getByTestId("note-dot-count")).toContainText("3");
  await page.getByTestId("vote-list-toggle").click();
  const rows = page.getByTestId("vote-row");
  await expect(rows).toHaveCount(4);
  await expect(rows.first()).toHaveText(new RegExp(`^1\\. ${IDEAS[1]} 4 dots`));
  // The three tied second share the place, in no particular order.
  for (const idea of [IDEAS[0], IDEAS[2], IDEAS[3]]) {
    await expect(rows.filter({ hasText: idea })).toHaveText(new RegExp(`^2\\. ${idea} 3 dots`));
  }
  await expect(phones[2].getByRole("heading", { name: "Results of the vote" })).toBeVisible();
  await expect(phones[2].getByTestId("phone-vote-target").first()).toHaveText(new RegExp(`^1\\. ○${IDEAS[1]} 4 dots`));
  // Keep the top one: it is marked on the board.
  await page.getByTestId("keep-top").selectOption("1");
  await expect(card(page, IDEAS[1]).locator(".note.top")).toHaveCount(1);
  await expect(card(page, IDEAS[0]).locator(".note.top")).toHaveCount(0);

  // The table's votes column.
  const csv = await page.evaluate(async (id) => {
    const post = (c: string, b: unknown) => fetch(`/api/${c}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(b) }).then((r) => r.json());
    const job = await post("start_export", { workshop_id: id, format: "csv" });
    for (let i = 0; i < 100; i++) {
      const s = await post("export_status", { job_id: job.job_id });
      if (s.state === "ready") return (await fetch(`/api/exports/${job.job_id}`)).text();
      await new Promise((r) => setTimeout(r, 50));
    }
    return "";
  }, /\/w\/([^/]+)/.exec(page.url())![1]);
  const header = csv.replace(/^\uFEFF/, "").split(/\r?\n/)[0].split(",");
  const votes = header.indexOf("Votes");
  expect(votes).toBeGreaterThan(0);
  const line = csv.split(/\r?\n/).find((l) => l.includes(IDEAS[1]))!;
  expect(line.split(",")[votes]).toBe("4");
  for (const p of phones) await p.context().close();
});
