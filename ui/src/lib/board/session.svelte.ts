import type { Backend } from "../backend/backend";
import type { Board, History, Note, NotePatch, Op, OpResult, Phase, UndoMode, Workshop } from "../api/types";
import { toApiError } from "../api/errors";
import { uuid } from "../ids";
import { notify, notifyError } from "../ui/toast.svelte";
import { applyChanges, applyStructure, storeFrom, type NoteStore } from "./changes";
import { cellAt, freeSpotBelow, nearestStation, place, rows, snapToColumn, stations, type Point, type Row, type Station } from "./geometry";
import { toneFields, type Tone } from "./sentiment";
import { applyPeople, peopleFrom, type People } from "../people/people";
import { growOps } from "./lanes/lanes";

/** A note that exists only on this screen until its first text is committed; x, y in board units. */
export type Draft = {
  id: string;
  tone: Tone;
  text: string;
  x: number;
  y: number;
  touchpoint_id: string | null;
  saving: boolean;
};

/** A request body stays well inside the server's 256 KiB limit. */
const BATCH_BYTES = 200_000;

export type Status = "loading" | "ready" | "missing" | "failed";

/**
 * One opened workshop's first board as this client sees it: the snapshot, kept current by op
 * responses and change events, plus what exists only locally (drafts, notes being dragged).
 */
export class BoardSession {
  status = $state<Status>("loading");
  workshop = $state<Workshop | null>(null);
  board = $state<Board | null>(null);
  /**
   * Not deep-reactive: notes are values replaced whole by each change, and 5,000 of them behind
   * proxies made every drop re-read them slowly (a third of a second in WebKit). A change updates
   * the maps in place and swaps this wrapper, which is what the board's deriveds follow.
   */
  store = $state.raw<NoteStore>({ notes: {}, gone: {} });
  drafts = $state<Draft[]>([]);
  /** Positions of notes under a finger or pointer, shown instead of the stored ones. */
  dragging = $state<Record<string, Point>>({});
  history = $state<History>({ can_undo: false, can_redo: false });
  /** Personas, walkthroughs and their steps; values replaced whole, like the notes. */
  people = $state.raw<People>({ personas: {}, walkthroughs: {}, steps: {} });
  busy = $state(false);

  stations: Station[] = $derived(stations(this.board?.touchpoints ?? []));
  rows: Row[] = $derived(rows(this.board?.lanes ?? []));
  phases: Phase[] = $derived([...(this.board?.phases ?? [])].sort((a, b) => a.position - b.position || a.id.localeCompare(b.id)));
  /** Notes as stored: x, y relative to their cell. */
  raw: Note[] = $derived(Object.values(this.store.notes));
  /** Notes as drawn: x, y in board units. Everything on screen works with these. */
  notes: Note[] = $derived.by(() => this.placeAll(this.raw, this.stations, this.rows));

  // The drawn copy of each stored note, kept while the columns and lanes stay the same: a change
  // to one note then makes one new object, not 5,000.
  private placed = new WeakMap<Note, Note>();
  private placedIn: readonly [Station[], Row[]] | null = null;

  private placeAll(raw: Note[], list: Station[], lanes: Row[]): Note[] {
    if (!this.placedIn || this.placedIn[0] !== list || this.placedIn[1] !== lanes) {
      this.placed = new WeakMap();
      this.placedIn = [list, lanes];
    }
    return raw.map((n) => {
      let p = this.placed.get(n);
      if (!p) {
        p = place(n, list, lanes);
        this.placed.set(n, p);
      }
      return p;
    });
  }

  private offs: (() => void)[] = [];

