import { expect, test, type Locator, type Page } from "@playwright/test";
import { createWorkshop, note, TOUCHPOINTS, unique } from "./helpers";

const workshopIdOf = (page: Page) => /#\/w\/([0-9a-f-]+)/.exec(page.url())![1];

/**
 * Makes a persona through the API, as the persona library (another view) would, then reloads so the
 * board has it. Setup only: the walk itself goes through the UI.
 */
async function createPersona(page: Page, name: string, symbol: string, colour: string): Promise<string> {
  const id = crypto.randomUUID();
  const clientId = await page.evaluate(() => sessionStorage.getItem("polku.client_id"));
  const res = await page.request.post("/api/apply_op", {
    data: {
      workshop_id: workshopIdOf(page),
      op_id: crypto.randomUUID(),
      client_id: clientId,
      undo: "record",
      op: {
        type: "create_persona",
        persona: {
          id,
          fields: {
            name,
            avatar: { symbol, colour },
            age_group: null,
            life_situation: "",
            goals: "",
            needs: "",
            fears: "",
            channels: [],
            digital_skills: null,
            languages: [],
            quote: "",
            notes: "",
          },
        },
      },
    },
  });
  expect(res.ok()).toBe(true);
  return id;
}

type Saved = { touchpoint_id: string; record: { emotion: number | null; happens: string; ideas: string; skipped: boolean } };

/** The walk steps as the server has them. */
async function savedSteps(page: Page): Promise<Saved[]> {
  const res = await page.request.post("/api/open_workshop", { data: { id: workshopIdOf(page) } });
  return (await res.json()).walk_steps;
}

async function reloadBoard(page: Page) {
  await page.reload();
  await expect(page.getByText(TOUCHPOINTS.en[0], { exact: true })).toBeVisible();
}

