import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import en from "../src/lib/i18n/en.json";
import fi from "../src/lib/i18n/fi.json";
import sv from "../src/lib/i18n/sv.json";
import { pickLanguage, placeholders, pluralKey, translate } from "../src/lib/i18n/lookup";

const dicts: Record<string, Record<string, string>> = { en, fi, sv };
const SRC = join(__dirname, "../src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === "generated" ? [] : sourceFiles(p);
    return /\.(svelte|ts)$/.test(name) ? [p] : [];
  });
}

describe("translations", () => {
  const all = new Set(Object.keys(dicts).flatMap((l) => Object.keys(dicts[l])));

  for (const [lang, dict] of Object.entries(dicts)) {
    it(`${lang} has every key, none empty`, () => {
      const missing = [...all].filter((k) => !(k in dict));
      expect(missing).toEqual([]);
      const empty = Object.entries(dict).filter(([, v]) => v.trim() === "");
      expect(empty).toEqual([]);
    });

    it(`${lang} uses the same placeholders as en`, () => {
      const differ = Object.keys(en).filter(
        (k) => placeholders(dict[k] ?? "").join() !== placeholders((en as Record<string, string>)[k]).join(),
      );
      expect(differ).toEqual([]);
    });
  }

  it("has every key the source code asks for", () => {
    const used = new Set<string>();
    for (const file of sourceFiles(SRC)) {
      const text = readFileSync(file, "utf8");
      // Literal keys: t("a.b"), tn("a.b", …), notify("a.b"). Plural keys are checked as key.other.
      for (const m of text.matchAll(/\b(t|tn|notify)\(\s*"([a-z_]+(?:\.[A-Za-z_]+)+)"/g)) {
        used.add(m[1] === "tn" ? `${m[2]}.other` : m[2]);
      }
      // Keys built from a sentiment, language or error code: every variant must exist.
      for (const m of text.matchAll(/t\(`([a-z_.]+)\.\$\{/g)) {
        const prefix = m[1];
        const variants = Object.keys(en).filter((k) => k.startsWith(prefix + "."));
        expect(variants.length, `no keys for ${prefix}.*`).toBeGreaterThan(0);
      }
    }
    expect(used.size).toBeGreaterThan(30);
    const missing = [...used].filter((k) => !(k in en));
    expect(missing).toEqual([]);
  });

  it("has each sentiment's note texts", () => {
    for (const s of ["negative", "neutral", "positive"]) {
      for (const prefix of ["sentiment", "note.aria", "note.editor", "toolbar.add"]) {
        for (const dict of Object.values(dicts)) expect(dict[`${prefix}.${s}`]).toBeTruthy();
      }
    }
  });

  it("has a message for every error code of the contract", () => {
    const codes = [
      "bad_request", "not_found", "validation", "too_large", "nothing_to_undo",
      "nothing_to_redo", "conflict", "forbidden", "internal", "network", "unknown",
    ];
    for (const dict of Object.values(dicts)) {
      for (const c of codes) expect(dict[`error.${c}`], c).toBeTruthy();
    }
  });

  it("says the languages apart", () => {
    expect(fi["toolbar.undo"]).not.toBe(en["toolbar.undo"]);
    expect(sv["toolbar.undo"]).not.toBe(en["toolbar.undo"]);
  });
});

describe("lookup", () => {
  const dict = { hello: "Hei {name}!", plain: "Moi", "n.one": "{count} lappu", "n.other": "{count} lappua" };

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(translate(dict, "hello", { name: "Aino" })).toBe("Hei Aino!");
    expect(translate(dict, "hello", {})).toBe("Hei {name}!");
  });

  it("falls back to the fallback dictionary, then to the key", () => {
    expect(translate(dict, "bye", undefined, { bye: "Bye" })).toBe("Bye");
    expect(translate(dict, "missing.key")).toBe("missing.key");
  });

  it("picks plural forms by the language's rules", () => {
    expect(pluralKey(dict, "n", 1, "fi")).toBe("n.one");
    expect(pluralKey(dict, "n", 0, "fi")).toBe("n.other");
    expect(pluralKey(dict, "n", 5, "en")).toBe("n.other");
    expect(pluralKey({ "m.other": "x" }, "m", 1, "en")).toBe("m.other");
  });

  it("chooses fi, sv or en from browser languages", () => {
    expect(pickLanguage(["fi-FI"])).toBe("fi");
    expect(pickLanguage(["sv_FI"])).toBe("sv");
    expect(pickLanguage(["de-DE", "sv-SE"])).toBe("sv");
    expect(pickLanguage(["de-DE"])).toBe("en");
    expect(pickLanguage([undefined, null])).toBe("en");
    expect(pickLanguage(["EN-gb"])).toBe("en");
  });

  it("lists placeholders sorted", () => {
    expect(placeholders("{b} and {a} and {b}")).toEqual(["a", "b", "b"]);
    expect(placeholders("none")).toEqual([]);
  });
});
