import { expect, test } from "@playwright/test";
import { addNote, createWorkshop, note, position, unique } from "./helpers";

test.use({ hasTouch: true });

test("two fingers drag two notes at once", async ({ page }) => {
  await createWorkshop(page, unique("Big screen"));
  const first = await addNote(page, "negative", "Finger one");
  const second = await addNote(page, "positive", "Finger two");
  // Nothing selected, so no note tools cover the notes.
  await page.getByRole("region", { name: "Service path board" }).click({ position: { x: 20, y: 400 } });
  const a0 = await position(first);
  const b0 = await position(second);
  const boxA = (await first.boundingBox())!;
  const boxB = (await second.boundingBox())!;
  const pa = { x: boxA.x + 40, y: boxA.y + 40 };
  const pb = { x: boxB.x + 40, y: boxB.y + 40 };

  const cdp = await page.context().newCDPSession(page);
  const touch = (type: "touchStart" | "touchMove" | "touchEnd" | "touchCancel", points: { x: number; y: number; id: number }[]) =>
    cdp.send("Input.dispatchTouchEvent", { type, touchPoints: points });
  let saved = 0;
  page.on("response", (r) => {
    if (r.url().endsWith("/api/apply_op") && r.ok()) saved++;
  });
  await touch("touchStart", [{ ...pa, id: 1 }, { ...pb, id: 2 }]);
  for (let i = 1; i <= 6; i++) {
    await touch("touchMove", [
      { x: pa.x - 30 * i, y: pa.y, id: 1 },
      { x: pb.x + 30 * i, y: pb.y, id: 2 },
    ]);
  }
  await touch("touchEnd", []);
  // One op per note for the whole gesture, not one per move.
  await expect.poll(() => saved).toBe(2);

  await expect.poll(async () => (await position(note(page, "Finger one"))).x).toBeLessThan(a0.x - 100);
  await expect.poll(async () => (await position(note(page, "Finger two"))).x).toBeGreaterThan(b0.x + 100);
  await page.reload();
  expect((await position(note(page, "Finger one"))).x).toBeLessThan(a0.x - 100);
  expect((await position(note(page, "Finger two"))).x).toBeGreaterThan(b0.x + 100);
});

test("four people drag four notes at the same time on one screen", async ({ page }) => {
  await createWorkshop(page, unique("Four hands"));
  const texts = ["Hand one", "Hand two", "Hand three", "Hand four"];
  const cards = [];
  for (const [i, text] of texts.entries()) cards.push(await addNote(page, (["negative", "neutral", "positive", "neutral"] as const)[i], text));
  await page.getByRole("region", { name: "Service path board" }).click({ position: { x: 20, y: 400 } });
  const starts = await Promise.all(cards.map((c) => position(c)));
  const fingers = await Promise.all(
    cards.map(async (c, i) => {
      const box = (await c.boundingBox())!;
      return { x: box.x + 40, y: box.y + 30, id: i + 1 };
    }),
  );
  // Left, right, left further, right further: every note its own way.
  const dx = [-25, 25, -40, 40];
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: "touchStart" | "touchMove" | "touchEnd", points: { x: number; y: number; id: number }[]) =>
    cdp.send("Input.dispatchTouchEvent", { type, touchPoints: points });
  let saved = 0;
  page.on("response", (r) => {
    if (r.url().endsWith("/api/apply_op") && r.ok()) saved++;
  });
  await touch("touchStart", fingers);
  for (let step = 1; step <= 6; step++) {
    await touch("touchMove", fingers.map((f, i) => ({ ...f, x: f.x + dx[i] * step })));
  }
  await touch("touchEnd", []);
  await expect.poll(() => saved).toBe(4);
  await page.reload();
  for (const [i, text] of texts.entries()) {
    const x = (await position(note(page, text))).x;
    // Each moved its own way by about six steps (snapping may pull it to its column's middle).
    if (dx[i] < 0) expect(x, text).toBeLessThan(starts[i].x - 100);
    else expect(x, text).toBeGreaterThan(starts[i].x + 100);
  }
});
