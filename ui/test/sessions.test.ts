import { describe, expect, it } from "vitest";
import type { Change, Session, SessionFields } from "../src/lib/api/types";
import { parseRoute, routeHash } from "../src/lib/router";
import { copyForm, followRemote, partError, partPatch, toForm, unsavedParts, type SessionForm } from "../src/lib/sessions/sessionForm";
import {
  agendaMinutes,
  attendanceTotal,
  blankSession,
  formatStartsAt,
  nextTitle,
  programme,
  sessionsFrom,
  todaysSession,
} from "../src/lib/sessions/sessions";
import { applyAll, type Held } from "../src/lib/workshop/appliers";

const session = (id: string, position: number, version = 1, fields: Partial<SessionFields> = {}): Session => ({
  id,
  position,
  run: null,
  version,
  fields: { ...blankSession(id.toUpperCase()), ...fields },
});
const held = (list: Session[] = []): Held => ({ boards: [], notes: {}, people: { personas: {}, walkthroughs: {}, steps: {} }, sessions: sessionsFrom(list), votes: {}, goneBoards: {} });
const change = (id: string, before: Session | null, after: Session | null): Change => ({ entity: "session", id, before, after });

describe("applying session changes", () => {
  it("creates, replaces whole and deletes", () => {
    const h = held();
    expect(applyAll(h, [change("a", null, session("a", 0))]).sessions).toBe(true);
    applyAll(h, [change("a", session("a", 0), session("a", 0, 2, { title: "Aloitus", place: "Kirjasto" }))]);
    expect(h.sessions.a.fields.title).toBe("Aloitus");
    expect(h.sessions.a.fields.place).toBe("Kirjasto");
    applyAll(h, [change("a", session("a", 0, 2), null)]);
    expect(h.sessions).toEqual({});
  });

  it("never lets a late older copy replace a newer one", () => {
    const h = held([session("a", 0, 3, { title: "Uusin" })]);
    const touched = applyAll(h, [change("a", null, session("a", 0, 2, { title: "Vanha" }))]);
    expect(touched.sessions).toBe(false);
    expect(h.sessions.a.fields.title).toBe("Uusin");
  });

  it("lists them in programme order, whatever order they arrive in", () => {
    const h = held([session("c", 2), session("a", 0)]);
    applyAll(h, [change("b", null, session("b", 1))]);
    expect(programme(h.sessions).map((s) => s.id)).toEqual(["a", "b", "c"]);
  });
});

describe("the sessions route", () => {
  it("reads and writes the sessions view and an open session", () => {
    expect(parseRoute("#/w/w1/sessions")).toEqual({ name: "workshop", id: "w1", view: "sessions" });
    expect(parseRoute("#/w/w1/sessions/")).toEqual({ name: "workshop", id: "w1", view: "sessions" });
    expect(parseRoute("#/w/w1/sessions/s%201")).toEqual({ name: "workshop", id: "w1", view: "sessions", session: "s 1" });
    expect(routeHash({ name: "workshop", id: "w1", view: "sessions", board: "b2" })).toBe("#/w/w1/sessions");
    expect(routeHash({ name: "workshop", id: "w1", view: "sessions", session: "s 1" })).toBe("#/w/w1/sessions/s%201");
  });

  it("leaves the older links as they were", () => {
    expect(parseRoute("#/w/w1")).toEqual({ name: "workshop", id: "w1" });
    expect(parseRoute("#/w/w1/personas")).toEqual({ name: "workshop", id: "w1", view: "personas" });
    expect(parseRoute("#/w/w1/b/b2/outline")).toEqual({ name: "workshop", id: "w1", board: "b2", view: "outline" });
    expect(parseRoute("#/w/w1/b/b2/sessions")).toEqual({ name: "list" });
    expect(parseRoute("#/w/w1/personas/x")).toEqual({ name: "list" });
  });
});

