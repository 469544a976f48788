import type { Change, Note, NotePatch, Op, Phase, UndoMode } from "../api/types";
import { uuid } from "../ids";
import { inPositionOrder } from "../order";
import type { WorkshopSession } from "../workshop/session.svelte";
import type { BoardState, NoteStore } from "./changes";
import { cellAt, freeSpotBelow, freeSpotFrom, NOTE_GAP, nearestPlace, place, rows, snapToColumn, stations, type Point, type Row, type Station } from "./geometry";
import { traits, type Traits } from "./kinds";
import { toneFields, type Tone } from "./sentiment";
import { growOps } from "./lanes/lanes";
import { veiled, veilOf, type Veil } from "./live/veil";

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

/**
 * One board of an opened workshop as this client shows it: its structure and notes as the
 * workshop session holds them, plus what exists only on this screen (drafts, notes being
 * dragged). Ops, undo and the people go through the workshop session, which all boards share.
 */
export class BoardSession {
  // (Inside functions: the fields are set up before the constructor's parameters are stored.)
  board: BoardState | null = $derived.by(() => this.ws.board(this.boardId));
  /** This board's notes; a new wrapper only when one of them changed (see WorkshopSession.notes). */
  store: NoteStore = $derived.by(() => this.ws.notesOf(this.boardId));
  drafts = $state<Draft[]>([]);
  /** Positions of notes under a finger or pointer, shown instead of the stored ones. */
  dragging = $state<Record<string, Point>>({});

  /** What this kind of board is made of (a path, rows, boxes, named lines). */
  traits: Traits = $derived(traits(this.board?.kind ?? "service_path"));
  stations: Station[] = $derived(stations(this.board?.touchpoints ?? [], this.board?.kind, this.board?.phases ?? []));
  rows: Row[] = $derived(rows(this.board?.lanes ?? []));
  phases: Phase[] = $derived(inPositionOrder(this.board?.phases ?? []));
  /**
   * Why this screen shows a note as a blank card (written privately by someone else, or the board
   * covered), by id; the notes it draws carry no words for those (`live/veil.ts`).
   */
  veils: Map<string, Veil> = $derived.by(() => {
    const out = new Map<string, Veil>();
    const live = this.board?.live;
    for (const n of Object.values(this.store.notes)) {
      const v = veilOf(n, live, this.ws.mine);
      if (v) out.set(n.id, v);
    }
    return out;
  });
  /** Notes as stored: x, y relative to their cell; only the shown session's when one is chosen. */
  raw: Note[] = $derived.by(() => {
    const all = Object.values(this.store.notes);
    const only = this.ws.shownSession;
    const shown = only ? all.filter((n) => n.session_id === only) : all;
    return this.veils.size ? shown.map((n) => this.veiledCopy(n)) : shown;
  });

  // One veiled copy per stored note and veil, so a change to one note makes one new object.
  private veiledCopies = new WeakMap<Note, { veil: Veil; copy: Note }>();
  private veiledCopy(n: Note): Note {
    const veil = this.veils.get(n.id);
    if (!veil) return n;
    const kept = this.veiledCopies.get(n);
    if (kept?.veil === veil) return kept.copy;
    const copy = veiled(n, veil);
    this.veiledCopies.set(n, { veil, copy });
    return copy;
  }
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

  constructor(
    readonly ws: WorkshopSession,
    readonly boardId: string,
  ) {}

  get people() {
    return this.ws.people;
  }

  get history() {
    return this.ws.history;
  }

  apply(op: Op, undo: UndoMode = "record"): Promise<boolean> {
    return this.ws.apply(op, undo);
  }

  applyMany(ops: Op[]): Promise<boolean> {
    return this.ws.applyMany(ops);
  }

  undo(): Promise<readonly Change[]> {
    return this.ws.undo();
  }

  redo(): Promise<readonly Change[]> {
    return this.ws.redo();
  }

  /**
   * Starts a new note in edit mode in the first free spot of a place: the one given, else the one
   * nearest the board point `near`, else the first.
   */
  addDraft(tone: Tone, near: Station | Point | null, heightOf: (id: string) => number | undefined = () => undefined): Draft {
    const station =
      near === null ? (this.stations[0] ?? null) : "rank" in near ? near : nearestPlace(this.stations, near.x, near.y);
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
      note: {
        id: draft.id,
        board_id: this.board.id,
        ...cell,
        persona_id: null,
        session_id: this.ws.sessionNow(),
        ...toneFields(draft.tone),
        text,
      },
    };
    // Placed under a lane's last note, it may stick out: the lane grows in the same undo step.
    const ok = await this.applyMany([create, ...growOps(this.rows, { lane_id: null, y: 0 }, cell, this.heightOf(id))]);
    if (ok) this.discardDraft(id);
    else draft.saving = false;
    return ok;
  }

  async updateNote(id: string, patch: NotePatch): Promise<boolean> {
    // A blank card's words are not on this screen: whatever was typed would replace them unseen.
    if (patch.text !== undefined && this.veils.has(id)) return false;
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

  /**
   * The patch that puts a note with its top-left at board `at`, in the cell it lands in. With
   * `clearOf` (a drop), it settles inside that cell's top edge and under any other note it would
   * cover, so no text is hidden and the note is drawn where it belongs; the notes in `clearOf`
   * (the ones moving with it) do not count.
   */
  placeAt(id: string, at: Point, snap = false, clearOf: ReadonlySet<string> | null = null): NotePatch | null {
    const note = this.store.notes[id];
    if (!note) return null;
    let cell = cellAt(this.stations, this.rows, at.x, at.y);
    if (snap) cell = snapToColumn(cell);
    if (clearOf) cell = this.settled(cell, clearOf);
    const patch: NotePatch = {};
    if (cell.x !== note.x) patch.x = cell.x;
    if (cell.y !== note.y) patch.y = cell.y;
    if (cell.touchpoint_id !== note.touchpoint_id) patch.touchpoint_id = cell.touchpoint_id;
    if (cell.lane_id !== note.lane_id) patch.lane_id = cell.lane_id;
    return Object.keys(patch).length ? patch : null;
  }

  /** A cell (as stored) moved down as little as it takes to sit inside its row or box and cover no other note. */
  private settled<C extends { touchpoint_id: string | null; lane_id: string | null; x: number; y: number }>(cell: C, clearOf: ReadonlySet<string>): C {
    const drawn = place(cell, this.stations, this.rows);
    const st = this.stations.find((s) => s.id === cell.touchpoint_id);
    const row = this.rows.find((r) => r.id === cell.lane_id);
    // A box's name, or a row's top line, is not to be covered either.
    const floor = st && st.top !== null ? st.top + NOTE_GAP + 28 : row ? row.top + NOTE_GAP / 2 : -Infinity;
    const others = this.notes
      .filter((n) => !clearOf.has(n.id) && n.lane_id === cell.lane_id)
      .map((n) => ({ x: n.x, y: n.y, h: this.heightOf(n.id) }));
    const spot = freeSpotFrom(drawn.x, Math.max(drawn.y, floor), others);
    return { ...cell, y: Math.round(cell.y + spot.y - drawn.y) };
  }

  /** One op for the whole drag: the note snaps into the column it was dropped in when near its middle. */
  async drop(id: string, at: Point, snap = true): Promise<void> {
    const patch = this.placeAt(id, at, snap, new Set([id]));
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
}
