import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { openTab } from "./board-ops";
import { randomUUID } from "node:crypto";
import { note } from "./helpers";
import { AGENDA, bar, call, digits, item, programme, titleOf, words } from "./run-helpers";
import { serve, TOKEN_HEADER, type Served } from "./server";

/**
 * Running a session live: the agenda in any order, the timer (the page's clock is the test's, so
 * no minute is waited for), and a reload and a crash of the server with the timer standing and
 * running. The server is this spec's own, so it can be killed and started again.
 */

let dataDir: string;
let server: Served;
test.beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "polku-run-"));
  server = await serve(dataDir);
});
test.afterEach(async () => {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test("a session is run through its agenda in any order with a timer that survives a reload and a crash of the server", async ({ page }) => {
  const { w, boards } = await programme(server.url, dataDir);
  await page.clock.install();
  await page.setExtraHTTPHeaders({ [TOKEN_HEADER]: server.token });
  await page.goto(`${server.url}/#/w/${w.id}/sessions`);
  await page.getByRole("button", { name: "Start session: First meeting" }).click();

  // The first item, its instructions large for the room, its board on screen.
  await expect(item(page)).toHaveText("Welcome round");
  await expect(bar(page).getByTestId("run-instructions")).toHaveText(AGENDA[0].instructions);
  await expect(bar(page)).toContainText("item 1 of 3");
  await expect(openTab(page)).toHaveText(titleOf(w, boards[0]));
  await expect(page.getByTestId("run-prev")).toBeDisabled();
  await expect(digits(page)).toHaveText("10:00");
  await expect(words(page)).toHaveText("Ready");

  // Next, then skip ahead to the last from the agenda, then back: any order, each with its board and timer.
  await page.getByTestId("run-next").click();
  await expect(item(page)).toHaveText("Notes on the path");
  await expect(openTab(page)).toHaveText(titleOf(w, boards[1]));
  await expect(digits(page)).toHaveText("5:00");
  await page.getByTestId("run-agenda").click();
  await page.getByTestId("run-agenda-item").filter({ hasText: "Channels" }).click();
  await expect(item(page)).toHaveText("Channels");
  await expect(openTab(page)).toHaveText(titleOf(w, boards[2]));
  await expect(words(page)).toHaveText("Free timer");
  await expect(page.getByTestId("timer-plus")).toBeDisabled();
  await expect(page.getByTestId("run-next")).toBeDisabled();
  await page.getByTestId("run-prev").click();
  await expect(item(page)).toHaveText("Notes on the path");

  // The timer, with the test's clock: two minutes pass at once.
  await page.getByTestId("timer-toggle").click();
  await expect(page.getByTestId("timer-toggle")).toHaveText(/Pause/);
  await page.clock.fastForward("02:00");
  await expect(digits(page)).toHaveText(/^(3:00|2:5\d)$/);
  await page.getByTestId("timer-plus").click();
  await expect(digits(page)).toHaveText(/^(4:00|3:5\d)$/);
  await page.getByTestId("timer-minus").click();
  await expect(digits(page)).toHaveText(/^(3:00|2:5\d)$/);
  // Timer steps are no edit to undo: Ctrl+Z must not make the room's clock jump.
  await expect(page.getByRole("button", { name: "Undo" })).toBeDisabled();

  // Paused, it stands at what the server counted; a reload and a crashed server keep it.
  await page.getByTestId("timer-toggle").click();
  await expect(words(page)).toHaveText("Paused");
  const standing = (await digits(page).textContent())!;
  expect(standing).toMatch(/^(5:00|4:5\d)$/);
  await page.reload();
  await expect(digits(page)).toHaveText(standing);
  const port = Number(new URL(server.url).port);
  await server.stop("SIGKILL");
  server = await serve(dataDir, port);
  // A new run has a new key: the facilitator opens the address it printed.
  await page.setExtraHTTPHeaders({ [TOKEN_HEADER]: server.token });
  await page.reload();
  await expect(item(page)).toHaveText("Notes on the path");
  await expect(digits(page)).toHaveText(standing);
  await expect(words(page)).toHaveText("Paused");

  // Running through a reload: still running, still counting.
  await page.getByTestId("timer-toggle").click();
  await page.reload();
  await expect(page.getByTestId("timer-toggle")).toHaveText(/Pause/);
  await page.clock.fastForward("01:00");
  await expect(digits(page)).toHaveText(/^(4:00|3:5\d)$/);

  // The end: a minute's countdown runs out, the face says so and counts the time over. (Read
  // afresh: the minute the test's clock jumped above is one the server never saw.)
  await page.reload();
  await page.getByTestId("timer-length").selectOption("1");
  await expect(digits(page)).toHaveText("1:00");
  await page.getByTestId("timer-toggle").click();
  await page.clock.fastForward("01:05");
  await expect(bar(page).getByTestId("timer")).toHaveAttribute("data-state", "over");
  await expect(words(page)).toHaveText("Time is up");
  await expect(digits(page)).toHaveText(/^\+0:0\d$/);

  // Ended, the session can go on later; its summary has the time each item was on screen.
  await page.getByTestId("run-end").click();
  await expect(bar(page)).toHaveCount(0);
  await page.getByRole("button", { name: "Sessions", exact: true }).click();
  await expect(page.getByRole("button", { name: "Start session: First meeting" })).toHaveText(/Continue session/);
  await page.getByRole("button", { name: "First meeting", exact: true }).click();
  const used = page.getByTestId("time-used");
  await expect(used.getByRole("listitem")).toHaveText([/^Welcome round: \d+:\d\d \(planned 10 min\)$/, /^Notes on the path: \d+:\d\d \(planned 5 min\)$/, /^Channels: \d+:\d\d$/]);
});

test("a vote in turns on the shared screen goes on after a reload and a crash of the server, each voter kept to their dots", async ({ page }) => {
  const { w, boards, session } = await programme(server.url, dataDir);
  const board = boards[1];
  const apply = (op: unknown) => call(server.url, "apply_op", { workshop_id: w.id, op_id: randomUUID(), client_id: "e2e-setup", undo: "skip", op });
  const ideas = ["Yksi puhelinnumero", "Ilta-aika", "Selkokieli"];
  const tp = (await call<{ boards: { id: string; touchpoints: { id: string }[] }[] }>(server.url, "open_workshop", { id: w.id })).boards.find((b) => b.id === board)!.touchpoints[0].id;
  for (const [i, text] of ideas.entries()) {
    await apply({ type: "create_note", note: { id: randomUUID(), board_id: board, touchpoint_id: tp, lane_id: null, persona_id: null, kind: "idea", sentiment: null, text, x: -100, y: 230 + i * 126 } });
  }
  const settings = { on: { type: "board" }, dots: 2, several_per_target: false, hidden: true, screen: "turns", ends_at: null };
  await apply({ type: "create_vote", vote: { id: randomUUID(), board_id: board, settings, session_id: session } });
  await page.setExtraHTTPHeaders({ [TOKEN_HEADER]: server.token });
  await page.goto(`${server.url}/#/w/${w.id}/b/${board}`);
  const card = (text: string) => page.locator(".wrap").filter({ has: note(page, text) });
  await card(ideas[0]).getByTestId("give-dot").click();
  await expect(page.getByTestId("vote-turn")).toHaveText("Voter 1: 1 dot left");

  await page.reload();
  await expect(page.getByTestId("vote-turn")).toHaveText("Voter 1: 1 dot left");
  const port = Number(new URL(server.url).port);
  await server.stop("SIGKILL");
  server = await serve(dataDir, port);
  // A new run has a new key: the facilitator opens the address it printed.
  await page.setExtraHTTPHeaders({ [TOKEN_HEADER]: server.token });
  await page.reload();
  await expect(page.getByTestId("vote-turn")).toHaveText("Voter 1: 1 dot left");
  await expect(card(ideas[0]).getByTestId("give-dot")).toHaveCount(0);
  await card(ideas[1]).getByTestId("give-dot").click();
  await expect(page.getByTestId("vote-turn")).toHaveText("Voter 1: 0 dots left");
  await page.getByTestId("next-voter").click();
  await card(ideas[1]).getByTestId("give-dot").click();
  await page.getByTestId("end-vote").click();
  await page.getByTestId("vote-list-toggle").click();
  await expect(page.getByTestId("vote-row").first()).toHaveText(new RegExp(`^1\\. ${ideas[1]} 2 dots`));
  // The session's summary has it too.
  await page.getByRole("button", { name: "Sessions", exact: true }).click();
  await page.getByRole("button", { name: "First meeting", exact: true }).click();
  await expect(page.getByTestId("session-votes").getByRole("listitem")).toHaveText([`1. ${ideas[1]} — 2 dots`, `2. ${ideas[0]} — 1 dot`]);
});
