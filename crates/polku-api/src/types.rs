use polku_core::{Change, History, Id, Language, Op, UndoMode};
use polku_export::{HandoutOptions, PdfOptions};

use crate::ExportFormat;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ListWorkshopsRequest {}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct CreateWorkshopRequest {
    pub title: String,
    /// The language of the template's labels.
    pub language: Language,
    /// A template's id (`list_templates`: built in or the library's own); the service path when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub template: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ListTemplatesRequest {}

/// Saves a board of a workshop (`board_id`), or the whole workshop, as an own template: its
/// structure only, never its notes or what is said about people.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SaveTemplateRequest {
    pub workshop_id: Id,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub board_id: Option<Id>,
    pub title: String,
    /// One line on what it is for.
    pub description: String,
}

/// An own template, by id (`own-<uuid>`); built-in ones cannot be deleted.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct DeleteTemplateRequest {
    pub id: String,
}

/// A template file someone shared (`.polku-template`), as its text.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ImportTemplateRequest {
    pub json: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct RenameWorkshopRequest {
    pub id: Id,
    pub title: String,
}

/// A `.polku` file the user picked or dropped, as its text. `dry_run`: check it and say what
/// importing would do (a copy, when the workshop is here already), writing nothing.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ImportWorkshopRequest {
    pub file: String,
    #[serde(default)]
    #[ts(optional, as = "Option<bool>")]
    pub dry_run: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportedWorkshop {
    pub id: Id,
    pub title: String,
    #[ts(type = "number")]
    pub notes: i64,
    /// The workshop is in the library already: the import is a copy with new ids and a marked title.
    pub copy: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct DeleteWorkshopRequest {
    pub id: Id,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct OpenWorkshopRequest {
    pub id: Id,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ApplyOpRequest {
    pub workshop_id: Id,
    /// Made by the client before the first try; a retry with the same id is answered, not redone.
    pub op_id: Id,
    pub client_id: String,
    pub undo: UndoMode,
    pub op: Op,
}

/// Undo or redo one step of this client's own history.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct StepRequest {
    pub workshop_id: Id,
    pub client_id: String,
    pub op_id: Id,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct HistoryRequest {
    pub workshop_id: Id,
    pub client_id: String,
}

/// Asks for the server's clock: a running session's timer is kept in server time, and a screen
/// whose own clock is off (or a test's) draws it right by the difference.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ServerClockRequest {}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ServerClock {
    #[ts(type = "number")]
    pub now: polku_core::Millis,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OpResult {
    #[ts(type = "number")]
    pub seq: i64,
    pub op_id: Id,
    pub changes: Vec<Change>,
    pub history: History,
}

/// What the change stream carries to every client.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Event {
    Changed {
        workshop_id: Id,
        #[ts(type = "number")]
        seq: i64,
        op_id: Id,
        client_id: String,
        changes: Vec<Change>,
    },
    /// A workshop was created, renamed, deleted, restored, erased or imported: lists should reload.
    LibraryChanged,
    /// A workshop (or, with none, the whole library) was put back from a backup: a screen that
    /// shows it loads it again, since its history and versions start anew.
    Restored { workshop_id: Option<Id> },
    /// An own template was saved, imported or deleted: template pickers should reload.
    TemplatesChanged,
    /// Someone joined, is waiting, was answered or removed, or the join opened, closed or
    /// changed what participants see: the facilitator's join panel and the phones reload it.
    /// It names no device: the stream reaches phones too.
    JoinChanged { workshop_id: Id },
    /// "Bring everyone here": the facilitator's screens other than `client_id`'s go to this
    /// board and place (phones hear of it through the join instead).
    Brought { workshop_id: Id, board_id: Id, touchpoint_id: Option<Id>, client_id: String },
}

/// How many pages a PDF with these options would have, for the export dialog's live count.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct PreviewExportRequest {
    pub workshop_id: Id,
    pub pdf: PdfOptions,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ExportPreview {
    pub pages: u32,
    /// Boards that print tiled across pages although "fit" was chosen, so their notes stay readable.
    pub tiled: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct StartExportRequest {
    pub workshop_id: Id,
    pub format: ExportFormat,
    /// Only for `pdf`; the defaults when left out.
    #[serde(default)]
    pub pdf: Option<PdfOptions>,
    /// Only for `handout`, and needed there: what it is of, on what paper.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub handout: Option<HandoutOptions>,
}

/// How many pages a blank handout would have, for the export dialog's live count.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct PreviewHandoutRequest {
    pub workshop_id: Id,
    pub handout: HandoutOptions,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ExportJob {
    pub job_id: Id,
    /// What the file will be called: the workshop's title and today's date.
    pub file_name: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ExportJobRequest {
    pub job_id: Id,
}
