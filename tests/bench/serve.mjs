// Shared pieces of the Node benchmarks (tests/bench/*.bench.mjs): the `polku` binary and its CLI,
// `polku serve` on a free port, Debian's Chromium (its flags shared with the browser tests in
// ../chromium-args.mjs), and the report line format. Used by board.bench.mjs and join.bench.mjs.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../chromium-args.mjs";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const BIN = process.env.POLKU_BIN ?? join(process.env.CARGO_TARGET_DIR ?? join(ROOT, "target"), "debug", "polku");

/** One figure, as `make bench` readers and scripts expect it: `bench: <name> <value> <unit>`. */
export function report(name, value, unit, digits = 1) {
  console.log(`bench: ${name} ${value.toFixed(digits)} ${unit}`);
}

/** The nearest-rank percentile of an ascending array. */
export function percentile(sorted, p) {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

/** Throws unless the benchmarks' inputs are built: the polku binary and the UI (ui/dist). */
export function needBuilt() {
  if (!existsSync(BIN)) throw new Error(`no polku binary at ${BIN}: build it (make build)`);
  if (!existsSync(join(ROOT, "ui/dist/index.html"))) throw new Error("no built UI: run npm --prefix ui run build");
}

/** Runs the polku CLI; its standard output. */
export function polku(args) {
  return execFileSync(BIN, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** The keys of the servers this process started, by base URL (crates/polku-server/src/access.rs). */
const tokens = new Map();

/** The header that carries a server's key: a page gets it with `context.setExtraHTTPHeaders(keyHeader(base))`. */
export function keyHeader(base) {
  return { "x-polku-token": tokens.get(base) ?? "" };
}

/** A team server's sign-in cookie, by base URL, once `signIn` has it. */
const cookies = new Map();

/** Signs in to a team server through its form, as a browser does; later calls carry the cookie. */
export async function signIn(base, email, password) {
  const res = await fetch(`${base}/signin`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password }),
  });
  const set = res.headers.get("set-cookie");
  if (res.status !== 303 || !set) throw new Error(`signing in to ${base} answered ${res.status}`);
  cookies.set(base, set.split(";")[0]);
}

/** What a request to `base` carries to be let in: its key, and a team server's sign-in. */
export function authHeaders(base) {
  return { ...keyHeader(base), ...(cookies.has(base) ? { Cookie: cookies.get(base) } : {}) };
}

/** Starts `polku serve` on a free port; resolves with the server, its base URL and its key. */
export function serve(dataDir) {
  return serveWith(["--data-dir", dataDir]);
}

/** The same with the library given by `args` (`["--database", url]` for a team library). */
export function serveWith(args) {
  const server = spawn(BIN, ["serve", ...args, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((ok, fail) => {
    let seen = "";
    const timer = setTimeout(() => fail(new Error(`polku serve did not report its address:\n${seen}`)), 20_000);
    server.stdout.on("data", (chunk) => {
      seen += chunk.toString();
      // The laptop's server prints its key in the address; a team server its sign-in page.
      const m = /Polku is serving (?:the team library )?at (http:\/\/127\.0\.0\.1:\d+)\/(?:\?token=([A-Za-z0-9_-]+)|signin)/.exec(seen);
      if (m) {
        clearTimeout(timer);
        server.stdout.resume();
        tokens.set(m[1], m[2]);
        ok({ server, url: m[1], token: m[2] });
      }
    });
    server.stderr.on("data", (c) => (seen += c.toString()));
    server.on("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`polku serve exited early (${code}):\n${seen}`));
    });
  });
}

/** Stops a server started by `serve`: SIGTERM, then SIGKILL after 5 s. */
export async function stop(server) {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  server.kill("SIGTERM");
  await new Promise((done) => {
    const force = setTimeout(() => (server.kill("SIGKILL"), done()), 5000);
    server.once("exit", () => (clearTimeout(force), done()));
  });
}

/** A process's resident memory (VmRSS) in MB (MiB), from /proc. */
export function rssMb(pid) {
  const m = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  if (!m) throw new Error(`no VmRSS for process ${pid}`);
  return Number(m[1]) / 1024;
}

/** Debian's Chromium, headless, as the benchmarks run it (the browser tests' path and flags). */
export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** A facilitator command on the loopback API, as the web UI sends it (ui/src/lib/backend/postJson.ts). */
export async function call(base, command, args) {
  const res = await fetch(`${base}/api/${command}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...authHeaders(base) },
    body: JSON.stringify(args ?? {}),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${command} answered ${res.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

/** Runs a benchmark's main: exit 0 once it has reported, 1 with the reason when it broke. */
export function runBench(name, main) {
  main().then(
    () => process.exit(0),
    (e) => {
      console.error(`${name} benchmark failed: ${e?.stack ?? e}`);
      process.exit(1);
    },
  );
}
