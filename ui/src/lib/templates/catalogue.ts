import type { Backend } from "../backend/backend";
import type { TemplateSummary } from "./templates";

/** The built-in templates do not change while Polku runs: asked for once per backend. */
const asked = new WeakMap<Backend, Promise<TemplateSummary[]>>();

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
