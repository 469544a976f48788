#!/usr/bin/env node
// The desktop suite's system browser (POLKU_BROWSER, which the app opens sign-in addresses with):
// Debian's Chromium, through Playwright, doing what the facilitator does there: signing in to
// the team server with the form, then confirming that the app may open the library. Leaves its
// last page as system-browser.png in the suite's temp dir.
import { chromium } from "@playwright/test";
import { join } from "node:path";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../chromium-args.mjs";
import { EMAIL, PASSWORD } from "./team-account.mjs";

const url = process.argv[2];
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ locale: "en-US" });
  await page.goto(url);
  if (new URL(page.url()).pathname === "/signin") {
    await page.getByLabel("Email address").fill(EMAIL);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
  }
  await page.getByRole("button", { name: "Open in the Polku app" }).click();
  await page.waitForURL(/\/signin\/desktop\/done$/);
  await page.screenshot({ path: join(process.env.POLKU_E2E_TMP ?? "/tmp", "system-browser.png") });
} catch (e) {
  console.error(`system browser: ${e}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
