//! The command surface: every thing a client can do, declared once below with its request and
//! response types. Tauri IPC and HTTP both call [`Host::call`], so both run the same handler.

mod backups;
mod bindings;
mod deleted;
mod error;
mod exports;
mod file_problem;
mod handlers;
mod host;
mod join;
mod library;
mod qr;
mod team;
mod templates;
mod types;
mod votes;

pub use backups::{Backup, BackupOrigin, BackupRequest, BackupWorkshopRequest, Erased, ListBackupsRequest, MakeBackupRequest, RestoreAs, RestoreWorkshopRequest, RestoredLibrary};
pub use bindings::{export_bindings, BINDINGS_DIR};
pub use deleted::{DeletedWorkshop, DeletedWorkshopRequest, ListDeletedWorkshopsRequest};
pub use error::{ApiError, ErrorCode};
pub use exports::{file_name, file_stem, ExportFile, ExportFormat, ExportStatus};
pub use file_problem::FileProblem;
pub use host::Host;
pub use library::{LibraryStatus, LibraryStatusRequest};
pub use join::secret::{access_key, same as same_secret};
pub use qr::{picture as qr_picture, QrPicture, MAX_QR_TEXT};
pub use join::{
    AnswerJoinRequest, BringEveryoneRequest, Caller, Device, DeviceStanding, FollowBoardRequest, JoinAddress, JoinAddressesRequest, JoinDevice, JoinInvite, JoinInviteRequest, JoinNetwork, JoinRequest, JoinStatus, Joined, JoinedDevice,
    OpenJoinRequest, ParticipantAddNoteRequest, ParticipantBoard, ParticipantDeleteNoteRequest, ParticipantLane, ParticipantNote,
    ParticipantPlace, ParticipantUpdateNoteRequest, ParticipantView, ParticipantViewRequest, FaceDownCount, ParticipantVoteRequest, PhoneBring, PhoneEvent, PhoneLive, PhoneVote, PhoneVoteTarget, RemoveDeviceRequest, SetJoinBoardsRequest, SetNoteNamesRequest,
    Tone, WorkshopJoinRequest, CODE_FAILURES_PER_MINUTE, DEVICE_WRITES_PER_MINUTE, MAX_DEVICES, MAX_DEVICE_NOTES, OTHERS_LISTED,
};
pub use types::*;
pub use votes::{CastVoteRequest, VoteTurn, VoteTurnRequest};

/// What a subscriber of [`Host::subscribe`] may get instead of an event.
pub use tokio::sync::broadcast::error::RecvError;

/// Whether `id` may name a client (a browser tab, a desktop window).
pub fn is_valid_client_id(id: &str) -> bool {
    polku_core::validate_client_id(id).is_ok()
}

/// Who may call a command: every command declares one (see `commands!`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// The facilitator's own surface: the desktop window, a browser on loopback.
    Facilitator,
    /// A joined, let-in participant's device.
    Participant,
}

use polku_core::template::TemplateSummary;
use polku_core::{History, Workshop, WorkshopSummary};

/// Declares the commands: who may call it, the name a client calls, its request type, its
/// response type. The handler of `name` is `handlers::name`: `(host, req)` for the facilitator's,
/// `(host, &device, req)` for a participant's. The audience comes first and has no default, so a
/// command without one does not compile; a participant is refused every facilitator command.
macro_rules! commands {
    ($($audience:ident $name:ident($req:ty) -> $resp:ty;)*) => {
        /// Every command name, in declaration order.
        pub const COMMANDS: &[&str] = &[$(stringify!($name)),*];

        /// Who may call the command `name`; `None` for no such command.
        pub fn audience(name: &str) -> Option<Audience> {
            match name {
                $(stringify!($name) => Some(audience!($audience)),)*
                _ => None,
            }
        }

        impl Host {
            /// Runs one command for the facilitator (the desktop window, the loopback browser).
            pub fn call(&self, command: &str, args: serde_json::Value) -> Result<serde_json::Value, ApiError> {
                self.call_as(&Caller::Facilitator, command, args)
            }

            /// Runs one command for `caller`: `args` is the request as JSON, the answer is the
            /// response as JSON. Who may call it is checked here, before the request is read.
            pub fn call_as(&self, caller: &Caller, command: &str, args: serde_json::Value) -> Result<serde_json::Value, ApiError> {
                let Some(audience) = audience(command) else { return Err(ApiError::unknown_command(command)) };
                let device = self.admit(caller, audience, command)?;
                if let Some(why) = self.damage() {
                    if !backups::ANSWERED_WHILE_DAMAGED.contains(&command) {
                        return Err(why);
                    }
                }
                match command {
                    $(stringify!($name) => {
                        let req: $req = serde_json::from_value(args).map_err(ApiError::bad_request)?;
                        let resp: $resp = run!($audience, handlers::$name, self, device, req).inspect_err(|e| self.on_error(e))?;
                        serde_json::to_value(resp).map_err(|e| ApiError::internal(e.to_string()))
                    })*
                    _ => Err(ApiError::unknown_command(command)),
                }
            }
        }

        /// (name, request type, response type) as TypeScript sees them, for the generated map.
        pub(crate) fn command_signatures(cfg: &ts_rs::Config) -> Vec<(&'static str, String, String)> {
            use ts_rs::TS;
            vec![$((stringify!($name), <$req as TS>::name(cfg), <$resp as TS>::name(cfg))),*]
        }

        pub(crate) fn export_command_types(cfg: &ts_rs::Config) -> Result<(), ts_rs::ExportError> {
            $( bindings::export_type::<$req>(cfg)?; bindings::export_type::<$resp>(cfg)?; )*
            Ok(())
        }
    };
}

