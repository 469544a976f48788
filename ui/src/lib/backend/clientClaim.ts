import { uuid } from "../ids";

/**
 * "Duplicate tab" copies sessionStorage, and with it the tab's client id: two tabs would then
 * share one undo history, and Ctrl+Z in one would undo what was done in the other. So a tab that
 * starts with a stored id asks the other tabs of this origin whether one of them already holds it;
 * the tab that was there first keeps it and the newcomer takes a new one. A reload is the same tab
 * and nobody else answers, so it keeps its id (and its undo history).
 */

const CHANNEL = "polku.client-ids";
/** How long a starting tab waits for an answer: other tabs answer within milliseconds. */
export const CLAIM_WAIT_MS = 80;

type Message =
  | { type: "hello"; id: string; at: number; nonce: string }
  | { type: "taken"; id: string; at: number; nonce: string };

/** The part of BroadcastChannel used here, so tests can pass their own. */
export interface Channel {
  postMessage(m: Message): void;
  onmessage: ((e: { data: Message }) => void) | null;
}

export type ClaimDeps = {
  channel: () => Channel | null;
  wait: (ms: number) => Promise<void>;
  now: () => number;
};

const defaults: ClaimDeps = {
  channel: () => (typeof BroadcastChannel === "undefined" ? null : (new BroadcastChannel(CHANNEL) as unknown as Channel)),
  wait: (ms) => new Promise((r) => setTimeout(r, ms)),
  now: () => performance.timeOrigin + performance.now(),
};

/** Whether the one who said hello (`at`, `nonce`) came after us: then the id stays ours. */
function later(at: number, nonce: string, mineAt: number, mineNonce: string): boolean {
  return at > mineAt || (at === mineAt && nonce > mineNonce);
}

/**
 * Resolves with the id this tab should use: the stored one unless another tab holds it, then a
 * new one (stored). Afterwards the tab keeps answering newcomers that bring its id.
 */
export async function claimClientId(
  storage: Pick<Storage, "getItem" | "setItem"> | null,
  key: string,
  deps: ClaimDeps = defaults,
): Promise<string> {
  let stored: string | null = null;
  try {
    stored = storage?.getItem(key) ?? null;
  } catch {
    stored = null;
  }
  const store = (id: string) => {
    try {
      storage?.setItem(key, id);
    } catch {
      // Without storage the id lasts this page's life, which is still one tab's.
    }
    return id;
  };
  const channel = deps.channel();
  const at = deps.now();
  const nonce = uuid();
  let id = stored ?? store(uuid());
  let taken = false;
  let claiming = !!stored;
  if (channel) {
    channel.onmessage = ({ data }) => {
      if (data.id !== id) return;
      if (data.type === "hello") {
        if (later(data.at, data.nonce, at, nonce)) channel.postMessage({ type: "taken", id, at: data.at, nonce: data.nonce });
        // Two tabs starting together: the later one may never hear the earlier's hello answered,
        // so hearing an earlier hello while still claiming is reason enough to step aside.
        else if (claiming) taken = true;
      } else if (data.type === "taken" && data.at === at && data.nonce === nonce) {
        taken = true;
      }
    };
    if (stored) {
      channel.postMessage({ type: "hello", id, at, nonce });
      await deps.wait(CLAIM_WAIT_MS);
      claiming = false;
      if (taken) id = store(uuid());
    }
  }
  return id;
}
