// The board benchmark (`make bench`): a generated workshop of 5,000 notes in Debian's Chromium
// against the real `polku serve` and its real database. It reports, each on a line of its own:
//
//   bench: board.first_frame_ms     navigation start → first painted frame with the board's notes
//   bench: board.pan.p50_frame_ms   median frame interval during a scripted 5 s of pan + zoom
//   bench: board.pan.p95_frame_ms   95th percentile of the same
//   bench: board.drag_to_db_ms      pointerup of a mouse drag → the apply_op answer (after commit)
//   bench: board.switch_ms          a workshop of 10 boards × 1,000 notes: a click on another board's
//                                   tab → the first painted frame with that board's notes (median of 9)
//
// Benchmarks report; they do not fail on slow figures. A broken measurement exits non-zero.
// Needs: the built UI (ui/dist) and `polku` (POLKU_BIN or $CARGO_TARGET_DIR/debug/polku).
// POLKU_BENCH_NOTES changes the note count; POLKU_BENCH_SHOTS=DIR saves screenshots there.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateWorkshop, uuidFor } from "./generate.mjs";
import { keyHeader, launchChromium, needBuilt, percentile, polku, report, serve, stop } from "./serve.mjs";

const NOTES = Number(process.env.POLKU_BENCH_NOTES ?? 5000);
const SHOTS = process.env.POLKU_BENCH_SHOTS;
const PAN_MS = 5000;

/**
 * Installed before the page's own scripts: watches every frame until the board's notes are in the
 * DOM. rAF callbacks run before a frame's style, layout and paint, so the frame in which the notes
 * are first seen is the one that paints them; the *next* rAF callback runs once that frame has been
 * produced. Its performance.now() (milliseconds since navigation start, the document's time origin)
 * is the first frame figure. Rendering of fonts/images is not waited for beyond that frame.
 */
function watchFirstFrame() {
  const look = () => {
    if (document.querySelector(".world [data-testid=note]")) {
      requestAnimationFrame(() => (window.__firstFrame = performance.now()));
    } else {
      requestAnimationFrame(look);
    }
  };
  requestAnimationFrame(look);
}

