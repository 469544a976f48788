import type { JoinedDevice } from "../lib/api/generated/JoinedDevice";
import type { JoinInvite } from "../lib/api/generated/JoinInvite";
import type { ParticipantNote } from "../lib/api/generated/ParticipantNote";
import type { ParticipantView } from "../lib/api/generated/ParticipantView";
import type { PhoneEvent } from "../lib/api/generated/PhoneEvent";
import type { PhoneVote } from "../lib/api/generated/PhoneVote";
import type { Tone } from "../lib/api/generated/Tone";
import { backoffDelay } from "../lib/backend/backoff";
import { postJson } from "../lib/backend/postJson";

/**
 * The phone's way to Polku: the participants' listener on the room's network, never the
 * facilitator's API. Same origin, so the device's secret goes along in its HttpOnly cookie
 * (Path=/p), which the page never sees.
 */
export const phoneApi = {
  invite: (key: string) => postJson<JoinInvite>("/p/invite", { key }),
  join: (key: string, nickname: string) => postJson<JoinedDevice>("/p/join", { key, nickname }),
  view: () => postJson<ParticipantView>("/p/api/participant_view", {}),
  add: (n: { op_id: string; board_id: string; touchpoint_id: string; lane_id?: string; tone: Tone; text: string }) =>
    postJson<ParticipantNote>("/p/api/participant_add_note", n),
  update: (n: { op_id: string; note_id: string; text: string }) => postJson<ParticipantNote>("/p/api/participant_update_note", n),
  remove: (n: { op_id: string; note_id: string }) => postJson<null>("/p/api/participant_delete_note", n),
  vote: (n: { op_id: string; vote_id: string; target_id: string; delta: 1 | -1 }) => postJson<PhoneVote>("/p/api/participant_vote", { ...n, voter: voterSeed() }),
};

const VOTER_KEY = "polku.voter";

/**
 * This phone's own random value for votes (32 hex digits, from the browser's random numbers: a
 * LAN page has no crypto.randomUUID). Polku keeps the phone's dots under a key made from it, so
 * after Polku restarts and the phone joins again, the dots it gave are still its own.
 */
export function voterSeed(): string | undefined {
  try {
    let seed = localStorage.getItem(VOTER_KEY);
    if (!seed || !/^[0-9a-f]{32}$/.test(seed)) {
      seed = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
      localStorage.setItem(VOTER_KEY, seed);
    }
    return seed;
  } catch {
    // No storage (a private window): the device's own key, for as long as it stays joined.
    return undefined;
  }
}

/** The close code Polku ends a phone's stream with once the phone is out of the join. */
export const LEFT = 4403;

/**
 * The phone's own event stream: only "look again" signals. Reconnects with a growing pause while
 * the page is open; `onopen` runs after every (re)connection, since events may have been missed.
 * `onleft` runs when Polku says this phone is no longer in the join (removed, or joining closed):
 * then there is nothing to reconnect to.
 */
export function phoneEvents(onevent: (e: PhoneEvent) => void, onopen: () => void, onleft: () => void): () => void {
  let socket: WebSocket | null = null;
  let stopped = false;
  let attempts = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const connect = () => {
    const url = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/p/events`;
    socket = new WebSocket(url);
    socket.onopen = () => {
      attempts = 0;
      onopen();
    };
    socket.onmessage = (m) => {
      try {
        onevent(JSON.parse(String(m.data)) as PhoneEvent);
      } catch {
        // A message we do not understand is not worth stopping for.
      }
    };
    socket.onclose = (e) => {
      if (stopped) return;
      if (e.code === LEFT) {
        stopped = true;
        onleft();
        return;
      }
      timer = setTimeout(connect, backoffDelay(attempts++, 1000, 15_000));
    };
  };
  connect();
  return () => {
    stopped = true;
    clearTimeout(timer);
    socket?.close();
  };
}
