// The board with a screen reader's questions (WCAG 4.1.2): with the AT-SPI bridge on, moving the
// focus into the board and out of it while asking, as Orca does on each move, for the line of
// text around the focus. WebKitGTK's web process used to abort there (the board's
// `user-select: none`) and the window went blank. The app is started here, not by tauri-driver:
// the suite turns the bridge off for the driver (NO_AT_BRIDGE), and the bridge needs a D-Bus
// session, so atspi-board.py runs in one of its own.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { env, TMP } from "./helpers.mjs";

describe("The board read by a screen reader", () => {
  test("focus into and out of the board with AT-SPI asking for its lines: the web process lives, the page answers", () => {
    const data = mkdtempSync(join(TMP, "a11y-board-"));
    const out = execFileSync("dbus-run-session", ["--", "/usr/bin/python3", new URL("./atspi-board.py", import.meta.url).pathname, env("POLKU_DESKTOP_BIN"), data], {
      encoding: "utf8",
      timeout: 120_000,
      stdio: ["ignore", "pipe", "ignore"],
    });
    const result = JSON.parse(out.trim().split("\n").pop());
    assert.equal(result.error, null, result.error ?? "");
    assert.ok(result.asked > 10, `only ${result.asked} questions asked: the board was not read`);
    assert.equal(result.alive, true, "the WebKit web process ended");
    assert.equal(result.heading, "Board with a screen reader");
  });
});
