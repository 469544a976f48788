import { ApiError, errorKey, toApiError } from "../api/errors";
import type { ExportStatus, StartExportRequest } from "../api/types";
import type { Backend } from "../backend/backend";

/** What a run needs of the backend; a test passes a plain object. */
export type JobBackend = Pick<Backend, "call" | "saveExport">;

/** Where a run stands, for the dialog's progress bar. */
export type JobProgress =
  | { phase: "starting" }
  | { phase: "running"; done: number; total: number }
  | { phase: "saving"; fileName: string };

export type JobOutcome = { kind: "saved"; fileName: string } | { kind: "cancelled" } | { kind: "failed"; error: ApiError };

export type JobOptions = {
  /** The title of the desktop's save dialog, in the user's language. */
  saveTitle?: string;
  /** Between two status polls; the server updates progress once per board or part. */
  interval?: number;
  onprogress?: (p: JobProgress) => void;
  /** Replaceable so tests need no real time. */
  sleep?: (ms: number) => Promise<void>;
};

const CANCELLED: JobOutcome = { kind: "cancelled" };

function failed(e: unknown): JobOutcome {
  return { kind: "failed", error: toApiError(e) };
}

function realSleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * One export, start to saved file: start the job, poll its status, hand the finished file to the
 * backend to save. `cancel()` may come at any moment; once asked, the run ends "cancelled" even
 * when the server finished the file meanwhile, so a Cancel is never followed by a download or a
 * save dialog the user no longer wants.
 */
export class ExportRun {
  private cancelled = false;
  private jobId: string | null = null;
  private wake: () => void = () => {};
  /** Settles on cancel, cutting short the wait between polls. */
  private readonly woken = new Promise<void>((r) => (this.wake = r));

  constructor(
    private readonly api: JobBackend,
    private readonly options: JobOptions = {},
  ) {}

  get cancelRequested(): boolean {
    return this.cancelled;
  }

  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    if (this.jobId) this.tellServer(this.jobId);
    this.wake();
  }

  /** Stops the server's work too; an export of a big workshop takes the CPU for a while. */
  private tellServer(jobId: string): void {
    // Not awaited, failures ignored: the job may have just finished or been forgotten, and either
    // way this run fetches nothing more.
    this.api.call("cancel_export", { job_id: jobId }).catch(() => {});
  }

  async run(request: StartExportRequest): Promise<JobOutcome> {
    const { interval = 150, onprogress, sleep = realSleep } = this.options;
    onprogress?.({ phase: "starting" });
    let jobId: string;
    try {
      jobId = (await this.api.call("start_export", request)).job_id;
    } catch (e) {
      return this.cancelled ? CANCELLED : failed(e);
    }
    this.jobId = jobId;
    if (this.cancelled) {
      // Cancelled while the start was on its way: the server has a job nobody will fetch.
      this.tellServer(jobId);
      return CANCELLED;
    }
    for (;;) {
      let status: ExportStatus;
      try {
        status = await this.api.call("export_status", { job_id: jobId });
      } catch (e) {
        return this.cancelled ? CANCELLED : failed(e);
      }
      if (this.cancelled) return CANCELLED;
      switch (status.state) {
        case "running":
          onprogress?.({ phase: "running", done: status.done, total: Math.max(1, status.total) });
          break;
        case "ready":
          onprogress?.({ phase: "saving", fileName: status.file_name });
          try {
            const saved = await this.api.saveExport(jobId, status.file_name, this.options.saveTitle);
            return saved === "saved" ? { kind: "saved", fileName: status.file_name } : CANCELLED;
          } catch (e) {
            return failed(e);
          }
        case "failed":
          return failed(status.error);
        case "cancelled":
          return CANCELLED;
      }
      await Promise.race([sleep(interval), this.woken]);
      if (this.cancelled) return CANCELLED;
    }
  }
}

/**
 * The i18n key for why an export failed. A validation error names its field (error.validation.*);
 * an internal one gets the export's own words, since the general one speaks of saving an edit.
 */
export function exportErrorKey(err: { code: string; field?: string | null }, has: (key: string) => boolean): string {
  if (err.code === "internal") return "export.failed";
  return errorKey(err, has);
}
