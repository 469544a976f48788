export type View = "board" | "outline" | "personas" | "sessions";
export const VIEWS: readonly View[] = ["board", "outline", "personas", "sessions"];
/** The views that belong to the whole workshop, not to a board: their URLs name none. */
export const WORKSHOP_VIEWS: readonly View[] = ["personas", "sessions"];
export const isWorkshopView = (v: View | undefined): boolean => !!v && WORKSHOP_VIEWS.includes(v);
/**
 * `board` absent: not named in the URL (an old link, or a workshop-level view: the persona library,
 * the sessions); the page shows the first board then. `view` absent: the tab's remembered view
 * (see `board/view.ts`). `session`: the session open in the sessions view's editor.
 */
export type Route = { name: "list" } | { name: "facilitators" } | { name: "about" } | { name: "accessibility" } | { name: "licences" } | { name: "workshop"; id: string; board?: string; view?: View; session?: string };

const WORKSHOP =
  /^#\/w\/([^/?#]+)(?:\/b\/([^/?#]+)(?:\/(board|outline))?|\/(board|outline|personas)|\/(sessions)(?:\/([^/?#]+))?)?\/?$/;

/**
 * `#/` is the list; `#/w/<id>/b/<board>` a board of a workshop and `…/b/<board>/outline` its
 * outline; `#/w/<id>/personas` the workshop's persona library, `#/w/<id>/sessions` its sessions and
 * `#/w/<id>/sessions/<session>` one of them open. The older `#/w/<id>`, `#/w/<id>/board` and
 * `#/w/<id>/outline` name no board. Anything else falls back to the list.
 */
export function parseRoute(hash: string): Route {
  // A team server's facilitators, for its admins.
  if (hash === "#/facilitators") return { name: "facilitators" };
  if (hash === "#/about") return { name: "about" };
  if (hash === "#/about/accessibility") return { name: "accessibility" };
  if (hash === "#/about/licences") return { name: "licences" };
  const m = WORKSHOP.exec(hash);
  if (!m) return { name: "list" };
  const route: Extract<Route, { name: "workshop" }> = { name: "workshop", id: decodeURIComponent(m[1]) };
  if (m[2]) {
    route.board = decodeURIComponent(m[2]);
    route.view = (m[3] as View | undefined) ?? "board";
  } else if (m[4]) {
    route.view = m[4] as View;
  } else if (m[5]) {
    route.view = "sessions";
    if (m[6]) route.session = decodeURIComponent(m[6]);
  }
  return route;
}

/** The workshop-level views name no board: they are the workshop's, whichever board was open. */
export function routeHash(route: Route): string {
  if (route.name === "facilitators") return "#/facilitators";
  if (route.name === "about") return "#/about";
  if (route.name === "accessibility") return "#/about/accessibility";
  if (route.name === "licences") return "#/about/licences";
  if (route.name !== "workshop") return "#/";
  const base = `#/w/${encodeURIComponent(route.id)}`;
  if (route.view === "personas") return `${base}/personas`;
  if (route.view === "sessions") return route.session ? `${base}/sessions/${encodeURIComponent(route.session)}` : `${base}/sessions`;
  if (route.board === undefined) return route.view ? `${base}/${route.view}` : base;
  const board = `${base}/b/${encodeURIComponent(route.board)}`;
  return route.view === "outline" ? `${board}/outline` : board;
}
