// The joining benchmark (`make bench`): simulated phones write notes into one workshop through the
// participants' listener of the real `polku serve`, while the facilitator's screen (the board in
// Debian's Chromium) is open on the same board. Defaults: 50 phones, 2 notes a second each, 60 s.
// Each phone writes its notes on schedule into an outbox and sends them one at a time, as the phone
// page does; when the time is up, what still waits in an outbox is not sent (the server was behind).
// It reports, each on a line of its own:
//
//   bench: join.notes_written / notes_unsent / notes_sent / notes_shown   the notes' counts
//   bench: join.submit_to_shown_p50_ms   a phone starts sending a note (its request) → the note is
//   bench: join.submit_to_shown_p99_ms   shown on the facilitator's screen (see "Shown" below);
//                                        goal p99 ≤ 50 ms on loopback
//   bench: join.written_to_shown_p99_ms  the same from when the note was written, its wait in a
//                                        phone's outbox included (what the person at the phone sees)
//   bench: join.event_to_shown_p99_ms    the part spent in the facilitator's page: its change
//                                        event arrived → shown
//   bench: join.add_note_p50_ms / _p99_ms  participant_add_note, request → answer, at the phones
//   bench: join.view_p50_ms / _p99_ms      participant_view, request → whole answer read, at the phones
//   bench: join.view_kb_end              the size of the last participant_view answer
//   bench: join.server_rss_mb_start      VmRSS of `polku serve` after the warm-up (every phone
//   bench: join.server_rss_mb_end        joined, 5 s of sending) and once every sent note is shown;
//   bench: join.server_rss_mb_growth     end − start, goal: flat (≤ 10 MB)
// Every 10 s a progress line gives the last 10 s's request times, as the workshop grows.
//
// Shown: the facilitator's board keeps only the notes near its viewport in the DOM (culling.ts),
// and phones' notes stack downward in their column, so most of them never get a card on screen.
// What every note does change on the screen is its touchpoint's count chips (TouchpointCounts:
// negative / neutral / positive under the place's head), so the phones write observations (those
// three tones) and a note counts as shown once the count under its touchpoint includes it in the
// DOM and the animation frame that paints that DOM has been produced: a requestAnimationFrame loop
// reads the counts each frame, and a note first counted in frame N is stamped at frame N+1's rAF
// callback (as board.bench.mjs stamps its first frame). Which notes a count covers is known from
// the page's own change stream: an init script listens (beside the app's own handler, without
// changing it) to /api/events and keeps each touchpoint's created notes in arrival order, the
// order the page applies them in. Whether the note's own card was in the DOM then is counted too.
// Times are the machine's clock on both sides (performance.timeOrigin + performance.now()).
//
// Phones (phone.mjs) act like the phone page (ui/src/participant): invite, join (cookie), the events WebSocket
// kept open, notes sent one at a time from an outbox, and participant_view fetched again after
// every event or sent note, at most once a second (a trailing fetch after a burst). Each phone
// connects from an address of its own (127.0.0.10, .11, … to the LAN address joining listens on),
// since a room's phones have their own addresses and the listener caps connections per address.
// The phones do not parse the views (a real phone does that on its own CPU, not on this machine's).
//
// Benchmarks report; they do not fail on slow figures. A broken measurement exits non-zero: a
// refused request, a note the server answered that the screen has not shown 10 s later, a count
// the change stream does not explain, a page error.
// Needs: the built UI (ui/dist) and `polku` (POLKU_BIN or $CARGO_TARGET_DIR/debug/polku), a LAN
// address to open joining on (POLKU_BENCH_ADDRESS picks one of join_addresses).
// Knobs: POLKU_BENCH_PHONES (50), POLKU_BENCH_SECONDS (60), POLKU_BENCH_RATE (notes/s per phone, 2).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Phone, breakWith, broken, now } from "./phone.mjs";
import { importWorkshop, openJoining } from "./room.mjs";
import { call, keyHeader, launchChromium, needBuilt, percentile, report, rssMb, runBench, serve, stop } from "./serve.mjs";

const PHONES = Number(process.env.POLKU_BENCH_PHONES ?? 50);
const SECONDS = Number(process.env.POLKU_BENCH_SECONDS ?? 60);
const RATE = Number(process.env.POLKU_BENCH_RATE ?? 2);
const WARMUP_MS = Math.min(5000, (SECONDS * 1000) / 2);
/** A note the server has answered must be on the screen this soon, or the measurement is broken. */
const SHOWN_WITHIN_MS = 10_000;
/** Three of the board's five touchpoints get the notes. */
const PLACES = 3;

