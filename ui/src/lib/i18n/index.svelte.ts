import en from "./en.json";
import fi from "./fi.json";
import sv from "./sv.json";
import {
  isLanguage,
  pickLanguage,
  pluralKey,
  translate,
  type Dict,
  type Params,
  type UiLanguage,
} from "./lookup";

export type { UiLanguage } from "./lookup";
export { LANGUAGES } from "./lookup";

const DICTS: Record<UiLanguage, Dict> = { fi, en, sv };
const STORAGE_KEY = "polku.language";

function initial(): UiLanguage {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(saved)) return saved;
  } catch {
    // Storage can be off (private mode); the browser language is a fine default then.
  }
  return pickLanguage([...(navigator.languages ?? []), navigator.language]);
}

const first = initial();
let current = $state<UiLanguage>(first);
document.documentElement.lang = first;

export const i18n = {
  get lang(): UiLanguage {
    return current;
  },
  set lang(next: UiLanguage) {
    current = next;
    document.documentElement.lang = next;
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered across restarts then; still switched for now.
    }
  },
};

/** Reactive: a template that calls t() re-renders when the language changes. */
export function t(key: string, params?: Params): string {
  return translate(DICTS[current], key, params, DICTS.en);
}

/** t() with the plural form for `count` chosen by the language's rules. */
export function tn(key: string, count: number, params?: Params): string {
  return t(pluralKey(DICTS[current], key, count, current), { count, ...params });
}

/** The key of `key`'s plural form for `count`, for messages that are kept by key (a toast). */
export function pluralOf(key: string, count: number): string {
  return pluralKey(DICTS[current], key, count, current);
}

export function hasKey(key: string): boolean {
  return key in DICTS[current];
}

/** Date and time in the UI language's own style. */
export function formatDateTime(ms: number): string {
  return new Intl.DateTimeFormat(current, { dateStyle: "medium", timeStyle: "short" }).format(ms);
}
