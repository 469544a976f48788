// A team library in the desktop app: its address typed in the main window opens the team
// server's pages in a window of their own; the sign-in happens in the system browser (here
// Debian's Chromium, tests/desktop/system-browser.mjs), which hands the app a one-time code;
// the window is then signed in and names the team library, while the main window stays the
// library on this computer. A real team server on a real PostgreSQL (crates/test-postgres).
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { TMP, closeApp, env, freshLibrary, openApp, t, until, windowNamed, xq } from "./helpers.mjs";
import { EMAIL, NAME, PASSWORD } from "./team-account.mjs";

let browser = null;
const children = [];

/** A child's first line of output (the address it serves, the database it made). */
function firstLine(child, pattern) {
  return new Promise((ok, fail) => {
    let seen = "";
    child.stdout.on("data", (c) => {
      seen += c.toString();
      const m = pattern.exec(seen);
      if (m) ok(m[1]);
    });
    child.on("exit", (code) => fail(new Error(`${child.spawnfile} exited (${code}): ${seen}`)));
  });
}

async function teamServer() {
  const pg = spawn(env("POLKU_TEST_POSTGRES"), [], { stdio: ["pipe", "pipe", "inherit"] });
  children.push(pg);
  const url = await firstLine(pg, /^(postgres:\S+)\n/);
  // The suite's library folder is the app's; the team server's library is the database.
  const { POLKU_DATA_DIR: _, ...rest } = process.env;
  execFileSync(env("POLKU_BIN"), ["facilitators", "--database", url, "add", "--email", EMAIL, "--name", NAME], { input: `${PASSWORD}\n`, env: rest });
  const server = spawn(env("POLKU_BIN"), ["serve", "--database", url, "--port", "0"], { stdio: ["ignore", "pipe", "inherit"], env: rest });
  children.push(server);
  return firstLine(server, /(http:\/\/127\.0\.0\.1:\d+)\/signin/);
}

describe("A team library in the desktop app", { concurrency: 1 }, () => {
  after(async () => {
    if (browser) await closeApp(browser).catch(() => {});
    for (const c of children) c.kill();
  });

  test("opens in a window of its own, signed in through the system browser", { timeout: 180_000 }, async () => {
    const team = await teamServer();
    freshLibrary();
    browser = await openApp();
    const main = await browser.getWindowHandle();
    await browser.$(`//*[normalize-space()=${xq(t("library.local"))}]`).waitForDisplayed();

    const field = browser.$(`//label[contains(normalize-space(), ${xq(t("teamLibraries.address"))})]//input`);
    // Plain HTTP is for this machine's loopback only: a team library elsewhere is HTTPS.
    await field.setValue("http://polku.kunta.fi");
    await browser.$(`//section[@aria-labelledby="team-libraries-title"]//form//button[normalize-space()=${xq(t("teamLibraries.open"))}]`).click();
    await browser.$(`//*[normalize-space()=${xq(t("error.validation.team_url"))}]`).waitForDisplayed();
    assert.equal((await browser.getWindowHandles()).length, 1, "no window for an address refused");
    await field.setValue(team);
    await browser.$(`//section[@aria-labelledby="team-libraries-title"]//form//button[normalize-space()=${xq(t("teamLibraries.open"))}]`).click();
    await browser.$(`//*[@data-testid="team-library-row"][.//*[normalize-space()=${xq(team)}]]`).waitForDisplayed();

    // Its own window, named after the server; the browser signs in and hands the code over.
    const host = new URL(team).host;
    await until(() => windowNamed(`Polku — ${host.split(":")[0]}`) !== "", "no window for the team library", 20_000);
    await until(async () => (await browser.getWindowHandles()).length === 2, "WebDriver sees no second window", 20_000);
    const other = (await browser.getWindowHandles()).find((h) => h !== main);
    await browser.switchToWindow(other);
    const signedIn = browser.$(`//*[@data-testid="signed-in-as"]`);
    await signedIn.waitForDisplayed({ timeout: 60_000 }).catch(async () => assert.fail(`not signed in; the window is at ${await browser.getUrl()}`));
    assert.equal((await signedIn.getProperty("textContent")).trim(), t("signin.as", { name: NAME }));
    assert.equal(await browser.getUrl(), `${team}/`);
    await browser.$(`//*[@data-testid="team-library"]`).waitForDisplayed();
    await browser.saveScreenshot(join(TMP, "team-window.png")).catch(() => {});

    // The main window is still this computer's library.
    await browser.switchToWindow(main);
    await browser.$(`//*[@data-testid="local-library"]`).waitForDisplayed();
    await browser.saveScreenshot(join(TMP, "main-window.png")).catch(() => {});
    // Closing both windows quits the app.
    await browser.switchToWindow(other);
    await browser.closeWindow();
    await browser.switchToWindow(main);
    assert.ok(await closeApp(browser), "the app quit with its last window");
    browser = null;

    // The team server gone (no network, say): the app opens its own library all the same, and
    // still knows the team library's address.
    for (const c of children.splice(0)) c.kill();
    browser = await openApp();
    await browser.$(`//*[@data-testid="local-library"]`).waitForDisplayed();
    await browser.$(`//*[@data-testid="team-library-row"][.//*[normalize-space()=${xq(team)}]]`).waitForDisplayed();
    assert.equal((await browser.getWindowHandles()).length, 1, "no team window opens by itself");
  });
});
