import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../chromium-args.mjs";

export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.ts",
  globalSetup: "./global-setup.ts",
  // One real server and one database are shared; two cores do not gain from parallel browsers.
  workers: 1,
  fullyParallel: false,
  // A test that fails runs once more, recording a trace this time (recording one for every test
  // costs a quarter of the suite's time); it still fails the run, flaky or not.
  retries: 1,
  failOnFlakyTests: true,
  forbidOnly: true,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  outputDir: "../test-results",
  use: {
    // Set by global-setup once the server says where it listens; workers inherit it.
    baseURL: process.env.POLKU_URL,
    locale: "en-US",
    viewport: { width: 1280, height: 800 },
    trace: "on-first-retry",
    screenshot: "only-on-failure",
    launchOptions: {
      // Debian's Chromium: Polku never downloads browsers.
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
});
