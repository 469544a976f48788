// About Polku in the real window: the licences of what the app ships load there too (the page
// reads them from the app's own origin, which the window's Content-Security-Policy must allow),
// and the accessibility statement opens. Named to run after app.test.mjs (files run in name
// order), which needs the shared library empty.
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { closeApp, openApp, t, xq } from "./helpers.mjs";

let browser = null;

describe("About Polku in the desktop window", { concurrency: 1 }, () => {
  after(async () => {
    await closeApp(browser);
  });

  test("the licences and the accessibility statement open from About", async () => {
    browser = await openApp();
    await browser.execute(() => (location.hash = "#/about/licences"));
    // Every list arrived: the Rust crates, the npm packages and the fonts, none with an error.
    const listed = async () =>
      browser.execute(() => document.body.innerText);
    await browser.waitUntil(async () => /\btauri\b/.test(await listed()) && /\bsvelte\b/.test(await listed()) && /Noto Sans/.test(await listed()), {
      timeout: 20_000,
      timeoutMsg: "the licence lists never loaded in the window",
    });
    const text = await listed();
    assert.ok(!text.includes(t("licences.failed")), "a list says it could not be loaded");
    await browser.execute(() => (location.hash = "#/about/accessibility"));
    const h1 = await browser.$(`//h1[normalize-space()=${xq(t("a11yStatement.title"))}]`);
    await h1.waitForDisplayed();
  });
});
