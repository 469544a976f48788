import type { Backup } from "../api/types";
import { formatDateTime, t, tn } from "../i18n/index.svelte";

/** "2 workshops · 48 notes", or that it cannot be read. */
export function contents(b: Backup): string {
  if (b.workshops === null || b.notes === null) return t("backup.unreadable");
  return `${tn("backup.workshops", b.workshops)} · ${tn("list.notes", b.notes)}`;
}

/** When the backup was made, in the UI language's style. */
export function when(b: Backup): string {
  return formatDateTime(b.made_at);
}
