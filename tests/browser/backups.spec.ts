import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { newWorkshop as newWorkshopControl, note } from "./helpers";
import { call, type Workshop } from "./run-helpers";
import { binary, serve, TOKEN_HEADER, type Served } from "./server";

/**
 * Backups as a facilitator meets them: made and listed under the workshop list, looked into, a
 * workshop taken back as a copy and in place, the whole library put back; and a damaged library
 * that offers its newest backup. Each test has a server of its own: a restore changes the whole
 * library, which the shared one's other specs must not see.
 */

let dataDir: string;
let server: Served | null = null;
test.beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), "polku-backups-"));
});
test.afterEach(async () => {
  await server?.stop();
  server = null;
  rmSync(dataDir, { recursive: true, force: true });
});

function newWorkshop(title: string): string {
  return execFileSync(binary(), ["new", "--template", "service-path", "--title", title, "--language", "en", "--data-dir", dataDir], { encoding: "utf8" }).trim();
}

async function addNote(url: string, id: string, text: string) {
  const w = await call<Workshop & { boards: { id: string; touchpoints: { id: string }[] }[] }>(url, "open_workshop", { id });
  const b = w.boards[0];
  const created = { id: randomUUID(), board_id: b.id, touchpoint_id: b.touchpoints[0].id, lane_id: null, persona_id: null, session_id: null, kind: "observation", sentiment: "negative", text, x: 10, y: 10 };
  await call(url, "apply_op", { workshop_id: id, op_id: randomUUID(), client_id: "e2e-setup", undo: "record", op: { type: "create_note", note: created } });
}

async function openBackups(page: Page) {
  const toggle = page.getByRole("button", { name: "Backups" });
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  return page.locator("#backup-list");
}

test("a backup is looked into, a workshop comes back as a copy and in place, and the whole library is put back", async ({ page }) => {
  const id = newWorkshop("Service path of the adult social work");
  server = await serve(dataDir);
  await page.setExtraHTTPHeaders({ [TOKEN_HEADER]: server.token });
  await addNote(server.url, id, "Nobody called back for two weeks");
  await page.goto(server.url);
  let list = await openBackups(page);
  await list.getByRole("button", { name: "Back up now" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Backed up" })).toBeVisible();
  const rows = list.getByTestId("backup-row");
  // The CLI's exit made one too; the newest, made now, holds the note.
  await expect(rows.first()).toContainText("1 workshop · 1 note");

  await addNote(server.url, id, "A later note the backup does not have");
  await rows.first().getByRole("button", { name: /^Look inside the backup of/ }).click();
  const dialog = page.getByTestId("backup-dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Show the notes of Service path of the adult social work in this backup" }).click();
  const preview = dialog.getByTestId("backup-preview");
  await expect(preview).toContainText("Nobody called back for two weeks");
  await expect(preview).not.toContainText("A later note");

  await dialog.getByRole("button", { name: "Restore Service path of the adult social work as a copy" }).click();
  await expect(page.getByRole("status").filter({ hasText: "is in the workshop list" })).toBeVisible();
  await dialog.getByRole("button", { name: /^Put Service path of the adult social work from this backup in place/ }).click();
  const ask = page.getByRole("dialog", { name: "Replace “Service path of the adult social work”?" });
  await expect(ask).toContainText("kept as a backup");
  await expect(ask.getByRole("button", { name: "Cancel" })).toBeFocused();
  await ask.getByRole("button", { name: "Replace", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "is back as it was on" })).toBeVisible();
  await dialog.getByRole("button", { name: "Close the backup" }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByRole("link", { name: /^Service path of the adult social work \(from the backup of / })).toBeVisible();
  await page.getByRole("link", { name: "Service path of the adult social work", exact: true }).click();
  await expect(note(page, "Nobody called back for two weeks")).toBeVisible();
  await expect(note(page, "A later note")).toHaveCount(0);

  // The whole library, as the backup holds it: the copy goes; what was is kept aside.
  await page.goto(server.url);
  list = await openBackups(page);
  const first = rows.filter({ hasText: "1 workshop · 1 note" }).last();
  await first.getByRole("button", { name: /^Restore the whole library from the backup of/ }).click();
  const whole = page.getByRole("dialog", { name: "Restore the whole library?" });
  await expect(whole).toContainText("can be undone");
  await whole.getByRole("button", { name: "Restore the library" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The library is back as it was" })).toBeVisible();
  await expect(page.getByRole("link", { name: /\(from the backup of / })).toHaveCount(0);
  await expect(list.getByTestId("backup-row").filter({ hasText: "Kept before a restore" }).first()).toContainText("2 workshops");
});

test("a damaged library offers its newest backup and is working again after one click", async ({ page }) => {
  newWorkshop("Channels of the family services");
  const db = join(dataDir, "polku.sqlite3");
  const bytes = readFileSync(db);
  for (let i = 4096; i < bytes.length; i += 5) bytes[i] = 0xa5;
  writeFileSync(db, bytes);

  server = await serve(dataDir);
  await page.setExtraHTTPHeaders({ [TOKEN_HEADER]: server.token });
  await page.goto(server.url);
  const damaged = page.getByTestId("damaged-library");
  await expect(damaged).toContainText("The workshop library is damaged");
  await expect(damaged).toContainText("stopped writing to it");
  await expect(newWorkshopControl(page)).toHaveCount(0);
  await expect(damaged).toContainText("1 workshop · 0 notes");
  await damaged.getByRole("button", { name: "Restore this backup" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The library is back as it was" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Channels of the family services" })).toBeVisible();
  await expect(newWorkshopControl(page)).toBeVisible();
});
