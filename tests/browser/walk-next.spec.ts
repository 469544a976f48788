import { expect, test, type Page } from "@playwright/test";
import { createWorkshop, TOUCHPOINTS, unique } from "./helpers";

const workshopIdOf = (page: Page) => /#\/w\/([0-9a-f-]+)/.exec(page.url())![1];

/** A persona made through the API (setup only; the walk goes through the UI). */
async function createPersona(page: Page, name: string): Promise<void> {
  const clientId = await page.evaluate(() => sessionStorage.getItem("polku.client_id"));
  const fields = { name, avatar: { symbol: "fox", colour: "teal" }, age_group: null, life_situation: "", goals: "", needs: "", fears: "", channels: [], digital_skills: null, languages: [], quote: "", notes: "" };
  const res = await page.request.post("/api/apply_op", {
    data: { workshop_id: workshopIdOf(page), op_id: crypto.randomUUID(), client_id: clientId, undo: "record", op: { type: "create_persona", persona: { id: crypto.randomUUID(), fields } } },
  });
  expect(res.ok()).toBe(true);
}

/** What each station's "What happens here" holds on the server, by touchpoint id. */
async function storedText(page: Page): Promise<Record<string, string>> {
  const res = await page.request.post("/api/open_workshop", { data: { id: workshopIdOf(page) } });
  const steps: { touchpoint_id: string; record: { happens: string } }[] = (await res.json()).walk_steps;
  return Object.fromEntries(steps.map((s) => [s.touchpoint_id, s.record.happens]));
}

const panel = (page: Page) => page.locator("#walk-panel");
const where = (page: Page) => page.getByTestId("walk-where");

// A tap on Next while the field still has the focus: on a tablet (and in WebKit) a button press
// does not take the focus, so the field is not left (no blur, no change) before the token moves.
for (const how of ["tap", "click"] as const) {
  test(`text typed just before Next (${how}) stays with its station, and the last one finishes the walk`, async ({ page }) => {
    await createWorkshop(page, unique(`Walk next ${how}`));
    await createPersona(page, "Aino");
    await page.reload();
    await expect(page.getByText(TOUCHPOINTS.en[0], { exact: true })).toBeVisible();
    const ids = await page.getByTestId("station").evaluateAll((els) => els.map((e) => e.getAttribute("data-touchpoint-id")!));
    expect(ids).toHaveLength(5);

    await page.getByRole("button", { name: "Walk", exact: true }).click();
    await page.getByRole("button", { name: "Walk Aino along the path" }).click();
    const happens = panel(page).getByLabel("What happens here");
    const next = panel(page).getByRole("button", { name: "Next" });
    for (let i = 0; i < 5; i++) {
      await expect(where(page)).toHaveText(`Touchpoint ${i + 1} of 5: ${TOUCHPOINTS.en[i]}`);
      await expect(happens).toHaveValue("");
      await happens.click();
      await page.keyboard.type(`Said at ${i + 1}`);
      if (i === 4) break;
      if (how === "tap") await next.dispatchEvent("click");
      else await next.click();
      // The pause is a side station: the group says it is visited.
      if (i === 1) await panel(page).getByRole("button", { name: /^Visit/ }).click();
    }
    const said = Object.fromEntries(ids.map((id, i) => [id, `Said at ${i + 1}`]));
    await expect.poll(() => storedText(page)).toMatchObject(Object.fromEntries(ids.slice(0, 4).map((id) => [id, said[id]])));
    // At the last station Next is no longer a dead end: the walk can be finished there.
    const finish = panel(page).getByRole("button", { name: "Finish walk" });
    if (how === "tap") await finish.dispatchEvent("click");
    else await finish.click();
    await expect(panel(page).getByRole("button", { name: "Walk Aino along the path" }).or(panel(page).getByRole("button", { name: "Resume the walk of Aino" }))).toBeVisible();

    await expect.poll(() => storedText(page)).toEqual(said);
    await page.getByRole("button", { name: "Outline", exact: true }).click();
    for (let i = 0; i < 5; i++) {
      await expect(page.getByTestId("walk-table").getByRole("row", { name: new RegExp(TOUCHPOINTS.en[i]) })).toContainText(`Said at ${i + 1}`);
    }
  });
}
