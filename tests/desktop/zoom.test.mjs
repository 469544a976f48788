// Text enlarged for those who need it (WCAG 1.4.4): in the desktop window Ctrl and + zooms the
// whole page, as in a browser, and Ctrl and 0 puts it back (Tauri's zoomHotkeysEnabled, with
// the webview-zoom permission). The board's own + and − keep zooming only the board.
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { Key } from "webdriverio";
import { closeApp, openApp, t, until } from "./helpers.mjs";

let browser = null;

describe("Zooming the desktop window's page", { concurrency: 1 }, () => {
  after(async () => {
    await closeApp(browser);
  });

  test("Ctrl and + makes everything larger, Ctrl and 0 puts it back", async () => {
    browser = await openApp();
    const heading = await browser.$(`h1=${t("list.heading")}`);
    await heading.waitForDisplayed();
    const size = () => browser.execute(() => ({ css: innerWidth, px: document.querySelector("h1").getBoundingClientRect().width }));
    const before = await size();
    await browser.keys([Key.Ctrl, "="]);
    await until(async () => (await size()).css < before.css * 0.9, "Ctrl and = did not zoom the page in");
    const zoomed = await size();
    // 120 %: the window holds fewer CSS pixels, and the heading's text is as long in CSS pixels.
    assert.ok(Math.abs(before.css / zoomed.css - 1.2) < 0.05, `zoom ${before.css / zoomed.css}`);
    assert.ok(Math.abs(zoomed.px - before.px) < 2, "the heading reflowed instead of growing");
    await browser.keys([Key.Ctrl, "0"]);
    await until(async () => (await size()).css === before.css, "Ctrl and 0 did not put the zoom back");
  });
});