describe("a session's date and time", () => {
  it("is written the way each language writes it", () => {
    expect(formatStartsAt("2025-03-18T13:00", "fi")).toBe("ti 18.3.2025 klo 13.00");
    expect(formatStartsAt("2025-03-18", "fi")).toBe("ti 18.3.2025");
    expect(formatStartsAt("2025-03-18T13:00", "sv")).toBe("tis, 2025-03-18 13:00");
    expect(formatStartsAt("2025-03-18T13:00", "en")).toMatch(/^Tue, 3\/18\/2025 1:00\sPM$/);
    expect(formatStartsAt(null, "fi")).toBeNull();
  });

  it("keeps the wall-clock day and hour, never shifted through UTC", () => {
    const zone = process.env.TZ;
    try {
      // Far west and far east of Greenwich, midnight and the day's last minute are where a UTC
      // round trip would show the day before or after.
      for (const tz of ["America/Los_Angeles", "Pacific/Kiritimati", "Europe/Helsinki"]) {
        process.env.TZ = tz;
        expect(formatStartsAt("2025-01-01", "fi")).toBe("ke 1.1.2025");
        expect(formatStartsAt("2025-12-31T23:59", "fi")).toBe("ke 31.12.2025 klo 23.59");
        expect(formatStartsAt("2025-06-01T00:00", "fi")).toBe("su 1.6.2025 klo 0.00");
      }
    } finally {
      process.env.TZ = zone;
    }
  });

  it("finds today's session by the local date", () => {
    const list = [session("a", 0, 1, { starts_at: "2025-03-11T13:00" }), session("b", 1, 1, { starts_at: "2025-03-18" }), session("c", 2)];
    expect(todaysSession(list, new Date(2025, 2, 18, 23, 59))?.id).toBe("b");
    expect(todaysSession(list, new Date(2025, 2, 11, 0, 1))?.id).toBe("a");
    expect(todaysSession(list, new Date(2025, 2, 19, 0, 0))).toBeNull();
  });
});

describe("the session editor's logic", () => {
  const fields = (): SessionFields => ({
    ...blankSession("Aloitus"),
    starts_at: "2025-03-18T13:00",
    agenda: [
      { id: "i1", title: "Tutustuminen", minutes: 30, instructions: "", board_id: null },
      { id: "i2", title: "Polku", minutes: 45, instructions: "Kulkekaa polku", board_id: "b1" },
    ],
  });

  it("totals the agenda's minutes and the people counted", () => {
    expect(agendaMinutes(fields().agenda)).toBe(75);
    expect(attendanceTotal({ clients: 4, experts_by_experience: 2, workers: null, facilitators: 1 })).toBe(7);
    expect(attendanceTotal({ clients: null, experts_by_experience: null, workers: null, facilitators: null })).toBeNull();
  });

  it("sends one part at a time, and only when it changed", () => {
    const saved = toForm(fields());
    const form = copyForm(saved);
    expect(partPatch(form, saved, "title")).toBeNull();
    form.title = "  Aloitustapaaminen ";
    form.time = "";
    form.attendance.clients = "5";
    expect(partPatch(form, saved, "title")).toEqual({ title: "Aloitustapaaminen" });
    expect(partPatch(form, saved, "starts_at")).toEqual({ starts_at: "2025-03-18" });
    expect(partPatch(form, saved, "attendance")).toEqual({ attendance: { clients: 5, experts_by_experience: null, workers: null, facilitators: null } });
    form.date = "";
    expect(partPatch(form, saved, "starts_at")).toEqual({ starts_at: null });
  });

  it("writes the agenda whole, minutes as numbers", () => {
    const saved = toForm(fields());
    const form = copyForm(saved);
    form.agenda.reverse();
    form.agenda[0].minutes = "";
    expect(partPatch(form, saved, "agenda")).toEqual({
      agenda: [
        { id: "i2", title: "Polku", minutes: null, instructions: "Kulkekaa polku", board_id: "b1" },
        { id: "i1", title: "Tutustuminen", minutes: 30, instructions: "", board_id: null },
      ],
    });
  });

  it("explains what the core would refuse, before sending it", () => {
    const form = toForm(fields());
    form.title = "x".repeat(201);
    expect(partError(form, "title")).toEqual({ key: "tooLong", params: { count: 201, max: 200 } });
    form.title = " ";
    expect(partError(form, "title")?.key).toBe("empty");
    form.place = "rivi\ntoinen";
    expect(partError(form, "place")?.key).toBe("oneLine");
    form.date = "";
    form.time = "10:00";
    expect(partError(form, "starts_at")?.key).toBe("timeWithoutDate");
    form.agenda[0].minutes = "601";
    expect(partError(form, "agenda")?.key).toBe("agendaItem");
    form.attendance.workers = "2.5";
    expect(partError(form, "attendance")?.key).toBe("wholeNumber");
  });

  it("takes another tab's edit into the parts not being typed in", () => {
    const saved = toForm(fields());
    const form: SessionForm = copyForm(saved);
    form.goal = "kesken";
    const incoming = toForm({ ...fields(), goal: "heidän tavoitteensa", place: "Kirjasto" });
    const next = followRemote(form, saved, incoming);
    expect(next.form.place).toBe("Kirjasto");
    expect(next.form.goal).toBe("kesken");
    expect(unsavedParts(next.form, next.saved)).toEqual(["goal"]);
  });

  it("numbers a new session after the others", () => {
    const label = (n: number) => `Tapaaminen ${n}`;
    expect(nextTitle([], label)).toBe("Tapaaminen 1");
    expect(nextTitle([session("a", 0), session("b", 1, 1, { title: "Tapaaminen 3" })], label)).toBe("Tapaaminen 4");
  });
});
