import { describe, expect, it } from "vitest";
import { ApiError } from "../src/lib/api/errors";
import type { ExportStatus } from "../src/lib/api/types";
import {
  defaultChoice,
  handoutOf,
  loadChoice,
  participantsFrom,
  problemOf,
  sanitize,
  saveChoice,
  startRequest,
  storageKey,
  type ExportChoice,
} from "../src/lib/export/exportOptions";
import { ExportRun, exportErrorKey, type JobBackend, type JobProgress } from "../src/lib/export/job";
import en from "../src/lib/i18n/en.json";
import fi from "../src/lib/i18n/fi.json";
import sv from "../src/lib/i18n/sv.json";

/** A Storage stand-in: a map, or one that throws the way a switched-off storage does. */
function memory(broken = false) {
  const data = new Map<string, string>();
  return {
    data,
    getItem(k: string) {
      if (broken) throw new Error("SecurityError");
      return data.get(k) ?? null;
    },
    setItem(k: string, v: string) {
      if (broken) throw new Error("QuotaExceededError");
      data.set(k, v);
    },
  };
}

const choice = (edit: (c: ExportChoice) => void): ExportChoice => {
  const c = defaultChoice();
  edit(c);
  return c;
};

describe("export options", () => {
  it("start as A4 landscape, fit on a page, every part", () => {
    const d = defaultChoice();
    expect(d.format).toBe("pdf");
    expect(d.pdf).toEqual({
      paper: "a4",
      orientation: "landscape",
      poster: "fit",
      contents: { cover: true, boards: true, personas: true, walkthroughs: true, summary: true },
      facilitator: "",
      participants: null,
    });
    // A fresh copy each time: the dialog edits it in place.
    expect(defaultChoice()).not.toBe(d);
    expect(defaultChoice().pdf.contents).not.toBe(d.pdf.contents);
  });

  it("are remembered per workshop and read back the same", () => {
    const s = memory();
    const a3 = choice((c) => {
      c.pdf.paper = "a3";
      c.pdf.poster = "tile";
      c.pdf.contents.personas = false;
      c.pdf.facilitator = "Aino Ärväs";
      c.pdf.participants = 12;
    });
    saveChoice(s, "w1", a3);
    saveChoice(s, "w2", choice((c) => (c.format = "csv")));
    expect([...s.data.keys()].sort()).toEqual([storageKey("w1"), storageKey("w2")]);
    expect(storageKey("w1")).toBe("polku.export.w1");
    expect(loadChoice(s, "w1")).toEqual(a3);
    expect(loadChoice(s, "w2").format).toBe("csv");
    expect(loadChoice(s, "w3")).toEqual(defaultChoice());
  });

  it("tolerate junk in storage, keeping whatever still fits", () => {
    const s = memory();
    for (const junk of ["{not json", "null", "42", '"pdf"', "[1,2]", "{}", '{"pdf": "a3"}']) {
      s.setItem(storageKey("w"), junk);
      expect(loadChoice(s, "w"), junk).toEqual(defaultChoice());
    }
    s.setItem(
      storageKey("w"),
      JSON.stringify({
        format: "docx",
        pdf: {
          paper: "a3",
          orientation: "sideways",
          poster: 7,
          contents: { cover: false, boards: "yes", personas: null, extra: true },
          facilitator: "x".repeat(500),
          participants: -3,
        },
      }),
    );
    const got = loadChoice(s, "w");
    expect(got.format).toBe("pdf");
    expect(got.pdf.paper).toBe("a3");
    expect(got.pdf.orientation).toBe("landscape");
    expect(got.pdf.poster).toBe("fit");
    expect(got.pdf.contents).toEqual({ cover: false, boards: true, personas: true, walkthroughs: true, summary: true });
    expect(got.pdf.facilitator).toHaveLength(120);
    expect(got.pdf.participants).toBeNull();
    for (const n of [2.5, 10_001, "12", Number.NaN]) expect(sanitize({ pdf: { participants: n } }).pdf.participants).toBeNull();
    expect(sanitize({ pdf: { participants: 0 } }).pdf.participants).toBe(0);
    expect(sanitize({ pdf: { participants: 10_000 } }).pdf.participants).toBe(10_000);
  });

  it("work without storage: off, throwing or absent", () => {
    expect(loadChoice(null, "w")).toEqual(defaultChoice());
    expect(loadChoice(memory(true), "w")).toEqual(defaultChoice());
    expect(() => saveChoice(memory(true), "w", defaultChoice())).not.toThrow();
    expect(() => saveChoice(null, "w", defaultChoice())).not.toThrow();
  });

  it("say what is wrong before anything is sent", () => {
    expect(problemOf(defaultChoice())).toBeNull();
    const none = choice((c) => {
      for (const k of Object.keys(c.pdf.contents) as (keyof typeof c.pdf.contents)[]) c.pdf.contents[k] = false;
    });
    expect(problemOf(none)).toEqual({ field: "contents", key: "export.problem.noParts" });
    // Only a PDF has parts: a table of the same workshop is fine.
    expect(problemOf({ ...none, format: "csv" })).toBeNull();
    for (const n of [-1, 2.5, 10_001, Number.NaN]) {
      expect(problemOf(choice((c) => (c.pdf.participants = n)))?.field, String(n)).toBe("participants");
    }
    expect(problemOf(choice((c) => (c.pdf.participants = 0)))).toBeNull();
  });

  it("read the participants field as typed", () => {
    expect(participantsFrom("")).toBeNull();
    expect(participantsFrom("  ")).toBeNull();
    expect(participantsFrom("14")).toBe(14);
    expect(participantsFrom("2.5")).toBe(2.5);
    // The browser could not read it (e.g. "1e"): kept as a bad number, so the dialog says so.
    expect(participantsFrom("", true)).toBeNaN();
  });

  it("become the request the server takes", () => {
    expect(startRequest("w", choice((c) => (c.format = "csv")))).toEqual({ workshop_id: "w", format: "csv", pdf: null });
    const req = startRequest(
      "w",
      choice((c) => (c.pdf.facilitator = "  Aino\tÄrväs\n")),
    );
    expect(req.format).toBe("pdf");
    expect(req.pdf?.facilitator).toBe("Aino Ärväs");
    expect(req.pdf?.participants).toBeNull();
  });
});

