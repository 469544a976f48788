// The board benchmark in the real desktop window (WebKitGTK under Xvfb, through tauri-driver):
// the same generated 5,000-note workshop as tests/bench/board.bench.mjs, in the real app with its
// real database. Run by `make bench` through tests/desktop/run.sh. It reports:
//
//   bench: desktop.board.first_frame_ms    opening the workshop from the list (route change) →
//                                          the first painted frame with its notes
//   bench: desktop.board.pan.p50_frame_ms  median frame interval during 5 s of scripted pan + zoom
//   bench: desktop.board.pan.p95_frame_ms  95th percentile of the same
//   bench: desktop.board.pan.frames        frames drawn in those 5 s (60 Hz: 300). A stall of half
//                                          a second removes ~30 frames and hides in the p95, so
//                                          this is read beside it.
//   bench: desktop.board.pan_only.*        the same for 5 s of panning only, at the zoom Fit gives
//   bench: desktop.board.zoom_only.*       and of zooming only, in and out
//   bench: desktop.board.drag_to_db_ms     pointerup of a WebDriver mouse drag → the IPC answer of
//                                          apply_op (sent after the commit)
//   bench: desktop.board.drag_to_drawn_ms  the same pointerup → the note drawn as saved (the board
//                                          has taken the change in and redrawn)
//
// Differences from the Chromium run: WebDriver cannot run a script before the page's own, so the
// first frame is measured from the route change inside the loaded app, not from navigation start;
// and the pan is driven by wheel events dispatched in the page (WebKitWebDriver has no wheel
// action), which go through the same handler as a real wheel. Xvfb renders in software.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateWorkshop, uuidFor } from "../bench/generate.mjs";
import { DATA_DIR, TMP, closeApp, openApp } from "./helpers.mjs";

const NOTES = Number(process.env.POLKU_BENCH_NOTES ?? 5000);
const PAN_MS = 5000;
// Wheel events, 12 of each in turn; ctrlKey zooms (as a touchpad pinch does).
const MIXED = [
  { deltaX: 0, deltaY: 60 },
  { deltaX: 0, deltaY: 40, ctrlKey: true },
  { deltaX: 30, deltaY: -20 },
  { deltaX: 0, deltaY: -40, ctrlKey: true },
  { deltaX: 0, deltaY: -60 },
];
const PAN = [
  { deltaX: 0, deltaY: 60 },
  { deltaX: 30, deltaY: -20 },
  { deltaX: 0, deltaY: -60 },
  { deltaX: -30, deltaY: 20 },
];
const ZOOM = [
  { deltaX: 0, deltaY: 40, ctrlKey: true },
  { deltaX: 0, deltaY: -40, ctrlKey: true },
];

function report(name, value, unit) {
  console.log(`bench: ${name} ${value.toFixed(1)} ${unit}`);
}

const file = join(TMP, "bench.polku");
writeFileSync(file, JSON.stringify(generateWorkshop(NOTES), null, 2));
execFileSync(process.env.POLKU_BIN, ["import", file, "--data-dir", DATA_DIR], { stdio: ["ignore", "pipe", "pipe"] });
const workshopId = uuidFor(1);

/**
 * PAN_MS of wheel events at 60 per second over the board's middle, cycling through `phases`;
 * returns the frame intervals' figures (requestAnimationFrame to requestAnimationFrame).
 */
