import type { ExportFormat, HandoutOf, HandoutOptions, PdfContents, PdfOptions, StartExportRequest } from "../api/types";

/**
 * What a blank handout prints: a board or a session's agenda, and which one of each was last
 * chosen (ids, so a renamed or reordered board stays chosen; null before anything was).
 */
export type HandoutChoice = { of: HandoutOf["kind"]; board: string | null; session: string | null };

/** What the export dialog asks: the format, for a PDF its options, for a handout what it prints. */
export type ExportChoice = { format: ExportFormat; pdf: PdfOptions; handout: HandoutChoice };

export const FORMATS: readonly ExportFormat[] = ["pdf", "csv", "xlsx", "polku", "handout"];
export const HANDOUT_OF: readonly HandoutOf["kind"][] = ["board", "session"];
/** In the PDF's own order (crates/polku-export/src/options.rs). */
export const PARTS: readonly (keyof PdfContents)[] = ["cover", "boards", "personas", "walkthroughs", "summary"];
export const PAPERS = ["a4", "a3"] as const;
export const ORIENTATIONS = ["landscape", "portrait"] as const;
export const POSTERS = ["fit", "tile"] as const;

// The server's limits (options.rs: MAX_FACILITATOR_CHARS, MAX_PARTICIPANTS), checked here first
// so the dialog can say what is wrong before anything is sent.
export const MAX_FACILITATOR = 120;
export const MAX_PARTICIPANTS = 10_000;

export function defaultChoice(): ExportChoice {
  return {
    format: "pdf",
    pdf: {
      paper: "a4",
      orientation: "landscape",
      poster: "fit",
      contents: { cover: true, boards: true, personas: true, walkthroughs: true, summary: true },
      facilitator: "",
      participants: null,
    },
    handout: { of: "board", board: null, session: null },
  };
}

/** Per workshop: one workshop is printed on A3 for the wall, another sent as a table. */
export function storageKey(workshopId: string): string {
  return `polku.export.${workshopId}`;
}

function oneOf<T extends string>(allowed: readonly T[], value: unknown, fallback: T): T {
  return typeof value === "string" && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function id(value: unknown): string | null {
  return typeof value === "string" && value.length > 0 && value.length <= 64 ? value : null;
}

function count(value: unknown): number | null {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= MAX_PARTICIPANTS ? value : null;
}

/**
 * A choice from whatever was stored: an older Polku's shape, a hand edit or plain junk. Each field
 * that does not fit falls back to its default on its own, so one bad value loses nothing else.
 */
export function sanitize(raw: unknown): ExportChoice {
  const d = defaultChoice();
  const obj = raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  const pdf = obj.pdf && typeof obj.pdf === "object" ? (obj.pdf as Record<string, unknown>) : {};
  const contents = pdf.contents && typeof pdf.contents === "object" ? (pdf.contents as Record<string, unknown>) : {};
  const parts = { ...d.pdf.contents };
  for (const p of PARTS) if (typeof contents[p] === "boolean") parts[p] = contents[p] as boolean;
  const handout = obj.handout && typeof obj.handout === "object" ? (obj.handout as Record<string, unknown>) : {};
  return {
    format: oneOf(FORMATS, obj.format, d.format),
    pdf: {
      paper: oneOf(PAPERS, pdf.paper, d.pdf.paper),
      orientation: oneOf(ORIENTATIONS, pdf.orientation, d.pdf.orientation),
      poster: oneOf(POSTERS, pdf.poster, d.pdf.poster),
      contents: parts,
      facilitator: typeof pdf.facilitator === "string" ? pdf.facilitator.slice(0, MAX_FACILITATOR) : "",
      participants: count(pdf.participants),
    },
    handout: { of: oneOf(HANDOUT_OF, handout.of, d.handout.of), board: id(handout.board), session: id(handout.session) },
  };
}

type Store = Pick<Storage, "getItem" | "setItem">;

export function loadChoice(storage: Store | null, workshopId: string): ExportChoice {
  try {
    const text = storage?.getItem(storageKey(workshopId));
    return text ? sanitize(JSON.parse(text)) : defaultChoice();
  } catch {
    // Unreadable JSON or storage switched off (private mode): the defaults are a fine start.
    return defaultChoice();
  }
}

export function saveChoice(storage: Store | null, workshopId: string, choice: ExportChoice): void {
  try {
    storage?.setItem(storageKey(workshopId), JSON.stringify(choice));
  } catch {
    // Full or switched-off storage: the choice is simply not remembered next time.
  }
}

/** A field's words for "what is wrong" (i18n keys), before asking the server anything. */
export type Problem = { field: "contents" | "participants"; key: string };

/**
 * Why these choices cannot be exported as they are, or null. Only a PDF has options to get wrong.
 * `participants` is the number field's raw value: empty is fine (the line is left off the cover).
 */
export function problemOf(choice: ExportChoice): Problem | null {
  if (choice.format !== "pdf") return null;
  if (!PARTS.some((p) => choice.pdf.contents[p])) return { field: "contents", key: "export.problem.noParts" };
  const n = choice.pdf.participants;
  if (n !== null && count(n) === null) return { field: "participants", key: "export.problem.participants" };
  return null;
}

/**
 * The PDF options as the server takes them: the name trimmed, and a pasted tab or line break made
 * a space (the server refuses control characters, and the cover has one line for the name).
 */
export function pdfOptions(pdf: PdfOptions): PdfOptions {
  const facilitator = pdf.facilitator
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ")
    .trim()
    .slice(0, MAX_FACILITATOR);
  return { ...pdf, contents: { ...pdf.contents }, facilitator, participants: pdf.participants ?? null };
}

/** Something a handout can print: a board or a session, in the workshop's order. */
export type Printable = { id: string };

/**
 * What the handout prints: the board or session chosen while it is still in the workshop, else
 * the first there is; null when the workshop has none of that kind (no sessions yet).
 */
export function handoutOf(h: HandoutChoice, boards: readonly Printable[], sessions: readonly Printable[]): HandoutOf | null {
  const pick = (list: readonly Printable[], chosen: string | null) => (list.find((x) => x.id === chosen) ?? list[0])?.id;
  if (h.of === "board") {
    const board_id = pick(boards, h.board);
    return board_id ? { kind: "board", board_id } : null;
  }
  const session_id = pick(sessions, h.session);
  return session_id ? { kind: "session", session_id } : null;
}

/** A handout's options as the server takes them: the paper chosen; the orientation that suits it. */
export function handoutOptions(choice: ExportChoice, of: HandoutOf): HandoutOptions {
  return { of, paper: choice.pdf.paper, orientation: null };
}

/** `of`: what a handout prints (see handoutOf); only a handout needs it. */
export function startRequest(workshopId: string, choice: ExportChoice, of: HandoutOf | null = null): StartExportRequest {
  const pdf = choice.format === "pdf" ? pdfOptions(choice.pdf) : null;
  if (choice.format === "handout" && of) return { workshop_id: workshopId, format: "handout", pdf, handout: handoutOptions(choice, of) };
  return { workshop_id: workshopId, format: choice.format, pdf };
}

/**
 * The number field's text as a count: empty is null. Anything else stays a number, a bad one
 * included (NaN for what the browser could not read), so problemOf says what is wrong with it
 * rather than the field silently dropping what was typed.
 */
export function participantsFrom(text: string, badInput = false): number | null {
  if (badInput) return Number.NaN;
  const clean = text.trim();
  return clean === "" ? null : Number(clean);
}
