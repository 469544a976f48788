/**
 * Which board a workshop page shows. The URL names it; an old link, or the persona library, names
 * none: then the board last shown here, else the first. A board the workshop does not have (deleted,
 * mistyped) gives the first board, and `unknown` so the page can say so.
 */
export function resolveBoard(
  ordered: readonly { id: string }[],
  named: string | undefined,
  last: string | null,
): { board: string | null; unknown: boolean } {
  const first = ordered[0]?.id ?? null;
  const has = (id: string | null | undefined): id is string => !!id && ordered.some((b) => b.id === id);
  if (named !== undefined) return has(named) ? { board: named, unknown: false } : { board: first, unknown: true };
  return { board: has(last) ? last : first, unknown: false };
}
