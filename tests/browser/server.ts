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

/** Waits for the line where `polku serve` says its address; port 0 lets the OS pick a free one. */
export function waitForUrl(server: ChildProcess, timeoutMs: number): Promise<string> {
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

export interface Served {
  url: string;
  /** Ends the server: SIGTERM as a person's Ctrl+C, or SIGKILL as a crash or a pulled plug. */
  stop(signal?: "SIGTERM" | "SIGKILL"): Promise<void>;
}

/** A `polku serve` of its own on `dataDir`, on `port` (0: any free one). */
export async function serve(dataDir: string, port = 0): Promise<Served> {
  const server = spawn(binary(), ["serve", "--data-dir", dataDir, "--port", String(port)], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  const url = await waitForUrl(server, 20_000);
  // Keep draining output so a chatty server never blocks on a full pipe.
  server.stdout?.resume();
  return {
    url,
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
