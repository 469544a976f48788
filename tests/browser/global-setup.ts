import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

function binary(): string {
  if (process.env.POLKU_BIN) return process.env.POLKU_BIN;
  const target = process.env.CARGO_TARGET_DIR ?? join(ROOT, "target");
  return join(target, "debug", "polku");
}

/**
 * Builds the UI the server hands out (a debug `polku` reads ui/dist from disk), so a test never
 * runs against a stale bundle.
 */
function buildUi(): void {
  if (process.env.POLKU_SKIP_UI_BUILD) return;
  const r = spawnSync("npm", ["--prefix", join(ROOT, "ui"), "run", "build"], { stdio: "inherit" });
  if (r.status !== 0) throw new Error("building the UI (npm --prefix ui run build) failed");
}

/** Waits for the line where `polku serve` says its address; port 0 lets the OS pick a free one. */
function waitForUrl(server: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((ok, fail) => {
    let seen = "";
    const timer = setTimeout(() => fail(new Error(`polku serve did not report its address:\n${seen}`)), timeoutMs);
    const read = (chunk: Buffer) => {
      seen += chunk.toString();
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(seen);
      if (m) {
        clearTimeout(timer);
        ok(`http://127.0.0.1:${m[1]}`);
      }
    };
    server.stdout?.on("data", read);
    server.stderr?.on("data", (c: Buffer) => {
      seen += c.toString();
      process.stderr.write(c);
    });
    server.on("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`polku serve exited early (${code}):\n${seen}`));
    });
  });
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const bin = binary();
  if (!existsSync(bin)) {
    throw new Error(`no polku binary at ${bin}: build it (make build) or set POLKU_BIN`);
  }
  buildUi();
  const dataDir = mkdtempSync(join(tmpdir(), "polku-e2e-"));
  const server = spawn(bin, ["serve", "--data-dir", dataDir, "--port", "0"], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const url = await waitForUrl(server, 20_000);
  process.env.POLKU_URL = url;
  // For specs that add workshops the way a person would from a terminal (`polku import`): into
  // this server's library, with this binary. Workers inherit the environment.
  process.env.POLKU_E2E_DATA_DIR = dataDir;
  process.env.POLKU_BIN = bin;
  // Keep draining output so a chatty server never blocks on a full pipe.
  server.stdout?.resume();

  return async () => {
    if (server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise<void>((done) => {
        const force = setTimeout(() => {
          server.kill("SIGKILL");
          done();
        }, 5_000);
        server.once("exit", () => {
          clearTimeout(force);
          done();
        });
      });
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
}
