export type Route = { name: "list" } | { name: "board"; id: string };

/** `#/` is the list, `#/w/<id>` a workshop's board; anything else falls back to the list. */
export function parseRoute(hash: string): Route {
  const m = /^#\/w\/([^/?#]+)\/?$/.exec(hash);
  if (m) return { name: "board", id: decodeURIComponent(m[1]) };
  return { name: "list" };
}

export function routeHash(route: Route): string {
  return route.name === "board" ? `#/w/${encodeURIComponent(route.id)}` : "#/";
}
