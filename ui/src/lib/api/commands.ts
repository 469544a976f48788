import type { CommandName, Commands } from "./generated/commands";

// The command → request/response map is generated from the Rust declarations, so `call` with a
// misspelt command or argument fails the type check, not the workshop.
export type { Commands } from "./generated/commands";
export type Command = CommandName;
export type Req<C extends Command> = Commands[C]["request"];
export type Res<C extends Command> = Commands[C]["response"];

/** Commands that are safe to send again after a network failure (reads, or idempotent by op_id). */
export const RETRY_SAFE: ReadonlySet<Command> = new Set<Command>([
  "list_workshops",
  "open_workshop",
  "history",
  "apply_op",
  "undo",
  "redo",
  "rename_workshop",
  // Reads, or harmless to repeat: the export dialog's page count and a job's progress and cancel.
  "preview_export",
  "preview_handout",
  "export_status",
  "cancel_export",
]);
