import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export type BoardSpec = { title: string; touchpoints: string[]; notes: string[] };
export type Imported = { id: string; title: string; boards: { id: string; title: string }[] };

/** A board of the file format (docs/workshop-file.md): its touchpoints in order, a note under each in turn. */
function boardJson(spec: BoardSpec, position: number, at: number) {
  const id = randomUUID();
  const touchpoints = spec.touchpoints.map((label, i) => ({
    id: randomUUID(),
    board_id: id,
    position: i,
    label,
    description: "",
    phase_id: null,
    side_station: false,
    version: 1,
  }));
  const notes = spec.notes.map((text, i) => ({
    id: randomUUID(),
    board_id: id,
    touchpoint_id: touchpoints[i % touchpoints.length]?.id ?? null,
    lane_id: null,
    persona_id: null,
    kind: "observation",
    sentiment: "neutral",
    text,
    x: -100,
    y: 230 + Math.floor(i / Math.max(1, touchpoints.length)) * 140,
    version: 1,
    created_at: at,
    updated_at: at,
  }));
  return { id, kind: "service_path", title: spec.title, position, phases: [], touchpoints, lanes: [], notes };
}

/**
 * Adds a workshop with these boards to the running server's library with the real CLI
 * (`polku import`), as another process: the server reads it from the shared database file.
 * The format has no board ops in the API yet, so this is how a test gets a second board.
 */
export function importWorkshop(title: string, boards: BoardSpec[]): Imported {
  const dataDir = process.env.POLKU_E2E_DATA_DIR;
  const bin = process.env.POLKU_BIN;
  if (!dataDir || !bin) throw new Error("global-setup did not say where the library and the binary are");
  const at = Date.now();
  const workshop = {
    id: randomUUID(),
    title,
    language: "en",
    created_at: at,
    updated_at: at,
    boards: boards.map((b, i) => boardJson(b, i, at)),
    personas: [],
    walkthroughs: [],
    walk_steps: [],
  };
  const file = { format: "polku.workshop", version: 3, exported_at: at, generator: "polku e2e", workshop };
  const dir = mkdtempSync(join(tmpdir(), "polku-import-"));
  try {
    const path = join(dir, "workshop.polku");
    writeFileSync(path, JSON.stringify(file));
    const out = execFileSync(bin, ["import", path, "--data-dir", dataDir], { encoding: "utf8" });
    const id = /as ([0-9a-f-]{36})/.exec(out)?.[1];
    if (id !== workshop.id) throw new Error(`polku import did not keep the workshop's id: ${out}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { id: workshop.id, title, boards: workshop.boards.map((b) => ({ id: b.id, title: b.title })) };
}

/** A workshop made from a built-in template with the real CLI (`polku new`), in English. */
export function fromTemplate(template: string, title: string): string {
  const dataDir = process.env.POLKU_E2E_DATA_DIR;
  const bin = process.env.POLKU_BIN;
  if (!dataDir || !bin) throw new Error("global-setup did not say where the library and the binary are");
  const out = execFileSync(bin, ["new", "--template", template, "--title", title, "--language", "en", "--data-dir", dataDir], { encoding: "utf8" });
  return out.trim();
}