async function wheel(browser, phases) {
  const intervals = await browser.executeAsync(
    (ms, phases, done) => {
      const vp = document.querySelector(".viewport");
      const r = vp.getBoundingClientRect();
      const at = { clientX: r.left + r.width / 2, clientY: r.top + r.height / 2 };
      const frames = [];
      let recording = true;
      const tick = (ts) => {
        frames.push(ts);
        if (recording) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      const start = performance.now();
      let i = 0;
      const timer = setInterval(() => {
        const phase = phases[Math.floor(i / 12) % phases.length];
        vp.dispatchEvent(new WheelEvent("wheel", { ...at, ...phase, bubbles: true, cancelable: true }));
        i++;
        if (performance.now() - start > ms) {
          clearInterval(timer);
          recording = false;
          done(frames.slice(2).map((t, k) => t - frames[k + 1]));
        }
      }, 16);
    },
    PAN_MS,
    phases,
  );
  const sorted = intervals.sort((a, b) => a - b);
  if (sorted.length < 20) throw new Error(`only ${sorted.length} frames in ${PAN_MS} ms of wheel input`);
  const pct = (p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  return { frames: sorted.length, p50: pct(50), p95: pct(95), p99: pct(99), max: sorted[sorted.length - 1] };
}

const browser = await openApp();
try {
  // Open the workshop twice; the second (warm) opening is measured.
  for (let round = 0; round < 2; round++) {
    await browser.execute(() => (location.hash = "#/"));
    await browser.waitUntil(async () => (await browser.$$(".world [data-testid=note]").length) === 0);
    await browser.execute((id) => {
      window.__firstFrame = undefined;
      const start = performance.now();
      const look = () => {
        if (document.querySelector(".world [data-testid=note]")) {
          requestAnimationFrame(() => (window.__firstFrame = performance.now() - start));
        } else requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
      location.hash = `#/w/${id}`;
    }, workshopId);
    // WebDriver hands back undefined as null: ask the page whether the figure is there.
    await browser.waitUntil(() => browser.execute(() => typeof window.__firstFrame === "number"), {
      timeout: 60_000,
      timeoutMsg: "the board's notes never appeared",
    });
  }
  const firstFrame = await browser.execute(() => window.__firstFrame);
  await browser.pause(500);

  // 5 s of wheel input at 60 per second: pans, zooms out to far zoom and back in, pans again
  // (the figure the issue names); then 5 s of panning only, at zoom 1, where every frame paints
  // whole notes; then 5 s of zooming only.
  const mixed = await wheel(browser, MIXED);
  await browser.$(".zoom button:nth-child(2)").click(); // Fit
  await browser.pause(300);
  const panOnly = await wheel(browser, PAN);
  const zoomOnly = await wheel(browser, ZOOM);

  // Drag a note on screen with a real WebDriver mouse; time pointerup → the IPC answer.
  await browser.$(".zoom button:nth-child(2)").click(); // Fit
  await browser.pause(300);
  const card = await browser.execute(() => {
    for (const el of document.querySelectorAll(".world [data-testid=note]")) {
      const r = el.getBoundingClientRect();
      if (r.top > 150 && r.bottom < 700 && r.left > 20 && r.right < 1100) {
        return { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + 12) };
      }
    }
    return null;
  });
  if (!card) throw new Error("no note on screen to drag");
  // The dropped note keeps its "dragging" look until the op's answer is in (session.drop), so
  // the moment it loses it is the moment the commit's answer reached the page.
  await browser.execute(() => {
    window.__applied = undefined;
    addEventListener("pointerup", () => (window.__pointerup = performance.now()), { capture: true, once: true });
    const watch = new MutationObserver(() => {
      if (window.__pointerup !== undefined && !document.querySelector(".wrap.dragging")) {
        window.__applied = performance.now();
        watch.disconnect();
      }
    });
    watch.observe(document.querySelector(".world"), { subtree: true, attributes: true, attributeFilter: ["class"] });
    // The IPC answer itself, when Tauri's invoke can be wrapped (it is read-only, but configurable).
    const internals = window.__TAURI_INTERNALS__;
    const invoke = internals.invoke;
    try {
      Object.defineProperty(internals, "invoke", {
        value(cmd, args, options) {
          const answer = invoke.call(this, cmd, args, options);
          if (cmd === "call" && args?.command === "apply_op") answer.then(() => (window.__answered ??= performance.now()));
          return answer;
        },
      });
    } catch {
      // Not configurable here: only the drawn figure is reported.
    }
  });
  await browser
    .action("pointer", { parameters: { pointerType: "mouse" } })
    .move({ x: card.x, y: card.y })
    .down()
    .move({ x: card.x + 30, y: card.y + 25, duration: 100 })
    .move({ x: card.x + 60, y: card.y + 50, duration: 100 })
    .up()
    .perform();
  await browser.waitUntil(() => browser.execute(() => typeof window.__applied === "number"), {
    timeoutMsg: "the drag was never saved",
  });
  const dragToDb = await browser.execute(() => window.__applied - window.__pointerup);
  const answered = await browser.execute(() => (window.__answered ?? NaN) - window.__pointerup);
  report("desktop.board.first_frame_ms", firstFrame, "ms");
  report("desktop.board.pan.p50_frame_ms", mixed.p50, "ms");
  report("desktop.board.pan.p95_frame_ms", mixed.p95, "ms");
  report("desktop.board.pan.frames", mixed.frames, "frames");
  report("desktop.board.pan_only.p95_frame_ms", panOnly.p95, "ms");
  report("desktop.board.pan_only.frames", panOnly.frames, "frames");
  report("desktop.board.zoom_only.p95_frame_ms", zoomOnly.p95, "ms");
  report("desktop.board.zoom_only.frames", zoomOnly.frames, "frames");
  if (Number.isFinite(answered)) report("desktop.board.drag_to_db_ms", answered, "ms");
  report("desktop.board.drag_to_drawn_ms", dragToDb, "ms");
  console.log(
    `(desktop board bench: ${NOTES} notes; frames in 5 s (60 Hz = 300), p99 and longest frame: ` +
      [["pan+zoom", mixed], ["pan only", panOnly], ["zoom only", zoomOnly]]
        .map(([name, r]) => `${name} ${r.frames}, ${r.p99.toFixed(0)} ms, ${r.max.toFixed(0)} ms`)
        .join("; ") +
      ")",
  );
} finally {
  await closeApp(browser);
}
