// Exporting from the real desktop window: the export dialog runs a PDF job over Tauri IPC and the
// system's own GTK save dialog (driven here with xdotool, as a person would type into it) writes
// the file where it was told. Runs after app.test.mjs, whose last test leaves a "newer" library
// behind, so this one starts a library of its own.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { DATA_DIR, TMP, closeApp, freshLibrary, importProblem, mailedWorkshop, openApp, t, until, windowNamed, xq } from "./helpers.mjs";

const CLI = process.env.POLKU_BIN;
const EXAMPLE = new URL("../../workshops/examples/aikuissosiaalityo.polku", import.meta.url).pathname;

let browser = null;

describe("Export from the desktop window", { concurrency: 1 }, () => {
  after(async () => {
    if (browser) await closeApp(browser).catch(() => {});
    browser = null;
  });

  test("a PDF goes through the native save dialog to the chosen file", { timeout: 120_000 }, async () => {
    freshLibrary();
    execFileSync(CLI, ["import", "--data-dir", DATA_DIR, EXAMPLE], { stdio: ["ignore", "pipe", "pipe"] });
    browser = await openApp();

    await browser.$("a*=Aikuissosiaalityön palvelupolku").click();
    await browser.$(`button=${t("export.open")}`).click();
    const dialog = await browser.$("dialog[open]");
    await dialog.waitForDisplayed();
    // The live count settles on a number of pages.
    const count = await dialog.$('[data-testid="export-pages"]');
    let pages = 0;
    await browser.waitUntil(async () => (pages = Number((await count.getText()).match(/^(\d+) /)?.[1] ?? 0)) > 0, {
      timeoutMsg: "no page count in the dialog",
    });
    assert.ok(pages >= 5, `the example makes a report of several pages (${pages})`);

    await dialog.$(`.//button[normalize-space()=${xq(t("export.start"))}]`).click();
    // The job ends and the system's save dialog opens over the window.
    let dlg = "";
    await until(() => (dlg = windowNamed(t("export.saveDialog"))) !== "", "the native save dialog did not open", 30_000);
    const target = join(TMP, "raportti.pdf");
    // Xvfb has no window manager to activate windows; give the dialog the keyboard directly.
    execFileSync("xdotool", ["windowfocus", "--sync", dlg]);
    execFileSync("xdotool", ["key", "ctrl+a"]);
    execFileSync("xdotool", ["type", "--delay", "20", target]);
    execFileSync("xdotool", ["key", "Return"]);

    await until(() => existsSync(target), `nothing was written to ${target}`, 20_000);
    const toast = await browser.$(`//*[contains(normalize-space(), ${xq(t("export.saved", { name: "" }).trim())})]`);
    await toast.waitForDisplayed({ timeoutMsg: "no word that the file was saved" });
    const bytes = readFileSync(target);
    assert.equal(bytes.subarray(0, 5).toString(), "%PDF-");
    const info = execFileSync("pdfinfo", [target], { encoding: "utf8" });
    assert.match(info, new RegExp(`Pages:\\s+${pages}\\n`), "the file has the pages the dialog counted");
    assert.match(info, /Title:\s+Aikuissosiaalityön palvelupolku/);
    assert.equal(await browser.$("dialog[open]").isExisting(), false, "the export dialog closed");
  });

  test("a workshop file someone mailed opens through the system's open dialog", { timeout: 120_000 }, async () => {
    assert.ok(browser, "the export test left the app open");
    const path = mailedWorkshop("Postissa tullut työpaja", "postissa.polku");

    await browser.$('a.brand, a[href="#/"]').click();
    await browser.$(`button=${t("import.open")}`).waitForDisplayed();
    await browser.$(`button=${t("import.open")}`).click();
    // The system's own open dialog, named like the button.
    let chooser = "";
    await until(() => (chooser = windowNamed(t("import.open"))) !== "", "the native open dialog did not open", 30_000);
    execFileSync("xdotool", ["windowfocus", "--sync", chooser]);
    // GTK's chooser takes a typed path in its location field (Ctrl+L), once it has drawn itself.
    await new Promise((r) => setTimeout(r, 800));
    execFileSync("xdotool", ["key", "ctrl+l"]);
    await new Promise((r) => setTimeout(r, 300));
    execFileSync("xdotool", ["type", "--delay", "20", path]);
    await new Promise((r) => setTimeout(r, 300));
    execFileSync("xdotool", ["key", "Return"]);
    await until(() => windowNamed(t("import.open")) === "", "the open dialog did not take the typed path", 20_000);

    const heading = await browser.$(`//h1[normalize-space()=${xq("Postissa tullut työpaja")}]`);
    await heading.waitForDisplayed({ timeout: 20_000 }).catch(async () => assert.fail(`the picked workshop did not open: ${await importProblem(browser)}`));
    const listed = execFileSync(CLI, ["list", "--json", "--data-dir", DATA_DIR], { encoding: "utf8" });
    assert.ok(JSON.parse(listed).some((w) => w.title === "Postissa tullut työpaja"), "it is in the library");
  });
});
