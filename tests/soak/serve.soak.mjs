// The long run of `make soak`: `polku serve` (POLKU_BIN, the release build) for SOAK_MINUTES (30)
// with SOAK_CLIENTS (50) WebSocket clients on /api/events and SOAK_WRITERS (10) writers creating,
// editing, moving and deleting notes through apply_op, as a long day of facilitators' tabs would.
// The server's RSS is sampled every 10 s into rss.csv in the run's temp dir. A leak shows as
// growth after the warm-up (SOAK_WARMUP_SECONDS, 60), when the SQLite page cache, the allocator's
// arenas and the sockets' buffers have reached their size: more than SOAK_MAX_GROWTH_MB (10)
// fails the run. So does any client missing an event or closed by the server, and any refused op.
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { importWorkshop } from "../bench/room.mjs";
import { call, needBuilt, report, rssMb, runBench, serve, stop } from "../bench/serve.mjs";

/** A positive number from the environment, or `fallback`; anything else stops the run (a typo must not shorten the proof). */
function setting(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name}=${JSON.stringify(raw)} is not a positive number`);
  return n;
}

const MINUTES = setting("SOAK_MINUTES", 30);
const CLIENTS = setting("SOAK_CLIENTS", 50);
const WRITERS = setting("SOAK_WRITERS", 10);
/** Each writer's pace: 10 writers × 4 ops/s is a busy room's worth of edits, far above one facilitator's. */
const OPS_PER_WRITER_S = setting("SOAK_OPS_PER_WRITER_S", 4);
const WARMUP_S = setting("SOAK_WARMUP_SECONDS", 60);
const MAX_GROWTH_MB = setting("SOAK_MAX_GROWTH_MB", 10);
const SAMPLE_MS = 10_000;
/** Each writer's notes are capped; at the cap its creating turns alternate with deleting its oldest,
 * so the board stays a large one (1,000 notes) instead of growing all run, and memory that follows
 * the board's size is not mistaken for a leak. */
const NOTES_PER_WRITER = 100;

/** The first fault; the run stops at the next check and exits 1 with it. */
let broken = null;
const breakWith = (message) => void (broken ??= new Error(message));

/**
 * A tab listening to /api/events; counts the workshop's changes it is told of. A WebSocket cannot
 * send the key's header, so a server that printed a key (`/?token=…`) gets it in the address.
 */
function listen({ url: base, token }, workshopId, i) {
  const url = new URL("/api/events", base.replace(/^http/, "ws"));
  if (token) url.searchParams.set("token", token);
  const client = { received: 0, closing: false, socket: new WebSocket(url) };
  client.socket.addEventListener("message", (e) => {
    const event = JSON.parse(String(e.data));
    if (event.type === "changed" && event.workshop_id === workshopId) client.received++;
  });
  client.socket.addEventListener("close", (e) => {
    if (!client.closing) breakWith(`client ${i}'s socket was closed by the server (${e.code}) after ${client.received} events`);
  });
  return new Promise((ok, fail) => {
    client.socket.addEventListener("open", () => ok(client), { once: true });
    client.socket.addEventListener("error", () => fail(new Error(`client ${i} could not open ${url.pathname}`)), { once: true });
  });
}

/** One writer: a cycle of create (or, at its cap, delete the oldest), edit, move, edit, at its pace until `until`. */
async function write({ url: base }, { workshopId, boardId, touchpoints }, w, until, counts) {
  const client = `soak-writer-${w}`;
  const mine = [];
  const apply = (op) => call(base, "apply_op", { workshop_id: workshopId, op_id: randomUUID(), client_id: client, undo: "record", op });
  for (let n = 0; Date.now() < until && !broken; n++) {
    const due = Date.now() + 1000 / OPS_PER_WRITER_S;
    const step = n % 4;
    let op;
    if (step === 0 && mine.length >= NOTES_PER_WRITER) {
      op = { type: "delete_note", id: mine.shift() };
    } else if (step === 0 || mine.length === 0) {
      const id = randomUUID();
      mine.push(id);
      op = {
        type: "create_note",
        note: {
          id, board_id: boardId, touchpoint_id: touchpoints[n % touchpoints.length], lane_id: null,
          kind: "observation", sentiment: "neutral", text: `Kirjoittaja ${w}, lappu ${n}`, x: 20 * w, y: 30 * (n % 40),
        },
      };
    } else if (step === 2) {
      op = { type: "update_note", id: mine[n % mine.length], patch: { x: (n * 7) % 400, y: (n * 13) % 900 } };
    } else {
      op = { type: "update_note", id: mine[n % mine.length], patch: { text: `Muokattu ${n}: ${"ääkköset ".repeat(n % 5)}` } };
    }
    try {
      await apply(op);
      counts.ops++;
    } catch (e) {
      breakWith(`writer ${w}: ${e.message}`);
    }
    await sleep(Math.max(0, due - Date.now()));
  }
}

