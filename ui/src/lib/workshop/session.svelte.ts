import type { Backend } from "../backend/backend";
import type { Change, History, Op, OpResult, Session, UndoMode, Vote, Workshop } from "../api/types";
import type { VoteTurn } from "../api/generated/VoteTurn";
import { toApiError, type ApiError } from "../api/errors";
import { uuid } from "../ids";
import { inPositionOrder } from "../order";
import { notify, notifyError, notifyWhat, withdrawOffers } from "../ui/toast.svelte";
import { describeStep, type StepNames } from "./describe";
import type { BoardState, NoteStore } from "../board/changes";
import type { Camera } from "../board/geometry";
import type { People } from "../people/people";
import { programme, todaysSession } from "../sessions/sessions";
import { applyAll, heldFrom } from "./appliers";

/** Notes a screen remembers as its own: far more than one session's private writing. */
const MINE_KEPT = 2000;

function storedMine(workshopId: string): Set<string> {
  try {
    const list: unknown = JSON.parse(sessionStorage.getItem(`polku.mine.${workshopId}`) ?? "[]");
    return new Set(Array.isArray(list) ? list.filter((x): x is string => typeof x === "string") : []);
  } catch {
    return new Set();
  }
}

/** A request body stays well inside the server's 256 KiB limit. */
const BATCH_BYTES = 200_000;

/** "deleted": in Recently deleted, to restore from the workshop list. */
export type Status = "loading" | "ready" | "missing" | "deleted" | "failed";
/** The workshop's own fields; its boards and people are held apart (see `Held`). */
export type WorkshopMeta = Omit<Workshop, "boards" | "personas" | "walkthroughs" | "walk_steps" | "sessions" | "votes">;

const NO_NOTES: NoteStore = { notes: {}, gone: {} };

/**
 * One opened workshop as this client sees it: every board's structure and notes, the people, and
 * this client's undo history, kept current by op responses and change events. The boards are
 * views onto it (board/session.svelte.ts); switching between them loads nothing.
 */
export class WorkshopSession {
  status = $state<Status>("loading");
  meta = $state<WorkshopMeta | null>(null);
  /** Each board's touchpoints, lanes and phases; edited in place by structure changes. */
  boards = $state<BoardState[]>([]);
  /**
   * Each board's notes by board id. Not deep-reactive: notes are values replaced whole by each
   * change, and 5,000 of them behind proxies made every drop re-read them slowly (a third of a
   * second in WebKit). A change updates a store's maps in place and swaps that store's wrapper
   * and this record, so only the board whose notes changed recomputes.
   */
  notes = $state.raw<Record<string, NoteStore>>({});
  /** Personas, walkthroughs and their steps; values replaced whole, like the notes. */
  people = $state.raw<People>({ personas: {}, walkthroughs: {}, steps: {} });
  /**
   * Where this screen is working on each board: the touchpoint or box whose head (or a note of
   * which) last had the focus. New notes go there; "Bring everyone here" sends it; a bring from
   * another screen sets it.
   */
  places = $state<Record<string, string>>({});
  /**
   * Notes written on this screen (this tab, this window): the ones it shows face up while a board
   * is written on privately. Kept in the tab's storage, so a reload keeps showing its own.
   */
  mine = $state(new Set<string>());

  /** The latest "bring everyone here" from another of the facilitator's screens, for the page to follow. */
  brought = $state<{ n: number; boardId: string } | null>(null);

  /** The programme's sessions by id; values replaced whole, like the people. */
  sessions = $state.raw<Record<string, Session>>({});
  /** Dot votes by id; values replaced whole, like the sessions. */
  votes = $state.raw<Record<string, Vote>>({});

  /** The sessions in programme order. */
  programme: Session[] = $derived(programme(this.sessions));

  /**
   * The session whose notes the boards show ("what came up in session 3"); null: every note.
   * This tab's choice, not the workshop's; a session deleted meanwhile shows every note again.
   */
  chosenSession = $state<string | null>(null);
  shownSession: string | null = $derived(this.chosenSession && this.chosenSession in this.sessions ? this.chosenSession : null);

