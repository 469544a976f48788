import { ApiError, toApiError } from "../api/errors";

/**
 * One JSON request to Polku: the facilitator's `/api/<command>` and the phone's `/p/…` alike.
 * Resolves with the parsed answer; rejects with an ApiError ("network" when no answer came).
 */
export async function postJson<T>(url: string, body: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body ?? {}),
    });
  } catch (e) {
    throw new ApiError("network", e instanceof Error ? e.message : String(e));
  }
  const text = await response.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  if (!response.ok) throw toApiError(parsed, response.status);
  return parsed as T;
}
