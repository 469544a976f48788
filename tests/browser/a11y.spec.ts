import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./a11y";
import { addNote, createWorkshop, newWorkshop, newWorkshopName, unique } from "./helpers";
import { joinPhone } from "./phones";
import { openJoining, RoomNetwork } from "./room-network";
import { ROOT } from "./server";

/**
 * Every view of the facilitator's app and the participant's phone page, checked by axe-core
 * against WCAG 2.1 A and AA, as a person reaches it: the list, About Polku and the accessibility
 * statement, the board and its other views, the dialogs, the walk, big-screen mode; the phone's
 * join page, its writing page, its code page.
 * (The team server's sign-in and Facilitators pages: team.spec.ts.)
 */

let room: RoomNetwork;
test.beforeAll(() => {
  room = RoomNetwork.make();
});
test.afterAll(() => room?.remove());

test("the facilitator's views pass axe-core's WCAG 2.1 AA checks", async ({ page }) => {
  await page.goto("/");
  await expect(newWorkshop(page)).toBeVisible();
  await expectAccessible(page, "the workshop list");
  await newWorkshopName(page);
  await expectAccessible(page, "the workshop list with the new-workshop form open");
  // About Polku: its version (the build's), what it is, its data, its licence.
  const version = JSON.parse(readFileSync(join(ROOT, "ui", "package.json"), "utf8")).version;
  await page.getByRole("link", { name: "About Polku" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "About Polku" })).toBeVisible();
  await expect(page.getByTestId("about-version")).toHaveText(`Version ${version}`);
  await expect(page.getByText("European Union Public Licence (EUPL) 1.2")).toBeVisible();
  await expectAccessible(page, "About Polku");
  await page.getByRole("link", { name: "Accessibility statement" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Accessibility statement" })).toBeVisible();
  await expectAccessible(page, "the accessibility statement");
  await createWorkshop(page, unique("Saavutettava"));
  await addNote(page, "negative", "Jonot puhelimessa");
  await page.keyboard.press("Escape");
  await expectAccessible(page, "the board");
  for (const [view, shown] of [
    ["Outline", "Add lane"],
    ["Personas", "New persona"],
    ["Sessions", "Add session"],
  ] as const) {
    await page.getByRole("button", { name: view, exact: true }).click();
    await expect(page.getByRole("button", { name: view, exact: true })).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByRole("button", { name: new RegExp(`^${shown}`) }).first()).toBeVisible();
    await expectAccessible(page, `the ${view.toLowerCase()} view`);
  }
  await page.getByRole("button", { name: "Board", exact: true }).click();
  await page.getByRole("button", { name: "Export", exact: true }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectAccessible(page, "the export dialog");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await page.getByRole("button", { name: "Walk", exact: true }).click();
  await expect(page.getByRole("region", { name: "Walkthrough" })).toBeVisible();
  await expectAccessible(page, "the walk");
  await page.getByRole("button", { name: "Walk", exact: true }).click();
  await page.getByRole("button", { name: "Big screen" }).click();
  await expect(page.getByRole("button", { name: "Big screen" })).toHaveAttribute("aria-pressed", "true");
  await expectAccessible(page, "big-screen mode");
  await page.getByRole("button", { name: "Big screen" }).click();
});

test("the licences page passes axe-core's WCAG 2.1 AA checks, a licence text open", async ({ page }) => {
  await page.goto("/#/about/licences");
  await expect(page.getByRole("region", { name: "Rust crates" }).getByRole("listitem").filter({ hasText: /^tauri / })).toHaveCount(1);
  await page.getByText("Licence text: SIL Open Font License 1.1").first().click();
  await expectAccessible(page, "the licences page");
});

test("the phone's pages pass axe-core's WCAG 2.1 AA checks, and so does the join dialog", async ({ page, browser }) => {
  await createWorkshop(page, unique("Saavutettava puhelin"));
  await page.getByRole("button", { name: "Let participants join" }).click();
  await expect(page.getByRole("dialog", { name: "Let participants join" })).toBeVisible();
  await expectAccessible(page, "the join dialog");
  await page.keyboard.press("Escape");
  const url = await openJoining(page, room);
  await expectAccessible(page, "the open join");

  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: "en-US" });
  const codePage = await ctx.newPage();
  await codePage.goto(new URL(url).origin + "/");
  await expect(codePage.getByRole("textbox")).toBeVisible();
  await expectAccessible(codePage, "the phone's code page");
  await codePage.goto(url);
  await expect(codePage.getByRole("button", { name: "Join" })).toBeVisible();
  await expectAccessible(codePage, "the phone's join page");
  await ctx.close();
  const phone = await joinPhone(browser, url, "Kettu");
  await expectAccessible(phone, "the phone's writing page");
});

test("the accessibility statement opens from About Polku and goes back, in Finnish when the UI is", async ({ page }) => {
  const version = JSON.parse(readFileSync(join(ROOT, "ui", "package.json"), "utf8")).version;
  await page.goto("/");
  await page.getByLabel("Language", { exact: true }).selectOption("fi");
  await page.getByRole("link", { name: "Tietoja Polusta" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tietoja Polusta" })).toBeVisible();
  await page.getByRole("link", { name: "Saavutettavuusseloste" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Saavutettavuusseloste" })).toBeVisible();
  await expect(page).toHaveTitle("Saavutettavuusseloste – Polku");
  await expect(page.getByText(`Tämä saavutettavuusseloste koskee Polku-ohjelmiston versiota ${version}:`)).toBeVisible();
  await expect(page.getByTestId("a11y-prepared")).toHaveText(/^Tämä seloste on laadittu 3\.12\.2026\./);
  // The sections of the supervisory authority's model statement, in its order.
  await expect(page.getByRole("heading", { level: 2 })).toHaveText([
    "Digipalvelun saavutettavuuden tila",
    "Miten saavutettavuutta on arvioitu",
    "Tiedossa olevat puutteet",
    "Palaute ja yhteystiedot",
    "Valvontaviranomainen",
    "Selosteen laatiminen",
  ]);
  await expect(page.getByTestId("a11y-screen-reader")).toContainText("Orca");
  // Every string found: a missing one would show as its key.
  await expect(page.getByTestId("a11y-problems").getByRole("listitem")).toHaveCount(4);
  await expect(page.locator("main")).not.toContainText("a11yStatement.");
  // Read on a phone too: the text wraps, nothing has to be scrolled sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  const sideways = await page.locator(".side-page").evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(sideways).toBeLessThanOrEqual(0);

  await page.getByRole("link", { name: "Takaisin: Tietoja Polusta" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tietoja Polusta" })).toBeVisible();
  await expect(page).toHaveTitle("Tietoja Polusta – Polku");
});

test("the check finds what it is for: a field with no name fails it", async ({ page }) => {
  await page.goto("/");
  await expect(newWorkshop(page)).toBeVisible();
  await page.evaluate(() => document.querySelector("main")?.append(Object.assign(document.createElement("input"), { type: "text" })));
  await expect(expectAccessible(page, "a page with a nameless field")).rejects.toThrow(/label/);
});