  /**
   * The session a note made now belongs to: the one the boards show, else today's meeting if the
   * programme has one today (a note added while looking at session 3 is part of session 3).
   */
  sessionNow(now = new Date()): string | null {
    return this.shownSession ?? todaysSession(this.programme, now)?.id ?? null;
  }
  history = $state<History>({ can_undo: false, can_redo: false });
  busy = $state(false);
  /** The boards in the order they are shown. */
  ordered: BoardState[] = $derived(inPositionOrder(this.boards));
  /** The board last shown, for the views that name none (the persona library). */
  lastBoard = $state<string | null>(null);
  /** Each board's pan and zoom while this workshop stays open, so coming back to a board finds it as left. */
  readonly cameras = new Map<string, Camera>();

  /** Deleted boards' last versions (see `Held`); plain, nothing on screen reads it. */
  private goneBoards: Record<string, number> = {};
  private offs: (() => void)[] = [];

  constructor(
    private readonly api: Backend,
    readonly workshopId: string,
  ) {
    this.mine = storedMine(workshopId);
    this.offs.push(
      api.subscribe((ev) => {
        if (ev.type === "changed" && ev.workshop_id === this.workshopId && this.meta) {
          // This client's own change can come back on the stream before its answer does: a board
          // its undo took away must not then be told as deleted in another window.
          if (ev.client_id === this.api.clientId()) this.noteDeletedHere(ev.changes);
          this.take(ev.changes);
        } else if (ev.type === "restored" && (ev.workshop_id === null || ev.workshop_id === this.workshopId)) {
          // Put back from a backup: its history and versions start anew, so load it whole.
          notify("backup.restoredHere");
          void this.load();
        } else if (ev.type === "brought" && ev.workshop_id === this.workshopId && ev.client_id !== this.api.clientId()) {
          if (ev.touchpoint_id) this.places[ev.board_id] = ev.touchpoint_id;
          this.brought = { n: (this.brought?.n ?? 0) + 1, boardId: ev.board_id };
        }
      }),
      api.onReconnect(() => void this.load()),
    );
  }

  /**
   * One dot more or less from the shared screen (in turns, or a free tally); false (after telling
   * why: all dots given, one per note) when refused. Not an undo step: a dot is taken back with −.
   */
  async castVote(voteId: string, targetId: string, delta: 1 | -1): Promise<boolean> {
    try {
      const res = await this.api.call("cast_vote", { workshop_id: this.workshopId, vote_id: voteId, target_id: targetId, delta, op_id: uuid(), client_id: this.api.clientId() });
      this.absorb(res);
      return true;
    } catch (e) {
      notifyError(toApiError(e));
      return false;
    }
  }

  /** What the shared screen's current turn has given in a vote. */
  voteTurn(voteId: string): Promise<VoteTurn> {
    return this.api.call("vote_turn", { workshop_id: this.workshopId, vote_id: voteId });
  }

  /** Every screen of the workshop (phones, the facilitator's other tabs and windows) to this board and its place here. */
  async bringEveryone(boardId: string): Promise<boolean> {
    try {
      await this.api.call("bring_everyone", { workshop_id: this.workshopId, board_id: boardId, touchpoint_id: this.places[boardId] ?? null, client_id: this.api.clientId() });
      return true;
    } catch (e) {
      notifyError(toApiError(e));
      return false;
    }
  }

  dispose(): void {
    for (const off of this.offs) off();
    this.offs = [];
  }

  board(id: string): BoardState | null {
    return this.boards.find((b) => b.id === id) ?? null;
  }

  notesOf(boardId: string): NoteStore {
    return this.notes[boardId] ?? NO_NOTES;
  }

