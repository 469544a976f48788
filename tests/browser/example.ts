import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";

const EXAMPLE = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "workshops", "examples", "aikuissosiaalityo.polku");

/**
 * The example workshop (a service path with 48 notes, twelve of them under its first touchpoint)
 * as a file of its own: fresh ids and a title no other test uses, so it never comes in as a copy.
 */
export function exampleFile(title: string): { name: string; mimeType: string; buffer: Buffer } {
  const fresh = new Map<string, string>();
  const text = readFileSync(EXAMPLE, "utf8").replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => {
    if (!fresh.has(id)) fresh.set(id, randomUUID());
    return fresh.get(id)!;
  });
  const file = JSON.parse(text);
  file.workshop.title = title;
  return { name: "tyopaja.polku", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) };
}

/** Imports a fresh copy of the example through the real server and opens its first board. */
export async function openExample(page: Page, title: string): Promise<void> {
  const res = await page.request.post("/api/import_workshop", { data: { file: exampleFile(title).buffer.toString("utf8") } });
  if (!res.ok()) throw new Error(`import failed: ${res.status()} ${await res.text()}`);
  const { id } = await res.json();
  await page.goto(`/#/w/${id}`);
}
