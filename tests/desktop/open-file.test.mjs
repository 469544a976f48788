// A workshop file double-clicked in the file manager: the system starts Polku with the file's path
// as its argument (Linux, Windows), and the window opens that workshop as if it had been picked.
// (A file dropped on the window: drop.test.mjs.)
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, test } from "node:test";
import { TMP, closeApp, freshLibrary, importProblem, listLibrary, mailedWorkshop, openApp, t, xq } from "./helpers.mjs";

const TITLE = `Kirjeenä tullut työpaja ${Date.now().toString(36)}`;

let browser = null;

/** The window's main heading once it names `title` (a workshop opened), or a failure with the page's word. */
async function headingNaming(title, { startsWith = false } = {}) {
  const test = startsWith ? `starts-with(normalize-space(), ${xq(title)})` : `normalize-space()=${xq(title)}`;
  const heading = browser.$(`//h1[${test}]`);
  await heading.waitForDisplayed({ timeout: 20_000 }).catch(async () => assert.fail(`the workshop did not open: ${await importProblem(browser)}`));
  return heading;
}

describe("Opening a workshop file from the file manager", { concurrency: 1 }, () => {
  afterEach(async () => {
    if (browser) await closeApp(browser).catch(() => {});
    browser = null;
  });

  test("the app started with a .polku file opens that workshop", { timeout: 120_000 }, async () => {
    freshLibrary();
    const path = mailedWorkshop(TITLE, "kirjeena.polku");
    browser = await openApp({ args: [path] });
    await headingNaming(TITLE);
    assert.equal(listLibrary().filter((w) => w.title === TITLE).length, 1, "it is in the library once");
  });

  test("the same file double-clicked again is offered as a copy", { timeout: 120_000 }, async () => {
    browser = await openApp({ args: [join(TMP, "kirjeena.polku")] });
    const ask = browser.$(`//dialog[@open][.//*[normalize-space()=${xq(t("import.copy.title", { title: TITLE }))}]]`);
    await ask.waitForDisplayed({ timeout: 20_000 }).catch(async () => assert.fail(`no offer of a copy: ${await importProblem(browser)}`));
    await ask.$(`.//button[normalize-space()=${xq(t("import.copy.confirm"))}]`).click();
    await headingNaming(`${TITLE} (`, { startsWith: true });
    assert.equal(listLibrary().filter((w) => w.title.startsWith(TITLE)).length, 2, "the original and its copy");
  });

  test("a file that is not a workshop says so and adds nothing", { timeout: 120_000 }, async () => {
    const path = join(TMP, "lasku.polku");
    writeFileSync(path, "Lasku nro 42\n");
    const before = listLibrary().length;
    browser = await openApp({ args: [path] });
    const problem = browser.$('[role="alert"][data-testid="import-problem"]');
    await problem.waitForDisplayed({ timeout: 20_000 });
    const lead = t("import.refused", { name: "lasku.polku", why: "" }).trim();
    assert.ok((await problem.getText()).startsWith(lead), `the refusal names the file: ${await problem.getText()}`);
    assert.equal(listLibrary().length, before, "nothing was added");
  });
});
