export type View = "board" | "outline" | "personas";
export const VIEWS: readonly View[] = ["board", "outline", "personas"];
/**
 * `board` absent: not named in the URL (an old link, or the persona library, which belongs to the
 * whole workshop); the page shows the first board then. `view` absent: the tab's remembered view
 * (see `board/view.ts`).
 */
export type Route = { name: "list" } | { name: "workshop"; id: string; board?: string; view?: View };

const WORKSHOP = /^#\/w\/([^/?#]+)(?:\/b\/([^/?#]+)(?:\/(board|outline))?|\/(board|outline|personas))?\/?$/;

/**
 * `#/` is the list; `#/w/<id>/b/<board>` a board of a workshop and `…/b/<board>/outline` its
 * outline; `#/w/<id>/personas` the workshop's persona library. The older `#/w/<id>`,
 * `#/w/<id>/board` and `#/w/<id>/outline` name no board. Anything else falls back to the list.
 */
export function parseRoute(hash: string): Route {
  const m = WORKSHOP.exec(hash);
  if (!m) return { name: "list" };
  const route: Route = { name: "workshop", id: decodeURIComponent(m[1]) };
  if (m[2]) {
    route.board = decodeURIComponent(m[2]);
    route.view = (m[3] as View | undefined) ?? "board";
  } else if (m[4]) {
    route.view = m[4] as View;
  }
  return route;
}

/** The persona library names no board: it is the workshop's, whichever board was open. */
export function routeHash(route: Route): string {
  if (route.name !== "workshop") return "#/";
  const base = `#/w/${encodeURIComponent(route.id)}`;
  if (route.view === "personas") return `${base}/personas`;
  if (route.board === undefined) return route.view ? `${base}/${route.view}` : base;
  const board = `${base}/b/${encodeURIComponent(route.board)}`;
  return route.view === "outline" ? `${board}/outline` : board;
}
