export type View = "board" | "outline";
/** `view` absent: the tab's remembered view (see `board/view.ts`). */
export type Route = { name: "list" } | { name: "board"; id: string; view?: View };

/**
 * `#/` is the list, `#/w/<id>` a workshop, `#/w/<id>/outline` or `#/w/<id>/board` it in that view;
 * anything else falls back to the list.
 */
export function parseRoute(hash: string): Route {
  const m = /^#\/w\/([^/?#]+)(?:\/(board|outline))?\/?$/.exec(hash);
  if (!m) return { name: "list" };
  const id = decodeURIComponent(m[1]);
  return m[2] ? { name: "board", id, view: m[2] as View } : { name: "board", id };
}

export function routeHash(route: Route): string {
  if (route.name !== "board") return "#/";
  const base = `#/w/${encodeURIComponent(route.id)}`;
  return route.view === "outline" ? `${base}/outline` : base;
}
