import { describe, expect, it } from "vitest";
import { ApiError, errorKey, toApiError } from "../src/lib/api/errors";
import { backoffDelay } from "../src/lib/backend/backoff";
import { claimClientId, type Channel, type ClaimDeps } from "../src/lib/backend/clientClaim";
import { parseRoute, routeHash } from "../src/lib/router";

describe("errors", () => {
  it("reads the HTTP error body", () => {
    const e = toApiError({ error: { code: "validation", message: "note text is empty", field: "text" } }, 422);
    expect(e).toBeInstanceOf(ApiError);
    expect([e.code, e.field, e.message]).toEqual(["validation", "text", "note text is empty"]);
  });

  it("reads the bare object Tauri rejects with", () => {
    const e = toApiError({ code: "nothing_to_undo", message: "x", field: null });
    expect([e.code, e.field]).toEqual(["nothing_to_undo", null]);
  });

  it("keeps why a workshop file was refused, and nothing that is not one", () => {
    const file = { kind: "invalid", at: "workshop.boards[0].notes[0].text", field: "text" };
    const e = toApiError({ error: { code: "validation", message: "x", field: "workshop_file", file } }, 422);
    expect(e.file).toEqual(file);
    expect(toApiError({ code: "validation", message: "x", field: null, file: "junk" }).file).toBeNull();
    expect(toApiError({ code: "validation", message: "x", field: null }).file).toBeNull();
    expect(toApiError({ code: "validation", message: "x", field: null, file: { kind: "invalid" } }).file).toBeNull();
    expect(toApiError({ code: "validation", message: "x", field: null, file: { kind: "truncated", line: 1 } }).file).toBeNull();
  });

  it("derives a code from the status when the body is not ours", () => {
    expect(toApiError("<html>", 413).code).toBe("too_large");
    expect(toApiError("oops", 502).code).toBe("internal");
    expect(toApiError(new TypeError("Failed to fetch")).code).toBe("network");
  });

  it("picks the most specific message key there is", () => {
    const has = (k: string) => ["error.validation", "error.validation.text", "error.unknown"].includes(k);
    expect(errorKey({ code: "validation", field: "text" }, has)).toBe("error.validation.text");
    expect(errorKey({ code: "validation", field: "lane_id" }, has)).toBe("error.validation");
    expect(errorKey({ code: "teapot" }, has)).toBe("error.unknown");
  });
});

/** BroadcastChannel between "tabs" of one test: a message reaches every other member. */
class Bus {
  members: Channel[] = [];
  channel(): Channel {
    const bus = this;
    const me: Channel = {
      onmessage: null,
      postMessage(m) {
        for (const other of bus.members) if (other !== me) queueMicrotask(() => other.onmessage?.({ data: m }));
      },
    };
    this.members.push(me);
    return me;
  }
}

function memory(initial?: string) {
  const data = new Map<string, string>(initial ? [["polku.client_id", initial]] : []);
  return { data, storage: { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) } };
}

function deps(bus: Bus, at: number): ClaimDeps {
  return { channel: () => bus.channel(), wait: () => new Promise((r) => setTimeout(r, 5)), now: () => at };
}