/** Presses Tab (or Shift+Tab) until `target` has the focus: the keyboard's way there. */
async function tabTo(page: Page, target: Locator, back = false) {
  // Forward to a face before the focused one wraps round the whole page: header, toolbar, board.
  for (let i = 0; i < 60; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  await expect(target).toBeFocused();
}

const panel = (page: Page) => page.locator("#walk-panel");
const face = (page: Page, word: string) => panel(page).getByRole("group", { name: "How does it feel here?" }).getByRole("button", { name: word, exact: true });
const where = (page: Page) => page.getByTestId("walk-where");
const points = (page: Page) => page.getByTestId("walk-point");

test("walk a persona through every touchpoint by keyboard, then reload: curve and table stay", async ({ page }) => {
  await createWorkshop(page, unique("Walk keys"));
  const aino = await createPersona(page, "Aino", "bird", "teal");
  await reloadBoard(page);

  // Into the board region, then keys only: the Walk button is under the board, after it in Tab order.
  await page.getByRole("region", { name: "Service path board" }).focus();
  await tabTo(page, page.getByRole("button", { name: "Walk", exact: true }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Walk Aino along the path" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(panel(page)).toBeFocused();
  await expect(where(page)).toHaveText(`Touchpoint 1 of 5: ${TOUCHPOINTS.en[0]}`);
  await expect(page.getByTestId("walk-token")).toHaveAttribute("aria-label", /^Aino at touchpoint 1/);

  const feelings = ["Bad", "Good", "Neutral", "Very bad", "Very good"];
  const happens = ["Calls the office", "Gets a named worker", "Summer break", "Weekly meetings", "Moves on"];
  for (let i = 0; i < 5; i++) {
    await tabTo(page, face(page, feelings[i]));
    await page.keyboard.press("Enter");
    await expect(face(page, feelings[i])).toHaveAttribute("aria-pressed", "true");
    await tabTo(page, panel(page).getByLabel("What happens here"));
    await page.keyboard.type(happens[i]);
    if (i === 4) {
      await tabTo(page, panel(page).getByLabel("Ideas"));
      await page.keyboard.type("A farewell meeting");
      await page.keyboard.press("Tab");
      await expect(panel(page).getByRole("button", { name: "Post as a note (idea)" })).toBeFocused();
      await page.keyboard.press("Enter");
      break;
    }
    // Out of the text (which saves it) and on to the next touchpoint with the arrow key.
    await tabTo(page, face(page, "Very good"), true);
    await page.keyboard.press("ArrowRight");
    if (i === 1) {
      // The pause is a side station: the walk asks, and the keyboard answers where it asks.
      await expect(panel(page).getByText("Does the persona go through “Pause”?").first()).toBeVisible();
      await expect(panel(page).getByRole("button", { name: "Visit “Pause”" })).toBeFocused();
      await page.keyboard.press("Enter");
    }
    await expect(where(page)).toHaveText(`Touchpoint ${i + 2} of 5: ${TOUCHPOINTS.en[i + 1]}`);
    await expect(face(page, feelings[i])).toHaveAttribute("aria-pressed", "false");
  }

  // The idea is a note at the last touchpoint, linked to the persona and showing its avatar.
  const idea = note(page, "A farewell meeting");
  await expect(idea).toHaveAttribute("data-kind", "idea");
  await expect(idea.getByTestId("note-persona")).toHaveAttribute("data-persona-id", aino);
  // The avatar is a picture only: a screen reader hears whose note it is from the note's name.
  await expect(idea).toHaveAccessibleName("Idea note, persona Aino: A farewell meeting");
  await expect(points(page)).toHaveCount(5);
  // The texts themselves, so a failure says which station's answer is missing.
  const saved = async () => (await savedSteps(page)).map((s) => s.record.happens).filter(Boolean).sort();
  await expect.poll(saved, { timeout: 10_000 }).toEqual([...happens].sort());
  const ys = await points(page).evaluateAll((els) => els.map((e) => e.getAttribute("data-emotion")));
  expect(ys).toEqual(["-1", "1", "0", "-2", "2"]);

  await page.getByRole("button", { name: "Outline", exact: true }).click();
  // The outline names the persona as the board does, to the eye and in the note's name.
  const listed = page.getByTestId("outline-note").filter({ hasText: "A farewell meeting" });
  await expect(listed.getByTestId("outline-note-persona")).toHaveText(/^\W*Persona: Aino$/);
  await expect(listed.getByRole("button", { name: "Idea note, persona Aino: A farewell meeting", exact: true })).toBeVisible();
  const table = page.getByTestId("walk-table");
  await expect(table).toHaveCount(1);
  await expect(page.getByRole("heading", { name: "Walkthroughs" })).toBeVisible();
  await expect(table.getByRole("row", { name: /Pause/ })).toContainText("Neutral (0)");
  await expect(table.getByRole("row", { name: /Relationship ends/ })).toContainText("Very good (+2)");
  await expect(table.getByRole("row", { name: /Relationship ends/ })).toContainText("A farewell meeting");
  const before = await table.innerText();

  await page.reload();
  await expect.poll(() => table.innerText()).toBe(before);
  await page.getByRole("button", { name: "Board", exact: true }).click();
  await page.getByRole("button", { name: "Walk", exact: true }).click();
  await page.getByRole("button", { name: "Resume the walk of Aino" }).click();
  await expect(where(page)).toHaveText(`Touchpoint 5 of 5: ${TOUCHPOINTS.en[4]}`);
  await expect(points(page)).toHaveCount(5);
  expect(await points(page).evaluateAll((els) => els.map((e) => e.getAttribute("data-emotion")))).toEqual(ys);
  await expect(panel(page).getByLabel("What happens here")).toHaveValue("Moves on");
});

test("walk by clicks: next, skip the pause, back, and drag the token", async ({ page }) => {
  await createWorkshop(page, unique("Walk clicks"));
  await createPersona(page, "Janne", "fox", "coral");
  await reloadBoard(page);

  await page.getByRole("button", { name: "Walk", exact: true }).click();
  await page.getByRole("button", { name: "Walk Janne along the path" }).click();
  await expect(where(page)).toHaveText(`Touchpoint 1 of 5: ${TOUCHPOINTS.en[0]}`);
  const next = panel(page).getByRole("button", { name: "Next" });
  const back = panel(page).getByRole("button", { name: "Back" });
  await expect(back).toHaveAttribute("aria-disabled", "true");

  await next.click();
  await expect(where(page)).toHaveText(`Touchpoint 2 of 5: ${TOUCHPOINTS.en[1]}`);
  await face(page, "Bad").click();
  await next.click();
  await panel(page).getByRole("button", { name: "Skip it" }).click();
  await expect(where(page)).toHaveText(`Touchpoint 4 of 5: ${TOUCHPOINTS.en[3]}`);
  await face(page, "Good").click();
  await expect(points(page)).toHaveCount(2);
  // Across the skipped pause the curve is dashed, not a line that pretends to know.
  await expect(page.getByTestId("walk-curve").locator("path.bridge")).toHaveAttribute("d", /^M.+L.+$/);

  // Back passes the skipped pause by.
  await back.click();
  await expect(where(page)).toHaveText(`Touchpoint 2 of 5: ${TOUCHPOINTS.en[1]}`);
  await expect(face(page, "Bad")).toHaveAttribute("aria-pressed", "true");

  // Drag the token onto the last station (once it has come to rest after Back).
  const token = page.getByTestId("walk-token");
  await expect(token).toHaveAttribute("data-touchpoint-id", (await page.getByTestId("station").nth(1).getAttribute("data-touchpoint-id"))!);
  await token.hover();
  const from = (await token.boundingBox())!;
  const to = (await page.getByTestId("station").nth(4).boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2 - 60, from.y + from.height / 2, { steps: 6 });
  await page.mouse.move(to.x + to.width / 2, from.y + from.height / 2, { steps: 6 });
  await page.mouse.up();
  await expect(where(page)).toHaveText(`Touchpoint 5 of 5: ${TOUCHPOINTS.en[4]}`);
  const last = await page.getByTestId("station").nth(4).getAttribute("data-touchpoint-id");
  await expect(token).toHaveAttribute("data-touchpoint-id", last!);
  // Only the token moved: the stations kept their order, the board did not pan.
  await expect(page.getByTestId("station").nth(2)).toHaveAttribute("data-side", "true");
  const after = (await page.getByTestId("station").nth(4).boundingBox())!;
  expect(Math.abs(after.x - to.x)).toBeLessThan(2);

  await page.getByRole("button", { name: "Outline", exact: true }).click();
  await expect(page.getByTestId("walk-table").getByRole("row", { name: /Pause/ })).toContainText("Skipped on this walk");
});

test("two personas' curves overlay, each named in the legend", async ({ page }) => {
  await createWorkshop(page, unique("Walk two"));
  await createPersona(page, "Aino", "bird", "teal");
  await createPersona(page, "Janne", "fox", "coral");
  await reloadBoard(page);
  await page.getByRole("button", { name: "Walk", exact: true }).click();

  const walkWith = async (name: string, feelings: string[]) => {
    await page.getByRole("button", { name: `Walk ${name} along the path` }).click();
    for (const [i, f] of feelings.entries()) {
      if (i > 0) await panel(page).getByRole("button", { name: "Next" }).click();
      await face(page, f).click();
    }
    await expect(page.locator(`[data-testid="walk-curve"]`).filter({ has: page.getByTestId("walk-point") })).not.toHaveCount(0);
  };
  await walkWith("Aino", ["Very good", "Good"]);
  await panel(page).getByRole("button", { name: "Another persona" }).click();
  await walkWith("Janne", ["Very bad", "Bad"]);

  const legend = panel(page).getByRole("group", { name: "Emotion curves" });
  await expect(legend.getByRole("checkbox", { name: "Aino" })).toBeChecked();
  await expect(legend.getByRole("checkbox", { name: "Janne" })).toBeChecked();
  const curves = page.getByTestId("walk-curve");
  await expect(curves).toHaveCount(2);
  for (const c of await curves.all()) {
    await expect(c).toBeVisible();
    await expect(c.getByTestId("walk-point")).toHaveCount(2);
  }
  // Told apart without colour: each has its own line style.
  const dashes = await curves.locator("path.run").evaluateAll((els) => els.map((e) => e.getAttribute("stroke-dasharray") ?? ""));
  expect(new Set(dashes).size).toBe(2);
  // Compared with the group's mood line, drawn in the same band.
  await expect(page.getByTestId("mood-line")).toBeVisible();

  await legend.getByRole("checkbox", { name: "Aino" }).uncheck();
  await expect(curves).toHaveCount(1);
});

test("Ctrl+Z takes back the last recorded emotion", async ({ page }) => {
  await createWorkshop(page, unique("Walk undo"));
  await createPersona(page, "Aino", "bird", "teal");
  await reloadBoard(page);
  await page.getByRole("button", { name: "Walk", exact: true }).click();
  await page.getByRole("button", { name: "Walk Aino along the path" }).click();
  await panel(page).getByRole("button", { name: "Next" }).click();
  await expect(where(page)).toHaveText(`Touchpoint 2 of 5: ${TOUCHPOINTS.en[1]}`);

  await face(page, "Good").click();
  await expect.poll(async () => (await savedSteps(page)).map((s) => s.record.emotion)).toEqual([1]);
  await face(page, "Very bad").click();
  await expect.poll(async () => (await savedSteps(page)).map((s) => s.record.emotion)).toEqual([-2]);
  await expect(points(page)).toHaveAttribute("data-emotion", "-2");

  await page.keyboard.press("Control+z");
  await expect(face(page, "Good")).toHaveAttribute("aria-pressed", "true");
  await expect(face(page, "Very bad")).toHaveAttribute("aria-pressed", "false");
  await expect(points(page)).toHaveAttribute("data-emotion", "1");
  // The token's move was not an answer: undo did not take it back.
  await expect(where(page)).toHaveText(`Touchpoint 2 of 5: ${TOUCHPOINTS.en[1]}`);
  await expect.poll(async () => (await savedSteps(page)).map((s) => s.record.emotion)).toEqual([1]);
});

test("a barrier posted during a walk goes into the row the group chose, at the walked touchpoint", async ({ page }) => {
  await createWorkshop(page, unique("Walk rows"));
  const clientId = await page.evaluate(() => sessionStorage.getItem("polku.client_id"));
  const open = async () => (await (await page.request.post("/api/open_workshop", { data: { id: workshopIdOf(page) } })).json()).boards[0];
  const board = await open();
  for (const [index, label] of ["Actions", "Feelings"].entries()) {
    const op = { type: "create_lane", lane: { id: crypto.randomUUID(), board_id: board.id, index, label } };
    const res = await page.request.post("/api/apply_op", {
      data: { workshop_id: workshopIdOf(page), op_id: crypto.randomUUID(), client_id: clientId, undo: "record", op },
    });
    expect(res.ok()).toBe(true);
  }
  await createPersona(page, "Aino", "owl", "teal");
  await reloadBoard(page);

  await page.getByRole("button", { name: "Walk", exact: true }).click();
  await page.getByRole("button", { name: "Walk Aino along the path" }).click();
  await panel(page).getByRole("button", { name: "Next" }).click();
  await expect(where(page)).toHaveText(`Touchpoint 2 of 5: ${TOUCHPOINTS.en[1]}`);
  await panel(page).getByLabel("Notes go to the row").selectOption({ label: "Feelings" });
  await panel(page).getByLabel("Barriers").fill("Afraid to call");
  await panel(page).getByRole("button", { name: "Post as a note (negative)" }).click();

  type Stored = { text: string; touchpoint_id: string; lane_id: string };
  await expect.poll(async () => (await open()).notes.some((n: Stored) => n.text === "Afraid to call")).toBe(true);
  const after = await open();
  const posted = after.notes.find((n: Stored) => n.text === "Afraid to call");
  const laneOf = (id: string) => after.lanes.find((l: { id: string }) => l.id === id)?.label;
  const tpOf = (id: string) => after.touchpoints.find((t: { id: string }) => t.id === id)?.label;
  expect([tpOf(posted.touchpoint_id), laneOf(posted.lane_id)]).toEqual([TOUCHPOINTS.en[1], "Feelings"]);
  await expect(note(page, "Afraid to call")).toBeVisible();
});

test("Ctrl+Z in a reloaded tab says whose answer it took back, and opens the walk where it was given", async ({ page }) => {
  await createWorkshop(page, unique("Undo answer"));
  await createPersona(page, "Mikko", "bird", "teal");
  await reloadBoard(page);
  await page.getByRole("button", { name: "Walk", exact: true }).click();
  await page.getByRole("button", { name: "Walk Mikko along the path" }).click();
  await panel(page).getByRole("button", { name: "Next", exact: true }).click();
  await expect(where(page)).toHaveText(`Touchpoint 2 of 5: ${TOUCHPOINTS.en[1]}`);
  await panel(page).getByLabel("Ideas").fill("Summer club");
  const typed = page.waitForResponse((r) => r.url().endsWith("/api/apply_op") && r.ok());
  await panel(page).getByLabel("What happens here").focus();
  await typed;
  // The group walks on, closes the walk, and the tab is reloaded: the answer is out of sight.
  await panel(page).getByRole("button", { name: "Next", exact: true }).click();
  await panel(page).getByRole("button", { name: `Visit “${TOUCHPOINTS.en[2]}”` }).click();
  await expect(where(page)).toHaveText(`Touchpoint 3 of 5: ${TOUCHPOINTS.en[2]}`);
  await reloadBoard(page);
  await expect(panel(page)).toBeHidden();

  await page.getByTestId("board-viewport").focus();
  await page.keyboard.press("Control+z");
  await expect(page.getByTestId("toast").filter({ hasText: `Undid: Mikko's answer at “${TOUCHPOINTS.en[1]}”` })).toBeVisible();
  await expect(where(page)).toHaveText(`Touchpoint 2 of 5: ${TOUCHPOINTS.en[1]}`);
  await expect(panel(page).getByLabel("Ideas")).toHaveValue("");
  await expect.poll(async () => (await savedSteps(page)).map((s) => s.record.ideas).join("")).toBe("");
});

test("a slow answer to an earlier save does not take back what was just typed: Post posts it", async ({ page }) => {
  await createWorkshop(page, unique("Slow answers"));
  await createPersona(page, "Aino", "bird", "teal");
  await reloadBoard(page);
  await page.getByRole("button", { name: "Walk", exact: true }).click();
  await page.getByRole("button", { name: "Walk Aino along the path" }).click();
  // The server applies each answer at once; its reply reaches the page late, as on a busy machine
  // or a slow network.
  await page.route("**/api/apply_op", async (route) => {
    const response = await route.fetch();
    if (route.request().postData()?.includes("set_walk_step")) await new Promise((r) => setTimeout(r, 1500));
    await route.fulfill({ response });
  });
  const firstAnswer = page.waitForResponse((r) => r.url().endsWith("/api/apply_op") && !!r.request().postData()?.includes("Calls the office"));
  await panel(page).getByLabel("What happens here").fill("Calls the office");
  await panel(page).getByLabel("Ideas").fill("A named worker");
  // Out of the field to the Post button; the answer to the first save arrives while it has focus.
  await page.keyboard.press("Tab");
  const post = panel(page).getByRole("button", { name: "Post as a note (idea)" });
  await expect(post).toBeFocused();
  await firstAnswer;
  await expect(panel(page).getByLabel("Ideas")).toHaveValue("A named worker");
  await page.keyboard.press("Enter");
  await expect(note(page, "A named worker")).toHaveAttribute("data-kind", "idea");
  await expect(panel(page).getByLabel("What happens here")).toHaveValue("Calls the office");
  await expect.poll(async () => (await savedSteps(page)).map((s) => [s.record.happens, s.record.ideas]), { timeout: 10_000 }).toEqual([
    ["Calls the office", "A named worker"],
  ]);
});