  constructor(
    private readonly api: Backend,
    readonly workshopId: string,
  ) {
    this.offs.push(
      api.subscribe((ev) => {
        if (ev.type === "changed" && ev.workshop_id === this.workshopId && this.board) {
          this.take(ev.changes);
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
      this.people = peopleFrom(workshop.personas, workshop.walkthroughs, workshop.walk_steps);
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
  addDraft(tone: Tone, nearX: number | null, heightOf: (id: string) => number | undefined = () => undefined): Draft {
    const station = nearX === null ? (this.stations[0] ?? null) : nearestStation(this.stations, nearX);
    const taken = [...this.notes, ...this.drafts].map((n) => ({ x: n.x, y: n.y, h: heightOf(n.id) }));
    const spot = freeSpotBelow(station, taken);
    const draft: Draft = {
      id: uuid(),
      tone,
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
    const cell = cellAt(this.stations, this.rows, draft.x, draft.y);
    const create: Op = {
      type: "create_note",
      note: { id: draft.id, board_id: this.board.id, ...cell, persona_id: null, ...toneFields(draft.tone), text },
    };
    // Placed under a lane's last note, it may stick out: the lane grows in the same undo step.
    const ok = await this.applyMany([create, ...growOps(this.rows, { lane_id: null, y: 0 }, cell, this.heightOf(id))]);
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

  /** The patch that puts a note with its top-left at board `at`, in the cell it lands in. */
  placeAt(id: string, at: Point, snap = false): NotePatch | null {
    const note = this.store.notes[id];
    if (!note) return null;
    let cell = cellAt(this.stations, this.rows, at.x, at.y);
    if (snap) cell = snapToColumn(cell);
    const patch: NotePatch = {};
    if (cell.x !== note.x) patch.x = cell.x;
    if (cell.y !== note.y) patch.y = cell.y;
    if (cell.touchpoint_id !== note.touchpoint_id) patch.touchpoint_id = cell.touchpoint_id;
    if (cell.lane_id !== note.lane_id) patch.lane_id = cell.lane_id;
    return Object.keys(patch).length ? patch : null;
  }

  /** One op for the whole drag: the note snaps into the column it was dropped in when near its middle. */
  async drop(id: string, at: Point, snap = true): Promise<void> {
    const patch = this.placeAt(id, at, snap);
    if (!patch) {
      this.cancelDrag(id);
      return;
    }
    // The note stays where it was dropped while the op is on its way, instead of jumping back.
    this.dragging[id] = { x: Math.round(at.x), y: Math.round(at.y) };
    await this.moveNote(id, patch);
    this.cancelDrag(id);
  }

  async moveBy(id: string, dx: number, dy: number): Promise<void> {
    const note = this.notes.find((n) => n.id === id);
    const patch = note && this.placeAt(id, { x: note.x + dx, y: note.y + dy });
    if (patch) await this.moveNote(id, patch);
  }

  /** Drawn note heights (board units) when known; the board fills this in, so lanes can grow to fit. */
  heightOf: (id: string) => number | undefined = () => undefined;

  /** A move, and the growth of the lane it lands in when the note would stick out: one undo step. */
  private async moveNote(id: string, patch: NotePatch): Promise<boolean> {
    const note = this.store.notes[id];
    const grow = note ? growOps(this.rows, note, patch, this.heightOf(id)) : [];
    return this.applyMany([{ type: "update_note", id, patch }, ...grow]);
  }

  /**
   * Several ops as one undo step. A selection too big for one request goes in several batches
   * (each its own step); the answer is false when any of them was refused.
   */
  async applyMany(ops: Op[]): Promise<boolean> {
    if (ops.length === 0) return true;
    if (ops.length === 1) return this.apply(ops[0]);
    let ok = true;
    let chunk: Op[] = [];
    let bytes = 0;
    const flush = async () => {
      if (chunk.length) ok = (await this.apply(chunk.length === 1 ? chunk[0] : { type: "batch", ops: chunk })) && ok;
      chunk = [];
      bytes = 0;
    };
    for (const op of ops) {
      const size = JSON.stringify(op).length * 3;
      if (chunk.length && (bytes + size > BATCH_BYTES || chunk.length >= 1000)) await flush();
      chunk.push(op);
      bytes += size;
    }
    await flush();
    return ok;
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

  /**
   * Applies one op, recorded for this client's undo unless `undo` is "skip"; false (after telling
   * the user) when refused.
   */
  async apply(op: Op, undo: UndoMode = "record"): Promise<boolean> {
    try {
      const res = await this.api.call("apply_op", {
        workshop_id: this.workshopId,
        op_id: uuid(),
        client_id: this.api.clientId(),
        undo,
        op,
      });
      this.absorb(res);
      return true;
    } catch (e) {
      notifyError(e);
      return false;
    }
  }

  private take(changes: OpResult["changes"]): void {
    if (!this.board) return;
    applyStructure(this.board, changes);
    if (applyChanges(this.store, changes, this.board.id).length) this.store = { ...this.store };
    if (applyPeople(this.people, changes)) this.people = { ...this.people };
  }

  private absorb(res: OpResult): void {
    this.take(res.changes);
    this.history = res.history;
  }
}

