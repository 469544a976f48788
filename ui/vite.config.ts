import { defineConfig } from "vitest/config";
import { svelte } from "@sveltejs/vite-plugin-svelte";
import { readFileSync } from "node:fs";

// The version the About view shows: the UI's, which test/version.test.ts keeps the Rust
// workspace's and the desktop bundle's.
const version: string = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")).version;

const api = process.env.POLKU_API ?? "http://127.0.0.1:4870";
// `polku serve` answers only who has its key: start it with POLKU_SERVE_TOKEN set to the same
// value as here, and the dev server's proxy sends it along.
const key = process.env.POLKU_SERVE_TOKEN;

export default defineConfig({
  plugins: [svelte()],
  define: { __POLKU_VERSION__: JSON.stringify(version) },
  // Relative base: the Tauri custom protocol and `polku serve` load the build from files.
  base: "./",
  // Two pages: the app, and the participants' phone page (served only on the join listener).
  build: {
    outDir: "dist",
    emptyOutDir: true,
    rollupOptions: { input: { main: "index.html", participant: "participant.html" } },
  },
  server: {
    proxy: {
      "/api": { target: api, changeOrigin: true, ws: true, headers: key ? { "x-polku-token": key } : {} },
    },
  },
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
  },
});
