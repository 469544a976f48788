/**
 * Exponential backoff with a little jitter, so a room full of tabs does not reconnect in lockstep
 * after the laptop wakes up.
 */
export function backoffDelay(attempt: number, base: number, max: number, random = Math.random): number {
  const exp = Math.min(max, base * 2 ** Math.max(0, attempt));
  return Math.round(exp * (0.8 + 0.4 * random()));
}
