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

export function go(route: Route): void {
  location.hash = routeHash(route);
}
