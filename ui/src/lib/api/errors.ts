import type { ErrorCode as ServerCode } from "./generated/ErrorCode";
import type { FileProblem } from "./generated/FileProblem";

/** The server's codes, plus "network": the request never got an answer. */
export type ErrorCode = ServerCode | "network";

export class ApiError extends Error {
  readonly code: string;
  readonly field: string | null;
  /** Why a workshop file was refused, for the page to say in the user's words. */
  readonly file: FileProblem | null;

  constructor(code: string, message: string, field: string | null = null, file: FileProblem | null = null) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.field = field;
    this.file = file;
  }
}

const STATUS_CODES: Record<number, ErrorCode> = {
  400: "bad_request",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  413: "too_large",
  422: "validation",
};

/** Turns whatever a transport rejected with into an ApiError, never throwing itself. */
export function toApiError(raw: unknown, status?: number): ApiError {
  if (raw instanceof ApiError) return raw;
  const obj = raw as { error?: unknown } | null;
  const inner = (obj && typeof obj === "object" && "error" in obj ? obj.error : raw) as
    | { code?: unknown; message?: unknown; field?: unknown; file?: unknown }
    | null
    | undefined;
  if (inner && typeof inner === "object" && typeof inner.code === "string") {
    return new ApiError(
      inner.code,
      typeof inner.message === "string" ? inner.message : inner.code,
      typeof inner.field === "string" ? inner.field : null,
      fileProblem(inner.file),
    );
  }
  const code = status === undefined ? "network" : (STATUS_CODES[status] ?? "internal");
  return new ApiError(code, raw instanceof Error ? raw.message : String(raw ?? code));
}

/** The server's account of a refused file; one missing what its kind needs is left out. */
function fileProblem(raw: unknown): FileProblem | null {
  if (!raw || typeof raw !== "object") return null;
  const p = raw as Record<string, unknown>;
  if (typeof p.kind !== "string") return null;
  if (p.kind === "invalid" && typeof p.at !== "string") return null;
  const placed = p.kind === "truncated" || p.kind === "malformed";
  if (placed && (typeof p.line !== "number" || typeof p.column !== "number")) return null;
  return raw as FileProblem;
}

/**
 * The i18n key for an error: the most specific of `error.<code>.<field>`, `error.<code>` and
 * `error.unknown` that the dictionary has.
 */
export function errorKey(err: { code: string; field?: string | null }, has: (key: string) => boolean): string {
  if (err.field) {
    const specific = `error.${err.code}.${err.field}`;
    if (has(specific)) return specific;
  }
  const general = `error.${err.code}`;
  return has(general) ? general : "error.unknown";
}
