import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * public/licences/rust.json (the Licences page's Rust crates, written by `make licences`) against
 * what the programs ship now: every crate compiled into polku-desktop or polku — cargo's normal
 * dependencies on the platforms they are built for, not the build scripts', the tests' nor the
 * proc-macros' (they run in the compiler and are not linked) — at the version Cargo.lock holds, and
 * nothing the lock file no longer has. A dependency added or updated without `make licences` fails.
 */
const ROOT = join(__dirname, "../..");
const TARGETS = [
  "x86_64-unknown-linux-gnu",
  "aarch64-unknown-linux-gnu",
  "x86_64-pc-windows-msvc",
  "aarch64-pc-windows-msvc",
  "x86_64-apple-darwin",
  "aarch64-apple-darwin",
];
const HINT = "run `make licences` and commit ui/public/licences/rust.json";

interface Licence {
  id: string;
  name: string;
  packages: { name: string; version: string }[];
  text: string;
}

function shipped(): Set<string> {
  const out = execFileSync(
    "cargo",
    [
      "tree",
      "--locked",
      "-e",
      "normal,no-proc-macro",
      "-p",
      "polku-desktop",
      "-p",
      "polku-server",
      ...TARGETS.flatMap((t) => ["--target", t]),
      "--prefix",
      "none",
      "--format",
      "{p}",
    ],
    { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
  );
  const crates = new Set<string>();
  for (const line of out.split("\n")) {
    const m = /^(\S+) v(\S+)/.exec(line);
    if (m) crates.add(`${m[1]} ${m[2]}`);
  }
  return crates;
}

function locked(): Set<string> {
  const lock = readFileSync(join(ROOT, "Cargo.lock"), "utf8");
  return new Set([...lock.matchAll(/^\[\[package\]\]\nname = "([^"]+)"\nversion = "([^"]+)"/gm)].map((m) => `${m[1]} ${m[2]}`));
}

const licences: Licence[] = JSON.parse(readFileSync(join(__dirname, "../public/licences/rust.json"), "utf8")).licences;
const listed = new Set(licences.flatMap((l) => l.packages.map((p) => `${p.name} ${p.version}`)));

describe("the Rust crates' licences", () => {
  it("list every crate the programs ship, at its version", { timeout: 120_000 }, () => {
    const crates = shipped();
    expect(crates.size, "cargo tree listed no crates").toBeGreaterThan(100);
    for (const c of ["tauri", "rusqlite", "axum", "polku-core", "polku-server"]) {
      expect([...crates].some((k) => k.startsWith(`${c} `)), `${c} is not among the crates shipped`).toBe(true);
    }
    const missing = [...crates].filter((c) => !listed.has(c)).sort();
    expect(missing, `rust.json lacks crates the programs ship: ${HINT}`).toEqual([]);
  });

  it("list no crate that Cargo.lock no longer holds", () => {
    const lock = locked();
    expect(lock.size).toBeGreaterThan(100);
    const stale = [...listed].filter((c) => !lock.has(c)).sort();
    expect(stale, `rust.json lists crates no longer in Cargo.lock: ${HINT}`).toEqual([]);
  });

  it("give each licence its text and its crates", () => {
    expect(licences.length).toBeGreaterThan(10);
    for (const l of licences) {
      expect(l.id, JSON.stringify(l.packages)).toMatch(/^[A-Za-z0-9.+-]+$/);
      expect(l.text.trim().length, `${l.id} of ${JSON.stringify(l.packages)} has no text`).toBeGreaterThan(100);
      expect(l.packages.length).toBeGreaterThan(0);
    }
  });
});
