import type { Command, Req, Res } from "../api/commands";
import type { TemplateSummary } from "../api/generated/TemplateSummary";
import type { Event } from "../api/types";
import type { FileReceiver } from "./openedFiles";

export type EventHandler = (event: Event) => void;

/** The one way the UI reaches Polku, whether over Tauri IPC or HTTP + WebSocket. */
export interface Backend {
  /** Resolves with the response, rejects with an ApiError. */
  call<C extends Command>(command: C, args: Req<C>): Promise<Res<C>>;
  /** Change events from every client, this one included. Returns an unsubscribe function. */
  subscribe(handler: EventHandler): () => void;
  /**
   * Called after the event stream was lost and came back: events may have been missed, so whoever
   * shows data must reload it. Returns an unsubscribe function.
   */
  onReconnect(handler: () => void): () => void;
  /** Whether the event stream is up; a store the UI can show. */
  onConnection(handler: (connected: boolean) => void): () => void;
  /** Names this client (tab or window) for undo/redo. */
  clientId(): string;
  /**
   * Hands a finished export (`export_status` said "ready") to the user: a download in a browser,
   * the native save dialog on the desktop. "cancelled" when the user closed that dialog unsaved.
   */
  saveExport(jobId: string, fileName: string, title?: string): Promise<"saved" | "cancelled">;
  /**
   * Hands an own template's `.polku-template` file to the user, as `saveExport` does an export's;
   * `title` names the desktop's save dialog.
   */
  saveTemplateFile(id: string, title?: string): Promise<"saved" | "cancelled">;
  /**
   * Lets the user pick a template file and imports it (`import_template`); null when they picked
   * none. Rejects with an ApiError (field `template_file`) when the file is refused.
   */
  openTemplateFile(title?: string): Promise<TemplateSummary | null>;
  /**
   * Lets the user pick a `.polku` workshop file (the browser's picker, the desktop's native open
   * dialog) and reads it: its name and text, or null when they picked none. Importing is the
   * page's, through `import_workshop`.
   */
  pickWorkshopFile(title?: string): Promise<{ name: string; text: string } | null>;
  /**
   * Files the system hands the app rather than the page picking one: on the desktop a `.polku`
   * file double-clicked in the file manager, or dropped on the window while `receiver` receives.
   * Asks once at once (the file the app was started with), then whenever one waits. Returns a
   * function that stops receiving. A browser hands none: its drops reach the page itself.
   */
  receiveOpenedFiles(receiver: FileReceiver): () => void;
  /** The waiting file's name and text (read bounded), or null; rejects like `pickWorkshopFile`. */
  takeOpenedFile(): Promise<{ name: string; text: string } | null>;
  /** A file was dropped on the window where nothing receives it (anywhere but the workshop list). */
  onFileDroppedElsewhere(handler: () => void): () => void;
  /**
   * Team libraries opened in windows of their own (the desktop app's); null where there are
   * none to open (a browser is on one library already).
   */
  readonly teamLibraries: TeamLibraries | null;
}

/** The desktop's team libraries: remembered addresses, each opened in its own window. */
export interface TeamLibraries {
  /** The addresses opened before, the last opened first. */
  list(): Promise<string[]>;
  /** Opens (or brings forward) the library's window; answers the list as it is now. Rejects
   * with an ApiError (field `team_url`) for an address that is not one. */
  open(url: string): Promise<string[]>;
  forget(url: string): Promise<string[]>;
}

/** A tiny listener set shared by both transports. */
export class Listeners<A extends unknown[]> {
  private set = new Set<(...args: A) => void>();
  add(fn: (...args: A) => void): () => void {
    this.set.add(fn);
    return () => this.set.delete(fn);
  }
  emit(...args: A): void {
    for (const fn of [...this.set]) {
      try {
        fn(...args);
      } catch (e) {
        // One broken listener must not stop the others from hearing about a change.
        console.error(e);
      }
    }
  }
}
