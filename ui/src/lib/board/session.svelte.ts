import type { Backend } from "../backend/backend";
import type { Board, History, Note, NotePatch, Op, OpResult, Sentiment, Workshop } from "../api/types";
import { toApiError } from "../api/errors";
import { uuid } from "../ids";
import { notify, notifyError } from "../ui/toast.svelte";
import { applyChanges, storeFrom, type NoteStore } from "./changes";
import {
  freeSpotBelow,
  nearestStation,
  stations,
  touchpointForNoteAt,
  type Point,
  type Station,
} from "./geometry";

/** A note that exists only on this screen until its first text is committed. */
export type Draft = {
  id: string;
  sentiment: Sentiment;
  text: string;
  x: number;
  y: number;
  touchpoint_id: string | null;
  saving: boolean;
};

export type Status = "loading" | "ready" | "missing" | "failed";

/**
 * One opened workshop's first board as this client sees it: the snapshot, kept current by op
 * responses and change events, plus what exists only locally (drafts, notes being dragged).
 */
export class BoardSession {
  status = $state<Status>("loading");
  workshop = $state<Workshop | null>(null);
  board = $state<Board | null>(null);
  store = $state<NoteStore>({ notes: {}, gone: {} });
  drafts = $state<Draft[]>([]);
  /** Positions of notes under a finger or pointer, shown instead of the stored ones. */
  dragging = $state<Record<string, Point>>({});
  history = $state<History>({ can_undo: false, can_redo: false });
  busy = $state(false);

  stations: Station[] = $derived(stations(this.board?.touchpoints ?? []));
  notes: Note[] = $derived(Object.values(this.store.notes));

  private offs: (() => void)[] = [];

  constructor(
    private readonly api: Backend,
    readonly workshopId: string,
  ) {
    this.offs.push(
      api.subscribe((ev) => {
        if (ev.type === "changed" && ev.workshop_id === this.workshopId && this.board) {
          applyChanges(this.store, ev.changes, this.board.id);
        }
      }),
      api.onReconnect(() => void this.load()),
    );
  }

  dispose(): void {
    for (const off of this.offs) off();
    this.offs = [];
  }

  async load(): Promise<void> {
    try {
      const [workshop, history] = await Promise.all([
        this.api.call("open_workshop", { id: this.workshopId }),
        this.api.call("history", { workshop_id: this.workshopId, client_id: this.api.clientId() }),
      ]);
      const board = [...workshop.boards].sort((a, b) => a.position - b.position)[0] ?? null;
      this.workshop = workshop;
      this.board = board;
      this.store = storeFrom(board?.notes ?? []);
      this.history = history;
      this.status = "ready";
    } catch (e) {
      const err = toApiError(e);
      if (err.code === "not_found") {
        this.status = "missing";
      } else {
        // Keep showing what we had (a reload after a reconnect); only a first load fails visibly.
        if (this.status !== "ready") this.status = "failed";
        notifyError(err);
      }
    }
  }

  /** Starts a new note in edit mode in the first free spot under the station nearest `nearX`. */
  addDraft(sentiment: Sentiment, nearX: number | null, heightOf: (id: string) => number | undefined = () => undefined): Draft {
    const station = nearX === null ? (this.stations[0] ?? null) : nearestStation(this.stations, nearX);
    const taken = [...this.notes, ...this.drafts].map((n) => ({ x: n.x, y: n.y, h: heightOf(n.id) }));
    const spot = freeSpotBelow(station, taken);
    const draft: Draft = {
      id: uuid(),
      sentiment,
      text: "",
      x: spot.x,
      y: spot.y,
      touchpoint_id: station?.id ?? null,
      saving: false,
    };
    this.drafts.push(draft);
    return draft;
  }

  discardDraft(id: string): void {
    const i = this.drafts.findIndex((d) => d.id === id);
    if (i >= 0) this.drafts.splice(i, 1);
  }

  /**
   * Saves a draft as a real note. On failure the draft stays, with its text, so nothing typed is
   * lost; the same note id is reused on the next try so a retry cannot make two notes.
   */
  async commitDraft(id: string, text: string): Promise<boolean> {
    const draft = this.drafts.find((d) => d.id === id);
    if (!draft || !this.board) return false;
    draft.text = text;
    if (!text.trim()) {
      this.discardDraft(id);
      return true;
    }
    draft.saving = true;
    const ok = await this.apply({
      type: "create_note",
      note: {
        id: draft.id,
        board_id: this.board.id,
        touchpoint_id: draft.touchpoint_id,
        lane_id: null,
        sentiment: draft.sentiment,
        text,
        x: draft.x,
        y: draft.y,
      },
    });
    if (ok) this.discardDraft(id);
    else draft.saving = false;
    return ok;
  }

  async updateNote(id: string, patch: NotePatch): Promise<boolean> {
    return this.apply({ type: "update_note", id, patch });
  }

  async deleteNote(id: string): Promise<boolean> {
    return this.apply({ type: "delete_note", id });
  }

  /** Follows a pointer locally; nothing is sent until the drop. */
  dragTo(id: string, at: Point): void {
    this.dragging[id] = at;
  }

  cancelDrag(id: string): void {
    delete this.dragging[id];
  }

  /** One op for the whole drag, with the touchpoint column the note was dropped on. */
  async drop(id: string, at: Point): Promise<void> {
    const note = this.store.notes[id];
    if (!note) {
      this.cancelDrag(id);
      return;
    }
    const x = Math.round(at.x);
    const y = Math.round(at.y);
    if (x === note.x && y === note.y) {
      this.cancelDrag(id);
      return;
    }
    // The note stays where it was dropped while the op is on its way, instead of jumping back.
    this.dragging[id] = { x, y };
    await this.updateNote(id, { x, y, touchpoint_id: touchpointForNoteAt(this.stations, x) });
    this.cancelDrag(id);
  }

  async moveBy(id: string, dx: number, dy: number): Promise<void> {
    const note = this.store.notes[id];
    if (!note) return;
    const x = note.x + dx;
    const patch: NotePatch = { x, y: note.y + dy };
    const tp = touchpointForNoteAt(this.stations, x);
    if (tp !== note.touchpoint_id) patch.touchpoint_id = tp;
    await this.updateNote(id, patch);
  }

  async undo(): Promise<void> {
    await this.step("undo");
  }

  async redo(): Promise<void> {
    await this.step("redo");
  }

  private async step(which: "undo" | "redo"): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const res = await this.api.call(which, {
        workshop_id: this.workshopId,
        client_id: this.api.clientId(),
        op_id: uuid(),
      });
      this.absorb(res);
    } catch (e) {
      const err = toApiError(e);
      if (err.code === "nothing_to_undo") this.history.can_undo = false;
      if (err.code === "nothing_to_redo") this.history.can_redo = false;
      notifyError(err);
    } finally {
      this.busy = false;
    }
  }

  private async apply(op: Op): Promise<boolean> {
    try {
      const res = await this.api.call("apply_op", {
        workshop_id: this.workshopId,
        op_id: uuid(),
        client_id: this.api.clientId(),
        undo: "record",
        op,
      });
      this.absorb(res);
      return true;
    } catch (e) {
      notifyError(e);
      return false;
    }
  }

  private absorb(res: OpResult): void {
    if (this.board) applyChanges(this.store, res.changes, this.board.id);
    this.history = res.history;
  }
}

