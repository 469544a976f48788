import type { Op } from "../api/types";
import { copyForm, followRemote, partError, partPatch, PARTS, unsavedParts, withPart, type FieldError, type Part, type SessionForm } from "./sessionForm";

/** How long typing may pause before a part is saved without leaving its field. */
export const IDLE_MS = 800;

export type SaveState = "idle" | "saving" | "saved" | "refused";

/**
 * One open session's form, saved part by part: a part is sent when its field is left or after a
 * short pause in typing, as one `update_session` holding that part alone, so another person's edit
 * to another part meanwhile is kept and each save is one undo step. A refused part keeps what was
 * typed and stays marked until it is fixed.
 */
export class SessionDraft {
  form = $state<SessionForm>() as SessionForm;
  /** The parts as the session last had them: what "unsaved" is measured against. */
  private saved: SessionForm;
  /** Parts whose errors show: from the first try to save them on, then following the typing. */
  tried = $state<Partial<Record<Part, boolean>>>({});
  refused = $state<Partial<Record<Part, boolean>>>({});
  state = $state<SaveState>("idle");
  private timers = new Map<Part, ReturnType<typeof setTimeout>>();
  private inFlight = 0;

  constructor(
    start: SessionForm,
    private readonly id: string,
    private readonly apply: (op: Op) => Promise<boolean>,
    /** Deleted elsewhere: nothing more can be saved, and nothing typed is thrown away. */
    private readonly isGone: () => boolean,
  ) {
    this.form = copyForm(start);
    this.saved = copyForm(start);
  }

  error(part: Part): FieldError | undefined {
    return this.tried[part] ? partError(this.form, part) : undefined;
  }

  /** The session as stored changed (this client's save or another's): untouched parts follow it. */
  follow(incoming: SessionForm): void {
    const next = followRemote(this.form, this.saved, incoming);
    this.form = next.form;
    this.saved = next.saved;
  }

  /** Typing: saved after a pause, unless the field is left first. */
  schedule(part: Part): void {
    clearTimeout(this.timers.get(part));
    this.timers.set(part, setTimeout(() => void this.commit(part), IDLE_MS));
  }

  async commit(part: Part): Promise<boolean> {
    clearTimeout(this.timers.get(part));
    this.timers.delete(part);
    this.tried[part] = true;
    if (partError(this.form, part)) return false;
    const patch = partPatch(this.form, this.saved, part);
    if (!patch) {
      this.refused[part] = false;
      return true;
    }
    if (this.isGone()) return false;
    const sent = copyForm(this.form);
    this.inFlight++;
    this.state = "saving";
    const ok = await this.apply({ type: "update_session", id: this.id, patch });
    this.inFlight--;
    // Saved now, before the change's own copy arrives: a second leave of the field sends nothing.
    if (ok) this.saved = withPart(this.saved, sent, part);
    this.refused[part] = !ok;
    if (this.inFlight === 0) this.state = Object.values(this.refused).some(Boolean) ? "refused" : "saved";
    return ok;
  }

  /** Saves every part with something waiting; the parts that could not be saved. */
  async flush(): Promise<Part[]> {
    for (const p of PARTS) await this.commit(p);
    return unsavedParts(this.form, this.saved);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
