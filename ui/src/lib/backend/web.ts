import { RETRY_SAFE, type Command, type Req, type Res } from "../api/commands";
import { ApiError, toApiError } from "../api/errors";
import type { TemplateSummary } from "../api/generated/TemplateSummary";
import { MAX_TEMPLATE_BYTES, TEMPLATE_FILE_EXTENSION } from "../api/generated/templates";
import type { Event } from "../api/types";
import { uuid } from "../ids";
import { Listeners, type Backend, type EventHandler } from "./backend";
import { backoffDelay } from "./backoff";
import { claimClientId } from "./clientClaim";
import { postJson } from "./postJson";

const CLIENT_KEY = "polku.client_id";

/**
 * One id per tab: sessionStorage survives a reload of the tab but is not shared with other tabs,
 * so two tabs keep two undo histories; a duplicated tab, which inherits the copy, takes a new one
 * (clientClaim.ts).
 */
export function webClientId(): Promise<string> {
  return claimClientId(typeof sessionStorage === "undefined" ? null : sessionStorage, CLIENT_KEY);
}

export class WebBackend implements Backend {
  readonly teamLibraries = null;
  private readonly id: string;
  private readonly events = new Listeners<[Event]>();
  private readonly reconnects = new Listeners<[]>();
  private readonly connection = new Listeners<[boolean]>();
  private socket: WebSocket | null = null;
  private attempts = 0;
  private everOpen = false;
  private connected = false;

  constructor(
    id: string,
    private readonly origin: string = location.origin,
  ) {
    this.id = id;
    this.connect();
  }

  clientId(): string {
    return this.id;
  }

  async call<C extends Command>(command: C, args: Req<C>): Promise<Res<C>> {
    const tries = RETRY_SAFE.has(command) ? 3 : 1;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once(command, args);
      } catch (e) {
        const err = toApiError(e);
        if (err.code !== "network" || attempt + 1 >= tries) throw err;
        await sleep(backoffDelay(attempt, 300, 2000));
      }
    }
  }

  private once<C extends Command>(command: C, args: Req<C>): Promise<Res<C>> {
    return postJson<Res<C>>(`${this.origin}/api/${command}`, args);
  }

  /**
   * A link click, not fetch-to-blob: the browser streams the file to disk itself and names it from
   * the server's Content-Disposition (the workshop's title, UTF-8 and all). Whether the user then
   * keeps it is the browser's business, so this cannot tell a cancelled download apart.
   */
  async saveExport(jobId: string, fileName: string): Promise<"saved" | "cancelled"> {
    download(`${this.origin}/api/exports/${encodeURIComponent(jobId)}`, fileName);
    return "saved";
  }

  /** The same for an own template's file, from `GET /api/templates/<id>`. */
  async saveTemplateFile(id: string): Promise<"saved" | "cancelled"> {
    download(`${this.origin}/api/templates/${encodeURIComponent(id)}`, "");
    return "saved";
  }

  /** The browser's own file picker; the file's text goes to `import_template`. */
  async openTemplateFile(): Promise<TemplateSummary | null> {
    const file = await pickFile(`.${TEMPLATE_FILE_EXTENSION},.json,application/json`);
    if (!file) return null;
    if (file.size > MAX_TEMPLATE_BYTES) {
      throw new ApiError("too_large", `${file.name} is ${file.size} bytes`, "template_file");
    }
    return this.call("import_template", { json: await file.text() });
  }

  async pickWorkshopFile(): Promise<{ name: string; text: string } | null> {
    const file = await pickFile(".polku,.json,application/json");
    if (!file) return null;
    if (file.size > MAX_WORKSHOP_FILE_BYTES) throw new ApiError("too_large", `${file.name} is ${file.size} bytes`, "workshop_file", { kind: "too_large" });
    return { name: file.name, text: await file.text() };
  }

  // The page's own drop handler gets files dropped in a browser; nothing else hands one over.
  receiveOpenedFiles(): () => void {
    return () => {};
  }

  async takeOpenedFile(): Promise<null> {
    return null;
  }

  onFileDroppedElsewhere(): () => void {
    return () => {};
  }

  subscribe(handler: EventHandler): () => void {
    return this.events.add(handler);
  }

  onReconnect(handler: () => void): () => void {
    return this.reconnects.add(handler);
  }

  onConnection(handler: (connected: boolean) => void): () => void {
    handler(this.connected);
    return this.connection.add(handler);
  }

  private connect(): void {
    const url = this.origin.replace(/^http/, "ws") + "/api/events";
    let ws: WebSocket;
    try {
      ws = new WebSocket(url);
    } catch {
      this.retry();
      return;
    }
    this.socket = ws;
    ws.onopen = () => {
      this.attempts = 0;
      this.setConnected(true);
      if (this.everOpen) this.reconnects.emit();
      this.everOpen = true;
    };
    ws.onmessage = (msg) => {
      if (typeof msg.data !== "string") return;
      try {
        this.events.emit(JSON.parse(msg.data) as Event);
      } catch (e) {
        console.error("polku: unreadable event", e);
      }
    };
    ws.onclose = () => {
      if (this.socket !== ws) return;
      this.socket = null;
      this.setConnected(false);
      this.retry();
    };
  }

  private retry(): void {
    const delay = backoffDelay(this.attempts++, 500, 10_000);
    setTimeout(() => this.connect(), delay);
  }

  private setConnected(up: boolean): void {
    if (this.connected === up) return;
    this.connected = up;
    this.connection.emit(up);
  }
}

/** A download by a hidden link's click; `fileName` empty: the server names the file. */
function download(href: string, fileName: string): void {
  const a = document.createElement("a");
  a.href = href;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  try {
    a.click();
  } finally {
    a.remove();
  }
}

/** Far beyond any real workshop file (polku_export::workshop_file::MAX_FILE_BYTES). */
const MAX_WORKSHOP_FILE_BYTES = 64 * 1024 * 1024;

/** One file the user picks, or null when they close the picker. */
function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement("input");
    input.type = "file";
    input.accept = accept;
    input.hidden = true;
    const done = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener("change", () => done(input.files?.[0] ?? null));
    input.addEventListener("cancel", () => done(null));
    document.body.append(input);
    input.click();
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
