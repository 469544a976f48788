import { execFileSync } from "node:child_process";
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { newWorkshop, note } from "./helpers";
import { binary, serve, TOKEN_HEADER, type Served } from "./server";

/**
 * The disk fills up while the group writes: the note that did not fit is refused in words, its
 * card keeps what was typed, and the same Enter saves it once there is room. The library is on a
 * small tmpfs this spec mounts, so it needs root, as the join specs do.
 */

let parent: string;
let dir: string;
let server: Served | null = null;
test.beforeEach(() => {
  parent = mkdtempSync(join(tmpdir(), "polku-disk-"));
  dir = join(parent, "library");
  mkdirSync(dir);
  execFileSync("mount", ["-t", "tmpfs", "-o", "size=12m", "tmpfs", dir]);
});
test.afterEach(async () => {
  await server?.stop();
  server = null;
  execFileSync("umount", ["-l", dir]);
  rmSync(parent, { recursive: true, force: true });
});

/** Writes a file until the disk has no room left. */
function fill(path: string) {
  const fd = openSync(path, "w");
  const chunk = Buffer.alloc(16 * 1024, 0x55);
  try {
    for (;;) writeSync(fd, chunk);
  } catch {
    // ENOSPC: full.
  } finally {
    closeSync(fd);
  }
}

test("a note the full disk has no room for keeps its words, says why, and is saved once there is room", async ({ page }) => {
  const id = execFileSync(binary(), ["new", "--template", "service-path", "--title", "Full disk", "--language", "en", "--data-dir", dir], { encoding: "utf8" }).trim();
  server = await serve(dir);
  await page.setExtraHTTPHeaders({ [TOKEN_HEADER]: server.token });
  await page.goto(`${server.url}/#/w/${id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Full disk" })).toBeVisible();
  // Freeing space later frees all of it: the WAL's frames then move into the database file and
  // take some of it back, so a few freed kilobytes could be full again before the retry.
  writeFileSync(join(dir, "reserve"), Buffer.alloc(4 << 20, 0x55));
  fill(join(dir, "ballast"));

  // The WAL may still take a few small edits: write until one is refused.
  const words = "The waiting room was cold and nobody said how long it would take. ".repeat(20);
  let refused = false;
  for (let i = 0; i < 40 && !refused; i++) {
    await page.getByRole("button", { name: "Add negative note" }).click();
    const editor = page.getByLabel("Text of the negative note");
    await editor.fill(`${i}: ${words}`);
    const answered = page.waitForResponse((r) => r.url().endsWith("/api/apply_op"));
    await editor.press("Enter");
    refused = !(await answered).ok();
  }
  expect(refused).toBe(true);
  await expect(page.getByRole("status").filter({ hasText: "The disk is full" })).toBeVisible();
  const editor = page.getByLabel("Text of the negative note");
  await expect(editor).toHaveValue(/The waiting room was cold/);

  rmSync(join(dir, "ballast"));
  rmSync(join(dir, "reserve"));
  const saved = page.waitForResponse((r) => r.url().endsWith("/api/apply_op") && r.ok());
  await editor.press("Enter");
  await saved;
  const kept = await editor.count();
  expect(kept).toBe(0);
  await page.reload();
  await expect(note(page, "The waiting room was cold").first()).toBeVisible();
});

test("a library on a disk that cannot be written opens to read, says so, and offers nothing that would fail", async ({ page }) => {
  const id = execFileSync(binary(), ["new", "--template", "service-path", "--title", "Read only", "--language", "en", "--data-dir", dir], { encoding: "utf8" }).trim();
  execFileSync("mount", ["-o", "remount,ro", dir]);
  server = await serve(dir);
  await page.setExtraHTTPHeaders({ [TOKEN_HEADER]: server.token });
  await page.goto(server.url);
  const banner = page.getByTestId("read-only-banner");
  await expect(banner).toContainText("Read only");
  await expect(banner).toContainText(dir);
  await expect(page.getByRole("link", { name: "Read only" })).toBeVisible();
  await expect(newWorkshop(page)).toHaveCount(0);
  await page.getByRole("link", { name: "Read only" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Read only" })).toBeVisible();
  await expect(banner).toBeVisible();
  await expect(page).toHaveURL(new RegExp(id));
});
