import { execFileSync, type ChildProcess } from "node:child_process";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { addNote, newWorkshop, newWorkshopName, note, TOUCHPOINTS, unique } from "./helpers";
import { binary, serveWith, type Served } from "./server";
import { expectAccessible } from "./a11y";
import { testPostgres } from "./team-server";

/**
 * A team server as two facilitators meet it: two instances of `polku serve --database` on one
 * real PostgreSQL (started by crates/test-postgres), each facilitator's browser on its own
 * instance, each signed in through the form. A workshop made by one is in no one else's list
 * until it is shared in its Share dialog; then it appears in the colleague's list, and notes
 * written on either board appear on the other; a team library offers no Backups of its own; a
 * wrong password is refused in words; signing out ends it.
 */

const PASSWORD = "kevät-ryhmä-2026";

let postgres: ChildProcess;
let databaseUrl: string;
let a: Served;
let b: Served;

test.beforeAll(async () => {
  const pg = await testPostgres();
  postgres = pg.proc;
  databaseUrl = pg.url;
  for (const [email, name] of [
    ["anna@kunta.fi", "Anna Virtanen"],
    ["ville@kunta.fi", "Ville Korhonen"],
  ]) {
    execFileSync(binary(), ["facilitators", "--database", pg.url, "add", "--email", email, "--name", name], { input: `${PASSWORD}\n` });
  }
  // Ville's unit, to share with as a whole.
  execFileSync(binary(), ["facilitators", "--database", pg.url, "add-group", "--group", "Aikuissosiaalityö"]);
  execFileSync(binary(), ["facilitators", "--database", pg.url, "member", "--group", "Aikuissosiaalityö", "--email", "ville@kunta.fi"]);
  a = await serveWith(["--database", pg.url]);
  b = await serveWith(["--database", pg.url]);
});

test.afterAll(async () => {
  await a?.stop();
  await b?.stop();
  // Its server stops with it.
  postgres?.stdin?.end();
});

/** A facilitator's browser on one instance, signed in through the form. */
async function facilitator(browser: Browser, server: Served, email: string): Promise<Page> {
  // Nothing of the suite's own server: no key header, no cookie.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, extraHTTPHeaders: {}, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto(server.url);
  await expect(page).toHaveURL(/\/signin$/);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(newWorkshop(page)).toBeVisible();
  return page;
}