async function main() {
  needBuilt();
  const tmp = mkdtempSync(join(tmpdir(), "polku-soak-"));
  const dataDir = join(tmp, "data");
  mkdirSync(dataDir);
  const csv = join(tmp, "rss.csv");
  writeFileSync(csv, "seconds,rss_mb,ops,events_received\n");
  console.log(`soak: ${MINUTES} min, ${CLIENTS} clients, ${WRITERS} writers at ${OPS_PER_WRITER_S} ops/s each; samples in ${csv}`);
  const room = importWorkshop(tmp, dataDir, 5);
  const srv = await serve(dataDir);
  const died = (code, signal) => breakWith(`polku serve exited during the run (${code ?? signal})`);
  srv.server.on("exit", died);
  const clients = [];
  try {
    for (let i = 0; i < CLIENTS; i++) clients.push(await listen(srv, room.workshopId, i));
    const counts = { ops: 0 };
    const events = () => clients.reduce((sum, c) => sum + c.received, 0);
    const t0 = Date.now();
    const until = t0 + MINUTES * 60_000;
    const samples = [];
    const sample = () => {
      const s = { seconds: (Date.now() - t0) / 1000, rss: rssMb(srv.server.pid), ops: counts.ops, events: events() };
      samples.push(s);
      appendFileSync(csv, `${s.seconds.toFixed(0)},${s.rss.toFixed(2)},${s.ops},${s.events}\n`);
    };
    sample();
    const sampler = setInterval(() => {
      try {
        sample();
      } catch (e) {
        breakWith(`sampling the server's memory: ${e.message}`);
      }
    }, SAMPLE_MS);
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => write(srv, room, w, until, counts)));
    clearInterval(sampler);
    if (broken) throw broken;
    // The last changes may still be on their way to some clients.
    const drained = Date.now() + 10_000;
    while (clients.some((c) => c.received < counts.ops) && Date.now() < drained) await sleep(100);
    sample();
    const afterWarmup = samples.find((s) => s.seconds >= WARMUP_S);
    if (!afterWarmup || afterWarmup === samples.at(-1)) throw new Error(`the run is too short for a warm-up of ${WARMUP_S} s and samples after it`);
    const rssStart = afterWarmup.rss;
    const rssEnd = samples.at(-1).rss;
    const missed = clients.reduce((sum, c) => sum + Math.max(0, counts.ops - c.received), 0);
    report("soak.minutes", MINUTES, "min");
    report("soak.rss_start_mb", rssStart, "MB");
    report("soak.rss_end_mb", rssEnd, "MB");
    report("soak.rss_max_mb", Math.max(...samples.map((s) => s.rss)), "MB");
    report("soak.rss_growth_mb", rssEnd - rssStart, "MB");
    report("soak.ops", counts.ops, "ops", 0);
    report("soak.events_received", events(), "events", 0);
    report("soak.events_missed", missed, "events", 0);
    // The store checkpoints on a timer, and a WAL is only reset after a checkpoint that no write
    // overtook: under steady writes its size says whether checkpoints keep up.
    const mb = (file) => (existsSync(join(dataDir, file)) ? statSync(join(dataDir, file)).size / 2 ** 20 : 0);
    report("soak.db_mb", mb("polku.sqlite3"), "MB");
    report("soak.wal_mb", mb("polku.sqlite3-wal"), "MB");
    console.log(`soak: RSS samples in ${csv}`);
    if (broken) throw broken;
    if (missed > 0) throw new Error(`${missed} events never reached their clients`);
    if (rssEnd - rssStart > MAX_GROWTH_MB) {
      throw new Error(`the server grew ${(rssEnd - rssStart).toFixed(1)} MB after the warm-up (more than ${MAX_GROWTH_MB} MB): see ${csv}`);
    }
    // Only a passing run's database goes: a failing one is kept beside its samples to look into.
    rmSync(dataDir, { recursive: true, force: true });
  } finally {
    for (const c of clients) {
      c.closing = true;
      c.socket.close();
    }
    srv.server.off("exit", died);
    await stop(srv.server);
  }
}

if (typeof WebSocket === "function") {
  runBench("soak", main);
} else {
  // Node 20 has WebSocket only behind a flag (on by default from Node 22): run again with it.
  const again = spawnSync(process.execPath, ["--experimental-websocket", ...process.argv.slice(1)], { stdio: "inherit" });
  if (again.error) throw again.error;
  process.exit(again.status ?? 1);
}
