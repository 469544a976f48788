import { parseRoute, routeHash, type Route } from "./router";

let current = $state<Route>(parseRoute(location.hash));
addEventListener("hashchange", () => {
  current = parseRoute(location.hash);
});

export const router = {
  get route(): Route {
    return current;
  },
};

/** Another place (another workshop, another board): a new history entry, so Back returns. */
export function go(route: Route): void {
  location.hash = routeHash(route);
}

/**
 * The same place said another way (a view switch, an old link written out in full): no new
 * history entry, so Back leaves the place instead of stepping through its spellings.
 */
export function replace(route: Route): void {
  const hash = routeHash(route);
  if (location.hash !== hash) history.replaceState(history.state, "", hash);
  current = route;
}