describe("a blank handout", () => {
  const boards = [{ id: "b1" }, { id: "b2" }];
  const sessions = [{ id: "s1" }, { id: "s2" }];

  it("prints the board or session chosen, the first while none is, and nothing that is gone", () => {
    const h = defaultChoice().handout;
    expect(h).toEqual({ of: "board", board: null, session: null });
    expect(handoutOf(h, boards, sessions)).toEqual({ kind: "board", board_id: "b1" });
    expect(handoutOf({ ...h, board: "b2" }, boards, sessions)).toEqual({ kind: "board", board_id: "b2" });
    // A board deleted since it was chosen: the first one, rather than a handout that fails.
    expect(handoutOf({ ...h, board: "gone" }, boards, sessions)).toEqual({ kind: "board", board_id: "b1" });
    expect(handoutOf({ of: "session", board: "b2", session: "s2" }, boards, sessions)).toEqual({ kind: "session", session_id: "s2" });
    expect(handoutOf({ of: "session", board: null, session: null }, boards, [])).toBeNull();
  });

  it("is remembered, and junk in storage falls back field by field", () => {
    const s = memory();
    const chosen = choice((c) => {
      c.format = "handout";
      c.handout = { of: "session", board: "b2", session: "s1" };
    });
    saveChoice(s, "w", chosen);
    expect(loadChoice(s, "w")).toEqual(chosen);
    const got = sanitize({ format: "handout", handout: { of: "poster", board: 7, session: "x".repeat(500) } });
    expect(got.format).toBe("handout");
    expect(got.handout).toEqual({ of: "board", board: null, session: null });
  });

  it("becomes a handout request on the paper chosen, without PDF report options", () => {
    const c = choice((c) => {
      c.format = "handout";
      c.pdf.paper = "a3";
    });
    expect(startRequest("w", c, { kind: "session", session_id: "s1" })).toEqual({
      workshop_id: "w",
      format: "handout",
      pdf: null,
      handout: { of: { kind: "session", session_id: "s1" }, paper: "a3", orientation: null },
    });
    expect(problemOf(c)).toBeNull();
  });
});

type Call = { command: string; args: unknown };

/**
 * A backend that answers export_status from a script, one entry per poll (the last one repeats),
 * and records every call. `start` may be held back to cancel while it is on its way.
 */
function fakeBackend(statuses: (ExportStatus | Error)[], opts: { start?: Promise<void>; save?: "saved" | "cancelled" | Error } = {}) {
  const calls: Call[] = [];
  const saved: string[][] = [];
  let poll = 0;
  const api = {
    async call(command: string, args: unknown) {
      calls.push({ command, args });
      switch (command) {
        case "start_export":
          await opts.start;
          return { job_id: "job-1", file_name: "Työpaja-2026-11-22.pdf" };
        case "export_status": {
          const s = statuses[Math.min(poll++, statuses.length - 1)];
          if (s instanceof Error) throw s;
          return s;
        }
        case "cancel_export":
          return null;
        default:
          throw new Error(`unexpected ${command}`);
      }
    },
    async saveExport(jobId: string, fileName: string, title?: string) {
      saved.push(title === undefined ? [jobId, fileName] : [jobId, fileName, title]);
      if (opts.save instanceof Error) throw opts.save;
      return opts.save ?? "saved";
    },
  };
  return { api: api as unknown as JobBackend, calls, saved, commands: () => calls.map((c) => c.command) };
}

