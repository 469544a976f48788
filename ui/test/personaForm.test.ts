import type { Avatar } from "../src/lib/api/types";
import { describe, expect, it } from "vitest";
import type { Persona, PersonaFields } from "../src/lib/api/types";
import { AVATAR_COLOURS, AVATAR_SYMBOLS } from "../src/lib/api/generated/people";
import {
  addItem,
  blankFields,
  cleanFields,
  copyFields,
  copyName,
  firstError,
  freshAvatar,
  isDirty,
  libraryOrder,
  MAX_LIST_ITEMS,
  personaPatch,
  toggleItem,
  validate,
} from "../src/lib/people/personaForm";

const aino = (): PersonaFields => ({
  ...blankFields({ symbol: "owl", colour: "teal" }),
  name: "Aino",
  age_group: "18_29",
  quote: "En tiennyt, mistä apua saa.",
  channels: ["Puhelin", "WhatsApp"],
  languages: ["suomi"],
  digital_skills: "fluent",
});

describe("persona form", () => {
  it("sends only the fields that were changed", () => {
    const before = aino();
    const form = copyFields(before);
    expect(personaPatch(before, form)).toBeNull();
    form.quote = "Kukaan ei kysynyt.";
    expect(personaPatch(before, form)).toEqual({ quote: "Kukaan ei kysynyt." });
    form.avatar.colour = "rose";
    form.channels.push("Sähköposti");
    form.age_group = null;
    expect(personaPatch(before, form)).toEqual({
      quote: "Kukaan ei kysynyt.",
      avatar: { symbol: "owl", colour: "rose" },
      channels: ["Puhelin", "WhatsApp", "Sähköposti"],
      age_group: null,
    });
    // The form's copy is its own: the persona it came from is untouched.
    expect(before.channels).toEqual(["Puhelin", "WhatsApp"]);
    expect(before.avatar.colour).toBe("teal");
  });

  it("treats a reordered list as a change and spaces-only text as no text", () => {
    const before = aino();
    const form = copyFields(before);
    form.channels = ["WhatsApp", "Puhelin"];
    form.notes = "   \n ";
    form.name = "  Aino  ";
    expect(personaPatch(before, form)).toEqual({ channels: ["WhatsApp", "Puhelin"] });
    expect(cleanFields(form).notes).toBe("");
  });

  it("calls a form dirty when closing it would lose something, and only then", () => {
    const loaded = aino();
    const form = copyFields(loaded);
    expect(isDirty(form, loaded)).toBe(false);
    // Each kind of field counts: a text, a choice, the avatar, a list (its order too).
    const edits: ((f: PersonaFields) => void)[] = [
      (f) => (f.needs = "Someone who calls back"),
      (f) => (f.name = "Aino K."),
      (f) => (f.age_group = null),
      (f) => (f.digital_skills = "some"),
      (f) => (f.avatar.symbol = "moon"),
      (f) => (f.avatar.colour = "rose"),
      (f) => f.languages.push("ruotsi"),
      (f) => (f.channels = ["WhatsApp", "Puhelin"]),
    ];
    for (const edit of edits) {
      const f = copyFields(loaded);
      edit(f);
      expect(isDirty(f, loaded), edit.toString()).toBe(true);
    }
    // Typed and typed back, or only spaces: nothing to lose, no question.
    form.quote = "Something else";
    form.quote = loaded.quote;
    form.notes = "  \n ";
    form.name = " Aino ";
    expect(isDirty(form, loaded)).toBe(false);
    // A new persona: the blank form with its fresh avatar is clean until something is typed.
    const blank = blankFields({ symbol: "owl", colour: "teal" });
    const fresh = copyFields(blank);
    expect(isDirty(fresh, blank)).toBe(false);
    fresh.goals = "A home of her own";
    expect(isDirty(fresh, blank)).toBe(true);
  });

  it("explains every rule the core checks, field by field", () => {
    expect(validate(aino())).toEqual({});
    const f = aino();
    f.name = "   ";
    expect(validate(f).name?.key).toBe("nameEmpty");
    f.name = "x".repeat(201);
    expect(validate(f).name).toEqual({ key: "tooLong", params: { count: 201, max: 200 } });
    f.name = "Aino\u0007";
    expect(validate(f).name?.key).toBe("oneLine");
    f.name = "ä".repeat(200);
    expect(validate(f).name).toBeUndefined();
    f.needs = "n".repeat(2001);
    expect(validate(f).needs).toEqual({ key: "tooLong", params: { count: 2001, max: 2000 } });
    f.needs = "rivi\nrivi\tsarkain";
    expect(validate(f).needs).toBeUndefined();
    f.fears = "a\u0000b";
    expect(validate(f).fears?.key).toBe("control");
    f.channels = Array.from({ length: MAX_LIST_ITEMS + 1 }, (_, i) => `k${i}`);
    expect(validate(f).channels?.key).toBe("tooMany");
    f.languages = ["y".repeat(201)];
    expect(validate(f).languages?.key).toBe("itemTooLong");
    // The form's order: the channels come before the fears.
    expect(firstError(validate(f))).toBe("channels");
  });

  it("adds list entries once, trimmed, and refuses what the core would", () => {
    expect(addItem(["Puhelin"], "  Sähköposti ")).toEqual({ list: ["Puhelin", "Sähköposti"] });
    expect(addItem(["Puhelin"], "puhelin")).toEqual({ list: ["Puhelin"] });
    expect(addItem([], "  ")).toEqual({ error: { key: "itemEmpty" } });
    expect(addItem([], "a\nb")).toEqual({ error: { key: "oneLine" } });
    const full = Array.from({ length: MAX_LIST_ITEMS }, (_, i) => `k${i}`);
    expect(addItem(full, "one more")).toEqual({ error: { key: "tooMany", params: { max: MAX_LIST_ITEMS } } });
    expect(toggleItem(["Puhelin", "E-mail"], "puhelin")).toEqual({ list: ["E-mail"] });
    expect(toggleItem(["E-mail"], "Puhelin")).toEqual({ list: ["E-mail", "Puhelin"] });
  });

  it("names a duplicate so it differs from every name there is, within 200 characters", () => {
    const label = (name: string, n: number) => (n === 1 ? `${name} (kopio)` : `${name} (kopio ${n})`);
    expect(copyName("Aino", ["Aino"], label)).toBe("Aino (kopio)");
    expect(copyName("Aino", ["Aino", "Aino (kopio)"], label)).toBe("Aino (kopio 2)");
    expect(copyName("Aino", ["Aino", "Aino (kopio)", "Aino (kopio 2)"], label)).toBe("Aino (kopio 3)");
    const long = "ä".repeat(200);
    const copy = copyName(long, [long], label);
    expect([...copy].length).toBeLessThanOrEqual(200);
    expect(copy.endsWith(" (kopio)")).toBe(true);
    expect(copy).not.toBe(long);
  });

  it("gives a new persona an avatar no other one has, through all 128", () => {
    const taken: Avatar[] = [{ symbol: AVATAR_SYMBOLS[0], colour: AVATAR_COLOURS[0] }];
    const seen = new Set<string>();
    for (let i = 0; i < AVATAR_SYMBOLS.length * AVATAR_COLOURS.length - 1; i++) {
      const a = freshAvatar(taken);
      const key = `${a.symbol}/${a.colour}`;
      expect(seen.has(key)).toBe(false);
      expect(key).not.toBe(`${AVATAR_SYMBOLS[0]}/${AVATAR_COLOURS[0]}`);
      seen.add(key);
      taken.push(a);
    }
    // The first ones differ in both symbol and colour, so neighbours are told apart.
    const [a, b] = [...seen].slice(0, 2).map((k) => k.split("/"));
    expect(a[0]).not.toBe(b[0]);
    expect(a[1]).not.toBe(b[1]);
  });

  it("lists the library oldest first, so a new card comes last", () => {
    const p = (id: string, created_at: number): Persona => ({ id, fields: aino(), version: 1, created_at, updated_at: created_at });
    expect(libraryOrder([p("c", 3), p("a", 1), p("b", 1)]).map((x) => x.id)).toEqual(["a", "b", "c"]);
  });
});
