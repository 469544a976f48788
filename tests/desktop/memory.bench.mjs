// The app's memory while a workshop sits open: the real window (the binary POLKU_DESKTOP_BIN,
// the release app in `make bench`) on a board of 1,000 notes, left idle for 10 s, then the
// proportional set size (PSS: shared pages split among the processes that map them, so the sum
// is what the app costs the machine) of the app and every process it started (WebKit's web and
// network processes) added up from /proc/<pid>/smaps_rollup. Run by `make bench` through
// tests/desktop/run.sh. It reports:
//
//   bench: desktop.idle_pss_mb          the sum, in MiB
//   bench: desktop.list_pss_mb          the same on the workshop list before, for the board's share
//   bench: desktop.idle_processes       how many processes it is spread over
//   bench: desktop.webkit_floor_pss_mb  a bare WebKitGTK window (tests/package/webkit-floor.py: one
//                                       line of HTML) measured the same way after the app has closed,
//                                       with the WebKit switches the app's own web process had: what
//                                       any WebKitGTK app pays on this machine before its own page
//   bench: desktop.own_pss_mb           the idle board less that floor: the app's own share
//
// PSS splits a library's shared pages among every process on the machine that maps it, so the
// app and the floor are never measured while the other runs.
import { execFileSync, spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateWorkshop, uuidFor } from "../bench/generate.mjs";
import { DATA_DIR, TMP, appPids, closeApp, openApp } from "./helpers.mjs";

const NOTES = 1000;
const IDLE_MS = 10_000;

const file = join(TMP, "memory.polku");
writeFileSync(file, JSON.stringify(generateWorkshop(NOTES)));
execFileSync(process.env.POLKU_BIN, ["import", file, "--data-dir", DATA_DIR], { stdio: ["ignore", "pipe", "pipe"] });

/** `pid` and everything under it, from the parent pids in /proc/<pid>/stat. */
function tree(pid) {
  const children = new Map();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The command name is in parentheses and may hold spaces: the parent pid follows the last ")".
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(name));
    } catch {
      // Gone meanwhile.
    }
  }
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...(children.get(all[i]) ?? []));
  return all;
}

/** PSS of one process in KiB (0 if it is gone). */
function pssKiB(pid) {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** The PSS of `root`'s processes, in MiB, and a line naming each. */
function measure(root) {
  const pids = tree(root);
  const parts = pids.map((p) => {
    try {
      return `${readFileSync(`/proc/${p}/comm`, "utf8").trim()} ${(pssKiB(p) / 1024).toFixed(1)} MiB`;
    } catch {
      return `${p} gone`;
    }
  });
  return { total: pids.reduce((sum, p) => sum + pssKiB(p), 0) / 1024, count: pids.length, parts: parts.join(", ") };
}

/** The app's process. */
function app() {
  const [pid] = appPids();
  if (!pid) throw new Error("the app's process was not found");
  return pid;
}

const SWITCHES = ["WEBKIT_DISABLE_COMPOSITING_MODE", "WEBKIT_DISABLE_DMABUF_RENDERER"];

/** The WebKit switches in the environment of `root`'s web process (src-tauri/src/webkit.rs sets them). */
function webkitSwitches(root) {
  const web = tree(root).find((p) => {
    try {
      return readFileSync(`/proc/${p}/comm`, "utf8").trim() === "WebKitWebProces";
    } catch {
      return false;
    }
  });
  if (!web) throw new Error("the app's WebKit web process was not found");
  const vars = readFileSync(`/proc/${web}/environ`, "utf8").split("\0");
  return Object.fromEntries(vars.map((v) => v.split("=")).filter(([k]) => SWITCHES.includes(k)).map(([k, ...v]) => [k, v.join("=")]));
}

/** The bare WebKitGTK window with `switches`, idle for IDLE_MS once its web process runs. */
async function floor(switches) {
  const script = new URL("../package/webkit-floor.py", import.meta.url).pathname;
  const child = spawn("/usr/bin/python3", [script], { env: { ...process.env, ...switches }, stdio: ["ignore", "ignore", "inherit"] });
  try {
    const started = Date.now();
    while (!tree(child.pid).some((p) => readFileSync(`/proc/${p}/comm`, "utf8").trim() === "WebKitWebProces")) {
      if (child.exitCode !== null) throw new Error(`the bare WebKitGTK window ended (exit ${child.exitCode})`);
      if (Date.now() - started > 30_000) throw new Error("the bare WebKitGTK window's web process never started");
      await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, IDLE_MS));
    return measure(child.pid);
  } finally {
    child.kill("SIGTERM");
  }
}

const browser = await openApp();
let board;
let switches;
try {
  // The same app on its workshop list, for what the board itself costs.
  await browser.pause(IDLE_MS);
  const list = measure(app());
  console.log(`memory bench: on the list: ${list.parts}`);
  await browser.execute((id) => (location.hash = `#/w/${id}`), uuidFor(1));
  await browser.waitUntil(async () => (await browser.$$(".world [data-testid=note]").length) > 0, {
    timeout: 60_000,
    timeoutMsg: "the board's notes never appeared",
  });
  await browser.pause(IDLE_MS);
  board = measure(app());
  switches = webkitSwitches(app());
  console.log(`memory bench: on the board: ${board.parts}`);
  console.log(`bench: desktop.idle_pss_mb ${board.total.toFixed(1)} MiB`);
  console.log(`bench: desktop.list_pss_mb ${list.total.toFixed(1)} MiB`);
  console.log(`bench: desktop.idle_processes ${board.count} processes`);
} finally {
  await closeApp(browser);
}
const bare = await floor(switches);
console.log(`memory bench: a bare WebKitGTK window (${JSON.stringify(switches)}): ${bare.parts}`);
console.log(`bench: desktop.webkit_floor_pss_mb ${bare.total.toFixed(1)} MiB`);
console.log(`bench: desktop.own_pss_mb ${(board.total - bare.total).toFixed(1)} MiB`);