describe("client id", () => {
  it("is made once for a new tab, without waiting, and kept across a reload", async () => {
    const bus = new Bus();
    const tab = memory();
    let waited = false;
    const first = await claimClientId(tab.storage, "polku.client_id", { ...deps(bus, 1), wait: async () => void (waited = true) });
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(waited).toBe(false);
    expect(tab.data.get("polku.client_id")).toBe(first);
    // The reload: the same storage, and nobody else holds the id.
    expect(await claimClientId(tab.storage, "polku.client_id", deps(new Bus(), 2))).toBe(first);
  });

  it("gives a duplicated tab (sessionStorage copied) an id of its own; the first tab keeps its", async () => {
    const bus = new Bus();
    const a = memory();
    const id = await claimClientId(a.storage, "polku.client_id", deps(bus, 1));
    const b = memory(id);
    const copy = await claimClientId(b.storage, "polku.client_id", deps(bus, 2));
    expect(copy).not.toBe(id);
    expect(b.data.get("polku.client_id")).toBe(copy);
    expect(a.data.get("polku.client_id")).toBe(id);
  });

  it("lets exactly one of two tabs restored together keep a shared id", async () => {
    const bus = new Bus();
    const [a, b] = [memory("same-id"), memory("same-id")];
    const ids = await Promise.all([
      claimClientId(a.storage, "polku.client_id", deps(bus, 5)),
      claimClientId(b.storage, "polku.client_id", deps(bus, 5)),
    ]);
    expect(ids.filter((i) => i === "same-id")).toHaveLength(1);
  });

  it("still works without storage or a channel", async () => {
    const broken = { getItem: () => { throw new Error("denied"); }, setItem: () => { throw new Error("denied"); } };
    const none: ClaimDeps = { channel: () => null, wait: async () => {}, now: () => 0 };
    expect(await claimClientId(broken, "polku.client_id", none)).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("backoff", () => {
  it("grows and stays under the cap", () => {
    const mid = () => 0.5;
    expect(backoffDelay(0, 500, 10_000, mid)).toBe(500);
    expect(backoffDelay(3, 500, 10_000, mid)).toBe(4000);
    expect(backoffDelay(30, 500, 10_000, mid)).toBe(10_000);
    expect(backoffDelay(30, 500, 10_000, () => 1)).toBeLessThanOrEqual(12_000);
  });
});

describe("routes", () => {
  it("reads and writes the hash", () => {
    expect(parseRoute("")).toEqual({ name: "list" });
    expect(parseRoute("#/")).toEqual({ name: "list" });
    expect(parseRoute("#/w/")).toEqual({ name: "list" });
    expect(parseRoute("#/w/abc-1/other")).toEqual({ name: "list" });
    expect(parseRoute("#/w/abc-1/b/")).toEqual({ name: "list" });
    expect(parseRoute("#/w/abc-1/b/x/personas")).toEqual({ name: "list" });
    expect(parseRoute(routeHash({ name: "workshop", id: "x y", board: "b/1" }))).toEqual({ name: "workshop", id: "x y", board: "b/1", view: "board" });
  });

  it("names the board and its view", () => {
    expect(parseRoute("#/w/w1/b/b2")).toEqual({ name: "workshop", id: "w1", board: "b2", view: "board" });
    expect(parseRoute("#/w/w1/b/b2/outline")).toEqual({ name: "workshop", id: "w1", board: "b2", view: "outline" });
    expect(parseRoute("#/w/w1/b/b2/board")).toEqual({ name: "workshop", id: "w1", board: "b2", view: "board" });
    expect(routeHash({ name: "workshop", id: "w1", board: "b2", view: "board" })).toBe("#/w/w1/b/b2");
    expect(routeHash({ name: "workshop", id: "w1", board: "b2" })).toBe("#/w/w1/b/b2");
    expect(routeHash({ name: "workshop", id: "w1", board: "b2", view: "outline" })).toBe("#/w/w1/b/b2/outline");
  });

  it("keeps the persona library at the workshop, whatever board was open", () => {
    expect(parseRoute("#/w/w1/personas")).toEqual({ name: "workshop", id: "w1", view: "personas" });
    expect(routeHash({ name: "workshop", id: "w1", board: "b2", view: "personas" })).toBe("#/w/w1/personas");
  });

  it("still reads the old links, which name no board", () => {
    expect(parseRoute("#/w/abc-1")).toEqual({ name: "workshop", id: "abc-1" });
    expect(parseRoute("#/w/abc-1/")).toEqual({ name: "workshop", id: "abc-1" });
    expect(parseRoute("#/w/abc-1/board")).toEqual({ name: "workshop", id: "abc-1", view: "board" });
    expect(parseRoute("#/w/abc-1/outline")).toEqual({ name: "workshop", id: "abc-1", view: "outline" });
    expect(routeHash({ name: "workshop", id: "a" })).toBe("#/w/a");
    expect(routeHash({ name: "workshop", id: "a", view: "outline" })).toBe("#/w/a/outline");
  });
});
