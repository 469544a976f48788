import { expect, test, type CDPSession, type Page } from "@playwright/test";
import { addNote, createWorkshop, note, position, unique } from "./helpers";

test.use({ hasTouch: true });

type TouchPoint = { x: number; y: number; id: number; radiusX?: number; radiusY?: number };
type TouchType = "touchStart" | "touchMove" | "touchEnd" | "touchCancel";

async function touches(page: Page): Promise<(type: TouchType, points: TouchPoint[]) => Promise<void>> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  return async (type, points) => {
    await cdp.send("Input.dispatchTouchEvent", { type, touchPoints: points });
  };
}

/** The camera as the world element's transform says: translate(x, y) scale(zoom). */
async function camera(page: Page): Promise<{ x: number; y: number; zoom: number }> {
  const t = await page.locator(".world").evaluate((el) => (el as HTMLElement).style.transform);
  const m = /translate\(([-\d.e]+)px, ([-\d.e]+)px\) scale\(([-\d.e]+)\)/.exec(t);
  if (!m) throw new Error(`unexpected transform: ${t}`);
  return { x: Number(m[1]), y: Number(m[2]), zoom: Number(m[3]) };
}

/** Counts every op request, successful or not: a palm must not even try. */
function countOps(page: Page): () => number {
  let n = 0;
  page.on("request", (r) => {
    if (r.url().endsWith("/api/apply_op")) n++;
  });
  return () => n;
}

async function emptySpot(page: Page): Promise<{ x: number; y: number }> {
  const box = (await page.getByRole("region", { name: "Service path board" }).boundingBox())!;
  // Low on the board, left of the zoom buttons: no touchpoint, no note.
  return { x: box.x + box.width / 2, y: box.y + box.height - 150 };
}

test("two fingers on empty board pinch-zoom about their midpoint and pan with it", async ({ page }) => {
  await createWorkshop(page, unique("Pinch"));
  const ops = countOps(page);
  const touch = await touches(page);
  const c = await emptySpot(page);
  const before = await camera(page);
  // The camera works in the viewport's frame, the touches in the page's.
  const origin = (await page.getByRole("region", { name: "Service path board" }).boundingBox())!;
  const v = { x: c.x - origin.x, y: c.y - origin.y };
  // The board point under the fingers' midpoint at the start.
  const grabbed = { x: (v.x - before.x) / before.zoom, y: (v.y - before.y) / before.zoom };

  await touch("touchStart", [{ x: c.x - 50, y: c.y, id: 1 }, { x: c.x + 50, y: c.y, id: 2 }]);
  for (let i = 1; i <= 10; i++) {
    // Spread to twice the distance while the midpoint travels 60 px up.
    await touch("touchMove", [
      { x: c.x - 50 - 5 * i, y: c.y - 6 * i, id: 1 },
      { x: c.x + 50 + 5 * i, y: c.y - 6 * i, id: 2 },
    ]);
  }
  await touch("touchEnd", []);

  const after = await camera(page);
  expect(after.zoom / before.zoom).toBeCloseTo(2, 1);
  // The same board point is now under where the midpoint ended: zoom and pan in one.
  const m = { x: v.x, y: v.y - 60 };
  expect(after.x + grabbed.x * after.zoom).toBeCloseTo(m.x, 0);
  expect(after.y + grabbed.y * after.zoom).toBeCloseTo(m.y, 0);
  expect(ops()).toBe(0);
});

test("a palm on empty board or on a note moves and creates nothing", async ({ page }) => {
  await createWorkshop(page, unique("Palm"));
  const card = await addNote(page, "neutral", "Under the palm");
  await page.getByRole("region", { name: "Service path board" }).click({ position: { x: 20, y: 400 } });
  const ops = countOps(page);
  const touch = await touches(page);
  const palm = { radiusX: 45, radiusY: 60 };
  const cam0 = await camera(page);
  const at0 = await position(card);
  const notes0 = await page.getByTestId("note").count();

  // On empty board.
  const c = await emptySpot(page);
  await touch("touchStart", [{ ...c, id: 1, ...palm }]);
  for (let i = 1; i <= 5; i++) await touch("touchMove", [{ x: c.x + 40 * i, y: c.y - 20 * i, id: 1, ...palm }]);
  await touch("touchEnd", []);

  // On the note.
  const box = (await card.boundingBox())!;
  const p = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await touch("touchStart", [{ ...p, id: 2, ...palm }]);
  for (let i = 1; i <= 5; i++) await touch("touchMove", [{ x: p.x + 40 * i, y: p.y + 30 * i, id: 2, ...palm }]);
  await touch("touchEnd", []);

  await page.waitForTimeout(300);
  expect(await camera(page)).toEqual(cam0);
  expect(await position(note(page, "Under the palm"))).toEqual(at0);
  expect(await page.getByTestId("note").count()).toBe(notes0);
  await expect(page.getByTestId("note-draft")).toHaveCount(0);
  await expect(page.getByRole("toolbar", { name: "Note tools" })).toHaveCount(0);
  expect(ops()).toBe(0);
});

