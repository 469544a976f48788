//! Why a workshop file was refused, as data: a client words the what and the where in its own
//! language, while `ApiError::message` keeps the English line for logs and the CLI.

use polku_export::workshop_file::FileError;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{ApiError, ErrorCode};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FileProblem {
    TooLarge,
    /// Not a Polku workshop file at all (another program's, a picture, not text).
    Foreign,
    /// The file could not be read from the disk (the desktop app's picker).
    Unreadable,
    /// The text ends too early, most likely cut off when it was sent.
    Truncated { line: u32, column: u32 },
    /// The JSON itself is damaged at this place.
    Malformed { line: u32, column: u32 },
    /// Made by a newer Polku than this one.
    Newer,
    /// One part breaks a rule. `at` is its place in the file's data
    /// (`workshop.boards[0].notes[3].text`); `field` names the editor's own rule when it is one,
    /// so a client can reuse that rule's words (`error.validation.<field>`).
    Invalid {
        at: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        field: Option<String>,
    },
}

fn small(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl From<&FileError> for FileProblem {
    fn from(e: &FileError) -> Self {
        match e {
            FileError::TooLarge(_) => FileProblem::TooLarge,
            FileError::Foreign(_) => FileProblem::Foreign,
            FileError::Truncated { line, column } => FileProblem::Truncated { line: small(*line), column: small(*column) },
            FileError::Malformed { line, column, .. } => FileProblem::Malformed { line: small(*line), column: small(*column) },
            FileError::Newer { .. } => FileProblem::Newer,
            FileError::Invalid { at, field, .. } => FileProblem::Invalid { at: at.clone(), field: field.map(str::to_string) },
        }
    }
}

impl ApiError {
    /// A refused workshop file: the English line for logs, the problem for the client's words.
    pub fn workshop_file(code: ErrorCode, message: impl Into<String>, problem: FileProblem) -> Self {
        ApiError { file: Some(problem), ..ApiError::with_field(code, message, "workshop_file") }
    }
}

impl From<FileError> for ApiError {
    fn from(e: FileError) -> Self {
        let code = if matches!(e, FileError::TooLarge(_)) { ErrorCode::TooLarge } else { ErrorCode::Validation };
        ApiError::workshop_file(code, e.to_string(), FileProblem::from(&e))
    }
}
