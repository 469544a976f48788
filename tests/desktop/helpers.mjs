// Shared bits of the desktop e2e suite: starting the real app through tauri-driver, finding
// things by their accessible names, and reading the library database through the polku CLI.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, readlinkSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { remote } from "webdriverio";

/** Set by run.sh; the suite is not meant to be started without it. */
export function env(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: start the desktop suite with tests/desktop/run.sh`);
  return value;
}

export const DATA_DIR = env("POLKU_DATA_DIR");
export const TMP = env("POLKU_E2E_TMP");
const APP = env("POLKU_DESKTOP_BIN");
const APP_REAL = realpathSync(APP);
const CLI = env("POLKU_BIN");
const PORT = Number(env("POLKU_E2E_DRIVER_PORT"));

/** The English UI strings, so selectors use the same accessible names a screen reader hears. */
export const en = JSON.parse(readFileSync(new URL("../../ui/src/lib/i18n/en.json", import.meta.url), "utf8"));
export function t(key, params = {}) {
  const s = en[key];
  if (s === undefined) throw new Error(`no English string ${key}`);
  return s.replace(/\{(\w+)\}/g, (_, k) => String(params[k]));
}

/** XPath string literal for any text (quotes included). */
export function xq(s) {
  if (!s.includes('"')) return `"${s}"`;
  if (!s.includes("'")) return `'${s}'`;
  return `concat(${s.split('"').map((p) => `"${p}"`).join(", '\"', ")})`;
}

/**
 * Starts the app (tauri-driver launches the binary) and returns the WebdriverIO session; `args`
 * are the app's command-line arguments, as a file manager passes a double-clicked file.
 */
export async function openApp({ args = [] } = {}) {
  const browser = await remote({
    hostname: "127.0.0.1",
    port: PORT,
    logLevel: "warn",
    connectionRetryCount: 0,
    connectionRetryTimeout: 60_000,
    waitforTimeout: 15_000,
    capabilities: {
      browserName: "wry",
      "wdio:enforceWebDriverClassic": true,
      "tauri:options": { application: APP, args },
    },
  });
  // The page starts blank until the embedded UI has loaded and the backend answered.
  try {
    await browser.waitUntil(async () => (await browser.$$("h1").length) > 0, { timeout: 20_000 });
  } catch {
    const url = await browser.getUrl().catch(() => "?");
    await browser.deleteSession().catch(() => {});
    throw new Error(
      `the Polku UI did not appear in the window (url: ${url}). The app embeds ui/dist as it ` +
        "was when it was compiled: run `make build` and see the window's log.",
    );
  }
  await useEnglish(browser);
  return browser;
}

/** The UI follows the OS language (and remembers a choice); make it English for the test. */
export async function useEnglish(browser) {
  const select = await browser.$("#ui-language");
  await select.waitForExist();
  if ((await select.getValue()) !== "en") {
    await select.selectByAttribute("value", "en");
    await browser.waitUntil(async () => (await browser.execute(() => document.documentElement.lang)) === "en", {
      timeoutMsg: "the UI did not switch to English",
    });
  }
}

/**
 * Closes the app the way a person does: closes its window, and the app quits by itself (Tauri
 * exits when its last window closes). Then ends the WebDriver session, which also ends an app
 * that did not quit. Returns whether the app quit on its own.
 */
export async function closeApp(browser) {
  if (!browser) return true;
  let quit = false;
  try {
    // WebdriverIO ends the session itself once the last window is gone, and says so by throwing.
    await browser.closeWindow();
  } catch (e) {
    if (!/window handles were removed/i.test(String(e))) throw e;
  }
  try {
    await until(() => appPids().length === 0, "", 10_000);
    quit = true;
  } catch {
    quit = false;
  }
  await browser.deleteSession().catch(() => {});
  return quit;
}

/**
 * Empties the test's data dir, so the app opens a new library: app.test.mjs leaves one from a
 * "newer" Polku behind, which the app refuses to open.
 */
export function freshLibrary() {
  for (const name of readdirSync(DATA_DIR)) rmSync(join(DATA_DIR, name), { recursive: true, force: true });
}

/** `polku list --json` over the test's data dir: what is really in the database file. */
export function listLibrary() {
  const out = execFileSync(CLI, ["list", "--data-dir", DATA_DIR, "--json"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  return JSON.parse(out);
}

/** `polku export ID --format polku`: the whole workshop as the CLI reads it from the database. */
export function exportWorkshop(id) {
  const file = join(TMP, `export-${id}.polku`);
  execFileSync(CLI, ["export", id, "--format", "polku", "-o", file, "--data-dir", DATA_DIR], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  return JSON.parse(readFileSync(file, "utf8"));
}

/** Every note in an exported workshop, wherever the format nests them. */
export function notesIn(exported) {
  const found = [];
  const walk = (v) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      if (Array.isArray(v.notes)) found.push(...v.notes);
      for (const [k, inner] of Object.entries(v)) if (k !== "notes") walk(inner);
    }
  };
  walk(exported);
  return found;
}

/**
 * The running app processes of this test run: the polku-desktop binary whose environment has our
 * POLKU_DATA_DIR (which also proves the variable reached the app through both drivers).
 */
export function appPids() {
  const want = `POLKU_DATA_DIR=${DATA_DIR}`;
  const pids = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readlinkSync(`/proc/${name}/exe`) !== APP_REAL) continue;
      const environ = readFileSync(`/proc/${name}/environ`, "utf8").split("\0");
      if (environ.includes(want)) pids.push(Number(name));
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return pids;
}

/** The id of the visible window whose title is `name`, or "" (xdotool exits 1 when none). */
export function windowNamed(name) {
  try {
    return execFileSync("xdotool", ["search", "--onlyvisible", "--name", `^${name}$`], { encoding: "utf8" }).trim().split("\n")[0];
  } catch {
    return "";
  }
}

/** Waits until fn() is true, polling; throws with message after timeout ms. */
export async function until(fn, message, timeout = 10_000) {
  const end = Date.now() + timeout;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error(message);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const EXAMPLE = new URL("../../workshops/examples/aikuissosiaalityo.polku", import.meta.url).pathname;

/**
 * A workshop file as a colleague would mail it: the example under a title of its own, every id
 * renewed so it is not already in the library. Written to `name` in the test's temp dir; its path.
 */
export function mailedWorkshop(title, name) {
  const fresh = new Map();
  const text = readFileSync(EXAMPLE, "utf8").replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => {
    if (!fresh.has(id)) fresh.set(id, crypto.randomUUID());
    return fresh.get(id);
  });
  const file = JSON.parse(text);
  file.workshop.title = title;
  const path = join(TMP, name);
  writeFileSync(path, JSON.stringify(file));
  return path;
}

/** The page's word on a file it could not open, or "no message". */
export async function importProblem(browser) {
  const problem = browser.$('[data-testid="import-problem"]');
  return (await problem.isExisting()) ? await problem.getText() : "no message";
}
