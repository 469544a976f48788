import { action, shortcutOf, type ActionContext } from "./actions";
import type { Station } from "./geometry";
import { TONE_NAME, TONES, type Tone } from "./sentiment";

/** One entry of a context menu; `action` (with `arg`) is what it runs, looked up in actions.ts. */
export type MenuItem = {
  key: string;
  label: string;
  action?: string;
  arg?: string;
  shortcut?: string;
  disabled?: boolean;
  /** A tone: drawn with its colour and symbol, checked when every note in hand has it. */
  tone?: Tone;
  checked?: boolean;
  danger?: boolean;
  /** A line above this item: the menu's groups. */
  separated?: boolean;
  submenu?: MenuItem[];
};

type T = (key: string, params?: Record<string, string | number>) => string;

function item(id: string, ctx: ActionContext, t: T, extra: Partial<MenuItem> = {}): MenuItem {
  const a = action(id);
  return {
    key: id + (extra.arg ? `:${extra.arg}` : ""),
    label: t(a.labelKey),
    action: id,
    shortcut: shortcutOf(id),
    disabled: !a.enabled(ctx, extra.arg),
    ...extra,
  };
}

/**
 * The touchpoints, numbered as on the path, as a submenu running `id` with each one's id; `here`
 * (where the notes already are) is shown but cannot be chosen.
 */
function stationItems(id: string, ctx: ActionContext, stations: readonly Station[], t: T, digits: boolean, here: string | null = null): MenuItem[] {
  return stations.map((s) => {
    const it = item(id, ctx, t, {
      arg: s.id,
      label: t("actions.touchpoint", { n: s.index + 1, label: s.label }),
      shortcut: digits && s.index < 9 ? String(s.index + 1) : undefined,
    });
    return s.id === here ? { ...it, disabled: true } : it;
  });
}

/**
 * A note's menu (or the selection's): edit, tone, duplicate, move to a touchpoint, delete.
 * `current` is the tone and `here` the touchpoint all of them share, if they do.
 */
export function noteMenu(ctx: ActionContext, stations: readonly Station[], current: Tone | null, t: T, here: string | null = null): MenuItem[] {
  const many = ctx.targets.length > 1;
  const items: MenuItem[] = [];
  if (!many) items.push(item("edit", ctx, t));
  TONES.forEach((tone, i) => {
    items.push(
      item(`tone.${tone}`, ctx, t, {
        label: t(TONE_NAME[tone]),
        tone,
        checked: current === tone,
        separated: i === 0 && !many,
      }),
    );
  });
  items.push(item("duplicate", ctx, t, { separated: true }));
  items.push({
    ...item("moveTo", ctx, t),
    submenu: stationItems("moveTo", ctx, stations, t, false, here),
  });
  items.push(item("delete", ctx, t, { danger: true, separated: true }));
  return items;
}

/** Empty board's menu: a note right here, select all, fit, zoom to one touchpoint. */
export function boardMenu(ctx: ActionContext, stations: readonly Station[], t: T): MenuItem[] {
  const items = [item("add", ctx, t, { label: t("actions.addHere"), shortcut: undefined }), item("selectAll", ctx, t)];
  if (ctx.host.pickedCount > 0) items.push(item("clearSelection", ctx, t));
  items.push(item("fit", ctx, t, { separated: true }));
  items.push({ ...item("zoomTo", ctx, t), submenu: stationItems("zoomTo", ctx, stations, t, true) });
  items.push(item("resetLabels", ctx, t, { separated: true }));
  return items;
}
