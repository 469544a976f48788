import type { Backend } from "../backend/backend";
import type { JoinAddress } from "../api/generated/JoinAddress";
import type { JoinStatus } from "../api/generated/JoinStatus";
import { toApiError, type ApiError } from "../api/errors";

/**
 * One workshop's join as the facilitator's page holds it: the status the server keeps (it is in
 * the server's memory, not the page's), fetched again on every `join_changed` event and after a
 * reconnect, and the commands that change it. A refusal is handed back for the dialog to show
 * beside what was pressed.
 */
/** The times a join may stay open, in hours, offered when it opens and for more time. */
export const JOIN_HOURS = [3, 12, 168] as const;
/** The server's own default (`DEFAULT_JOIN_HOURS`). */
export const DEFAULT_JOIN_HOURS = 12;

/** setTimeout's longest wait; a week is well within it. */
const MAX_TIMEOUT_MS = 2_147_483_647;

export class JoinState {
  #status = $state<JoinStatus | null>(null);
  addresses = $state<JoinAddress[]>([]);
  boards = $state<{ id: string; title: string }[]>([]);
  busy = $state(false);
  private offs: (() => void)[] = [];
  /** Asks again when the join's time is up, so the page shows it closed (the server closes it then). */
  private closing: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly api: Backend,
    readonly workshopId: string,
  ) {}

  /** Starts following the server's join for this workshop; `stop` ends it. */
  start(): void {
    this.offs.push(
      this.api.subscribe((ev) => {
        if (ev.type === "join_changed" && ev.workshop_id === this.workshopId) void this.refresh();
      }),
      this.api.onReconnect(() => void this.refresh()),
    );
    void this.refresh();
  }

  stop(): void {
    for (const off of this.offs) off();
    this.offs = [];
    clearTimeout(this.closing);
  }

  get status(): JoinStatus | null {
    return this.#status;
  }

  set status(s: JoinStatus | null) {
    this.#status = s;
    clearTimeout(this.closing);
    if (!s?.open || s.closes_at === null) return;
    // A second after the time, and never sooner than a second from now: the server's clock may be
    // a little behind this computer's, and then the answer is still "open", with the same time.
    const wait = Math.min(Math.max(s.closes_at - Date.now() + 1_000, 1_000), MAX_TIMEOUT_MS);
    this.closing = setTimeout(() => void this.refresh(), wait);
  }

  get open(): boolean {
    return this.status?.open ?? false;
  }

  async refresh(): Promise<void> {
    try {
      this.status = await this.api.call("join_status", { workshop_id: this.workshopId });
    } catch {
      // The header keeps what it showed; the dialog's own calls report their refusals.
    }
  }

  async loadAddresses(): Promise<ApiError | null> {
    return this.run(async () => {
      this.addresses = await this.api.call("join_addresses", {});
    });
  }

  openJoin(args: { boardId: string; address: string | null; askFirst: boolean; showOthers: boolean; hours: number }): Promise<ApiError | null> {
    return this.run(async () => {
      this.status = await this.api.call("open_join", {
        workshop_id: this.workshopId,
        board_id: args.boardId,
        address: args.address ?? undefined,
        ask_first: args.askFirst,
        show_others: args.showOthers,
        open_hours: args.hours,
      });
    });
  }

  /** More time: the join closes `hours` from now instead. */
  extend(hours: number): Promise<ApiError | null> {
    return this.run(async () => {
      this.status = await this.api.call("extend_join", { workshop_id: this.workshopId, hours });
    });
  }

  /** The workshop's boards by title, for choosing what participants see. */
  async loadBoards(): Promise<ApiError | null> {
    return this.run(async () => {
      const w = await this.api.call("open_workshop", { id: this.workshopId });
      this.boards = w.boards.map((b) => ({ id: b.id, title: b.title }));
    });
  }

  /** Which boards participants see, which of them they may no longer change, and whether they see each other's notes. */
  setBoards(args: { boards: string[]; locked: string[]; showOthers: boolean }): Promise<ApiError | null> {
    return this.run(async () => {
      this.status = await this.api.call("set_join_boards", {
        workshop_id: this.workshopId,
        boards: args.boards,
        locked: args.locked.filter((b) => args.boards.includes(b)),
        show_others: args.showOthers,
      });
    });
  }

  /** "Participants follow my board": their screens show `boardId`; null lets each choose. */
  follow(boardId: string | null): Promise<ApiError | null> {
    return this.run(async () => {
      this.status = await this.api.call("follow_board", { workshop_id: this.workshopId, board_id: boardId });
    });
  }

  /** Notes from phones keep their writer's nickname from now on (for exports), or not. */
  names(on: boolean): Promise<ApiError | null> {
    return this.run(async () => {
      this.status = await this.api.call("set_note_names", { workshop_id: this.workshopId, names: on });
    });
  }

  closeJoin(): Promise<ApiError | null> {
    return this.run(async () => {
      this.status = await this.api.call("close_join", { workshop_id: this.workshopId });
    });
  }

  renewCode(): Promise<ApiError | null> {
    return this.run(async () => {
      this.status = await this.api.call("renew_join_code", { workshop_id: this.workshopId });
    });
  }

  remove(deviceId: string): Promise<ApiError | null> {
    return this.run(async () => {
      this.status = await this.api.call("remove_device", { workshop_id: this.workshopId, device_id: deviceId });
    });
  }

  answer(deviceId: string, accept: boolean): Promise<ApiError | null> {
    return this.run(async () => {
      this.status = await this.api.call("answer_join", { workshop_id: this.workshopId, device_id: deviceId, accept });
    });
  }

  private async run(body: () => Promise<void>): Promise<ApiError | null> {
    this.busy = true;
    try {
      await body();
      return null;
    } catch (e) {
      return toApiError(e);
    } finally {
      this.busy = false;
    }
  }
}
