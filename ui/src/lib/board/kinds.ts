import type { BoardKind } from "../api/types";

/** What a kind of board is made of; the rules of polku_core's BoardKind, checked exhaustively. */
export type Traits = {
  /** The touchpoints are stations on a drawn path (side stations, walks, the mood curve). */
  path: boolean;
  /** Rows (lanes) across the columns. */
  lanes: boolean;
  /** Periods may stack boxes (a canvas). */
  boxes: boolean;
  /** A named line may run above a row (a blueprint). */
  lines: boolean;
};

export function traits(kind: BoardKind): Traits {
  switch (kind) {
    case "service_path":
      return { path: true, lanes: true, boxes: false, lines: false };
    case "journey_canvas":
      return { path: false, lanes: false, boxes: true, lines: false };
    case "blueprint":
      return { path: false, lanes: true, boxes: false, lines: true };
    case "grid":
      return { path: false, lanes: true, boxes: false, lines: false };
    default: {
      const unknown: never = kind;
      throw new Error(`unknown board kind ${String(unknown)}`);
    }
  }
}
