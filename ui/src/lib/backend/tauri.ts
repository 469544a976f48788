import type { Command, Req, Res } from "../api/commands";
import { toApiError } from "../api/errors";
import type { TemplateSummary } from "../api/generated/TemplateSummary";
import type { Event } from "../api/types";
import { Listeners, type Backend, type EventHandler, type TeamLibraries } from "./backend";
import { OpenedFiles, type FileNews, type FileReceiver } from "./openedFiles";

export class TauriBackend implements Backend {
  private readonly events = new Listeners<[Event]>();
  private readonly opened: OpenedFiles;

  readonly teamLibraries: TeamLibraries;

  private constructor(
    private readonly id: string,
    private readonly invoke: <T>(cmd: string, args?: Record<string, unknown>) => Promise<T>,
  ) {
    this.opened = new OpenedFiles(invoke);
    const asked = async <T>(cmd: string, args?: Record<string, unknown>): Promise<T> => {
      try {
        return await invoke<T>(cmd, args);
      } catch (e) {
        throw toApiError(e);
      }
    };
    this.teamLibraries = {
      list: () => asked("team_libraries"),
      open: (url) => asked("open_team_library", { url }),
      forget: (url) => asked("forget_team_library", { url }),
    };
  }

  /** Loaded lazily so the browser build never pulls in Tauri's IPC glue. */
  static async create(): Promise<TauriBackend> {
    const { invoke } = await import("@tauri-apps/api/core");
    const { listen } = await import("@tauri-apps/api/event");
    const id = await invoke<string>("client_id");
    const backend = new TauriBackend(id, invoke);
    await listen<Event>("polku://event", (e) => backend.events.emit(e.payload));
    await listen<FileNews>("polku://opened-file", (e) => backend.opened.hear(e.payload));
    return backend;
  }

  clientId(): string {
    return this.id;
  }

  async call<C extends Command>(command: C, args: Req<C>): Promise<Res<C>> {
    try {
      return await this.invoke<Res<C>>("call", { command, args });
    } catch (e) {
      throw toApiError(e);
    }
  }

  /** The desktop shell asks where to save with the native dialog; null is the user's "Cancel". */
  async saveExport(jobId: string, _fileName: string, title?: string): Promise<"saved" | "cancelled"> {
    try {
      const path = await this.invoke<string | null>("save_export", { jobId, title: title ?? null });
      return path ? "saved" : "cancelled";
    } catch (e) {
      throw toApiError(e);
    }
  }

  /** The same native save dialog, for an own template's file. */
  async saveTemplateFile(id: string, title?: string): Promise<"saved" | "cancelled"> {
    try {
      const path = await this.invoke<string | null>("save_template_file", { id, title: title ?? null });
      return path ? "saved" : "cancelled";
    } catch (e) {
      throw toApiError(e);
    }
  }

  /** The native open dialog; the shell reads the file and imports it, so no path reaches the page. */
  async openTemplateFile(title?: string): Promise<TemplateSummary | null> {
    try {
      return await this.invoke<TemplateSummary | null>("open_template_file", { title: title ?? null });
    } catch (e) {
      throw toApiError(e);
    }
  }

  /** The native open dialog; the shell reads the file (bounded) and hands back its text. */
  async pickWorkshopFile(title?: string): Promise<{ name: string; text: string } | null> {
    try {
      const picked = await this.invoke<[string, string] | null>("pick_workshop_file", { title: title ?? null });
      return picked ? { name: picked[0], text: picked[1] } : null;
    } catch (e) {
      throw toApiError(e);
    }
  }

  receiveOpenedFiles(receiver: FileReceiver): () => void {
    return this.opened.receive(receiver);
  }

  /** The shell reads the waiting file (bounded) by the path it kept; the page never names one. */
  async takeOpenedFile(): Promise<{ name: string; text: string } | null> {
    try {
      const file = await this.invoke<[string, string] | null>("take_opened_file");
      return file ? { name: file[0], text: file[1] } : null;
    } catch (e) {
      throw toApiError(e);
    }
  }

  onFileDroppedElsewhere(handler: () => void): () => void {
    return this.opened.onDroppedElsewhere(handler);
  }

  subscribe(handler: EventHandler): () => void {
    return this.events.add(handler);
  }

  // In-process events cannot be lost, so there is never a reconnect to report.
  onReconnect(): () => void {
    return () => {};
  }

  onConnection(handler: (connected: boolean) => void): () => void {
    handler(true);
    return () => {};
  }
}
