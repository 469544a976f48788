import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { binary, TOKEN_HEADER, tokenFor } from "./server";

/** What the specs of running a session share: a programme with an agenda, and the run bar's parts. */

export type Workshop = { id: string; boards: { id: string; title: string }[]; sessions: { id: string; fields: { title: string } }[] };

export async function call<T>(url: string, command: string, body: unknown): Promise<T> {
  const r = await fetch(`${url}/api/${command}`, { method: "POST", headers: { "content-type": "application/json", [TOKEN_HEADER]: tokenFor(url) }, body: JSON.stringify(body) });
  if (!r.ok) throw new Error(`${command}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

export const AGENDA = [
  { title: "Welcome round", minutes: 10, instructions: "Say your name and one thing that went well this week." },
  { title: "Notes on the path", minutes: 5, instructions: "Write one experience per note: red for bad, yellow for neither, green for good." },
  { title: "Channels", minutes: null, instructions: "" },
];

/** A five-session programme with a three-item agenda on its first session, each item on a board. */
export async function programme(url: string, dataDir: string): Promise<{ w: Workshop; session: string; boards: string[] }> {
  const id = execFileSync(binary(), ["new", "--template", "co-development-five-sessions", "--title", "Live run", "--language", "en", "--data-dir", dataDir], { encoding: "utf8" }).trim();
  const w = await call<Workshop>(url, "open_workshop", { id });
  const boards = [w.boards[0].id, w.boards[2].id, w.boards[1].id];
  const agenda = AGENDA.map((a, i) => ({ id: randomUUID(), ...a, board_id: boards[i] }));
  const session = w.sessions[0].id;
  await call(url, "apply_op", { workshop_id: id, op_id: randomUUID(), client_id: "e2e-setup", undo: "record", op: { type: "update_session", id: session, patch: { title: "First meeting", agenda } } });
  return { w, session, boards };
}

export const bar = (page: Page) => page.getByTestId("run-bar");
export const item = (page: Page) => page.getByTestId("run-item");
export const digits = (page: Page) => bar(page).getByTestId("timer-digits");
export const words = (page: Page) => bar(page).getByTestId("timer-words");
export const titleOf = (w: Workshop, board: string) => w.boards.find((b) => b.id === board)!.title;
