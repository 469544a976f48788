// The voting benchmark (`make bench`): 50 simulated phones (phone.mjs, as in the joining benchmark)
// joined to the real `polku serve`, a dot vote open on a board of 12 notes with three dots each
// and the counts shown (not hidden), and the facilitator's screen (Debian's Chromium) showing the
// vote's list. At one moment every phone gives its three dots, one after the other as a person
// taps; the phones also refetch their view after each event, as the phone page does.
//
//   bench: vote.burst_all_counted_ms   the burst starts → the facilitator's screen shows all 150
//                                      dots counted (the list's counts summed each animation
//                                      frame; stamped at the next frame, as join.bench.mjs does)
//   bench: vote.cast_p50_ms / _p99_ms  participant_vote, request → answer, at the phones
//
// A refused dot, or counts that do not reach 150 within 30 s, break the run (exit non-zero).
// Knobs: POLKU_BENCH_PHONES (50).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Phone, now } from "./phone.mjs";
import { importWorkshop, openJoining } from "./room.mjs";
import { call, keyHeader, launchChromium, needBuilt, percentile, report, runBench, serve, stop } from "./serve.mjs";

const PHONES = Number(process.env.POLKU_BENCH_PHONES ?? 50);
const DOTS = 3;
const NOTES = 12;

const uuid = () => crypto.randomUUID();

/** Twelve notes over the board's first three places, and a vote on them with the counts shown. */
async function voteOnNotes(base, { workshopId, boardId, places }) {
  const apply = (op) => call(base, "apply_op", { workshop_id: workshopId, op_id: uuid(), client_id: "bench-desk", undo: "skip", op });
  for (let i = 0; i < NOTES; i++) {
    const note = { id: uuid(), board_id: boardId, touchpoint_id: places[i % places.length], lane_id: null, persona_id: null, kind: "idea", sentiment: null, text: `Ehdotus ${i + 1}`, x: -100, y: 230 + Math.floor(i / places.length) * 126 };
    await apply({ type: "create_note", note });
  }
  const settings = { on: { type: "board" }, dots: DOTS, several_per_target: false, hidden: false, screen: "off", ends_at: null };
  const id = uuid();
  const res = await apply({ type: "create_vote", vote: { id, board_id: boardId, settings, session_id: null } });
  return { id, targets: res.changes[0].after.fields.targets };
}

/** The facilitator's board with the vote's list open; a frame loop stamps when the counts reach `total`. */
async function openScreen(browser, base, { workshopId, boardId }) {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-US", extraHTTPHeaders: keyHeader(base) })).newPage();
  page.on("pageerror", (e) => {
    throw new Error(`the facilitator's page: ${e}`);
  });
  await page.goto(`${base}/#/w/${workshopId}/b/${boardId}`);
  await page.getByTestId("vote-list-toggle").click();
  await page.getByTestId("vote-count").first().waitFor();
  return page;
}

function watchCounts(page, total) {
  return page.evaluate(
    (total) =>
      new Promise((done) => {
        const at = () => performance.timeOrigin + performance.now();
        let reached = false;
        const frame = () => {
          if (reached) return done(at());
          let sum = 0;
          for (const el of document.querySelectorAll('[data-testid="vote-count"]')) sum += Number(/\d+/.exec(el.textContent)?.[0] ?? 0);
          reached = sum >= total;
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
    total,
  );
}

async function main() {
  needBuilt();
  const tmp = mkdtempSync(join(tmpdir(), "polku-bench-"));
  let server = null;
  let browser = null;
  const phones = [];
  try {
    const workshop = importWorkshop(tmp, join(tmp, "data"), 3);
    const started = await serve(join(tmp, "data"));
    server = started.server;
    const base = started.url;
    const vote = await voteOnNotes(base, workshop);
    browser = await launchChromium();
    const page = await openScreen(browser, base, workshop);
    const joining = await openJoining(base, workshop);
    const stats = { adds: [], views: [], viewBytes: 0 };
    for (let n = 0; n < PHONES; n++) {
      const phone = new Phone(n, joining.listener, workshop.boardId, workshop.places);
      phones.push(phone);
      await phone.join(joining.status.token, stats);
    }
    const total = PHONES * DOTS;
    const shown = watchCounts(page, total);
    const casts = [];
    const t0 = now();
    await Promise.all(
      phones.map(async (phone) => {
        for (let k = 0; k < DOTS; k++) {
          const target = vote.targets[(phone.n + k * 5) % vote.targets.length];
          const res = await phone.postOk("/p/api/participant_vote", { op_id: uuid(), vote_id: vote.id, target_id: target, delta: 1 });
          casts.push(res.ms);
        }
      }),
    );
    const counted = await Promise.race([shown, new Promise((_, fail) => setTimeout(() => fail(new Error(`the screen did not count ${total} dots within 30 s`)), 30_000))]);
    casts.sort((a, b) => a - b);
    console.log(`vote benchmark: ${PHONES} phones gave ${casts.length} dots; the slowest answer took ${casts[casts.length - 1].toFixed(0)} ms`);
    report("vote.burst_all_counted_ms", counted - t0, "ms");
    report("vote.cast_p50_ms", percentile(casts, 50), "ms");
    report("vote.cast_p99_ms", percentile(casts, 99), "ms");
  } finally {
    for (const p of phones) p.close();
    await browser?.close().catch(() => {});
    await stop(server);
    rmSync(tmp, { recursive: true, force: true });
  }
}

runBench("vote", main);