const REQUEST = { workshop_id: "w", format: "pdf" as const, pdf: null };
const instant = () => Promise.resolve();
const running = (done: number, total: number): ExportStatus => ({ state: "running", done, total });
const READY: ExportStatus = { state: "ready", file_name: "Työpaja-2026-11-22.pdf", bytes: 1234 };

describe("an export run", () => {
  it("polls until the file is ready, reports progress, then saves it", async () => {
    const b = fakeBackend([running(0, 1), running(2, 6), running(5, 6), READY]);
    const seen: JobProgress[] = [];
    const outcome = await new ExportRun(b.api, { sleep: instant, onprogress: (p) => seen.push(p), saveTitle: "Tallenna vienti" }).run(REQUEST);
    expect(outcome).toEqual({ kind: "saved", fileName: "Työpaja-2026-11-22.pdf" });
    expect(seen).toEqual([
      { phase: "starting" },
      { phase: "running", done: 0, total: 1 },
      { phase: "running", done: 2, total: 6 },
      { phase: "running", done: 5, total: 6 },
      { phase: "saving", fileName: "Työpaja-2026-11-22.pdf" },
    ]);
    // The desktop's save dialog gets its title in the user's language.
    expect(b.saved).toEqual([["job-1", "Työpaja-2026-11-22.pdf", "Tallenna vienti"]]);
    expect(b.commands()).toEqual(["start_export", "export_status", "export_status", "export_status", "export_status"]);
    expect(b.calls[1].args).toEqual({ job_id: "job-1" });
  });

  it("saves at once when the first poll finds the file ready (a table is quick)", async () => {
    const b = fakeBackend([READY]);
    expect((await new ExportRun(b.api, { sleep: instant }).run(REQUEST)).kind).toBe("saved");
    expect(b.commands()).toEqual(["start_export", "export_status"]);
  });

  it("ends failed with the server's code and field", async () => {
    const b = fakeBackend([
      running(1, 3),
      { state: "failed", error: { code: "validation", field: "contents", message: "nothing to print" } },
    ]);
    const outcome = await new ExportRun(b.api, { sleep: instant }).run(REQUEST);
    expect(outcome.kind).toBe("failed");
    if (outcome.kind !== "failed") return;
    expect(outcome.error).toBeInstanceOf(ApiError);
    expect([outcome.error.code, outcome.error.field]).toEqual(["validation", "contents"]);
    expect(b.saved).toEqual([]);
  });

  it("ends failed when the start or a poll is refused, or the save breaks", async () => {
    const refused = {
      api: {
        call: async () => {
          throw new ApiError("not_found", "no workshop");
        },
        saveExport: async () => "saved" as const,
      } as unknown as JobBackend,
    };
    const a = await new ExportRun(refused.api, { sleep: instant }).run(REQUEST);
    expect(a.kind === "failed" && a.error.code).toBe("not_found");

    const b = fakeBackend([running(0, 1), new ApiError("network", "offline")]);
    const out = await new ExportRun(b.api, { sleep: instant }).run(REQUEST);
    expect(out.kind === "failed" && out.error.code).toBe("network");

    const c = fakeBackend([READY], { save: new ApiError("internal", "disk full") });
    const saved = await new ExportRun(c.api, { sleep: instant }).run(REQUEST);
    expect(saved.kind === "failed" && saved.error.code).toBe("internal");
  });

  it("ends cancelled when the server says so, or the save dialog was closed", async () => {
    expect((await new ExportRun(fakeBackend([running(1, 2), { state: "cancelled" }]).api, { sleep: instant }).run(REQUEST)).kind).toBe(
      "cancelled",
    );
    const b = fakeBackend([READY], { save: "cancelled" });
    expect((await new ExportRun(b.api, { sleep: instant }).run(REQUEST)).kind).toBe("cancelled");
    expect(b.saved).toHaveLength(1);
  });

  it("cancels while running: tells the server, wakes from the wait, saves nothing", async () => {
    const b = fakeBackend([running(1, 6), READY]);
    // A wait that never ends by itself: only the cancel can end the run.
    const seen: JobProgress[] = [];
    const run = new ExportRun(b.api, { sleep: () => new Promise(() => {}), onprogress: (p) => seen.push(p) });
    const outcome = run.run(REQUEST);
    await new Promise((r) => setTimeout(r, 0));
    expect(b.commands()).toEqual(["start_export", "export_status"]);
    expect(seen.at(-1)).toEqual({ phase: "running", done: 1, total: 6 });
    run.cancel();
    run.cancel(); // twice is once
    expect(await outcome).toEqual({ kind: "cancelled" });
    expect(b.commands()).toEqual(["start_export", "export_status", "cancel_export"]);
    expect(b.calls[2].args).toEqual({ job_id: "job-1" });
    expect(b.saved).toEqual([]);
    expect(run.cancelRequested).toBe(true);
  });

  it("a cancel wins over a file that got ready meanwhile", async () => {
    let answer: (s: ExportStatus) => void = () => {};
    let saves = 0;
    const api = {
      async call(command: string) {
        if (command === "start_export") return { job_id: "job-2", file_name: "x.pdf" };
        if (command === "export_status") return new Promise<ExportStatus>((r) => (answer = r));
        return null;
      },
      async saveExport() {
        saves++;
        return "saved";
      },
    } as unknown as JobBackend;
    const run = new ExportRun(api, { sleep: instant });
    const outcome = run.run(REQUEST);
    await new Promise((r) => setTimeout(r, 0));
    run.cancel();
    answer(READY);
    expect(await outcome).toEqual({ kind: "cancelled" });
    expect(saves).toBe(0);
  });

  it("cancelled while the start is on its way: the job it made is cancelled and never polled", async () => {
    let go: () => void = () => {};
    const b = fakeBackend([READY], { start: new Promise<void>((r) => (go = r)) });
    const run = new ExportRun(b.api, { sleep: instant });
    const outcome = run.run(REQUEST);
    run.cancel();
    expect(b.commands()).toEqual(["start_export"]);
    go();
    expect(await outcome).toEqual({ kind: "cancelled" });
    expect(b.commands()).toEqual(["start_export", "cancel_export"]);
    expect(b.saved).toEqual([]);
  });

  it("a failed cancel request does not break the run", async () => {
    const b = fakeBackend([running(0, 1)]);
    const inner = b.api.call.bind(b.api);
    (b.api as { call: unknown }).call = (command: string, args: unknown) =>
      command === "cancel_export" ? Promise.reject(new ApiError("not_found", "gone")) : inner(command as never, args as never);
    const run = new ExportRun(b.api, { sleep: () => new Promise(() => {}) });
    const outcome = run.run(REQUEST);
    await new Promise((r) => setTimeout(r, 0));
    run.cancel();
    expect(await outcome).toEqual({ kind: "cancelled" });
  });
});