/** In the page: records rAF timestamps (the frame's begin time) until stopped. */
function startFrameLog() {
  const log = (window.__frames = []);
  window.__recording = true;
  const tick = (ts) => {
    log.push(ts);
    if (window.__recording) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** A point on empty board (not on a note, toolbar or zoom control), for a pan by mouse drag. */
async function emptyPoint(page) {
  return page.evaluate(() => {
    const vp = document.querySelector(".viewport").getBoundingClientRect();
    for (let y = vp.top + 40; y < vp.bottom - 40; y += 17) {
      for (let x = vp.left + 40; x < vp.right - 120; x += 13) {
        const el = document.elementFromPoint(x, y);
        if (el && el.closest(".viewport") && !el.closest(".wrap, .zoom")) return { x, y };
      }
    }
    return null;
  });
}

/** 5 s of real input: wheel pans, Ctrl+wheel zooms out to far zoom and back, mouse-drag pans. */
async function panAndZoom(page) {
  const vp = await page.locator(".viewport").boundingBox();
  const centre = { x: vp.x + vp.width / 2, y: vp.y + vp.height / 2 };
  await page.mouse.move(centre.x, centre.y);
  const start = Date.now();
  const left = () => PAN_MS - (Date.now() - start);
  const steps = [
    async () => page.mouse.wheel(0, 60), // pan down
    async () => page.mouse.wheel(30, -20), // pan up and sideways
    async () => {
      await page.keyboard.down("Control");
      await page.mouse.wheel(0, 40); // zoom out
      await page.keyboard.up("Control");
    },
    async () => {
      await page.keyboard.down("Control");
      await page.mouse.wheel(0, -40); // zoom in
      await page.keyboard.up("Control");
    },
  ];
  // Phases of 12 events each: down, out, across, in, up, and a drag; repeated until time is up.
  const phases = [0, 2, 0, 1, 3, 1, "drag"];
  let drags = 0;
  for (let p = 0; left() > 0; p = (p + 1) % phases.length) {
    const phase = phases[p];
    if (phase === "drag") {
      const at = await emptyPoint(page);
      if (!at) continue;
      await page.mouse.move(at.x, at.y);
      await page.mouse.down();
      for (let i = 1; i <= 12 && left() > 0; i++) await page.mouse.move(at.x - i * 15, at.y - i * 20);
      await page.mouse.up();
      await page.mouse.move(centre.x, centre.y);
      drags++;
      continue;
    }
    for (let i = 0; i < 12 && left() > 0; i++) {
      await steps[phase]();
      await page.waitForTimeout(8);
    }
  }
  return drags;
}

const SWITCH_BOARDS = 10;
const SWITCH_NOTES = 1000;

/**
 * In the page: resolves with the time from now to the first frame that paints `boardId`'s notes
 * (the rAF after the one in which they are first in the DOM, as in watchFirstFrame).
 */
function frameWithBoard(boardId) {
  const start = performance.now();
  return new Promise((done) => {
    const look = () => {
      const shown = document.querySelector(`[data-board-id="${boardId}"][aria-selected="true"]`);
      if (shown && document.querySelector(".world [data-testid=note]")) requestAnimationFrame(() => done(performance.now() - start));
      else requestAnimationFrame(look);
    };
    look();
  });
}

/** The median time from a click on another board's tab to the first frame showing its notes. */
async function boardSwitch(context, base, tmp, dataDir) {
  const file = join(tmp, "programme.polku");
  const programme = generateWorkshop(SWITCH_NOTES, SWITCH_BOARDS);
  writeFileSync(file, JSON.stringify(programme));
  polku(["import", file, "--data-dir", dataDir]);
  // The generator's ids are those of the first workshop too, so the library imported a copy (its
  // title says so: "… (kopio, tuotu 2.12.2026)").
  const listed = JSON.parse(polku(["list", "--json", "--data-dir", dataDir]));
  const copy = listed.find((w) => w.title.startsWith(programme.workshop.title));
  if (!copy) throw new Error(`the programme was not imported: ${JSON.stringify(listed)}`);
  const page = await context.newPage();
  await page.goto(`${base}/#/w/${copy.id}`);
  await page.locator(".world [data-testid=note]").first().waitFor({ timeout: 60_000 });
  const tabs = await page.locator("[data-testid=board-tab]").evaluateAll((els) => els.map((el) => el.dataset.boardId));
  if (tabs.length !== SWITCH_BOARDS) throw new Error(`${tabs.length} board tabs, not ${SWITCH_BOARDS}`);
  const times = [];
  for (const id of tabs.slice(1)) {
    const tab = page.locator(`[data-testid=board-tab][data-board-id="${id}"]`);
    await tab.scrollIntoViewIfNeeded();
    const took = page.evaluate(frameWithBoard, id);
    await tab.click();
    times.push(await took);
    const drawn = await page.locator(".world [data-testid=note]").count();
    if (drawn === 0) throw new Error(`board ${id} shows no notes`);
  }
  await page.close();
  times.sort((a, b) => a - b);
  console.log(`board switch: ${SWITCH_BOARDS} boards × ${SWITCH_NOTES} notes, ${times.map((t) => t.toFixed(0)).join(", ")} ms`);
  return percentile(times, 50);
}

/** The generated workshop of NOTES notes, imported; its id. */
function importNotes(tmp, dataDir) {
  const file = join(tmp, "bench.polku");
  writeFileSync(file, JSON.stringify(generateWorkshop(NOTES), null, 2));
  polku(["import", file, "--data-dir", dataDir]);
  const workshopId = uuidFor(1);
  const listed = JSON.parse(polku(["list", "--json", "--data-dir", dataDir]));
  const entry = listed.find((w) => w.id === workshopId);
  if (!entry || entry.notes !== NOTES) throw new Error(`import did not give ${NOTES} notes: ${JSON.stringify(listed)}`);
  return workshopId;
}

/** The first frame of a fresh document (after a warm-up load), and how many notes it put in the DOM. */
async function firstLoad(page, base, workshopId) {
  // A warm-up load (the HTTP cache and the server's first query are not what is measured)...
  await page.goto(`${base}/#/w/${workshopId}`);
  await page.waitForFunction(() => window.__firstFrame !== undefined, null, { timeout: 60_000 });
  // ...then the measured one, a fresh document.
  await page.goto("about:blank");
  await page.goto(`${base}/#/w/${workshopId}`);
  await page.waitForFunction(() => window.__firstFrame !== undefined, null, { timeout: 60_000 });
  const firstFrame = await page.evaluate(() => window.__firstFrame);
  const rendered = await page.locator(".world [data-testid=note]").count();
  if (rendered === 0) throw new Error("no notes in the DOM after the first frame");
  return { firstFrame, rendered };
}

/** The frame intervals (ascending) during panAndZoom. */
async function panFrames(page) {
  await page.waitForTimeout(500);
  await page.evaluate(startFrameLog);
  const drags = await panAndZoom(page);
  const frames = await page.evaluate(() => {
    window.__recording = false;
    return window.__frames;
  });
  const intervals = frames.slice(2).map((t, i) => t - frames[i + 1]).sort((a, b) => a - b);
  if (intervals.length < 50 || drags === 0) throw new Error(`pan+zoom did not run (${intervals.length} frames, ${drags} drags)`);
  return intervals;
}

/** POLKU_BENCH_SHOTS: the board fitted, then zoomed far out. */
async function shootFar(page) {
  await page.locator(".zoom button").nth(1).click(); // Fit
  await page.mouse.move(640, 400);
  await page.keyboard.down("Control");
  for (let i = 0; i < 12; i++) await page.mouse.wheel(0, 120);
  await page.keyboard.up("Control");
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(SHOTS, "board-far.png") });
}