test("two facilitators on two instances of a team server work on one workshop", async ({ browser }) => {
  const onA = await facilitator(browser, a, "anna@kunta.fi");
  const onB = await facilitator(browser, b, "ville@kunta.fi");
  await expect(onB.getByTestId("signed-in-as")).toHaveText("Signed in as Ville Korhonen");
  const title = unique("Tiimin työpaja");

  await (await newWorkshopName(onA)).fill(title);
  await onA.getByRole("button", { name: "Create workshop" }).click();
  await expect(onA.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(onB.getByText(title)).toHaveCount(0);

  // Anna shares it from the list; Ville's list learns of it through the database, without a reload.
  await onA.goto(a.url);
  await onA.getByRole("button", { name: `Share ${title} with colleagues` }).click();
  const dialog = onA.getByTestId("share-dialog");
  await expect(dialog.getByText("Made by Anna Virtanen.")).toBeVisible();
  await expect(dialog.getByText("Not shared with anyone yet.")).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Share with Ville Korhonen" })).toBeVisible();
  // Shared with Ville's group: Ville is in it.
  await dialog.getByRole("button", { name: "Share with Aikuissosiaalityö" }).click();
  await expect(dialog.getByRole("button", { name: "Stop sharing with Aikuissosiaalityö" })).toBeVisible();
  await onA.screenshot({ path: test.info().outputPath("team-share-dialog.png") });
  await expectAccessible(onA, "the share dialog");
  await dialog.getByRole("button", { name: "Close" }).click();
  await onA.getByRole("link", { name: title }).click();
  await onB.getByText(title).click();
  await expect(onB.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(onB.getByText(TOUCHPOINTS.en[0], { exact: true })).toBeVisible();

  await addNote(onA, "negative", "Jonot puhelimessa ovat pitkiä");
  await expect(note(onB, "Jonot puhelimessa ovat pitkiä")).toBeVisible();
  await addNote(onB, "positive", "Nimetty työntekijä auttaa");
  await expect(note(onA, "Nimetty työntekijä auttaa")).toBeVisible();
  await onB.screenshot({ path: test.info().outputPath("team-board-b.png") });

  // Backups of a team library are its database server's: the list offers none.
  const status = onA.waitForResponse((r) => r.url().endsWith("/api/library_status"));
  await onA.goto(a.url);
  expect(await (await status).json()).toMatchObject({ team: true, read_only: false, damaged: false });
  await expect(onA.getByRole("link", { name: title })).toBeVisible();
  await expect(onA.getByRole("button", { name: /^Backups/ })).toHaveCount(0);
  await expect(onA.getByTestId("team-library")).toHaveText(/^Team library: /);
  await onA.screenshot({ path: test.info().outputPath("team-list-a.png"), fullPage: true });
});

test("a wrong password is refused in words, and signing out ends the sign-in", async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: {}, storageState: { cookies: [], origins: [] }, locale: "fi-FI" });
  const page = await context.newPage();
  await page.goto(`${a.url}/signin`);
  await expect(page.getByRole("heading", { name: "Kirjaudu Polkuun" })).toBeVisible();
  await page.getByLabel("Sähköpostiosoite").fill("anna@kunta.fi");
  await page.getByLabel("Salasana").fill("väärä salasana");
  await page.getByRole("button", { name: "Kirjaudu" }).click();
  await expect(page.getByRole("alert")).toHaveText("Osoite ja salasana eivät täsmää. Tarkista ne ja yritä uudelleen.");
  await expect(page.getByLabel("Sähköpostiosoite")).toHaveValue("anna@kunta.fi");
  await page.screenshot({ path: test.info().outputPath("signin-wrong-fi.png") });
  await expectAccessible(page, "the sign-in page, a wrong password said");

  await page.getByLabel("Salasana").fill(PASSWORD);
  await page.getByRole("button", { name: "Kirjaudu" }).click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  await page.getByRole("button", { name: "Kirjaudu ulos" }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await page.goto(a.url);
  await expect(page).toHaveURL(/\/signin$/);
});