  async load(): Promise<void> {
    try {
      const [workshop, history] = await Promise.all([
        this.api.call("open_workshop", { id: this.workshopId }),
        this.api.call("history", { workshop_id: this.workshopId, client_id: this.api.clientId() }),
      ]);
      const { boards, notes, people, sessions, votes, goneBoards } = heldFrom(workshop);
      const { boards: _b, personas: _p, walkthroughs: _w, walk_steps: _s, sessions: _m, votes: _v, ...meta } = workshop;
      this.meta = meta;
      this.boards = boards;
      this.notes = notes;
      this.people = people;
      this.goneBoards = goneBoards;
      this.sessions = sessions;
      this.votes = votes;
      this.history = history;
      this.status = "ready";
    } catch (e) {
      const err = toApiError(e);
      if (err.code === "not_found") {
        this.status = "missing";
      } else if (err.field === "workshop_deleted") {
        this.status = "deleted";
      } else {
        // Keep showing what we had (a reload after a reconnect); only a first load fails visibly.
        if (this.status !== "ready") this.status = "failed";
        notifyError(err);
      }
    }
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

  /** Undoes this client's latest step and says what it was; the changes it applied, if any. */
  undo(): Promise<readonly Change[]> {
    return this.step("undo");
  }

  redo(): Promise<readonly Change[]> {
    return this.step("redo");
  }

  /** What an undone walkthrough answer is told by: the persona's name and the station's label. */
  private readonly names: StepNames = {
    walker: (id) => {
      const walk = this.people.walkthroughs[id];
      return (walk && this.people.personas[walk.persona_id]?.fields.name) || null;
    },
    place: (id) => {
      for (const b of this.boards) {
        const tp = b.touchpoints.find((x) => x.id === id);
        if (tp) return tp.label;
      }
      return null;
    },
  };

  private async step(which: "undo" | "redo"): Promise<readonly Change[]> {
    if (this.busy) return [];
    this.busy = true;
    try {
      const res = await this.api.call(which, {
        workshop_id: this.workshopId,
        client_id: this.api.clientId(),
        op_id: uuid(),
      });
      withdrawOffers();
      this.absorb(res);
      notifyWhat(`${which}.done`, describeStep(res.changes, which, this.names));
      return res.changes;
    } catch (e) {
      const err = toApiError(e);
      if (err.code === "nothing_to_undo") this.history.can_undo = false;
      if (err.code === "nothing_to_redo") this.history.can_redo = false;
      notifyError(err);
      return [];
    } finally {
      this.busy = false;
    }
  }

  /**
   * Applies one op, recorded for this client's undo unless `undo` is "skip"; false (after telling
   * the user) when refused.
   */
  async apply(op: Op, undo: UndoMode = "record"): Promise<boolean> {
    const err = await this.attempt(op, undo);
    if (err) notifyError(err);
    return !err;
  }

  /**
   * Applies one op like `apply`, but hands a refusal back instead of showing it: for a dialog that
   * says what is wrong next to what was typed, where a toast would sit under its backdrop.
   */
  async attempt(op: Op, undo: UndoMode = "record"): Promise<ApiError | null> {
    this.noteMine(op);
    try {
      const res = await this.api.call("apply_op", {
        workshop_id: this.workshopId,
        op_id: uuid(),
        client_id: this.api.clientId(),
        undo,
        op,
      });
      this.absorb(res);
      // An Undo offered for an earlier step would now take back this one instead.
      if (undo === "record") withdrawOffers();
      return null;
    } catch (e) {
      return toApiError(e);
    }
  }

  private noteMine(op: Op): void {
    const made = op.type === "create_note" ? [op.note.id] : op.type === "batch" ? op.ops.flatMap((o) => (o.type === "create_note" ? [o.note.id] : [])) : [];
    if (made.length === 0) return;
    this.mine = new Set([...this.mine, ...made].slice(-MINE_KEPT));
    try {
      sessionStorage.setItem(`polku.mine.${this.workshopId}`, JSON.stringify([...this.mine]));
    } catch {
      // No storage: this page still knows its own until a reload.
    }
  }

  /** Changes from a response or an event; public so the appliers' wiring can be tested without a server. */
  take(changes: OpResult["changes"]): void {
    const held = { boards: this.boards, notes: this.notes, people: this.people, sessions: this.sessions, votes: this.votes, goneBoards: this.goneBoards };
    const touched = applyAll(held, changes);
    if (touched.notes.size) {
      const next = { ...this.notes };
      // A deleted board's store is gone from the record already; only the ones left get a new wrapper.
      for (const id of touched.notes) if (next[id]) next[id] = { ...next[id] };
      this.notes = next;
    }
    if (touched.people) this.people = { ...this.people };
    if (touched.sessions) this.sessions = { ...this.sessions };
    if (touched.votes) this.votes = { ...this.votes };
  }

  /**
   * Boards this client deleted (its own delete, or its undo of an add): the page leaves them for a
   * neighbour without telling the user what they just did themselves.
   */
  readonly deletedHere = new Set<string>();

  private noteDeletedHere(changes: OpResult["changes"]): void {
    for (const c of changes) if (c.entity === "board" && !c.after) this.deletedHere.add(c.id);
  }

  private absorb(res: OpResult): void {
    this.noteDeletedHere(res.changes);
    this.take(res.changes);
    this.history = res.history;
  }
}
