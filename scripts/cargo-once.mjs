#!/usr/bin/env node
// Runs `cargo <args>` and, when POLKU_ONE_BUILD names a file (as `make test` does), fails if a
// dependency that an earlier cargo command of the same run already compiled is compiled again.
//
// Why: tests and binaries are meant to share one build (docs/ARCHITECTURE.md, "One build"). When
// they ask for different features of a crate, cargo quietly compiles it, and everything above it,
// twice; on a cold CI machine that cost 15 minutes before anyone noticed. This makes it a failure
// that says which crate and which features, and where the fix goes.
//
//   node scripts/cargo-once.mjs build --workspace
import { spawn } from "node:child_process";
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { createInterface } from "node:readline";

const args = process.argv.slice(2);
const record = process.env.POLKU_ONE_BUILD;

if (!record) {
  const plain = spawn("cargo", args, { stdio: "inherit" });
  plain.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  checked(record);
}

/** One line per compiled unit: package id, target, features (tab-separated). */
function readRecord(file) {
  const earlier = new Map();
  if (!existsSync(file)) return earlier;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const [key, features] = line.split("\t");
    if (key) earlier.set(key, features ?? "");
  }
  return earlier;
}

function checked(file) {
  const earlier = readRecord(file);
  const again = [];
  const cargo = spawn("cargo", [...args, "--message-format=json-render-diagnostics"], {
    stdio: ["inherit", "pipe", "inherit"],
  });
  const lines = createInterface({ input: cargo.stdout });
  lines.on("line", (line) => {
    let msg;
    try {
      msg = JSON.parse(line);
    } catch {
      console.log(line); // not a cargo message: pass it on
      return;
    }
    if (msg.reason !== "compiler-artifact" || msg.fresh) return;
    // Our own crates are meant to compile for tests and for binaries alike.
    if (msg.package_id.startsWith("path+")) return;
    const key = `${msg.package_id} ${msg.target.kind.join(",")}:${msg.target.name}`;
    const features = msg.features.join(",");
    if (earlier.has(key)) again.push({ key, before: earlier.get(key), now: features });
    else appendFileSync(file, `${key}\t${features}\n`);
  });
  cargo.on("exit", (code, signal) => {
    lines.close();
    const status = code ?? (signal ? 1 : 0);
    if (status !== 0) process.exit(status);
    if (again.length === 0) process.exit(0);
    console.error(
      `\ncargo ${args.join(" ")} compiled ${again.length} dependencies a second time in this run.\n` +
        "Tests and binaries must share one build. Where the features below differ, add the missing\n" +
        "ones to crates/workspace-features/Cargo.toml (see the comment there); where they are the\n" +
        "same, a profile setting or an environment variable differs between the two commands.\n",
    );
    for (const { key, before, now } of again) {
      console.error(`  ${key.replace(/^registry\+[^#]*#/, "")}\n    before: [${before}]\n    now:    [${now}]`);
    }
    process.exit(1);
  });
}
