import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { ROOT } from "./server";

/** A real PostgreSQL (crates/test-postgres) and a fresh database on it; ends when stdin closes. */
export function testPostgres(): Promise<{ proc: ChildProcess; url: string }> {
  const bin = join(process.env.CARGO_TARGET_DIR ?? join(ROOT, "target"), "debug", "test-postgres");
  return firstLine(spawn(bin, [], { stdio: ["pipe", "pipe", "inherit"] })).then(({ proc, line }) => ({ proc, url: line }));
}

export interface ProviderAccount {
  email?: string;
  email_verified?: boolean;
  name?: string;
}

/** A real OpenID provider (npm oidc-provider, tests/oidc/provider.mjs) on loopback. */
export function oidcProvider(config: {
  clients: { client_id: string; client_secret: string; redirect_uris: string[] }[];
  accounts: Record<string, ProviderAccount>;
}): Promise<{ proc: ChildProcess; issuer: string }> {
  const script = join(ROOT, "tests", "oidc", "provider.mjs");
  const proc = spawn(process.execPath, [script, JSON.stringify(config)], { stdio: ["pipe", "pipe", "pipe"] });
  // Its warnings about development keys and pages are expected here.
  proc.stderr?.resume();
  return firstLine(proc).then(({ proc, line }) => ({ proc, issuer: line }));
}

/** A loopback port free just now, for a server whose address another must know first. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

function firstLine(proc: ChildProcess): Promise<{ proc: ChildProcess; line: string }> {
  return new Promise((ok, fail) => {
    let seen = "";
    proc.stdout?.on("data", (c: Buffer) => {
      seen += c.toString();
      if (seen.includes("\n")) ok({ proc, line: seen.split("\n")[0].trim() });
    });
    proc.on("exit", (code) => fail(new Error(`${proc.spawnfile} exited (${code}): ${seen}`)));
  });
}
