import { zoomAt } from "./camera";
import { panBy } from "./camera";
import type { Camera, Point } from "./geometry";

/**
 * Recognises what the pointers on the board mean, apart from the DOM: fed pointer down, move, up
 * and cancel, it says how the camera moves (one finger pans, two pinch and pan together), which
 * contacts are palms (ignored everywhere), and when a finger held still on a note is a long press.
 * Note drags stay in NoteCard; this only watches note pointers for long presses.
 */

/** A touch whose contact is wider or taller than this (CSS px) is a palm or a forearm, not a finger. */
export const PALM_SIZE = 40;
export const LONG_PRESS_MS = 550;
/** A long press survives this much wobble (px); a note drag by touch starts only past it. */
export const LONG_PRESS_SLOP = 8;

export type TargetKind = "board" | "note" | "other";

export type PointerSample = {
  id: number;
  type: string;
  /** Screen px, in the viewport's frame (the camera's). */
  x: number;
  y: number;
  width?: number;
  height?: number;
  target: TargetKind;
  /** The note under a "note" pointer. */
  noteId?: string;
  /** ms, any monotonic clock; only long presses read it. */
  time: number;
};

/** Move the camera: zoom by `factor` about `anchor` (screen px), then pan by (dx, dy). */
export type Motion = { dx: number; dy: number; factor: number; anchor: Point };

export type LongPress = { id: number; noteId: string; x: number; y: number };

export function isPalm(p: { pointerType?: string; type?: string; width?: number; height?: number }): boolean {
  const type = p.pointerType ?? p.type;
  return type === "touch" && ((p.width ?? 0) > PALM_SIZE || (p.height ?? 0) > PALM_SIZE);
}

export function applyMotion(camera: Camera, m: Motion): Camera {
  const zoomed = m.factor === 1 ? camera : zoomAt(camera, m.anchor, m.factor);
  return panBy(zoomed, m.dx, m.dy);
}

type Tracked = { id: number; x: number; y: number; target: TargetKind };
type Press = { id: number; noteId: string; sx: number; sy: number; x: number; y: number; since: number };

const mid = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

export class Gestures {
  /** Fingers (and the mouse or pen) on empty board, in the order they came down. */
  private board: Tracked[] = [];
  private palms = new Set<number>();
  private presses = new Map<number, Press>();

  /** True while the contact is a palm: its events must change nothing. */
  ignored(id: number): boolean {
    return this.palms.has(id);
  }

  /** How many pointers steer the camera now (0, 1 or more). */
  get steering(): number {
    return this.board.length;
  }

  /** Returns "palm" when the contact is ignored from now on. */
  down(p: PointerSample): "palm" | "tracked" | "none" {
    this.forget(p.id);
    if (isPalm(p)) {
      this.palms.add(p.id);
      return "palm";
    }
    if (p.target === "board") {
      this.board.push({ id: p.id, x: p.x, y: p.y, target: p.target });
      return "tracked";
    }
    if (p.target === "note" && p.type === "touch" && p.noteId) {
      this.presses.set(p.id, { id: p.id, noteId: p.noteId, sx: p.x, sy: p.y, x: p.x, y: p.y, since: p.time });
      return "tracked";
    }
    return "none";
  }

  /** The camera motion this move makes, or null when it moves nothing. */
  move(p: PointerSample): Motion | null {
    if (this.palms.has(p.id)) return null;
    if (isPalm(p)) {
      // A contact that grew into a palm (the hand settling on the glass) stops steering at once.
      this.forget(p.id);
      this.palms.add(p.id);
      return null;
    }
    const press = this.presses.get(p.id);
    if (press) {
      press.x = p.x;
      press.y = p.y;
      if (Math.hypot(p.x - press.sx, p.y - press.sy) > LONG_PRESS_SLOP) this.presses.delete(p.id);
    }
    const i = this.board.findIndex((t) => t.id === p.id);
    if (i < 0) return null;
    // Only the first two fingers steer; a third rests without effect.
    const before = this.board.slice(0, 2).map((t) => ({ x: t.x, y: t.y }));
    this.board[i] = { ...this.board[i], x: p.x, y: p.y };
    if (i >= 2) return null;
    const after = this.board.slice(0, 2).map((t) => ({ x: t.x, y: t.y }));
    if (after.length === 1) {
      return { dx: after[0].x - before[0].x, dy: after[0].y - before[0].y, factor: 1, anchor: after[0] };
    }
    const m0 = mid(before[0], before[1]);
    const m1 = mid(after[0], after[1]);
    const d0 = dist(before[0], before[1]);
    const d1 = dist(after[0], after[1]);
    // Two fingers on one spot give no scale to compare with; then they only pan.
    const factor = d0 > 0 && d1 > 0 ? d1 / d0 : 1;
    return { dx: m1.x - m0.x, dy: m1.y - m0.y, factor, anchor: m0 };
  }

  /**
   * Up and cancel alike. The other fingers' positions are kept as they are, so the next move of
   * a finger left alone pans from where it is: no jump.
   */
  up(id: number): void {
    this.forget(id);
  }

  /** Long presses due by `now`; each fires once and its pointer then only lifts. */
  due(now: number): LongPress[] {
    const fired: LongPress[] = [];
    for (const p of this.presses.values()) {
      if (now - p.since >= LONG_PRESS_MS) {
        fired.push({ id: p.id, noteId: p.noteId, x: p.x, y: p.y });
        this.presses.delete(p.id);
      }
    }
    return fired;
  }

  private forget(id: number): void {
    this.palms.delete(id);
    this.presses.delete(id);
    this.board = this.board.filter((t) => t.id !== id);
  }
}
