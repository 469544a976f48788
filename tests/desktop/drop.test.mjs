// A workshop file dragged from the file manager and dropped on the desktop window. Tauri takes OS
// drops before the page's own drop handlers; the shell keeps the dropped file and the workshop
// list opens it. The file manager is a small GTK window (drag-source.py) that xdotool's mouse
// drags from, as a person would.
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { openSync } from "node:fs";
import { basename, join } from "node:path";
import { after, describe, test } from "node:test";
import { TMP, closeApp, freshLibrary, importProblem, listLibrary, mailedWorkshop, openApp, t, until, windowNamed, xq } from "./helpers.mjs";

const TITLE = `Pudotettu työpaja ${Date.now().toString(36)}`;
const SOURCE = new URL("./drag-source.py", import.meta.url).pathname;

let browser = null;
let source = null;

/** Where a window is on the screen: { x, y, width, height }. */
function geometry(id) {
  const out = execFileSync("xdotool", ["getwindowgeometry", "--shell", id], { encoding: "utf8" });
  const v = Object.fromEntries(out.trim().split("\n").map((l) => l.split("=")));
  return { x: Number(v.X), y: Number(v.Y), width: Number(v.WIDTH), height: Number(v.HEIGHT) };
}

const pause = (ms) => new Promise((r) => setTimeout(r, ms));

/** Shows a file-manager stand-in below Polku's window, offering `path` to drag. */
async function offer(path) {
  source?.kill();
  source = spawn("/usr/bin/python3", [SOURCE, path, "40", "880"], { stdio: ["ignore", "ignore", openSync(join(TMP, "drag-source.log"), "a")] });
  let id = "";
  const name = `Polku test drag source ${basename(path)}`;
  await until(() => (id = windowNamed(name)) !== "", "the drag source window did not appear", 10_000);
  return id;
}

/** Drags from the middle of window `from` to the point (x, y) on the screen, in small steps. */
async function drag(from, to) {
  const g = geometry(from);
  const start = { x: g.x + g.width / 2, y: g.y + g.height / 2 };
  const xdo = (...args) => execFileSync("xdotool", args.map(String));
  xdo("mousemove", start.x, start.y);
  await pause(200);
  xdo("mousedown", 1);
  const steps = 20;
  for (let i = 1; i <= steps; i++) {
    xdo("mousemove", Math.round(start.x + ((to.x - start.x) * i) / steps), Math.round(start.y + ((to.y - start.y) * i) / steps));
    await pause(40);
  }
  await pause(300);
  xdo("mouseup", 1);
}

/** A point inside Polku's window, `dy` below its top. */
function inPolku(dy) {
  const g = geometry(windowNamed("Polku"));
  return { x: g.x + g.width / 2, y: g.y + dy };
}

describe("Dropping a workshop file on the desktop window", { concurrency: 1 }, () => {
  after(async () => {
    source?.kill();
    if (browser) await closeApp(browser).catch(() => {});
    browser = null;
  });

  test("a .polku file dropped on the workshop list opens that workshop", { timeout: 120_000 }, async () => {
    freshLibrary();
    browser = await openApp();
    const path = mailedWorkshop(TITLE, "pudotettu.polku");
    await drag(await offer(path), inPolku(300));
    const heading = browser.$(`//h1[normalize-space()=${xq(TITLE)}]`);
    await heading.waitForDisplayed({ timeout: 20_000 }).catch(async () => assert.fail(`the dropped workshop did not open: ${await importProblem(browser)}`));
    assert.equal(listLibrary().filter((w) => w.title === TITLE).length, 1, "it is in the library");
  });

  test("a file dropped on an open workshop is not imported; the window says where to drop it", { timeout: 120_000 }, async () => {
    assert.ok(browser, "the first test left the workshop open");
    const before = listLibrary().length;
    const path = mailedWorkshop(`${TITLE} toinen`, "toinen.polku");
    await drag(await offer(path), inPolku(400));
    const hint = browser.$(`//*[normalize-space()=${xq(t("import.dropOnList"))}]`);
    await hint.waitForDisplayed({ timeout: 10_000 });
    await pause(500);
    assert.equal(listLibrary().length, before, "nothing was added");
    // Back on the list, the file dropped on the board does not open by itself.
    await browser.$("a.brand").click();
    await browser.$(`button=${t("import.open")}`).waitForDisplayed();
    await pause(1000);
    assert.ok(await browser.$(`//h1[normalize-space()=${xq(t("list.heading"))}]`).isDisplayed(), "the list stays");
    assert.equal(listLibrary().length, before, "still nothing added");
  });
});
