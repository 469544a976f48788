import type { Backend } from "../backend/backend";
import type { BoardKind } from "../api/types";
import { inPositionOrder } from "../order";

/** What a blank handout can be of: the workshop's boards (in the strip's order) and sessions. */
export type Printables = { boards: { id: string; title: string; kind: BoardKind }[]; sessions: { id: string; title: string }[] };

export async function loadPrintables(api: Backend, workshopId: string): Promise<Printables> {
  const w = await api.call("open_workshop", { id: workshopId });
  return {
    boards: inPositionOrder(w.boards).map((b) => ({ id: b.id, title: b.title, kind: b.kind })),
    sessions: inPositionOrder(w.sessions).map((s) => ({ id: s.id, title: s.fields.title })),
  };
}
