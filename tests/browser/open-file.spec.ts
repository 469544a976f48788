import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";
import { unique } from "./helpers";

const EXAMPLE = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "workshops", "examples", "aikuissosiaalityo.polku");

/** The example workshop as a file of its own: ids and a title no other test uses. */
function exampleFile(title: string): { name: string; mimeType: string; buffer: Buffer } {
  const fresh = new Map<string, string>();
  const text = readFileSync(EXAMPLE, "utf8").replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => {
    if (!fresh.has(id)) fresh.set(id, randomUUID());
    return fresh.get(id)!;
  });
  const file = JSON.parse(text);
  file.workshop.title = title;
  return { name: "tyopaja.polku", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) };
}

async function pick(page: Page, file: { name: string; mimeType: string; buffer: Buffer }, button = "Open workshop file…") {
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: button }).click();
  await (await chooser).setFiles(file);
}

test("a workshop file picked from the list opens; the same file again comes in as a marked copy after asking", async ({ page }) => {
  const title = unique("Mailed workshop");
  const file = exampleFile(title);
  await page.goto("/");
  await pick(page, file);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("tab")).toHaveText(["Palvelupolku", "Kanava-analyysi"]);

  await page.goto("/");
  await pick(page, file);
  const ask = page.getByRole("dialog", { name: `“${title}” is already in your library` });
  await expect(ask).toBeVisible();
  await ask.getByRole("button", { name: "Import as a copy" }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(`^${title} \\(kopio, tuotu `) })).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("link", { name: title, exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(`^${title} \\(kopio`) })).toBeVisible();
});

test("a workshop file dropped on the list opens it", async ({ page }) => {
  const title = unique("Dropped workshop");
  const file = exampleFile(title);
  await page.goto("/");
  await expect(page.getByRole("button", { name: "Open workshop file…" })).toBeVisible();
  // A file dragged from the file manager and let go over the page.
  await page.evaluate(
    ({ text, name }) => {
      const dataTransfer = new DataTransfer();
      dataTransfer.items.add(new File([text], name, { type: "application/json" }));
      const at = document.querySelector("h1") ?? document.body;
      at.dispatchEvent(new DragEvent("dragover", { dataTransfer, bubbles: true, cancelable: true }));
      at.dispatchEvent(new DragEvent("drop", { dataTransfer, bubbles: true, cancelable: true }));
    },
    { text: file.buffer.toString("utf8"), name: file.name },
  );
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
});

/** The workshops in the library, counted by the server: the page's list may still be loading. */
async function count(page: Page): Promise<number> {
  return (await (await page.request.post("/api/list_workshops", { data: {} })).json()).length;
}

/** The example file with one change made to its data. */
function broken(title: string, change: (file: any) => void): { name: string; mimeType: string; buffer: Buffer } {
  const file = exampleFile(title);
  const data = JSON.parse(file.buffer.toString("utf8"));
  change(data);
  return { ...file, buffer: Buffer.from(JSON.stringify(data, null, 2)) };
}

test("a broken file is refused in words, with where, and nothing is added", async ({ page }) => {
  const title = unique("Broken");
  const file = broken(title, (f) => (f.workshop.boards[0].notes[0].text = ""));
  const before = await count(page);
  await page.goto("/");
  await pick(page, file);
  // What and where in the user's words, with the board's title to find it by; no file path.
  await expect(page.getByTestId("import-problem")).toHaveText(
    "The file “tyopaja.polku” could not be opened, and nothing was added. " +
      "A note needs some text, at most 2,000 characters. Where: board 1 “Palvelupolku”, note 1.",
  );
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
  expect(await count(page)).toBe(before);
});

test("in Finnish, a broken or cut-short file is refused in Finnish, with where", async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem("polku.language", "fi"));
  const title = unique("Rikki");
  const long = "Ei tiedä mistä hakea apua. ".repeat(80);
  const file = broken(title, (f) => (f.workshop.boards[0].notes[2].text = long));
  const before = await count(page);
  await page.goto("/");
  await pick(page, file, "Avaa työpajatiedosto…");
  const problem = page.getByTestId("import-problem");
  await expect(problem).toHaveText(
    "Tiedostoa ”tyopaja.polku” ei voitu avata, eikä mitään lisätty. " +
      "Lapussa pitää olla tekstiä, enintään 2 000 merkkiä. " +
      "Kohta: taulu 1 ”Palvelupolku”, lappu 3 (”Ei tiedä mistä hakea apua. Ei tiedä…”).",
  );

  // Cut off after twelve lines, as a mail program might: the line and column are where it ends.
  const lines = exampleFile(title).buffer.toString("utf8");
  const pretty = JSON.stringify(JSON.parse(lines), null, 2).split("\n").slice(0, 12);
  const cut = { name: "katkennut.polku", mimeType: "application/json", buffer: Buffer.from(pretty.join("\n")) };
  await pick(page, cut, "Avaa työpajatiedosto…");
  await expect(problem).toHaveText(
    "Tiedostoa ”katkennut.polku” ei voitu avata, eikä mitään lisätty. " +
      "Tiedosto loppuu kesken – se on ehkä katkennut lähetettäessä. Pyydä tiedosto uudelleen. " +
      `Kohta: rivi 12, sarake ${pretty[11].length}.`,
  );
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
  expect(await count(page)).toBe(before);
});
