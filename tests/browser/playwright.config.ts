import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../chromium-args.mjs";

/** The cookie opening `polku serve`'s printed address sets (crates/polku-server/src/access.rs). */
function keyCookie() {
  const { POLKU_URL: url, POLKU_TOKEN: token } = process.env;
  if (!url || !token) return undefined;
  const name = `polku_token_${new URL(url).port}`;
  const cookie = { name, value: token, domain: "127.0.0.1", path: "/", expires: -1, httpOnly: true, secure: false, sameSite: "Strict" as const };
  return { cookies: [cookie], origins: [] };
}

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
    // This run's key of the shared server (crates/polku-server/src/access.rs): sent with every
    // request of every page, its WebSockets and the request fixture. Specs with a server of their
    // own set theirs on the page.
    extraHTTPHeaders: process.env.POLKU_TOKEN ? { "x-polku-token": process.env.POLKU_TOKEN } : {},
    // …and as the cookie the printed address gives a browser, which downloads carry (Chromium
    // sends no extra headers with them).
    storageState: keyCookie(),
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
