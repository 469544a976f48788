import type { Language } from "../api/types";
import type { TemplateSummary } from "../api/generated/TemplateSummary";

export type { TemplateSummary };

/** What a workshop starts from when nobody picks: the service path, as before templates had a choice. */
export const SERVICE_PATH_TEMPLATE = "service-path";

/** A template's text in `lang`; English when it has none there (English is always there). */
export function labelIn(labels: { [key in Language]?: string }, lang: Language): string {
  return labels[lang] ?? labels.en ?? Object.values(labels).find((v) => v !== undefined) ?? "";
}

/** The templates a new workshop can start from, the service path first (it is the default). */
export function workshopTemplates(all: readonly TemplateSummary[]): TemplateSummary[] {
  return serviceFirst(all.filter((t) => t.kind === "workshop"));
}

/**
 * The templates a board can be added from: every one that makes exactly one board, whatever its
 * kind (the service path is a workshop template and a board template at once); the service path first.
 */
export function boardTemplates(all: readonly TemplateSummary[]): TemplateSummary[] {
  return serviceFirst(all.filter((t) => t.boards.length === 1));
}

function serviceFirst(list: TemplateSummary[]): TemplateSummary[] {
  return [...list.filter((t) => t.id === SERVICE_PATH_TEMPLATE), ...list.filter((t) => t.id !== SERVICE_PATH_TEMPLATE)];
}

/**
 * The title a board made from `template` is offered: its board's title in `lang` ("Channel
 * analysis"), numbered when a board already has it ("Channel analysis 2"); null for a template
 * not in the list.
 */
export function templateBoardTitle(
  templates: readonly TemplateSummary[],
  template: string,
  lang: Language,
  titles: readonly string[],
): string | null {
  const found = templates.find((t) => t.id === template);
  if (!found) return null;
  const title = labelIn(found.boards.length === 1 ? found.boards[0].title : found.title, lang).trim();
  return title ? freeTitle(titles, title) : null;
}

/** `base` when no board has that title yet, else `base 2`, `base 3` … the first one free. */
export function freeTitle(titles: readonly string[], base: string): string {
  const taken = new Set(titles.map((t) => t.trim()));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base} ${n}`)) n++;
  return `${base} ${n}`;
}
