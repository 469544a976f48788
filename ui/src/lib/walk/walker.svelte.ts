import type { Op, Persona, StepRecord, WalkStep, Walkthrough } from "../api/types";
import { t } from "../i18n/index.svelte";
import { notify } from "../ui/toast.svelte";
import { uuid } from "../ids";
import { cellAt, type Station } from "../board/geometry";
import { growOps } from "../board/lanes/lanes";
import { spotIn, spotInCell } from "../board/outline/outline";
import type { BoardSession } from "../board/session.svelte";
import { stepsOf, walksOf } from "../people/people";
import { byName, emptyRecord, nextStop } from "./walk";

/** What "Post as a note" makes of a field: ideas become idea notes, barriers negative observations. */
export type PostKind = "idea" | "barrier";

/**
 * Walkthrough mode on one board: which walk is open, where its token stands, and every edit a walk
 * makes, all through the board's session (one undo history per client, kept by the server).
 */
export class Walker {
  /** The walk panel is showing (the curves and the token are drawn only then). */
  open = $state(false);
  walkId = $state<string | null>(null);
  /** Personas whose curves are drawn; the walking one is always added. */
  shown = $state<Record<string, boolean>>({});
  /** Next reached a side station: the group says whether the persona visits it. */
  offer = $state<{ side: string; after: string | null } | null>(null);
  /** Announced to screen readers (the panel's status line). */
  status = $state("");

  /** Saves what the step recorder holds unsaved, to its own station: run before the walk moves on. */
  flushDraft: (() => void) | null = null;

  /** Every persona of the workshop, by name. */
  readonly personas: Persona[];
  /** Personas with a walk on this board: the ones that have a curve, in the legend's order. */
  readonly walkers: Persona[];
  readonly walk: Walkthrough | null;
  readonly persona: Persona | null;
  /** Where the token stands. */
  readonly station: Station | null;
  /** The open walk's records by station id. */
  readonly steps: Map<string, WalkStep>;

  constructor(readonly session: BoardSession) {
    // In the constructor, not as field initialisers: these read `session`, set just above.
    this.personas = $derived(byName(Object.values(session.people.personas)));
    this.walkers = $derived(this.personas.filter((p) => this.latest(p.id)));
    this.walk = $derived((this.walkId && session.people.walkthroughs[this.walkId]) || null);
    this.persona = $derived((this.walk && session.people.personas[this.walk.persona_id]) || null);
    this.station = $derived(session.stations.find((s) => s.id === this.walk?.at_touchpoint_id) ?? null);
    this.steps = $derived(this.walk ? stepsOf(session.people, this.walk.id) : new Map());
  }

  /** The persona's most recent walk on this board, or null. */
  latest(personaId: string): Walkthrough | null {
    const board = this.session.board;
    return board ? (walksOf(this.session.people, personaId, board.id)[0] ?? null) : null;
  }

  /** The walk a persona's curve is drawn from: the open one for the walking persona, else its latest. */
  curveWalk(personaId: string): Walkthrough | null {
    return this.walk?.persona_id === personaId ? this.walk : this.latest(personaId);
  }

  show(): void {
    this.open = true;
    this.walkId = null;
    this.offer = null;
  }

  close(): void {
    this.flushDraft?.();
    this.open = false;
    this.walkId = null;
    this.offer = null;
  }

  /** Back to the list of personas; the walk stays as it is, to be resumed. */
  leave(): void {
    this.flushDraft?.();
    this.walkId = null;
    this.offer = null;
  }

  /** A new walk for the persona, its token on the path's first station. */
  async start(personaId: string): Promise<boolean> {
    const board = this.session.board;
    if (!board) return false;
    const id = uuid();
    const first = this.session.stations[0] ?? null;
    // Recorded: a walk is content (it carries the group's answers), so Ctrl+Z can take it back.
    const ok = await this.session.apply({
      type: "create_walkthrough",
      walkthrough: { id, persona_id: personaId, board_id: board.id, at_touchpoint_id: first?.id ?? null },
    });
    if (ok) this.enter(id, personaId);
    return ok;
  }

  resume(personaId: string): boolean {
    const w = this.latest(personaId);
    if (w) this.enter(w.id, personaId);
    return !!w;
  }

  private enter(walkId: string, personaId: string) {
    this.walkId = walkId;
    this.offer = null;
    this.shown = { ...this.shown, [personaId]: true };
    if (this.station) this.announce(this.station);
  }

  private announce(s: Station) {
    this.status = t("walk.at", { n: s.index + 1, count: this.session.stations.length, label: s.label });
  }

  /**
   * Shows an answer an undo or redo just changed: the walk panel open on that walk, its token at
   * that station. Only the token moves (as Next would); the answers are left as the undo left them.
   */
  async reveal(walkthroughId: string, stationId: string): Promise<void> {
    const walk = this.session.people.walkthroughs[walkthroughId];
    if (!walk || walk.board_id !== this.session.board?.id) return;
    if (!this.session.stations.some((s) => s.id === stationId)) return;
    this.flushDraft?.();
    this.open = true;
    this.enter(walk.id, walk.persona_id);
    if (walk.at_touchpoint_id === stationId) return;
    if (await this.session.apply({ type: "move_walkthrough", id: walk.id, at_touchpoint_id: stationId }, "skip")) {
      const to = this.session.stations.find((s) => s.id === stationId);
      if (to) this.announce(to);
    }
  }