// ---- The facilitator's page --------------------------------------------------------------------

/**
 * Init script of the facilitator's page, before its own scripts: hears /api/events beside the
 * app (a listener added in the socket's constructor, so it runs just before the app's onmessage in
 * the same task) and, once started, reads the touchpoints' counts every frame. See "Shown" above.
 */
function watchTheBoard() {
  const at = () => performance.timeOrigin + performance.now();
  const B = (window.__join = { arrivals: {}, counted: {}, base: {}, pending: [], shown: [], errors: [], opens: 0 });
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      if (!String(url).endsWith("/api/events")) return;
      this.addEventListener("open", () => B.opens++);
      this.addEventListener("message", (m) => {
        if (typeof m.data !== "string" || !m.data.includes('"note"')) return;
        let ev;
        try {
          ev = JSON.parse(m.data);
        } catch {
          return;
        }
        if (ev.type !== "changed") return;
        for (const c of ev.changes) {
          if (c.entity !== "note" || c.before || !c.after) continue;
          const tag = /\[(\d+\.\d+)\]$/.exec(c.after.text);
          if (!tag) continue;
          (B.arrivals[c.after.touchpoint_id] ??= []).push({ key: tag[1], id: c.id, at: at() });
        }
      });
    }
  };
  const total = (tp) => {
    const g = document.querySelector(`[data-testid="touchpoint-counts"][data-touchpoint-id="${tp}"]`);
    if (!g) return NaN;
    let sum = 0;
    for (const t of g.querySelectorAll("text tspan:not(.symbol)")) sum += Number(t.textContent);
    return sum;
  };
  B.start = (tps) => {
    for (const tp of tps) {
      B.base[tp] = total(tp);
      B.counted[tp] = 0;
      if (!Number.isFinite(B.base[tp])) throw new Error(`no counts for touchpoint ${tp}`);
    }
    const frame = () => {
      // The frame in which these were first counted has been produced by now.
      const t = at();
      for (const p of B.pending) B.shown.push([p.key, t, p.arrived, p.card]);
      B.pending = [];
      for (const tp of tps) {
        const drawn = total(tp) - B.base[tp];
        if (!Number.isFinite(drawn)) {
          B.errors.push(`the counts of touchpoint ${tp} are gone from the board`);
          continue;
        }
        const list = B.arrivals[tp] ?? [];
        while (B.counted[tp] < drawn) {
          const a = list[B.counted[tp]];
          if (!a) {
            B.errors.push(`touchpoint ${tp} counts ${drawn} new notes, the change stream brought ${list.length}`);
            B.counted[tp] = drawn;
            break;
          }
          B.counted[tp]++;
          B.pending.push({ key: a.key, arrived: a.at, card: document.querySelector(`[data-note-id="${a.id}"]`) !== null });
        }
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  };
  B.take = () => {
    const shown = B.shown;
    B.shown = [];
    return { shown, errors: B.errors.slice(0, 5), opens: B.opens };
  };
}

// ---- The run -----------------------------------------------------------------------------------

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Takes what the page has shown since the last call; breaks the run on the page's errors. */
async function collect(page, notes, seen) {
  const { shown, errors, opens } = await page.evaluate(() => window.__join.take());
  if (errors.length) breakWith(`the facilitator's screen: ${errors.join("; ")}`);
  if (opens > 1) seen.reopened = opens - 1;
  for (const [key, t, arrived, card] of shown) {
    const note = notes.get(key);
    if (!note) {
      breakWith(`the screen showed note ${key}, which no phone wrote`);
      continue;
    }
    if (note.shown !== null) {
      breakWith(`note ${key} was shown twice`);
      continue;
    }
    note.shown = t;
    note.arrived = arrived;
    note.card = card;
    seen.count++;
  }
}

/** Notes the server answered more than SHOWN_WITHIN_MS ago that are not on the screen. */
function overdue(notes) {
  const limit = now() - SHOWN_WITHIN_MS;
  let late = null;
  let n = 0;
  for (const note of notes.values()) {
    if (note.shown === null && note.answered !== null && note.answered < limit) {
      n++;
      late ??= note;
    }
  }
  return n ? `${n} note(s) answered by the server were not shown within ${SHOWN_WITHIN_MS / 1000} s (first: ${late.key})` : null;
}

/** How many threads a process has (the server's blocking pool grows while its calls wait). */
function threads(pid) {
  return /^Threads:\s+(\d+)$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? "?";
}

/** Every 10 s: how far the phones are, and the last 10 s's request times (the workshop grows). */
function printProgress(progress, notes, stats, pid, t0) {
  const window = (all, from) => all.slice(from).sort((a, b) => a - b);
  const adds = window(stats.adds, progress.adds);
  const views = window(stats.views, progress.views);
  progress.adds = stats.adds.length;
  progress.views = stats.views.length;
  let answered = 0;
  let shown = 0;
  for (const n of notes.values()) {
    if (n.answered !== null) answered++;
    if (n.shown !== null) shown++;
  }
  const ms = (list, p) => (list.length ? percentile(list, p).toFixed(0) : "–");
  console.log(
    `  ${((performance.now() - t0) / 1000).toFixed(0)} s: ${notes.size} written, ${answered} answered, ${shown} shown; ` +
      `last 10 s: ${adds.length} adds p50/p99 ${ms(adds, 50)}/${ms(adds, 99)} ms, ${views.length} views p50/p99 ${ms(views, 50)}/${ms(views, 99)} ms ` +
      `(${(stats.viewBytes / 1024).toFixed(0)} KB); server ${rssMb(pid).toFixed(1)} MB, ${threads(pid)} threads`,
  );
  progress.at += 10_000;
}

/** The facilitator's screen, on the board, before anyone joins; watched by watchTheBoard. */
async function openBoard(browser, base, { workshopId, boardId, places }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-US", extraHTTPHeaders: keyHeader(base) });
  const page = await context.newPage();
  page.on("pageerror", (e) => breakWith(`the facilitator's page: ${e}`));
  await page.addInitScript(watchTheBoard);
  await page.goto(`${base}/#/w/${workshopId}/b/${boardId}`);
  await page.locator(`[data-testid="touchpoint-counts"][data-touchpoint-id="${places[PLACES - 1]}"]`).waitFor({ timeout: 60_000 });
  await page.evaluate((tps) => window.__join.start(tps), places);
  return page;
}

/** Every phone joins, one after the other (each pushed to `phones` at once, to be closed). */
async function joinPhones(base, { workshopId, boardId, places }, { status, listener }, phones, stats) {
  for (let n = 0; n < PHONES; n++) {
    const phone = new Phone(n, listener, boardId, places);
    phones.push(phone);
    await phone.join(status.token, stats);
  }
  const joined = await call(base, "join_status", { workshop_id: workshopId });
  if (joined.joined !== PHONES) throw new Error(`${joined.joined} devices joined, not ${PHONES}`);
  console.log(`join benchmark: ${PHONES} phones joined at ${status.address}; ${RATE} notes/s each for ${SECONDS} s`);
}

/** Each phone writes RATE notes a second, the phones' notes spread evenly over each period. */
function scheduleWriting(phones, notes) {
  const perPhone = Math.round(SECONDS * RATE);
  const period = 1000 / RATE;
  const t0 = performance.now() + 500;
  const plan = { t0, perPhone, endOfSending: t0 + perPhone * period, lag: 0, written: 0 };
  for (const phone of phones) {
    const offset = (phone.n * period) / PHONES;
    const next = (k) => {
      if (k >= perPhone || broken) return;
      const due = t0 + offset + k * period;
      setTimeout(() => {
        if (broken) return;
        plan.lag = Math.max(plan.lag, performance.now() - due);
        phone.write(k, notes);
        plan.written++;
        next(k + 1);
      }, due - performance.now());
    };
    next(0);
  }
  return plan;
}

/**
 * Watches the run until every sent note is shown: collects from the page, takes the server's RSS
 * after the warm-up and at the end, prints progress, and stops the phones' writing when time is up.
 */
async function runUntilShown(server, page, phones, notes, stats, plan) {
  const seen = { count: 0, reopened: 0 };
  let rssStart = null;
  let unsent = 0;
  let stopped = false;
  const pid = server.pid;
  const { t0, perPhone, endOfSending } = plan;
  const progress = { at: t0 + 10_000, adds: 0, views: 0 };
  for (;;) {
    await sleep(250);
    if (broken) throw broken;
    if (server.exitCode !== null) throw new Error(`polku serve exited (${server.exitCode})`);
    await collect(page, notes, seen);
    if (rssStart === null && performance.now() >= t0 + WARMUP_MS) rssStart = rssMb(pid);
    if (performance.now() >= progress.at) printProgress(progress, notes, stats, pid, t0);
    const late = overdue(notes);
    if (late) breakWith(late);
    if (broken) throw broken;
    // The time is up: notes still waiting in a phone's outbox (the server is behind) are not sent.
    if (!stopped && performance.now() >= endOfSending && plan.written === PHONES * perPhone) {
      stopped = true;
      for (const p of phones) unsent += p.stopWriting();
    }
    if (stopped && phones.every((p) => !p.sending) && seen.count === notes.size - unsent) break;
    if (stopped && performance.now() > endOfSending + 60_000) {
      const unanswered = [...notes.values()].filter((n) => !n.unsent && n.answered === null).length;
      throw new Error(`the run did not finish a minute after the phones stopped writing: ${unanswered} note(s) unanswered, ${notes.size - unsent - seen.count} not shown`);
    }
  }
  const rssEnd = rssMb(pid);
  if (rssStart === null) throw new Error("the run ended before the warm-up did");
  return { seen, rssStart, rssEnd, unsent };
}

/** The summary line and the `bench:` figures. */
async function reportRun(page, phones, notes, stats, plan, { seen, rssStart, rssEnd, unsent }) {
  const list = [...notes.values()].filter((n) => !n.unsent);
  const latencies = list.map((n) => n.shown - n.sent).sort((a, b) => a - b);
  const felt = list.map((n) => n.shown - n.written).sort((a, b) => a - b);
  const pageSide = list.map((n) => n.shown - n.arrived).sort((a, b) => a - b);
  const adds = stats.adds.sort((a, b) => a - b);
  const views = stats.views.sort((a, b) => a - b);
  const cards = list.filter((n) => n.card).length;
  const count = await page.locator(".world [data-testid=note]").count();
  console.log(
    `join benchmark: ${list.length} notes shown, ${cards} of them with their card in the DOM then (${count} cards now); ` +
      `slowest ${latencies[latencies.length - 1].toFixed(0)} ms; ${views.length} views; phones' timers late by up to ${plan.lag.toFixed(0)} ms; ` +
      `${phones.reduce((s, p) => s + p.reconnects, 0)} phone event-stream reconnects; facilitator's stream reopened ${seen.reopened}×`,
  );
  report("join.notes_written", notes.size, "notes", 0);
  report("join.notes_unsent", unsent, "notes", 0);
  report("join.notes_sent", list.length, "notes", 0);
  report("join.notes_shown", seen.count, "notes", 0);
  report("join.submit_to_shown_p50_ms", percentile(latencies, 50), "ms");
  report("join.submit_to_shown_p99_ms", percentile(latencies, 99), "ms");
  report("join.written_to_shown_p99_ms", percentile(felt, 99), "ms");
  report("join.event_to_shown_p99_ms", percentile(pageSide, 99), "ms");
  report("join.add_note_p50_ms", percentile(adds, 50), "ms");
  report("join.add_note_p99_ms", percentile(adds, 99), "ms");
  report("join.view_p50_ms", percentile(views, 50), "ms");
  report("join.view_p99_ms", percentile(views, 99), "ms");
  report("join.view_kb_end", stats.viewBytes / 1024, "KB");
  report("join.server_rss_mb_start", rssStart, "MB");
  report("join.server_rss_mb_end", rssEnd, "MB");
  report("join.server_rss_mb_growth", rssEnd - rssStart, "MB");
}

async function main() {
  needBuilt();
  if (!(PHONES >= 1 && PHONES <= 240 && SECONDS > 0 && RATE > 0)) throw new Error("POLKU_BENCH_PHONES 1–240, SECONDS and RATE above 0");
  const tmp = mkdtempSync(join(tmpdir(), "polku-bench-"));
  const dataDir = join(tmp, "data");
  let server = null;
  let browser = null;
  const phones = [];
  try {
    const workshop = importWorkshop(tmp, dataDir, PLACES);
    const started = await serve(dataDir);
    server = started.server;
    const base = started.url;
    browser = await launchChromium();
    const page = await openBoard(browser, base, workshop);
    const joining = await openJoining(base, workshop);
    const stats = { adds: [], views: [], viewBytes: 0 };
    await joinPhones(base, workshop, joining, phones, stats);
    const notes = new Map();
    const plan = scheduleWriting(phones, notes);
    const run = await runUntilShown(server, page, phones, notes, stats, plan);
    await reportRun(page, phones, notes, stats, plan, run);
  } finally {
    for (const p of phones) p.close();
    await browser?.close().catch(() => {});
    await stop(server);
    rmSync(tmp, { recursive: true, force: true });
  }
}

runBench("join", main);
