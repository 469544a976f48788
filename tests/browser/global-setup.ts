import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { binary, ROOT, serve } from "./server";

/**
 * Builds the UI the server hands out (a debug `polku` reads ui/dist from disk), so a test never
 * runs against a stale bundle.
 */
function buildUi(): void {
  if (process.env.POLKU_SKIP_UI_BUILD) return;
  const r = spawnSync("npm", ["--prefix", join(ROOT, "ui"), "run", "build"], { stdio: "inherit" });
  if (r.status !== 0) throw new Error("building the UI (npm --prefix ui run build) failed");
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const bin = binary();
  if (!existsSync(bin)) {
    throw new Error(`no polku binary at ${bin}: build it (make build) or set POLKU_BIN`);
  }
  buildUi();
  const dataDir = mkdtempSync(join(tmpdir(), "polku-e2e-"));
  const server = await serve(dataDir);
  process.env.POLKU_URL = server.url;
  process.env.POLKU_TOKEN = server.token;
  // For specs that add workshops the way a person would from a terminal (`polku import`): into
  // this server's library, with this binary. Workers inherit the environment.
  process.env.POLKU_E2E_DATA_DIR = dataDir;
  process.env.POLKU_BIN = bin;

  return async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
