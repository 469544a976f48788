import type { Backup } from "../api/types";

/** The backups a restore can use: the ones Polku could read (the server counts what is in each). */
export function readable(list: Backup[]): Backup[] {
  return list.filter((b) => b.workshops !== null && b.notes !== null);
}

/** A file size as people read it: "212 kB", "3.4 MB", in the UI language's number style. */
export function size(bytes: number, locale?: string): string {
  const mb = bytes / 1_000_000;
  const fmt = new Intl.NumberFormat(locale, { maximumFractionDigits: mb < 10 ? 1 : 0 });
  return mb >= 1 ? `${fmt.format(mb)} MB` : `${Math.max(1, Math.round(bytes / 1000))} kB`;
}
