// The team server under load: two `polku serve --database` instances on one PostgreSQL (started
// by crates/test-postgres on loopback), TEAM_CLIENTS (200) tabs listening on /api/events, half on
// each instance, and TEAM_WRITERS (20) writers applying ops as fast as they are answered, each
// through one instance, for TEAM_SECONDS (20). Then the same load on one `polku serve` on SQLite.
//
//   bench: team.apply_op_p99_ms        request → answer, through either instance
//   bench: team.cross_instance_event_p99_ms   op sent through one instance → a tab on the other told
//   bench: team.ops_per_s              acknowledged ops per second, both instances together
//   bench: sqlite.apply_op_p99_ms, sqlite.event_p99_ms, sqlite.ops_per_s   the same on the laptop's engine
//
// Every tab must hear of every op: a missed one fails the benchmark.
import { execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { authHeaders, BIN, call, needBuilt, percentile, report, ROOT, runBench, serve, serveWith, signIn, stop } from "./serve.mjs";

const CLIENTS = Number(process.env.TEAM_CLIENTS ?? 200);
const WRITERS = Number(process.env.TEAM_WRITERS ?? 20);
const SECONDS = Number(process.env.TEAM_SECONDS ?? 20);
const PG_BIN = process.env.POLKU_TEST_POSTGRES_BIN ?? join(ROOT, "target", "release", "test-postgres");

/** A fresh database on the test server; the process keeps the server while it runs. */
function postgres() {
  const proc = spawn(PG_BIN, [], { stdio: ["pipe", "pipe", "inherit"] });
  return new Promise((ok, fail) => {
    let seen = "";
    proc.stdout.on("data", (c) => {
      seen += c.toString();
      const line = seen.split("\n")[0];
      if (seen.includes("\n")) ok({ proc, url: line.trim() });
    });
    proc.on("exit", (code) => fail(new Error(`test-postgres exited (${code}): ${seen}`)));
  });
}

/** A tab on one instance's /api/events: when it first heard of each op id. */
function listen(srv, workshopId) {
  const url = new URL("/api/events", srv.url.replace(/^http/, "ws"));
  if (srv.token) url.searchParams.set("token", srv.token);
  // Node's WebSocket (undici) sends headers: a team server's sign-in cookie.
  const tab = { heard: new Map(), closed: false, socket: new WebSocket(url, { headers: authHeaders(srv.url) }) };
  tab.socket.addEventListener("message", (e) => {
    const event = JSON.parse(String(e.data));
    if (event.type === "changed" && event.workshop_id === workshopId && !tab.heard.has(event.op_id)) tab.heard.set(event.op_id, performance.now());
  });
  tab.socket.addEventListener("close", () => (tab.closed = true));
  return new Promise((ok, fail) => {
    tab.socket.addEventListener("open", () => ok(tab), { once: true });
    tab.socket.addEventListener("error", () => fail(new Error(`a tab could not open ${url.pathname}`)), { once: true });
  });
}

/** Runs the load against `servers`; the figures. */
async function load(servers) {
  const made = await call(servers[0].url, "create_workshop", { title: "Kuormitus", language: "fi" });
  const opened = await call(servers[0].url, "open_workshop", { id: made.id });
  const board = opened.boards[0];
  const tabs = [];
  for (let i = 0; i < CLIENTS; i++) {
    const srv = servers[i % servers.length];
    tabs.push({ srv, tab: await listen(srv, made.id) });
  }
  const sent = new Map(); // op id → [instance, time sent]
  const answers = [];
  const until = performance.now() + SECONDS * 1000;
  const writer = async (w) => {
    const srv = servers[w % servers.length];
    for (let n = 0; performance.now() < until; n++) {
      const opId = randomUUID();
      const op = {
        type: "create_note",
        note: { id: randomUUID(), board_id: board.id, touchpoint_id: board.touchpoints[n % board.touchpoints.length].id, lane_id: null, persona_id: null, kind: "idea", sentiment: null, text: `Kirjoittaja ${w}, ${n}`, x: 20 + (n % 7) * 10, y: 40 },
      };
      const t0 = performance.now();
      sent.set(opId, [srv, t0]);
      await call(srv.url, "apply_op", { workshop_id: made.id, op_id: opId, client_id: `writer-${w}`, undo: "record", op });
      answers.push(performance.now() - t0);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
  const took = (performance.now() - started) / 1000;
  // Every tab hears of every op (a little time for the last ones).
  const deadline = performance.now() + 10_000;
  while (performance.now() < deadline && tabs.some(({ tab }) => tab.heard.size < sent.size)) await new Promise((r) => setTimeout(r, 100));
  const missed = tabs.filter(({ tab }) => tab.heard.size < sent.size);
  if (missed.length) throw new Error(`${missed.length} tabs missed ops (${missed[0].tab.heard.size} of ${sent.size})`);
  // How long until a tab heard of an op: on another instance than it was sent through, when there is one.
  const delays = [];
  for (const { srv, tab } of tabs.slice(0, servers.length * 2)) {
    for (const [opId, [through, t0]] of sent) {
      if (servers.length > 1 && through === srv) continue;
      delays.push(tab.heard.get(opId) - t0);
    }
  }
  for (const { tab } of tabs) tab.socket.close();
  answers.sort((a, b) => a - b);
  delays.sort((a, b) => a - b);
  return { applyP99: percentile(answers, 99), eventP99: percentile(delays, 99), opsPerS: sent.size / took };
}

async function main() {
  needBuilt();
  const pg = await postgres();
  const dir = mkdtempSync(join(tmpdir(), "polku-team-bench-"));
  const running = [];
  try {
    const password = "kuormitus-salasana-2026";
    execFileSync(BIN, ["facilitators", "--database", pg.url, "add", "--email", "bench@kunta.fi", "--name", "Bench", "--admin"], { input: `${password}\n` });
    const a = await serveWith(["--database", pg.url]);
    running.push(a);
    const b = await serveWith(["--database", pg.url]);
    running.push(b);
    await signIn(a.url, "bench@kunta.fi", password);
    await signIn(b.url, "bench@kunta.fi", password);
    const team = await load([a, b]);
    report("team.apply_op_p99_ms", team.applyP99, "ms");
    report("team.cross_instance_event_p99_ms", team.eventP99, "ms");
    report("team.ops_per_s", team.opsPerS, "ops/s", 0);
    await Promise.all(running.splice(0).map((s) => stop(s.server)));

    const one = await serve(dir);
    running.push(one);
    const laptop = await load([one]);
    report("sqlite.apply_op_p99_ms", laptop.applyP99, "ms");
    report("sqlite.event_p99_ms", laptop.eventP99, "ms");
    report("sqlite.ops_per_s", laptop.opsPerS, "ops/s", 0);
  } finally {
    await Promise.all(running.map((s) => stop(s.server)));
    pg.proc.stdin.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (typeof WebSocket === "function") {
  runBench("team", main);
} else {
  // Node 20 has WebSocket only behind a flag (on by default from Node 22): run again with it.
  const { spawnSync } = await import("node:child_process");
  const again = spawnSync(process.execPath, ["--experimental-websocket", ...process.argv.slice(1)], { stdio: "inherit" });
  if (again.error) throw again.error;
  process.exit(again.status ?? 1);
}
