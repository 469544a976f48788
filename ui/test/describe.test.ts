import { describe, expect, it } from "vitest";
import type { BoardInfo, Change } from "../src/lib/api/types";
import en from "../src/lib/i18n/en.json";
import fi from "../src/lib/i18n/fi.json";
import { pluralKey, translate } from "../src/lib/i18n/lookup";
import type { Message } from "../src/lib/ui/toast.svelte";
import { describeStep, quoted, shownAnswer, shownNote } from "../src/lib/workshop/describe";
import { note, touchpoint } from "./fixtures";

/** The toast's text, as Toasts.svelte puts it together. */
function said(dict: Record<string, string>, lang: string, which: "undo" | "redo", m: Message): string {
  const key = m.count === undefined ? m.key : pluralKey(dict, m.key, m.count, lang);
  const what = translate(dict, key, { ...m.params, ...(m.count === undefined ? {} : { count: m.count }) });
  return translate(dict, `${which}.done`, { what });
}
const inEn = (changes: Change[], which: "undo" | "redo" = "undo") => said(en, "en", which, describeStep(changes, which));

const made = note("n1", 1, { text: "Long   queue\nat the desk" });
const board: BoardInfo = { id: "b1", kind: "service_path", title: "Evening", position: 0, version: 1, live: { covered: false, writing: null } };

describe("what an undo or redo says", () => {
  it("names the note an undone add took away, and a redone one", () => {
    const undone: Change[] = [{ entity: "note", id: "n1", before: made, after: null }];
    expect(inEn(undone)).toBe("Undid: new note “Long queue at the desk”");
    const redone: Change[] = [{ entity: "note", id: "n1", before: null, after: made }];
    expect(inEn(redone, "redo")).toBe("Redid: new note “Long queue at the desk”");
  });

  it("tells a text edit by the text the note shows now", () => {
    const edited = { ...made, text: "Short queue", version: 2 };
    // The undo writes the old text back over the edited one; the redo the edited one again.
    expect(inEn([{ entity: "note", id: "n1", before: edited, after: made }])).toBe("Undid: text of “Long queue at the desk”");
    expect(inEn([{ entity: "note", id: "n1", before: made, after: edited }], "redo")).toBe("Redid: text of “Short queue”");
  });

  it("tells a move and a tone change apart", () => {
    const moved = { ...made, x: made.x + 40, version: 2 };
    expect(inEn([{ entity: "note", id: "n1", before: moved, after: made }])).toBe("Undid: note “Long queue at the desk” moved");
    const toned = { ...made, sentiment: "positive" as const, version: 2 };
    expect(inEn([{ entity: "note", id: "n1", before: toned, after: made }])).toBe("Undid: tone of “Long queue at the desk”");
  });

  it("counts several notes, and a deleted board is the news over its notes", () => {
    const restored: Change[] = ["a", "b", "c"].map((id) => ({ entity: "note", id, before: null, after: note(id, 1) }));
    expect(inEn(restored)).toBe("Undid: 3 notes deleted");
    const boardBack: Change[] = [{ entity: "board", id: "b1", before: null, after: board }, ...restored];
    expect(inEn(boardBack)).toBe("Undid: board “Evening” deleted");
  });

  it("names a touchpoint, and falls back to something short", () => {
    const tp = touchpoint("t1", 0);
    expect(inEn([{ entity: "touchpoint", id: "t1", before: tp, after: null }])).toBe(`Undid: new touchpoint “${tp.label}”`);
    expect(inEn([])).toBe("Undid: the last change");
  });

  it("names whose answer at which station a walkthrough step was, and falls back when they are gone", () => {
    const answer = {
      id: "s1",
      walkthrough_id: "w1",
      touchpoint_id: "t3",
      record: { emotion: 1, happens: "", barriers: "", ideas: "Summer club", skipped: false },
      version: 2,
      updated_at: 0,
    };
    const cleared = { ...answer, record: { ...answer.record, ideas: "" }, version: 3 };
    const names = { walker: (id: string) => (id === "w1" ? "Mikko" : null), place: (id: string) => (id === "t3" ? "Tauko" : null) };
    const step: Change[] = [{ entity: "walk_step", id: "s1", before: cleared, after: answer }];
    expect(said(en, "en", "undo", describeStep(step, "undo", names))).toBe("Undid: Mikko's answer at “Tauko”");
    expect(said(fi, "fi", "undo", describeStep(step, "undo", names))).toBe("Kumottu: vastaus kohdassa ”Tauko” (Mikko)");
    expect(shownAnswer(step)).toEqual(answer);
    const gone = { walker: () => null, place: () => null };
    expect(said(en, "en", "undo", describeStep(step, "undo", gone))).toBe("Undid: a walkthrough step");
    expect(shownAnswer([{ entity: "note", id: "n1", before: null, after: made }])).toBeNull();
  });

  it("speaks Finnish", () => {
    const m = describeStep([{ entity: "note", id: "n1", before: made, after: null }], "undo");
    expect(said(fi, "fi", "undo", m)).toBe("Kumottu: uusi lappu ”Long queue at the desk”");
  });

  it("shows the note an undo brought back, not one it took away", () => {
    expect(shownNote([{ entity: "note", id: "n1", before: null, after: made }])?.id).toBe("n1");
    expect(shownNote([{ entity: "note", id: "n1", before: made, after: null }])).toBeNull();
  });

  it("quotes one line, cut when long", () => {
    expect(quoted("a\n b")).toBe("a b");
    expect(quoted("x".repeat(50))).toBe(`${"x".repeat(39)}…`);
  });
});