/** Drag to the database: back to the fitted view, drag a note on screen by the mouse. */
async function dragToDb(page, tmp, dataDir, workshopId) {
  await page.locator(".zoom button").nth(1).click(); // Fit
  await page.waitForTimeout(200);
  const card = await page.evaluate(() => {
    for (const el of document.querySelectorAll(".world [data-testid=note]")) {
      const r = el.getBoundingClientRect();
      if (r.top > 150 && r.bottom < 700 && r.left > 20 && r.right < 1100) {
        return { id: el.dataset.noteId, x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
    }
    return null;
  });
  if (!card) throw new Error("no note on screen to drag");
  await page.evaluate(() => {
    addEventListener("pointerup", () => (window.__pointerup = performance.now()), { capture: true, once: true });
  });
  const saved = page.waitForResponse((r) => r.url().endsWith("/api/apply_op"));
  await page.mouse.move(card.x, card.y);
  await page.mouse.down();
  await page.mouse.move(card.x + 30, card.y + 25, { steps: 4 });
  await page.mouse.move(card.x + 60, card.y + 50, { steps: 4 });
  await page.mouse.up();
  const response = await saved;
  if (!response.ok()) throw new Error(`apply_op answered ${response.status()}`);
  const took = await page.evaluate(() => {
    const entry = performance.getEntriesByType("resource").filter((e) => e.name.endsWith("/api/apply_op")).pop();
    return entry.responseEnd - window.__pointerup;
  });
  const moved = page.locator(`[data-note-id="${card.id}"]`);
  const shown = { x: Number(await moved.getAttribute("data-x")), y: Number(await moved.getAttribute("data-y")) };

  // The moved position is what the database holds (read back through the CLI's export).
  const out = join(tmp, "after.polku");
  polku(["export", workshopId, "-o", out, "--data-dir", dataDir]);
  const board = JSON.parse(readFileSync(out, "utf8")).workshop.boards[0];
  const stored = board.notes.find((n) => n.id === card.id);
  // Stored x is measured from the note's touchpoint column (docs/workshop-file.md).
  const column = [...board.touchpoints]
    .sort((a, b) => a.position - b.position || a.id.localeCompare(b.id))
    .findIndex((tp) => tp.id === stored?.touchpoint_id);
  const drawnX = stored && (column >= 0 ? 160 + 260 * column + stored.x : stored.x);
  if (!stored || drawnX !== shown.x || stored.y !== shown.y) {
    throw new Error(`the drag is not in the database: shown ${JSON.stringify(shown)}, stored ${drawnX},${stored?.y}`);
  }
  return took;
}

async function main() {
  needBuilt();
  const tmp = mkdtempSync(join(tmpdir(), "polku-bench-"));
  const dataDir = join(tmp, "data");
  let server = null;
  let browser = null;
  try {
    const workshopId = importNotes(tmp, dataDir);
    const started = await serve(dataDir);
    server = started.server;
    const base = started.url;

    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-US", extraHTTPHeaders: keyHeader(base) });
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.addInitScript(watchFirstFrame);

    const { firstFrame, rendered } = await firstLoad(page, base, workshopId);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, "board-normal.png") });
    const intervals = await panFrames(page);
    if (SHOTS) await shootFar(page);
    const dragged = await dragToDb(page, tmp, dataDir, workshopId);
    if (errors.length) throw new Error(`page errors: ${errors.join("; ")}`);

    const long = intervals.filter((t) => t > 20).length;
    console.log(
      `board benchmark: ${NOTES} notes, ${rendered} in the DOM at first; pan+zoom: ${intervals.length} frames in ` +
        `${PAN_MS} ms, ${long} longer than 20 ms, longest ${intervals[intervals.length - 1].toFixed(1)} ms`,
    );
    report("board.first_frame_ms", firstFrame, "ms");
    report("board.pan.p50_frame_ms", percentile(intervals, 50), "ms");
    report("board.pan.p95_frame_ms", percentile(intervals, 95), "ms");
    report("board.drag_to_db_ms", dragged, "ms");
    report("board.switch_ms", await boardSwitch(context, base, tmp, dataDir), "ms");
  } finally {
    await browser?.close().catch(() => {});
    await stop(server);
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`board benchmark failed: ${e?.stack ?? e}`);
  process.exit(1);
});
