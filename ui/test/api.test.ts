import { describe, expect, it } from "vitest";
import { ApiError, errorKey, toApiError } from "../src/lib/api/errors";
import { backoffDelay } from "../src/lib/backend/backoff";
import { webClientId } from "../src/lib/backend/web";
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

describe("client id", () => {
  it("is made once per tab and kept across reloads", () => {
    const data = new Map<string, string>();
    const storage = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
    const first = webClientId(storage);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(webClientId(storage)).toBe(first);
    const otherTab = new Map<string, string>();
    const other = webClientId({ getItem: (k) => otherTab.get(k) ?? null, setItem: (k, v) => void otherTab.set(k, v) });
    expect(other).not.toBe(first);
  });

  it("still works without storage", () => {
    const broken = { getItem: () => { throw new Error("denied"); }, setItem: () => {} };
    expect(webClientId(broken)).toMatch(/^[0-9a-f-]{36}$/);
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
    expect(parseRoute("#/w/abc-1")).toEqual({ name: "board", id: "abc-1" });
    expect(parseRoute("#/w/")).toEqual({ name: "list" });
    expect(parseRoute(routeHash({ name: "board", id: "x y" }))).toEqual({ name: "board", id: "x y" });
    expect(parseRoute("#/w/abc-1/outline")).toEqual({ name: "board", id: "abc-1", view: "outline" });
    expect(parseRoute("#/w/abc-1/board")).toEqual({ name: "board", id: "abc-1", view: "board" });
    expect(parseRoute("#/w/abc-1/other")).toEqual({ name: "list" });
    expect(routeHash({ name: "board", id: "a", view: "outline" })).toBe("#/w/a/outline");
    expect(parseRoute("#/w/abc-1/personas")).toEqual({ name: "board", id: "abc-1", view: "personas" });
    expect(routeHash({ name: "board", id: "a", view: "personas" })).toBe("#/w/a/personas");
    expect(routeHash({ name: "board", id: "a", view: "board" })).toBe("#/w/a");
  });
});
