import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");

describe("Polku's version", () => {
  it("is the same in the UI (the About view), the Rust workspace and the desktop bundle", () => {
    const ui = JSON.parse(read("../package.json")).version;
    const workspace = /\[workspace\.package\][^[]*?\nversion = "([^"]+)"/.exec(read("../../Cargo.toml"))?.[1];
    const bundle = JSON.parse(read("../../src-tauri/tauri.conf.json")).version;
    expect(ui).toMatch(/^\d+\.\d+\.\d+/);
    expect([workspace, bundle]).toEqual([ui, ui]);
  });
});
