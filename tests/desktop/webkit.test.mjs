// WebKitGTK's switches reach the page's own process (src-tauri/src/webkit.rs): on a machine
// without a GPU render node, as under this suite's Xvfb, WebKit paints without compositing
// through software OpenGL, which is what keeps the board's pan smooth and the window's memory
// down there (docs/ARCHITECTURE.md, "Packages"). A switch the user set themselves wins.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { after, describe, test } from "node:test";
import { appPids, closeApp, openApp, t } from "./helpers.mjs";

const SWITCH = "WEBKIT_DISABLE_COMPOSITING_MODE";

let browser = null;

/** The environments of the WebKit web processes the app started. */
function webProcessEnvironments(appPid) {
  const found = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8").trim();
      const [, comm, rest] = stat.match(/^\d+ \((.*)\) (.*)$/);
      if (comm !== "WebKitWebProces" || Number(rest.split(" ")[1]) !== appPid) continue;
      found.push(readFileSync(`/proc/${name}/environ`, "utf8").split("\0"));
    } catch {
      // Gone meanwhile.
    }
  }
  return found;
}

describe("WebKit's switches for the machine", { concurrency: 1 }, () => {
  after(async () => {
    await closeApp(browser);
  });

  test("without a GPU the page is painted without compositing, and the list shows", async () => {
    const renderNode = existsSync("/dev/dri") && readdirSync("/dev/dri").some((n) => n.startsWith("renderD"));
    assert.equal(process.env[SWITCH], undefined, `${SWITCH} is set around the suite: the test would prove nothing`);
    browser = await openApp();
    await (await browser.$(`h1=${t("list.heading")}`)).waitForDisplayed();
    const [app] = appPids();
    const environments = webProcessEnvironments(app);
    assert.ok(environments.length > 0, "no WebKit web process of the app was found");
    for (const environ of environments) {
      assert.equal(environ.includes(`${SWITCH}=1`), !renderNode, `render node: ${renderNode}; ${SWITCH} in the web process: ${environ.filter((v) => v.startsWith("WEBKIT_"))}`);
    }
  });
});
