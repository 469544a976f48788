use polku_core::OpError;
use polku_store::{Store, StoreError};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::FileProblem;

/// A refused command. `message` is English for logs; clients show their own words, chosen by
/// `code` and `field` (and, for a refused workshop file, by `file`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, thiserror::Error)]
#[error("{code:?}: {message}")]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    pub field: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub file: Option<FileProblem>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    BadRequest,
    NotFound,
    Validation,
    TooLarge,
    NothingToUndo,
    NothingToRedo,
    Conflict,
    Forbidden,
    /// The library database could not be opened; `field` says why: `newer`, `not_polku`,
    /// `corrupt` or `io`. Nothing was changed.
    LibraryUnavailable,
    Internal,
}

impl ErrorCode {
    pub fn http_status(self) -> u16 {
        match self {
            ErrorCode::BadRequest => 400,
            ErrorCode::Forbidden => 403,
            ErrorCode::NotFound => 404,
            ErrorCode::NothingToUndo | ErrorCode::NothingToRedo | ErrorCode::Conflict => 409,
            ErrorCode::TooLarge => 413,
            ErrorCode::Validation => 422,
            ErrorCode::Internal => 500,
            ErrorCode::LibraryUnavailable => 503,
        }
    }
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        ApiError { code, message: message.into(), field: None, file: None }
    }

    /// Refused because of one field, which the client words (`error.<code>.<field>`).
    pub fn with_field(code: ErrorCode, message: impl Into<String>, field: impl Into<String>) -> Self {
        ApiError { field: Some(field.into()), ..ApiError::new(code, message) }
    }

    pub fn bad_request(e: impl std::fmt::Display) -> Self {
        ApiError::new(ErrorCode::BadRequest, e.to_string())
    }

    pub fn internal(message: impl Into<String>) -> Self {
        ApiError::new(ErrorCode::Internal, message)
    }

    pub fn unknown_command(name: &str) -> Self {
        let shown: String = name.chars().take(64).collect();
        ApiError::new(ErrorCode::NotFound, format!("no command named {shown:?}"))
    }

    /// The HTTP body: `{"error": {...}}`.
    pub fn to_body(&self) -> serde_json::Value {
        serde_json::json!({ "error": self })
    }
}

impl ApiError {
    /// Why the library could not be opened, for a client to explain in its own language.
    pub fn library_unavailable(e: &StoreError) -> Self {
        let why = match e {
            StoreError::NewerDatabase { .. } => "newer",
            StoreError::NotPolku { .. } => "not_polku",
            e if Store::is_damage(e) => "corrupt",
            _ => "io",
        };
        ApiError::with_field(ErrorCode::LibraryUnavailable, e.to_string(), why)
    }
}

impl From<OpError> for ApiError {
    fn from(e: OpError) -> Self {
        let message = e.to_string();
        match e {
            OpError::NotFound { entity, .. } => {
                ApiError::with_field(ErrorCode::NotFound, message, entity)
            }
            OpError::Validation { field, .. } => {
                ApiError::with_field(ErrorCode::Validation, message, field)
            }
            OpError::Conflict(_) => ApiError::new(ErrorCode::Conflict, message),
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        if Store::is_damage(&e) {
            return ApiError::library_unavailable(&e);
        }
        // The disk, not the request: the client keeps what was typed and can try again.
        if let Some(why) = Store::disk_problem(&e) {
            return ApiError::with_field(ErrorCode::LibraryUnavailable, e.to_string(), why);
        }
        match e {
            StoreError::Op(op) => op.into(),
            StoreError::NotFound { entity, .. } => {
                ApiError::with_field(ErrorCode::NotFound, e.to_string(), entity)
            }
            StoreError::NoTemplate(_) => {
                ApiError::with_field(ErrorCode::NotFound, e.to_string(), "template")
            }
            StoreError::NothingToUndo => ApiError::new(ErrorCode::NothingToUndo, e.to_string()),
            StoreError::NothingToRedo => ApiError::new(ErrorCode::NothingToRedo, e.to_string()),
            StoreError::OpIdReused(_) => ApiError::new(ErrorCode::Conflict, e.to_string()),
            StoreError::WorkshopDeleted(_) => {
                ApiError::with_field(ErrorCode::Conflict, e.to_string(), "workshop_deleted")
            }
            StoreError::NoBackup(_) => ApiError::with_field(ErrorCode::NotFound, e.to_string(), "backup"),
            StoreError::ReadOnly(_) => ApiError::with_field(ErrorCode::LibraryUnavailable, e.to_string(), "read_only"),
            StoreError::WorkshopNotDeleted(_) => {
                ApiError::with_field(ErrorCode::Conflict, e.to_string(), "workshop_not_deleted")
            }
            // A team library whose database server went away: nothing was written, the client
            // keeps what was typed, and the next command connects again.
            StoreError::Connect { .. } => ApiError::with_field(ErrorCode::LibraryUnavailable, e.to_string(), "server"),
            StoreError::Postgres(ref pg) if pg.is_closed() || pg.as_db_error().is_none() => {
                ApiError::with_field(ErrorCode::LibraryUnavailable, e.to_string(), "server")
            }
            _ => ApiError::internal(e.to_string()),
        }
    }
}
