// How soon the shipped app shows a facilitator their workshops: the release binary started as a
// menu starts it (no WebDriver, nothing injected into the page) on a library of 50 workshops,
// timed from the process start to the frame on the screen that already shows the workshop list.
//
//   bench: desktop.cold_start_ms   median of 5 starts with the kernel's file cache dropped first
//                                  (the app, WebKit and the library read from disk again)
//   bench: desktop.warm_start_ms   median of 5 starts right after one another
//   bench: desktop.window_shown_ms the warm starts' first frame of the window (it is shown once
//                                  its page has loaded: src-tauri/src/first_show.rs)
//
// The screen is Xvfb's framebuffer file (-fbdir), read every 10 ms; the list is "painted" at
// the first frame that matches the one the window settles on (under 0.5% of sampled pixels
// differ: a blinking caret is allowed). That settled frame is read back with tesseract, so a
// start that painted an error or a blank window fails instead of being timed. The window is
// 1280×820, so what is on it is the list's heading and the new-workshop form: the workshops'
// cards are under them, below the fold, and their loading is in the figure only as far as it
// holds the first screen back.
//
// POLKU_DESKTOP_BIN (the release app), POLKU_BIN (the CLI, to fill the library); needs Xvfb,
// netpbm and tesseract (make package installs them).
import { execFileSync, spawn } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateWorkshop } from "../bench/generate.mjs";

const APP = need("POLKU_DESKTOP_BIN");
const CLI = need("POLKU_BIN");
const WORKSHOPS = 50;
const RUNS = 5;
const SAMPLE = 16; // every 16th pixel of the frame is compared

function need(name) {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set (make bench sets it)`);
  return v;
}

const tmp = mkdtempSync(join(tmpdir(), "polku-start-"));
const data = join(tmp, "library");
const file = join(tmp, "w.polku");
writeFileSync(file, JSON.stringify(generateWorkshop(40)));
for (let i = 0; i < WORKSHOPS; i++) execFileSync(CLI, ["import", file, "--data-dir", data], { stdio: "ignore" });

const fb = join(tmp, "fb");
execFileSync("mkdir", ["-p", fb]);
const xvfb = spawn("Xvfb", ["-displayfd", "3", "-screen", "0", "1280x900x24", "-fbdir", fb, "-nolisten", "tcp"], {
  stdio: ["ignore", "ignore", "ignore", "pipe"],
});
const display = await new Promise((resolve, reject) => {
  xvfb.stdio[3].once("data", (d) => resolve(String(d).trim()));
  xvfb.once("exit", () => reject(new Error("Xvfb did not start")));
});
const screenFile = join(fb, "Xvfb_screen0");
const env = {
  ...process.env,
  DISPLAY: `:${display}`,
  POLKU_DATA_DIR: data,
  XDG_DATA_HOME: join(tmp, "xdg-data"),
  XDG_CONFIG_HOME: join(tmp, "xdg-config"),
  XDG_CACHE_HOME: join(tmp, "xdg-cache"),
};

/** Every SAMPLE-th 32-bit pixel of the framebuffer file (its header is the same every read). */
function frame(buf) {
  const fd = openSync(screenFile, "r");
  const n = readSync(fd, buf, 0, buf.length, 0);
  closeSync(fd);
  const out = new Uint32Array(Math.floor(n / 4 / SAMPLE));
  const words = new Uint32Array(buf.buffer, buf.byteOffset, Math.floor(n / 4));
  for (let i = 0; i < out.length; i++) out[i] = words[i * SAMPLE];
  return out;
}
const differing = (a, b) => {
  let d = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) d++;
  return d / a.length;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** What the screen says now (tesseract over the framebuffer). */
function screenText() {
  const pnm = execFileSync("xwdtopnm", [screenFile], { maxBuffer: 64 << 20, stdio: ["ignore", "pipe", "ignore"] });
  return execFileSync("tesseract", ["-", "-"], { input: pnm, encoding: "utf8", stdio: ["pipe", "pipe", "ignore"] });
}

/**
 * The first screen of the list: its heading and the way to a new workshop (the button over the
 * library's workshops; the form itself only in an empty library).
 */
const isList = (text) => /Workshops/.test(text) && /New workshop/.test(text);

/** One start: ms from spawn to the window's first frame on screen, and to the settled list. */
async function start() {
  const buf = Buffer.alloc(readFileSync(screenFile).length);
  const t0 = performance.now();
  const app = spawn(APP, [], { env, stdio: "ignore" });
  const frames = [];
  let last = frame(buf);
  let lastChange = performance.now();
  let text = "";
  let settled = null;
  while (performance.now() - t0 < 60_000) {
    await sleep(10);
    const f = frame(buf);
    if (differing(f, last) > 0) {
      frames.push({ t: performance.now() - t0, f });
      last = f;
      lastChange = performance.now();
    } else if (frames.length && performance.now() - lastChange > 2000) {
      // Quiet for 2 s: settled if it is the list (a white window waiting for WebKit is quiet too).
      text = screenText();
      if (isList(text)) {
        settled = last;
        break;
      }
      lastChange = performance.now();
    }
  }
  app.kill("SIGTERM");
  await new Promise((r) => (app.exitCode !== null ? r() : app.once("exit", r)));
  if (!settled) throw new Error(`the workshop list never settled on the screen; it read: ${text.slice(0, 300)}`);
  return { shown: frames[0].t, painted: frames.find((x) => differing(x.f, settled) < 0.005).t };
}

function dropCaches() {
  try {
    execFileSync("sync");
    writeFileSync("/proc/sys/vm/drop_caches", "3");
    return true;
  } catch {
    return false;
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  await start(); // the first start makes WebKit's folders; a facilitator's app has them
  const warm = [];
  for (let i = 0; i < RUNS; i++) warm.push(await start());
  const cold = [];
  let dropped = true;
  for (let i = 0; i < RUNS; i++) {
    dropped = dropCaches() && dropped;
    cold.push(await start());
  }
  if (!dropped) console.log("start bench: the file cache could not be dropped (not root?): the cold figure is warm");
  const show = (runs) => runs.map((r) => `${Math.round(r.shown)}/${Math.round(r.painted)}`).join(", ");
  console.log(`start bench: window shown / list painted, ms: warm ${show(warm)}; cold ${show(cold)}`);
  console.log(`bench: desktop.cold_start_ms ${median(cold.map((r) => r.painted)).toFixed(0)} ms`);
  console.log(`bench: desktop.warm_start_ms ${median(warm.map((r) => r.painted)).toFixed(0)} ms`);
  console.log(`bench: desktop.window_shown_ms ${median(warm.map((r) => r.shown)).toFixed(0)} ms`);
} finally {
  xvfb.kill();
  rmSync(tmp, { recursive: true, force: true });
}
