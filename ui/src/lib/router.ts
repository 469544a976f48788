export type View = "board" | "outline" | "personas";
export const VIEWS: readonly View[] = ["board", "outline", "personas"];
/** `view` absent: the tab's remembered view (see `board/view.ts`). */
export type Route = { name: "list" } | { name: "board"; id: string; view?: View };

/**
 * `#/` is the list, `#/w/<id>` a workshop, `#/w/<id>/board`, `/outline` or `/personas` it in that view;
 * anything else falls back to the list.
 */
export function parseRoute(hash: string): Route {
  const m = /^#\/w\/([^/?#]+)(?:\/(board|outline|personas))?\/?$/.exec(hash);
  if (!m) return { name: "list" };
  const id = decodeURIComponent(m[1]);
  return m[2] ? { name: "board", id, view: m[2] as View } : { name: "board", id };
}

export function routeHash(route: Route): string {
  if (route.name !== "board") return "#/";
  const base = `#/w/${encodeURIComponent(route.id)}`;
  return route.view === "outline" || route.view === "personas" ? `${base}/${route.view}` : base;
}
