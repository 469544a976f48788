export type Place = {
  board: string | null;
  /** The URL named a board this page never had (a mistyped or old link). */
  unknown: boolean;
  /** The board this page was on was deleted (here or elsewhere): its title, for the page to say so. */
  deleted?: string;
};

/**
 * Which board a workshop page shows. The URL names it; an old link, or the persona library, names
 * none: then the board last shown here, else the first. A board the workshop does not have gives
 * the first board, and `unknown` so the page can say so; unless it was one of the boards last seen
 * here (`seen`, in their order then): it was deleted, and its neighbour takes its place.
 */
export function resolveBoard(
  ordered: readonly { id: string }[],
  named: string | undefined,
  last: string | null,
  seen: readonly { id: string; title: string }[] = [],
): Place {
  const first = ordered[0]?.id ?? null;
  const has = (id: string | null | undefined): id is string => !!id && ordered.some((b) => b.id === id);
  if (named === undefined) return { board: has(last) ? last : first, unknown: false };
  if (has(named)) return { board: named, unknown: false };
  const was = seen.find((b) => b.id === named);
  if (!was) return { board: first, unknown: true };
  // The nearest board of the old order that is still here, to the left first.
  const left = seen.slice(0, seen.indexOf(was)).reverse();
  const right = seen.slice(seen.indexOf(was) + 1);
  const next = [...left, ...right].find((b) => has(b.id))?.id ?? first;
  return { board: next, unknown: false, deleted: was.title };
}
