export const LANGUAGES = ["fi", "en", "sv"] as const;
export type UiLanguage = (typeof LANGUAGES)[number];
export type Dict = Record<string, string>;
export type Params = Record<string, string | number>;

/** fi, sv or en from a BCP 47 tag such as "fi-FI" or "sv-FI"; anything else is English. */
export function pickLanguage(tags: readonly (string | undefined | null)[]): UiLanguage {
  for (const tag of tags) {
    const base = tag?.toLowerCase().split(/[-_]/)[0];
    if (base === "fi" || base === "sv" || base === "en") return base;
  }
  return "en";
}

export function isLanguage(v: unknown): v is UiLanguage {
  return typeof v === "string" && (LANGUAGES as readonly string[]).includes(v);
}

/** The `{name}` placeholders a string uses, sorted, for comparing translations. */
export function placeholders(s: string): string[] {
  return [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

/**
 * Looks `key` up in `dict`, then in `fallback`, and fills `{name}` placeholders. A missing key
 * shows as the key itself: visible in review, never a crash in a workshop.
 */
export function translate(dict: Dict, key: string, params?: Params, fallback?: Dict): string {
  const raw = dict[key] ?? fallback?.[key] ?? key;
  if (!params) return raw;
  return raw.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The plural form key (`key.one`, `key.other`, …) for `count` in `lang`, falling back to `.other`. */
export function pluralKey(dict: Dict, key: string, count: number, lang: string): string {
  const form = new Intl.PluralRules(lang).select(count);
  const specific = `${key}.${form}`;
  return specific in dict ? specific : `${key}.other`;
}