describe("export messages", () => {
  const dicts: Record<string, Record<string, string>> = { en, fi, sv };
  const has = (k: string) => k in en;

  it("choose words by code and field, the export's own for an internal error", () => {
    expect(exportErrorKey({ code: "internal" }, has)).toBe("export.failed");
    expect(exportErrorKey({ code: "validation", field: "contents" }, has)).toBe("error.validation.contents");
    expect(exportErrorKey({ code: "validation", field: "facilitator" }, has)).toBe("error.validation.facilitator");
    expect(exportErrorKey({ code: "validation", field: "participants" }, has)).toBe("error.validation.participants");
    expect(exportErrorKey({ code: "not_found", field: null }, has)).toBe("error.not_found");
    expect(exportErrorKey({ code: "network" }, has)).toBe("error.network");
    // The desktop's save dialog pointed somewhere that cannot be written (src-tauri/src/save.rs).
    expect(exportErrorKey({ code: "forbidden", field: "path" }, has)).toBe("error.forbidden.path");
  });

  it("exist in every language, built keys included", () => {
    const keys = [
      "export.failed",
      "export.cancelled",
      "error.forbidden.path",
      "export.problem.noParts",
      "export.problem.participants",
      "export.pages.one",
      "export.pages.other",
      ...["pdf", "csv", "xlsx", "polku"].flatMap((f) => [`export.format.${f}`, `export.format.${f}.hint`]),
      ...["cover", "boards", "personas", "walkthroughs", "summary"].map((p) => `export.part.${p}`),
      ...["a4", "a3"].map((p) => `export.paper.${p}`),
      ...["landscape", "portrait"].map((o) => `export.orientation.${o}`),
      ...["fit", "tile"].map((p) => `export.poster.${p}`),
    ];
    for (const [lang, dict] of Object.entries(dicts)) {
      expect(keys.filter((k) => !dict[k]), lang).toEqual([]);
    }
  });
});