test("an admin adds a colleague on the Facilitators page, and the colleague signs in", async ({ browser }) => {
  execFileSync(binary(), ["facilitators", "--database", databaseUrl, "add", "--email", "admin@kunta.fi", "--name", "Aino Admin", "--admin"], { input: `${PASSWORD}\n` });
  const page = await facilitator(browser, a, "admin@kunta.fi");
  await page.getByRole("link", { name: "Facilitators" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Facilitators" })).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill("Sari Laine");
  await page.getByLabel("Email address").fill("sari@kunta.fi");
  await page.getByLabel("First password").fill("lyhyt");
  await page.getByRole("button", { name: "Add facilitator" }).click();
  // The browser's own check first: too short to send.
  await expect(page.getByTestId("facilitator").filter({ hasText: "sari@kunta.fi" })).toHaveCount(0);
  await page.getByLabel("First password").fill("sari-salasana-2026");
  await page.getByRole("button", { name: "Add facilitator" }).click();
  await expect(page.getByText("Sari Laine can now sign in.")).toBeVisible();
  const row = page.getByTestId("facilitator").filter({ hasText: "sari@kunta.fi" });
  await expect(row).toContainText("Sari Laine");
  // No one disables themselves here.
  const own = page.getByTestId("facilitator").filter({ hasText: "admin@kunta.fi" });
  await expect(own.getByRole("button", { name: "Disable" })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath("team-facilitators.png"), fullPage: true });

  const context = await browser.newContext({ extraHTTPHeaders: {}, storageState: { cookies: [], origins: [] } });
  const sari = await context.newPage();
  await sari.goto(`${b.url}/signin`);
  await sari.getByLabel("Email address").fill("sari@kunta.fi");
  await sari.getByLabel("Password").fill("sari-salasana-2026");
  await sari.getByRole("button", { name: "Sign in" }).click();
  await expect(sari.getByTestId("signed-in-as")).toHaveText("Signed in as Sari Laine");
  await expect(sari.getByRole("link", { name: "Facilitators" })).toHaveCount(0);

  // Disabled by the admin: her next step finds her signed out.
  await row.getByRole("button", { name: "Disable" }).click();
  await expect(row).toContainText("Cannot sign in");
  await sari.reload();
  await expect(sari).toHaveURL(/\/signin$/);
});

test("an admin makes a group on the Facilitators page, puts a colleague in it and takes them out", async ({ browser }) => {
  const page = await facilitator(browser, a, "admin@kunta.fi");
  await page.getByRole("link", { name: "Facilitators" }).click();
  const groups = page.getByRole("region", { name: "Groups" });
  await groups.getByLabel("New group's name").fill("Lastensuojelu");
  await groups.getByRole("button", { name: "Add group" }).click();
  await expect(page.getByText("Group Lastensuojelu added.")).toBeVisible();
  const group = groups.getByTestId("group").filter({ hasText: "Lastensuojelu" });
  await expect(group.getByText("No one in this group yet.")).toBeVisible();
  await group.getByLabel("A facilitator to put in Lastensuojelu").selectOption({ label: "Ville Korhonen (ville@kunta.fi)" });
  await group.getByRole("button", { name: "Put in the group" }).click();
  await expect(page.getByText("Ville Korhonen is now in Lastensuojelu.")).toBeVisible();
  await expect(group.getByRole("button", { name: "Take Ville Korhonen out of Lastensuojelu" })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("team-groups.png"), fullPage: true });
  await expectAccessible(page, "the Facilitators page with its groups");
  // Another instance's list has it too: groups are the library's.
  const onB = await facilitator(browser, b, "admin@kunta.fi");
  await onB.goto(`${b.url}/#/facilitators`);
  await expect(onB.getByTestId("group").filter({ hasText: "Lastensuojelu" })).toContainText("Ville Korhonen");
  await group.getByRole("button", { name: "Take Ville Korhonen out of Lastensuojelu" }).click();
  await expect(group.getByText("No one in this group yet.")).toBeVisible();
  // The name is taken now: said in words, and the field keeps it.
  await groups.getByLabel("New group's name").fill("Lastensuojelu");
  await groups.getByRole("button", { name: "Add group" }).click();
  await expect(page.getByText("There is a group with that name already.")).toBeVisible();
  await expect(groups.getByLabel("New group's name")).toHaveValue("Lastensuojelu");

  // Renamed in place: Escape gives the new name up, Enter keeps it, and the focus stays on the group.
  const rename = (name: string) => groups.getByRole("button", { name: `Rename the group ${name}` });
  await rename("Lastensuojelu").click();
  const field = groups.getByLabel("New name for the group Lastensuojelu");
  await expect(field).toBeFocused();
  await field.fill("Ei tämä");
  await field.press("Escape");
  await expect(rename("Lastensuojelu")).toBeFocused();
  await rename("Lastensuojelu").click();
  await field.fill("  ");
  await field.press("Enter");
  await expect(page.getByText("A group's name is 1–200 characters on one line.")).toBeVisible();
  await field.fill("Lapsiperheet ja nuoret");
  await field.press("Enter");
  await expect(page.getByText("The group Lastensuojelu is now Lapsiperheet ja nuoret.")).toBeVisible();
  await expect(rename("Lapsiperheet ja nuoret")).toBeFocused();
  // The other instance's page has the new name too.
  await onB.reload();
  await expect(onB.getByRole("heading", { level: 3, name: "Lapsiperheet ja nuoret" })).toBeVisible();

  // Removed only after a question that says what its members lose; Cancel keeps it.
  const remove = groups.getByRole("button", { name: "Remove the group Lapsiperheet ja nuoret" });
  await remove.click();
  const ask = page.getByRole("dialog", { name: "Remove the group Lapsiperheet ja nuoret?" });
  await expect(ask).toContainText("No workshop is shared with it; its members keep everything they have.");
  await expectAccessible(page, "the question before a group is removed");
  await ask.getByRole("button", { name: "Cancel" }).click();
  await expect(remove).toBeFocused();
  await remove.click();
  await ask.getByRole("button", { name: "Remove group" }).click();
  await expect(page.getByText("The group Lapsiperheet ja nuoret was removed.")).toBeVisible();
  await expect(groups.getByTestId("group").filter({ hasText: "Lapsiperheet ja nuoret" })).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 2, name: "Groups" })).toBeFocused();
});

