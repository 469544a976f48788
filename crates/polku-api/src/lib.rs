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
mod sharing;
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
pub use sharing::{Colleague, ShareWorkshopRequest, WorkshopSharing, WorkshopSharingRequest};
pub use join::secret::{access_key, same as same_secret};
pub use qr::{picture as qr_picture, QrPicture, MAX_QR_TEXT};
pub use join::{
    AnswerJoinRequest, BringEveryoneRequest, Caller, Device, DeviceStanding, ExtendJoinRequest, FollowBoardRequest, JoinAddress, JoinAddressesRequest, JoinDevice, JoinInvite, JoinInviteRequest, JoinNetwork, JoinRequest, JoinStatus, Joined, JoinedDevice,
    OpenJoinRequest, ParticipantAddNoteRequest, ParticipantBoard, ParticipantDeleteNoteRequest, ParticipantLane, ParticipantNote,
    ParticipantPlace, ParticipantUpdateNoteRequest, ParticipantView, ParticipantViewRequest, FaceDownCount, ParticipantVoteRequest, PhoneBring, PhoneEvent, PhoneLive, PhoneVote, PhoneVoteTarget, RemoveDeviceRequest, SetJoinBoardsRequest, SetNoteNamesRequest,
    Tone, WorkshopJoinRequest, CODE_FAILURES_PER_MINUTE, DEFAULT_JOIN_HOURS, DEVICE_WRITES_PER_MINUTE, MAX_DEVICES, MAX_DEVICE_NOTES, MAX_JOIN_HOURS, OTHERS_LISTED,
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
    ($($audience:ident [$scope:ident $(($field:ident))?] $name:ident($req:ty) -> $resp:ty;)*) => {
        /// Every command name, in declaration order.
        pub const COMMANDS: &[&str] = &[$(stringify!($name)),*];

        /// What the command `name` reaches, and the request's field that names it:
        /// ("workshop", Some("id")), ("job", Some("job_id")), ("listed", None), ("created", None),
        /// ("library", None) or ("device", None); `None` for no such command.
        pub fn reach(name: &str) -> Option<(&'static str, Option<&'static str>)> {
            match name {
                $(stringify!($name) => Some((stringify!($scope), None $(.or(Some(stringify!($field))))?)),)*
                _ => None,
            }
        }

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
                        reach!(self, caller, &args, $req, $scope $(($field))?);
                        let req: $req = serde_json::from_value(args).map_err(ApiError::bad_request)?;
                        let resp: $resp = run!($audience, handlers::$name, self, device, req).inspect_err(|e| self.on_error(e))?;
                        let answered = answer!(self, caller, resp, $scope);
                        serde_json::to_value(answered).map_err(|e| ApiError::internal(e.to_string()))
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

/// What a command reaches (`facilitator[workshop(id)] open_workshop(…)`), checked for a team
/// server's facilitator before the request is read whole (see `sharing.rs`). There is no default:
/// a command without it does not compile. `workshop(field)` names the request's field that holds the workshop;
/// the closure that reads it does not compile when the request has no such field.
macro_rules! reach {
    ($host:expr, $caller:expr, $args:expr, $req:ty, workshop($field:ident)) => {{
        let _ = |r: &$req| { let _ = &r.$field; };
        $host.reach_workshop($caller, $args, stringify!($field))?;
    }};
    ($host:expr, $caller:expr, $args:expr, $req:ty, job($field:ident)) => {{
        let _ = |r: &$req| { let _ = &r.$field; };
        $host.reach_job($caller, $args, stringify!($field))?;
    }};
    ($host:expr, $caller:expr, $args:expr, $req:ty, listed) => {};
    ($host:expr, $caller:expr, $args:expr, $req:ty, created) => {};
    // Not one workshop: the library's templates, its state, the laptop's backups, the clock.
    ($host:expr, $caller:expr, $args:expr, $req:ty, library) => {};
    // A participant's: their device's join, bound to one workshop.
    ($host:expr, $caller:expr, $args:expr, $req:ty, device) => {};
}

/// What a command's answer becomes for a team server's facilitator: a list of only theirs, a new
/// workshop theirs.
macro_rules! answer {
    ($host:expr, $caller:expr, $resp:expr, listed) => {
        $host.only_theirs($caller, $resp)?
    };
    ($host:expr, $caller:expr, $resp:expr, created) => {{
        $host.claim($caller, &$resp)?;
        $resp
    }};
    ($host:expr, $caller:expr, $resp:expr, $other:ident) => {
        $resp
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
    facilitator[listed] list_workshops(ListWorkshopsRequest) -> Vec<WorkshopSummary>;
    facilitator[created] create_workshop(CreateWorkshopRequest) -> WorkshopSummary;
    facilitator[library] list_templates(ListTemplatesRequest) -> Vec<TemplateSummary>;
    facilitator[workshop(workshop_id)] save_template(SaveTemplateRequest) -> TemplateSummary;
    facilitator[library] import_template(ImportTemplateRequest) -> TemplateSummary;
    facilitator[library] delete_template(DeleteTemplateRequest) -> ();
    facilitator[workshop(id)] rename_workshop(RenameWorkshopRequest) -> WorkshopSummary;
    facilitator[workshop(id)] delete_workshop(DeleteWorkshopRequest) -> ();
    facilitator[created] import_workshop(ImportWorkshopRequest) -> ImportedWorkshop;
    facilitator[listed] list_deleted_workshops(ListDeletedWorkshopsRequest) -> Vec<DeletedWorkshop>;
    facilitator[workshop(id)] restore_workshop(DeletedWorkshopRequest) -> ();
    facilitator[workshop(id)] erase_workshop(DeletedWorkshopRequest) -> Erased;
    facilitator[library] library_status(LibraryStatusRequest) -> LibraryStatus;
    facilitator[library] list_backups(ListBackupsRequest) -> Vec<Backup>;
    facilitator[library] make_backup(MakeBackupRequest) -> Backup;
    facilitator[library] backup_workshops(BackupRequest) -> Vec<WorkshopSummary>;
    facilitator[library] open_backup_workshop(BackupWorkshopRequest) -> Workshop;
    facilitator[library] restore_from_backup(RestoreWorkshopRequest) -> WorkshopSummary;
    facilitator[library] restore_library(BackupRequest) -> RestoredLibrary;
    facilitator[workshop(id)] open_workshop(OpenWorkshopRequest) -> Workshop;
    facilitator[workshop(workshop_id)] apply_op(ApplyOpRequest) -> OpResult;
    facilitator[workshop(workshop_id)] undo(StepRequest) -> OpResult;
    facilitator[workshop(workshop_id)] redo(StepRequest) -> OpResult;
    facilitator[workshop(workshop_id)] history(HistoryRequest) -> History;
    facilitator[library] server_clock(ServerClockRequest) -> ServerClock;
    facilitator[workshop(workshop_id)] preview_export(PreviewExportRequest) -> ExportPreview;
    facilitator[workshop(workshop_id)] preview_handout(PreviewHandoutRequest) -> ExportPreview;
    facilitator[workshop(workshop_id)] start_export(StartExportRequest) -> ExportJob;
    facilitator[job(job_id)] export_status(ExportJobRequest) -> ExportStatus;
    facilitator[job(job_id)] cancel_export(ExportJobRequest) -> ();
    facilitator[library] join_addresses(JoinAddressesRequest) -> Vec<JoinAddress>;
    facilitator[workshop(workshop_id)] open_join(OpenJoinRequest) -> JoinStatus;
    facilitator[workshop(workshop_id)] join_status(WorkshopJoinRequest) -> JoinStatus;
    facilitator[workshop(workshop_id)] close_join(WorkshopJoinRequest) -> JoinStatus;
    facilitator[workshop(workshop_id)] extend_join(ExtendJoinRequest) -> JoinStatus;
    facilitator[workshop(workshop_id)] renew_join_code(WorkshopJoinRequest) -> JoinStatus;
    facilitator[workshop(workshop_id)] remove_device(RemoveDeviceRequest) -> JoinStatus;
    facilitator[workshop(workshop_id)] answer_join(AnswerJoinRequest) -> JoinStatus;
    facilitator[workshop(workshop_id)] set_join_boards(SetJoinBoardsRequest) -> JoinStatus;
    facilitator[workshop(workshop_id)] follow_board(FollowBoardRequest) -> JoinStatus;
    facilitator[workshop(workshop_id)] bring_everyone(BringEveryoneRequest) -> ();
    facilitator[workshop(workshop_id)] set_note_names(SetNoteNamesRequest) -> JoinStatus;
    facilitator[workshop(workshop_id)] cast_vote(CastVoteRequest) -> OpResult;
    facilitator[workshop(workshop_id)] vote_turn(VoteTurnRequest) -> VoteTurn;
    facilitator[workshop(workshop_id)] workshop_sharing(WorkshopSharingRequest) -> WorkshopSharing;
    facilitator[workshop(workshop_id)] share_workshop(ShareWorkshopRequest) -> WorkshopSharing;
    participant[device] participant_view(ParticipantViewRequest) -> ParticipantView;
    participant[device] participant_add_note(ParticipantAddNoteRequest) -> ParticipantNote;
    participant[device] participant_update_note(ParticipantUpdateNoteRequest) -> ParticipantNote;
    participant[device] participant_delete_note(ParticipantDeleteNoteRequest) -> ();
    participant[device] participant_vote(ParticipantVoteRequest) -> PhoneVote;
}
