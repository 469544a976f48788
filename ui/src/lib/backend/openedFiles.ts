import { Listeners } from "./backend";

/**
 * The desktop shell's word about files the system hands the app (src-tauri/src/opened_files.rs):
 * one waits to be taken (double-clicked in the file manager, or dropped while the page receives
 * drops), one was dropped where the page does not receive them, or one is dragged over the window.
 */
export type FileNews = { kind: "waiting" } | { kind: "elsewhere" } | { kind: "hover"; over: boolean };

/** Who opens handed files: the workshop list while it shows. */
export interface FileReceiver {
  /** A file waits: take it with `takeOpenedFile`. */
  arrived(): void;
  /** A file is dragged over the window (true), or no longer. */
  hovering(over: boolean): void;
}

type Invoke = (cmd: string, args?: Record<string, unknown>) => Promise<unknown>;

/**
 * Routes the shell's news to the one receiver, and tells the shell whether anyone receives drops,
 * so a file dropped on a board is not imported once the list shows again.
 */
export class OpenedFiles {
  private receiver: FileReceiver | null = null;
  private readonly elsewhere = new Listeners<[]>();

  constructor(private readonly invoke: Invoke) {}

  hear(news: FileNews): void {
    if (news.kind === "elsewhere") this.elsewhere.emit();
    else if (news.kind === "hover") this.receiver?.hovering(news.over);
    else this.receiver?.arrived();
  }

  receive(receiver: FileReceiver): () => void {
    this.receiver = receiver;
    // Once the shell knows drops are received, a file that came before the page (the one the app
    // was started with) is asked for: it waits in the shell until then.
    this.invoke("receive_opened_files", { on: true }).then(
      () => {
        if (this.receiver === receiver) receiver.arrived();
      },
      (e: unknown) => console.error("polku: cannot receive opened files", e),
    );
    return () => {
      if (this.receiver !== receiver) return;
      this.receiver = null;
      this.invoke("receive_opened_files", { on: false }).catch(() => {});
    };
  }

  onDroppedElsewhere(handler: () => void): () => void {
    return this.elsewhere.add(handler);
  }
}
