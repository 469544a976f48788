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
import { execFileSync } from "node:child_process";
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

/** The PSS of the app's processes, in MiB, and a line naming each. */
function measure() {
  const [app] = appPids();
  if (!app) throw new Error("the app's process was not found");
  const pids = tree(app);
  const parts = pids.map((p) => {
    try {
      return `${readFileSync(`/proc/${p}/comm`, "utf8").trim()} ${(pssKiB(p) / 1024).toFixed(1)} MiB`;
    } catch {
      return `${p} gone`;
    }
  });
  return { total: pids.reduce((sum, p) => sum + pssKiB(p), 0) / 1024, count: pids.length, parts: parts.join(", ") };
}

const browser = await openApp();
try {
  // The same app on its workshop list, for what the board itself costs.
  await browser.pause(IDLE_MS);
  const list = measure();
  console.log(`memory bench: on the list: ${list.parts}`);
  await browser.execute((id) => (location.hash = `#/w/${id}`), uuidFor(1));
  await browser.waitUntil(async () => (await browser.$$(".world [data-testid=note]").length) > 0, {
    timeout: 60_000,
    timeoutMsg: "the board's notes never appeared",
  });
  await browser.pause(IDLE_MS);
  const board = measure();
  console.log(`memory bench: on the board: ${board.parts}`);
  console.log(`bench: desktop.idle_pss_mb ${board.total.toFixed(1)} MiB`);
  console.log(`bench: desktop.list_pss_mb ${list.total.toFixed(1)} MiB`);
  console.log(`bench: desktop.idle_processes ${board.count} processes`);
} finally {
  await closeApp(browser);
}
