import { spawn, type ChildProcess } from "node:child_process";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** The `polku` the tests run: POLKU_BIN, else the debug build of this checkout. */
export function binary(): string {
  if (process.env.POLKU_BIN) return process.env.POLKU_BIN;
  const target = process.env.CARGO_TARGET_DIR ?? join(ROOT, "target");
  return join(target, "debug", "polku");
}

/** The address `polku serve` printed: its base and this run's key. */
export interface Printed {
  url: string;
  token: string;
}

/** The key's header, as scripts send it (crates/polku-server/src/access.rs). */
export const TOKEN_HEADER = "x-polku-token";

const tokens = new Map<string, string>();

/** The key of the server at `base` that this process started, for a script's request. */
export function tokenFor(base: string): string {
  return tokens.get(new URL(base).origin) ?? process.env.POLKU_TOKEN ?? "";
}

/** Waits for the line where `polku serve` says its address; port 0 lets the OS pick a free one. */
export function waitForUrl(server: ChildProcess, timeoutMs: number): Promise<Printed> {
  return new Promise((ok, fail) => {
    let seen = "";
    const timer = setTimeout(() => fail(new Error(`polku serve did not report its address:\n${seen}`)), timeoutMs);
    const read = (chunk: Buffer) => {
      seen += chunk.toString();
      // The laptop's server prints its key in the address; a team server its sign-in page.
      const m = /http:\/\/127\.0\.0\.1:(\d+)\/(?:\?token=([A-Za-z0-9_-]+)|signin)/.exec(seen);
      if (m) {
        clearTimeout(timer);
        const url = `http://127.0.0.1:${m[1]}`;
        const token = m[2] ?? "";
        tokens.set(url, token);
        ok({ url, token });
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

export interface Served {
  url: string;
  /** This run's key: `page.setExtraHTTPHeaders({ [TOKEN_HEADER]: token })` lets a page in. */
  token: string;
  /** Ends the server: SIGTERM as a person's Ctrl+C, or SIGKILL as a crash or a pulled plug. */
  stop(signal?: "SIGTERM" | "SIGKILL"): Promise<void>;
}

/** A `polku serve` of its own on `dataDir`, on `port` (0: any free one). */
export async function serve(dataDir: string, port = 0): Promise<Served> {
  return serveWith(["--data-dir", dataDir], port);
}

/** The same on the library `args` names (`["--database", url]`: a team library), `env` added to ours. */
export async function serveWith(args: string[], port = 0, env: Record<string, string> = {}): Promise<Served> {
  const server = spawn(binary(), ["serve", ...args, "--port", String(port)], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
  const { url, token } = await waitForUrl(server, 20_000);
  // Keep draining output so a chatty server never blocks on a full pipe.
  server.stdout?.resume();
  return {
    url,
    token,
    stop: (signal = "SIGTERM") =>
      new Promise<void>((done) => {
        if (server.exitCode !== null || server.signalCode !== null) return done();
        const force = setTimeout(() => server.kill("SIGKILL"), 5_000);
        server.once("exit", () => {
          clearTimeout(force);
          done();
        });
        server.kill(signal);
      }),
  };
}
