import type { ExportFormat, PdfContents, PdfOptions, StartExportRequest } from "../api/types";

/** What the export dialog asks: the format, and for a PDF its options. */
export type ExportChoice = { format: ExportFormat; pdf: PdfOptions };

export const FORMATS: readonly ExportFormat[] = ["pdf", "csv", "xlsx", "polku"];
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
  };
}

/** Per workshop: one workshop is printed on A3 for the wall, another sent as a table. */
export function storageKey(workshopId: string): string {
  return `polku.export.${workshopId}`;
}

function oneOf<T extends string>(allowed: readonly T[], value: unknown, fallback: T): T {
  return typeof value === "string" && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
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

export function startRequest(workshopId: string, choice: ExportChoice): StartExportRequest {
  return { workshop_id: workshopId, format: choice.format, pdf: choice.format === "pdf" ? pdfOptions(choice.pdf) : null };
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
