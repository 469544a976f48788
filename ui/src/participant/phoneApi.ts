import type { JoinedDevice } from "../lib/api/generated/JoinedDevice";
import type { JoinInvite } from "../lib/api/generated/JoinInvite";
import type { ParticipantNote } from "../lib/api/generated/ParticipantNote";
import type { ParticipantView } from "../lib/api/generated/ParticipantView";
import type { PhoneEvent } from "../lib/api/generated/PhoneEvent";
import type { Tone } from "../lib/api/generated/Tone";
import { ApiError, toApiError } from "../lib/api/errors";

/**
 * The phone's way to Polku: the participants' listener on the room's network, never the
 * facilitator's API. The device's secret travels in an HttpOnly cookie the page never sees.
 */
async function post<T>(path: string, body: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), credentials: "same-origin" });
  } catch (e) {
    throw new ApiError("network", e instanceof Error ? e.message : String(e));
  }
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (a proxy's page): the status says enough.
  }
  if (!res.ok) throw toApiError(json ?? text, res.status);
  return json as T;
}

export const phoneApi = {
  invite: (key: string) => post<JoinInvite>("/p/invite", { key }),
  join: (key: string, nickname: string) => post<JoinedDevice>("/p/join", { key, nickname }),
  view: () => post<ParticipantView>("/p/api/participant_view", {}),
  add: (n: { op_id: string; board_id: string; touchpoint_id: string; lane_id?: string; tone: Tone; text: string }) =>
    post<ParticipantNote>("/p/api/participant_add_note", n),
  update: (n: { op_id: string; note_id: string; text: string }) => post<ParticipantNote>("/p/api/participant_update_note", n),
  remove: (n: { op_id: string; note_id: string }) => post<null>("/p/api/participant_delete_note", n),
};

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
  let wait = 1000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const connect = () => {
    const url = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/p/events`;
    socket = new WebSocket(url);
    socket.onopen = () => {
      wait = 1000;
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
      timer = setTimeout(connect, wait);
      wait = Math.min(wait * 2, 15000);
    };
  };
  connect();
  return () => {
    stopped = true;
    clearTimeout(timer);
    socket?.close();
  };
}