/// The only audiences there are; any other word in front of a command is a compile error.
macro_rules! audience {
    (facilitator) => {
        Audience::Facilitator
    };
    (participant) => {
        Audience::Participant
    };
}

/// Calls a handler with what its audience has: a participant's handler also gets the device.
macro_rules! run {
    (facilitator, $handler:path, $host:expr, $device:expr, $req:expr) => {{
        let _ = $device;
        $handler($host, $req)
    }};
    (participant, $handler:path, $host:expr, $device:expr, $req:expr) => {
        match $device {
            Some(device) => $handler($host, &device, $req),
            None => Err(ApiError::with_field(ErrorCode::Forbidden, "only a joined device calls this", "device")),
        }
    };
}

commands! {
    facilitator list_workshops(ListWorkshopsRequest) -> Vec<WorkshopSummary>;
    facilitator create_workshop(CreateWorkshopRequest) -> WorkshopSummary;
    facilitator list_templates(ListTemplatesRequest) -> Vec<TemplateSummary>;
    facilitator save_template(SaveTemplateRequest) -> TemplateSummary;
    facilitator import_template(ImportTemplateRequest) -> TemplateSummary;
    facilitator delete_template(DeleteTemplateRequest) -> ();
    facilitator rename_workshop(RenameWorkshopRequest) -> WorkshopSummary;
    facilitator delete_workshop(DeleteWorkshopRequest) -> ();
    facilitator import_workshop(ImportWorkshopRequest) -> ImportedWorkshop;
    facilitator list_deleted_workshops(ListDeletedWorkshopsRequest) -> Vec<DeletedWorkshop>;
    facilitator restore_workshop(DeletedWorkshopRequest) -> ();
    facilitator erase_workshop(DeletedWorkshopRequest) -> Erased;
    facilitator library_status(LibraryStatusRequest) -> LibraryStatus;
    facilitator list_backups(ListBackupsRequest) -> Vec<Backup>;
    facilitator make_backup(MakeBackupRequest) -> Backup;
    facilitator backup_workshops(BackupRequest) -> Vec<WorkshopSummary>;
    facilitator open_backup_workshop(BackupWorkshopRequest) -> Workshop;
    facilitator restore_from_backup(RestoreWorkshopRequest) -> WorkshopSummary;
    facilitator restore_library(BackupRequest) -> RestoredLibrary;
    facilitator open_workshop(OpenWorkshopRequest) -> Workshop;
    facilitator apply_op(ApplyOpRequest) -> OpResult;
    facilitator undo(StepRequest) -> OpResult;
    facilitator redo(StepRequest) -> OpResult;
    facilitator history(HistoryRequest) -> History;
    facilitator server_clock(ServerClockRequest) -> ServerClock;
    facilitator preview_export(PreviewExportRequest) -> ExportPreview;
    facilitator preview_handout(PreviewHandoutRequest) -> ExportPreview;
    facilitator start_export(StartExportRequest) -> ExportJob;
    facilitator export_status(ExportJobRequest) -> ExportStatus;
    facilitator cancel_export(ExportJobRequest) -> ();
    facilitator join_addresses(JoinAddressesRequest) -> Vec<JoinAddress>;
    facilitator open_join(OpenJoinRequest) -> JoinStatus;
    facilitator join_status(WorkshopJoinRequest) -> JoinStatus;
    facilitator close_join(WorkshopJoinRequest) -> JoinStatus;
    facilitator renew_join_code(WorkshopJoinRequest) -> JoinStatus;
    facilitator remove_device(RemoveDeviceRequest) -> JoinStatus;
    facilitator answer_join(AnswerJoinRequest) -> JoinStatus;
    facilitator set_join_boards(SetJoinBoardsRequest) -> JoinStatus;
    facilitator follow_board(FollowBoardRequest) -> JoinStatus;
    facilitator bring_everyone(BringEveryoneRequest) -> ();
    facilitator set_note_names(SetNoteNamesRequest) -> JoinStatus;
    facilitator cast_vote(CastVoteRequest) -> OpResult;
    facilitator vote_turn(VoteTurnRequest) -> VoteTurn;
    participant participant_view(ParticipantViewRequest) -> ParticipantView;
    participant participant_add_note(ParticipantAddNoteRequest) -> ParticipantNote;
    participant participant_update_note(ParticipantUpdateNoteRequest) -> ParticipantNote;
    participant participant_delete_note(ParticipantDeleteNoteRequest) -> ();
    participant participant_vote(ParticipantVoteRequest) -> PhoneVote;
}