  /** Puts the token on a station. */
  async moveTo(stationId: string): Promise<boolean> {
    const walk = this.walk;
    const to = this.session.stations.find((s) => s.id === stationId);
    if (!walk || !to) return false;
    this.flushDraft?.();
    this.offer = null;
    if (walk.at_touchpoint_id === stationId) return true;
    // Not recorded for undo: where the token stands is the group's place in the conversation, not
    // something they said. Ctrl+Z then takes back the last answer, wherever the token is now.
    const ok = await this.session.apply({ type: "move_walkthrough", id: walk.id, at_touchpoint_id: stationId }, "skip");
    if (!ok) return false;
    this.announce(to);
    // Going to a side station skipped earlier means the persona visits it after all.
    const step = this.steps.get(stationId);
    if (step?.record.skipped) await this.save(stationId, { ...step.record, skipped: false });
    return true;
  }

  /** Next: one station on, or the question whether a side station ahead is visited. */
  async next(): Promise<void> {
    if (this.offer) return void (await this.visit());
    const stop = nextStop(this.session.stations, this.walk?.at_touchpoint_id ?? null, 1, this.steps);
    if (!stop) {
      this.status = t("walk.end");
      return;
    }
    if (stop.kind === "move") await this.moveTo(stop.to.id);
    else {
      this.offer = { side: stop.side.id, after: stop.after?.id ?? null };
      this.status = t("walk.side.question", { label: stop.side.label });
    }
  }

  /** The walk is over: what was typed at the last station is saved, and the personas are shown. */
  finish(): void {
    const name = this.persona?.fields.name ?? "";
    this.leave();
    notify("walk.finished", { name });
  }

  async back(): Promise<void> {
    this.offer = null;
    const stop = nextStop(this.session.stations, this.walk?.at_touchpoint_id ?? null, -1, this.steps);
    if (stop?.kind === "move") await this.moveTo(stop.to.id);
    else this.status = t("walk.atStart");
  }

  async visit(): Promise<void> {
    const o = this.offer;
    if (o) await this.moveTo(o.side);
  }

  /** The persona passes the side station by: recorded as skipped (the curve is dashed across it). */
  async skip(): Promise<void> {
    const o = this.offer;
    if (!o) return;
    this.offer = null;
    const record = { ...(this.steps.get(o.side)?.record ?? emptyRecord()), skipped: true };
    if (!(await this.save(o.side, record))) return;
    if (o.after) await this.moveTo(o.after);
    else this.status = t("walk.end");
  }

  // One save at a time, in order: each carries the whole record, so a late one must not overtake.
  private queue: Promise<unknown> = Promise.resolve();

  /** Replaces a station's record on the open walk (one undo step). */
  save(stationId: string, record: StepRecord): Promise<boolean> {
    const walk = this.walk;
    if (!walk) return Promise.resolve(false);
    const run = async () => {
      const id = this.steps.get(stationId)?.id ?? uuid();
      return this.session.apply({ type: "set_walk_step", step: { id, walkthrough_id: walk.id, touchpoint_id: stationId, record } });
    };
    const next = this.queue.then(run, run);
    this.queue = next;
    return next;
  }

  /**
   * Posts a barrier or an idea as a note on the board at the token's station, linked to the
   * persona: in the row `laneId` when given, else in the column's first free spot.
   */
  async post(kind: PostKind, text: string, laneId: string | null = null): Promise<boolean> {
    const board = this.session.board;
    const station = this.station;
    const persona = this.persona;
    if (!board || !station || !persona || !text.trim()) return false;
    const s = this.session;
    const id = uuid();
    // In the row the group chose (the walk panel offers the board's rows), else the column's first free spot.
    const row = laneId ? s.rows.find((r) => r.id === laneId) : undefined;
    const spot = row ? spotInCell(station, row, s.notes, s.heightOf) : spotIn(station, id, s.notes, s.heightOf);
    const cell = cellAt(s.stations, s.rows, spot.x, spot.y);
    const fields = kind === "idea" ? ({ kind: "idea", sentiment: null } as const) : ({ kind: "observation", sentiment: "negative" } as const);
    const create: Op = {
      type: "create_note",
      note: { id, board_id: board.id, ...cell, persona_id: persona.id, session_id: s.ws.sessionNow(), ...fields, text: text.trim() },
    };
    const ok = await s.applyMany([create, ...growOps(s.rows, { lane_id: null, y: 0 }, cell, undefined)]);
    if (ok) this.status = t(kind === "idea" ? "walk.posted.idea" : "walk.posted.barrier", { label: station.label });
    return ok;
  }
}
