use std::path::{Path, PathBuf};

use polku_core::{Id, OpError};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error(transparent)]
    Op(#[from] OpError),
    #[error("{entity} {id} does not exist")]
    NotFound { entity: &'static str, id: Id },
    #[error("workshop {0} is in Recently deleted; restore it first")]
    WorkshopDeleted(Id),
    #[error("workshop {0} is not deleted")]
    WorkshopNotDeleted(Id),
    #[error("there is no own template {0:?}")]
    NoTemplate(String),
    #[error("nothing to undo")]
    NothingToUndo,
    #[error("nothing to redo")]
    NothingToRedo,
    #[error("op id {0} was already used for a different op")]
    OpIdReused(Id),
    #[error("{path}: this database was written by a newer Polku (schema {found}, this Polku knows up to {supported}); update Polku to open it")]
    NewerDatabase { path: PathBuf, found: i64, supported: i64 },
    #[error("{path}: not a Polku database ({reason}); it was left untouched")]
    NotPolku { path: PathBuf, reason: String },
    #[error("{path}: the database is damaged ({reason}); it was left untouched")]
    Corrupt { path: PathBuf, reason: String },
    #[error("there is no backup {0:?}")]
    NoBackup(String),
    #[error("{0}: opened only to read; nothing can be changed in it")]
    ReadOnly(PathBuf),
    #[error("{path}: {message}")]
    Io { path: PathBuf, message: String },
    #[error("stored data could not be read: {0}")]
    Decode(String),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("database error: {0}")]
    Postgres(#[from] postgres::Error),
    #[error("{location}: the database server cannot be reached ({message})")]
    Connect { location: String, message: String },
}

impl StoreError {
    pub(crate) fn from_open(path: &Path, e: rusqlite::Error) -> StoreError {
        use rusqlite::ErrorCode;
        match e.sqlite_error_code() {
            Some(ErrorCode::NotADatabase) => {
                StoreError::NotPolku { path: path.to_path_buf(), reason: "not an SQLite file".into() }
            }
            Some(ErrorCode::DatabaseCorrupt) => {
                StoreError::Corrupt { path: path.to_path_buf(), reason: e.to_string() }
            }
            Some(ErrorCode::CannotOpen) | Some(ErrorCode::PermissionDenied) | Some(ErrorCode::ReadOnly) => {
                StoreError::Io { path: path.to_path_buf(), message: e.to_string() }
            }
            _ => StoreError::Sqlite(e),
        }
    }
}