test("participants join a team server's workshop from home, through any instance, by link or by code", async ({ browser }) => {
  const onA = await facilitator(browser, a, "anna@kunta.fi");
  const title = unique("Etäryhmä");
  await (await newWorkshopName(onA)).fill(title);
  await onA.getByRole("button", { name: "Create workshop" }).click();
  await expect(onA.getByRole("heading", { level: 1, name: title })).toBeVisible();

  // No room network to choose: the link is the server's own address, wherever the phone is.
  await onA.getByRole("button", { name: "Let participants join" }).click();
  const start = onA.getByRole("dialog", { name: "Let participants join" });
  await expect(start.getByText("in the room or at home")).toBeVisible();
  await expect(start.getByLabel("Network")).toHaveCount(0);
  await start.getByRole("button", { name: "Open joining" }).click();
  const open = onA.getByRole("dialog", { name: "Participants can join" });
  await expect(open.getByTestId("join-qr")).toBeVisible();
  const url = (await open.getByTestId("join-url").textContent())!.trim();
  expect(url).toMatch(new RegExp(`^${a.url}/j/[0-9A-Z]{26,}$`));
  const code = (await open.getByTestId("join-code").textContent())!.trim();
  await onA.screenshot({ path: test.info().outputPath("team-join-dialog.png") });

  // A phone at home opens the link; the load balancer sends it to instance B.
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: "en-US", extraHTTPHeaders: {}, storageState: { cookies: [], origins: [] } });
  const phone = await phoneContext.newPage();
  await phone.goto(url.replace(a.url, b.url));
  await phone.getByLabel("Your nickname").fill("Kotona");
  await phone.getByRole("button", { name: "Join" }).tap();
  await expect(phone.getByText("You are Kotona")).toBeVisible();
  await expect(open.getByTestId("join-device")).toHaveText(/Kotona/);
  await phone.getByRole("radio", { name: TOUCHPOINTS.en[0], exact: true }).check();
  await phone.getByRole("radio", { name: "Idea", exact: true }).check();
  await phone.getByLabel("Your note", { exact: true }).fill("Etäyhteys toimii kotoa");
  await phone.getByRole("button", { name: "Send" }).tap();
  await phone.screenshot({ path: test.info().outputPath("team-join-phone.png") });
  await open.getByRole("button", { name: "Done", exact: true }).click();
  await expect(note(onA, "Etäyhteys toimii kotoa")).toBeVisible();

  // A laptop without a camera types the code at the short address.
  const laptop = await (await browser.newContext({ extraHTTPHeaders: {}, storageState: { cookies: [], origins: [] } })).newPage();
  await laptop.goto(`${b.url}/j/`);
  await laptop.getByLabel("The code on the screen").fill(code.replace("-", "").toLowerCase());
  await laptop.getByRole("button", { name: "Continue" }).click();
  await laptop.getByRole("button", { name: "Join" }).click();
  await expect(laptop.getByText(/^You are /)).toBeVisible();
  await expect(onA.getByTestId("join-button")).toHaveText(/Joined: 2/);
  // The phone's page is no way into the facilitators' app.
  await laptop.goto(b.url);
  await expect(laptop).toHaveURL(/\/signin$/);

  // Closing joining on A ends it on B too.
  await onA.getByTestId("join-button").click();
  await open.getByRole("button", { name: "Close joining" }).click();
  await onA.getByRole("dialog", { name: "Close joining?" }).getByRole("button", { name: "Close joining" }).click();
  await expect(phone.getByText("You are no longer in this workshop: the facilitator closed joining or removed this phone. Your notes stay on the board.")).toBeVisible();
});