test("a palm resting on the board does not disturb a finger dragging a note", async ({ page }) => {
  await createWorkshop(page, unique("Palm and finger"));
  const card = await addNote(page, "positive", "Finger drags");
  await page.getByRole("region", { name: "Service path board" }).click({ position: { x: 20, y: 400 } });
  const touch = await touches(page);
  const x0 = (await position(card)).x;
  const box = (await card.boundingBox())!;
  const f = { x: box.x + 40, y: box.y + 40 };
  const c = await emptySpot(page);
  const palm = { ...c, id: 9, radiusX: 50, radiusY: 50 };
  const cam0 = await camera(page);

  const saved = page.waitForResponse((r) => r.url().endsWith("/api/apply_op") && r.ok());
  await touch("touchStart", [palm, { ...f, id: 1 }]);
  for (let i = 1; i <= 5; i++) {
    await touch("touchMove", [{ ...palm, x: c.x - 10 * i }, { x: f.x + 30 * i, y: f.y, id: 1 }]);
  }
  await touch("touchEnd", []);
  await saved;
  await expect.poll(async () => (await position(note(page, "Finger drags"))).x).toBeGreaterThan(x0 + 100);
  expect(await camera(page)).toEqual(cam0);
});

test("a long press on a note opens its menu; Esc leaves it selected with its tools", async ({ page }) => {
  await createWorkshop(page, unique("Long press"));
  const card = await addNote(page, "negative", "Hold me");
  await page.getByRole("region", { name: "Service path board" }).click({ position: { x: 20, y: 400 } });
  await expect(page.getByRole("toolbar", { name: "Note tools" })).toHaveCount(0);
  const ops = countOps(page);
  const touch = await touches(page);
  const box = (await card.boundingBox())!;
  const p = { x: box.x + 60, y: box.y + 40 };

  await touch("touchStart", [{ ...p, id: 1 }]);
  // A little wobble, well inside the slop.
  await touch("touchMove", [{ x: p.x + 3, y: p.y + 2, id: 1 }]);
  await page.waitForTimeout(800);
  const menu = page.getByRole("menu", { name: "Note" });
  await expect(menu).toBeVisible();
  await touch("touchEnd", []);

  // Lifting the finger leaves the menu open on its first item, the note's tone checked.
  await expect(menu.getByRole("menuitem", { name: "Edit" })).toBeFocused();
  await expect(menu.getByRole("menuitemradio", { name: "Negative" })).toHaveAttribute("aria-checked", "true");
  await page.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
  await expect(note(page, "Hold me")).toBeFocused();
  await expect(page.getByRole("toolbar", { name: "Note tools" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Edit" })).toBeVisible();
  expect(ops()).toBe(0);
});

test("a touch that moves is a drag, not a long press", async ({ page }) => {
  await createWorkshop(page, unique("Not a press"));
  const card = await addNote(page, "neutral", "Slide me");
  await page.getByRole("region", { name: "Service path board" }).click({ position: { x: 20, y: 400 } });
  const touch = await touches(page);
  const box = (await card.boundingBox())!;
  const p = { x: box.x + 60, y: box.y + 40 };
  const saved = page.waitForResponse((r) => r.url().endsWith("/api/apply_op") && r.ok());
  await touch("touchStart", [{ ...p, id: 1 }]);
  for (let i = 1; i <= 4; i++) await touch("touchMove", [{ x: p.x, y: p.y + 20 * i, id: 1 }]);
  await page.waitForTimeout(800);
  await touch("touchEnd", []);
  await saved;
  await expect(page.getByRole("toolbar", { name: "Note tools" })).toHaveCount(0);
});
