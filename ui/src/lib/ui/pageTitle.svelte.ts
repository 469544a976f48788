import { t } from "../i18n/index.svelte";

/**
 * A page's window title, "<page> – Polku", for readers of window titles (a screen reader, the
 * task bar); it follows the UI language. The title before comes back when the page goes, for a
 * page that sets none of its own. Call it in a component's script.
 */
export function pageTitle(key: string): void {
  $effect(() => {
    const before = document.title;
    document.title = `${t(key)} – ${t("app.name")}`;
    return () => {
      document.title = before;
    };
  });
}
