// Debian's Chromium as the browser tests (browser/playwright.config.ts) and the benchmarks
// (bench/serve.mjs) run it: Polku never downloads browsers. Types: chromium-args.d.mts.
export const CHROMIUM_PATH = process.env.POLKU_CHROMIUM ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
