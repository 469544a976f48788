import type { BoardPreview } from "../src/lib/templates/preview";
import type { TemplateSummary } from "../src/lib/templates/templates";

/** Template summaries shaped like the built-in ones (workshops/*.json), for the pickers' logic. */

export const board = (kind: BoardPreview["kind"], en: string, shape: Partial<BoardPreview> = {}, fi?: string): BoardPreview => ({
  kind,
  title: fi ? { en, fi } : { en },
  columns: 0,
  rows: 0,
  periods: [],
  lines: 0,
  ...shape,
});
export const PATH = board("service_path", "Service path", { columns: 5, periods: [null, null, null] }, "Palvelupolku");
export const CANVAS = board("journey_canvas", "Customer journey canvas", { columns: 3, periods: [4, null, 3] });
export const BLUEPRINT = board("blueprint", "Service blueprint", { columns: 4, rows: 5, lines: 3 });
export const DIGITAL = board("grid", "Digital services we use", { columns: 4 });
export const CHANNELS = board("grid", "Channel analysis", { columns: 2, rows: 8 }, "Kanava-analyysi");

export const template = (id: string, kind: TemplateSummary["kind"], boards: BoardPreview[], sessions = 0, own = false): TemplateSummary => ({
  id,
  kind,
  title: { en: boards.length === 1 ? boards[0].title.en! : `Programme ${id}` },
  description: { en: `About ${id}`, sv: `Om ${id}` },
  boards,
  sessions,
  own,
});
/** As `list_templates` answers: its order, not the one a picker shows. */
export const ALL: TemplateSummary[] = [
  template("co-development-five-sessions", "workshop", [DIGITAL, CHANNELS, PATH, CANVAS], 5),
  template("journey-canvas", "board", [CANVAS]),
  template("service-path", "workshop", [PATH]),
  template("blueprint", "board", [BLUEPRINT]),
  template("digital-services", "board", [DIGITAL]),
  template("channel-analysis", "board", [CHANNELS]),
];
