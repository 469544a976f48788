import { describe, expect, it } from "vitest";
import en from "../src/lib/i18n/en.json";
import fi from "../src/lib/i18n/fi.json";
import sv from "../src/lib/i18n/sv.json";
import { translate, type Dict, type Params } from "../src/lib/i18n/lookup";
import { partsOf, placeWords, problemWords, snippet } from "../src/lib/workshops/fileProblem";

const words = (dict: Dict) => ({
  t: (key: string, params?: Params) => translate(dict, key, params),
  has: (key: string) => key in dict,
});

const file = {
  workshop: {
    boards: [
      {
        title: "Palvelupolku",
        notes: [{ text: "Ei tiedä mistä hakea apua" }, { text: "" }, { text: "rivi\nkaksi\u0007 ja paljon muuta tekstiä joka jatkuu ja jatkuu" }],
        lanes: [{ label: "Tunteet" }],
      },
    ],
    personas: [{ fields: { name: "Aino, 19" } }, { name: "Vanha Ville" }],
    sessions: [{ fields: { title: "Aloitus", agenda: [{ title: "Tutustuminen" }] } }],
    walk_steps: [{}],
  },
};

describe("a place in a workshop file, in words", () => {
  it("names each part a path passes through, counted from 1, with what it is called", () => {
    expect(partsOf("workshop.boards[0].notes[0].text", file)).toEqual([
      { kind: "board", n: 1, name: "Palvelupolku" },
      { kind: "note", n: 1, quote: "Ei tiedä mistä hakea apua" },
    ]);
    expect(partsOf("workshop.boards[0].lanes[0].label", file)).toEqual([
      { kind: "board", n: 1, name: "Palvelupolku" },
      { kind: "lane", n: 1, name: "Tunteet" },
    ]);
    expect(partsOf("workshop.personas[1].fields.goals", file)).toEqual([{ kind: "persona", n: 2, name: "Vanha Ville" }]);
    expect(partsOf("workshop.sessions[0].fields.agenda[0].id", file)).toEqual([
      { kind: "session", n: 1, name: "Aloitus" },
      { kind: "agendaItem", n: 1, name: "Tutustuminen" },
    ]);
    expect(partsOf("workshop.walk_steps[0].record.emotion", file)).toEqual([{ kind: "walkStep", n: 1 }]);
  });

  it("still numbers the parts when the file could not be read or the part is not there", () => {
    expect(partsOf("workshop.boards[2].notes[7]", undefined)).toEqual([
      { kind: "board", n: 3 },
      { kind: "note", n: 8 },
    ]);
    expect(partsOf("workshop.boards[0].notes[1].text", file)[1]).toEqual({ kind: "note", n: 2 });
  });

  it("has no parts for a place outside the workshop", () => {
    expect(partsOf("version", file)).toEqual([]);
    expect(partsOf("upgrade v2_people (v2)", file)).toEqual([]);
    expect(partsOf("workshop.title", file)).toEqual([]);
  });

  it("keeps a snippet short, on one line, and plain text", () => {
    expect(snippet("rivi\nkaksi\u0007 kolme")).toBe("rivi kaksi kolme");
    expect(snippet("a".repeat(100))).toBe("a".repeat(40) + "…");
    expect(snippet("Ei tiedä mistä hakea apua. ".repeat(80))).toBe("Ei tiedä mistä hakea apua. Ei tiedä…");
    expect(snippet("   ")).toBeUndefined();
    expect(snippet(42)).toBeUndefined();
    expect(snippet("<b>lihava</b>")).toBe("<b>lihava</b>");
  });

  it("reads as a list in each language", () => {
    const parts = partsOf("workshop.boards[0].notes[0].text", file);
    expect(placeWords(parts, words(en).t)).toBe("board 1 “Palvelupolku”, note 1 (“Ei tiedä mistä hakea apua”)");
    expect(placeWords(parts, words(fi).t)).toBe("taulu 1 ”Palvelupolku”, lappu 1 (”Ei tiedä mistä hakea apua”)");
    expect(placeWords(parts, words(sv).t)).toBe("tavla 1 ”Palvelupolku”, lapp 1 (”Ei tiedä mistä hakea apua”)");
  });
});

describe("why a workshop file was refused, in words", () => {
  const text = JSON.stringify(file);

  it("words a broken rule as the editor does, then says where", () => {
    const { t, has } = words(en);
    const problem = { kind: "invalid", at: "workshop.boards[0].notes[0].text", field: "text" } as const;
    expect(problemWords(problem, text, t, has)).toBe(
      "A note needs some text, at most 2,000 characters. Where: board 1 “Palvelupolku”, note 1 (“Ei tiedä mistä hakea apua”).",
    );
  });

  it("falls back to a damaged part when the rule has no words of its own, or there is no rule", () => {
    const { t, has } = words(fi);
    expect(problemWords({ kind: "invalid", at: "workshop.boards[0].notes[0].touchpoint_id" }, text, t, has)).toBe(
      "Osa tiedostosta on vioittunut: siitä puuttuu jotain tai osat eivät sovi yhteen. Pyydä tiedosto uudelleen. " +
        "Kohta: taulu 1 ”Palvelupolku”, lappu 1 (”Ei tiedä mistä hakea apua”).",
    );
    expect(problemWords({ kind: "invalid", at: "version", field: "no_such_rule" }, text, t, has)).toBe(fi["import.problem.invalid"]);
    expect(problemWords({ kind: "invalid", at: "workshop.title", field: "title" }, text, t, has)).toBe(
      "Nimessä voi olla 1–200 merkkiä. Kohta: työpajan omat tiedot.",
    );
  });

  it("gives the line and column of cut-short and damaged text", () => {
    const { t, has } = words(sv);
    expect(problemWords({ kind: "truncated", line: 12, column: 5 }, "{", t, has)).toBe(
      "Filen tar slut för tidigt – den kan ha klippts av när den skickades. Be om filen på nytt. Var: rad 12, kolumn 5.",
    );
    expect(problemWords({ kind: "malformed", line: 2, column: 12 }, "{", t, has)).toMatch(/Var: rad 2, kolumn 12\.$/);
  });

  it("has words for every kind in every language, with no place for those that have none", () => {
    for (const dict of [en, fi, sv]) {
      const { t, has } = words(dict);
      for (const kind of ["too_large", "foreign", "unreadable", "newer"] as const) {
        const said = problemWords({ kind }, undefined, t, has);
        expect(said).toBe(dict[`import.problem.${kind}`]);
      }
    }
  });
});
