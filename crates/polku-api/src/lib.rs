//! The command surface: every thing a client can do, declared once below with its request and
//! response types. Tauri IPC and HTTP both call [`Host::call`], so both run the same handler.

mod bindings;
mod deleted;
mod error;
mod exports;
mod file_problem;
mod handlers;
mod host;
mod qr;
mod templates;
mod types;

pub use bindings::{export_bindings, BINDINGS_DIR};
pub use deleted::{DeletedWorkshop, DeletedWorkshopRequest, ListDeletedWorkshopsRequest};
pub use error::{ApiError, ErrorCode};
pub use exports::{file_name, file_stem, ExportFile, ExportFormat, ExportStatus};
pub use file_problem::FileProblem;
pub use host::Host;
pub use qr::{picture as qr_picture, QrPicture, MAX_QR_TEXT};
pub use types::*;

/// What a subscriber of [`Host::subscribe`] may get instead of an event.
pub use tokio::sync::broadcast::error::RecvError;

/// Whether `id` may name a client (a browser tab, a desktop window).
pub fn is_valid_client_id(id: &str) -> bool {
    polku_core::validate_client_id(id).is_ok()
}

use polku_core::template::TemplateSummary;
use polku_core::{History, Workshop, WorkshopSummary};

/// Declares the commands: the name a client calls, its request type, its response type. The
/// handler of `name` is `handlers::name`.
macro_rules! commands {
    ($($name:ident($req:ty) -> $resp:ty;)*) => {
        /// Every command name, in declaration order.
        pub const COMMANDS: &[&str] = &[$(stringify!($name)),*];

        impl Host {
            /// Runs one command: `args` is the request as JSON, the answer is the response as JSON.
            pub fn call(&self, command: &str, args: serde_json::Value) -> Result<serde_json::Value, ApiError> {
                match command {
                    $(stringify!($name) => {
                        let req: $req = serde_json::from_value(args).map_err(ApiError::bad_request)?;
                        let resp: $resp = handlers::$name(self, req)?;
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

commands! {
    list_workshops(ListWorkshopsRequest) -> Vec<WorkshopSummary>;
    create_workshop(CreateWorkshopRequest) -> WorkshopSummary;
    list_templates(ListTemplatesRequest) -> Vec<TemplateSummary>;
    save_template(SaveTemplateRequest) -> TemplateSummary;
    import_template(ImportTemplateRequest) -> TemplateSummary;
    delete_template(DeleteTemplateRequest) -> ();
    rename_workshop(RenameWorkshopRequest) -> WorkshopSummary;
    delete_workshop(DeleteWorkshopRequest) -> ();
    import_workshop(ImportWorkshopRequest) -> ImportedWorkshop;
    list_deleted_workshops(ListDeletedWorkshopsRequest) -> Vec<DeletedWorkshop>;
    restore_workshop(DeletedWorkshopRequest) -> ();
    erase_workshop(DeletedWorkshopRequest) -> ();
    open_workshop(OpenWorkshopRequest) -> Workshop;
    apply_op(ApplyOpRequest) -> OpResult;
    undo(StepRequest) -> OpResult;
    redo(StepRequest) -> OpResult;
    history(HistoryRequest) -> History;
    preview_export(PreviewExportRequest) -> ExportPreview;
    preview_handout(PreviewHandoutRequest) -> ExportPreview;
    start_export(StartExportRequest) -> ExportJob;
    export_status(ExportJobRequest) -> ExportStatus;
    cancel_export(ExportJobRequest) -> ();
}
