import { expect, test } from "@playwright/test";
import { addNote, createWorkshop, dragBy, note, position, unique } from "./helpers";

test("two tabs see each other's notes and keep their own undo", async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await createWorkshop(a, unique("Two tabs"));
  await b.goto(a.url());
  await expect(b.getByRole("button", { name: "Undo" })).toBeDisabled();

  await addNote(a, "negative", "From tab A");
  await expect(note(b, "From tab A")).toBeVisible({ timeout: 1_000 });

  await addNote(b, "positive", "From tab B");
  await expect(note(a, "From tab B")).toBeVisible({ timeout: 1_000 });

  // B drags A's note; A sees it move.
  const inA = note(a, "From tab A");
  const startInA = await position(inA);
  await dragBy(b, note(b, "From tab A"), 260, 40);
  const movedInB = await position(note(b, "From tab A"));
  expect(movedInB.x).not.toBe(startInA.x);
  await expect.poll(() => position(inA), { timeout: 1_000 }).toEqual(movedInB);

  // B's undo takes back B's own steps only: first the drag, then B's note; never A's note.
  let step = b.waitForResponse((r) => r.url().endsWith("/api/undo") && r.ok());
  await b.getByRole("button", { name: "Undo" }).click();
  await step;
  await expect.poll(() => position(inA), { timeout: 1_000 }).toEqual(startInA);

  step = b.waitForResponse((r) => r.url().endsWith("/api/undo") && r.ok());
  await b.getByRole("button", { name: "Undo" }).click();
  await step;
  await expect(note(a, "From tab B")).toHaveCount(0, { timeout: 1_000 });
  await expect(note(b, "From tab B")).toHaveCount(0);
  await expect(b.getByRole("button", { name: "Undo" })).toBeDisabled();
  await expect(note(a, "From tab A")).toBeVisible();
  await expect(note(b, "From tab A")).toBeVisible();
  // A still has its own step to undo.
  await expect(a.getByRole("button", { name: "Undo" })).toBeEnabled();
});

test("a duplicated tab gets an undo history of its own; a reloaded tab keeps its", async ({ context }) => {
  const a = await context.newPage();
  await createWorkshop(a, unique("Duplicate tab"));
  await addNote(a, "negative", "Written in tab A");
  await expect(a.getByRole("button", { name: "Undo" })).toBeEnabled();
  const idOfA = await a.evaluate(() => sessionStorage.getItem("polku.client_id"));
  expect(idOfA).toBeTruthy();

  // "Duplicate tab" copies sessionStorage: B starts with A's client id, as a browser's duplicate does.
  const b = await context.newPage();
  await b.addInitScript((id) => {
    if (!sessionStorage.getItem("polku.client_id")) sessionStorage.setItem("polku.client_id", id);
  }, idOfA as string);
  await b.goto(a.url());
  await expect(note(b, "Written in tab A")).toBeVisible();
  await expect(b.getByRole("button", { name: "Undo" })).toBeDisabled();
  const idOfB = await b.evaluate(() => sessionStorage.getItem("polku.client_id"));
  expect(idOfB).not.toBe(idOfA);

  // A reload is the same tab: it keeps its id and so its undo step.
  await a.reload();
  await expect(a.getByRole("button", { name: "Undo" })).toBeEnabled();
  expect(await a.evaluate(() => sessionStorage.getItem("polku.client_id"))).toBe(idOfA);
});
