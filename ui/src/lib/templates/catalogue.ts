import { Listeners, type Backend } from "../backend/backend";
import type { TemplateSummary } from "./templates";

/**
 * The built-in templates do not change while Polku runs, the library's own ones do: the list is
 * asked for once per backend, and again after a template was saved, imported or deleted (here,
 * or in another window: `templates_changed`) or the event stream was lost.
 */
const asked = new WeakMap<Backend, Promise<TemplateSummary[]>>();
/** Per backend: the pickers showing the list, told when it changed. */
const watchers = new WeakMap<Backend, Listeners<[]>>();

/**
 * The templates, from the first answer; a failed ask is forgotten, so the next picker to open
 * asks again (the server may have been restarting).
 */
export function loadTemplates(api: Backend): Promise<TemplateSummary[]> {
  let answer = asked.get(api);
  if (!answer) {
    answer = api.call("list_templates", {});
    asked.set(api, answer);
    answer.catch(() => asked.delete(api));
  }
  return answer;
}

/** The list is stale: every picker asks again. Called after this window changed a template. */
export function templatesChanged(api: Backend): void {
  asked.delete(api);
  watchers.get(api)?.emit();
}

/**
 * Gives `onlist` the templates now and again whenever they change, until the returned function
 * is called; `onerror` hears a failed ask.
 */
export function watchTemplates(api: Backend, onlist: (all: TemplateSummary[]) => void, onerror: (err: unknown) => void): () => void {
  let set = watchers.get(api);
  if (!set) {
    const fresh = new Listeners<[]>();
    watchers.set(api, fresh);
    set = fresh;
    // For as long as the backend lives, like the cache.
    api.subscribe((ev) => {
      if (ev.type === "templates_changed") templatesChanged(api);
    });
    api.onReconnect(() => templatesChanged(api));
  }
  let live = true;
  const ask = () =>
    loadTemplates(api).then(
      (all) => live && onlist(all),
      (err) => live && onerror(err),
    );
  void ask();
  const off = set.add(() => void ask());
  return () => {
    live = false;
    off();
  };
}
