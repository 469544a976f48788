use thiserror::Error;

/// Why an export produced no file.
#[derive(Debug, Error, PartialEq)]
pub enum ExportError {
    #[error("the export was cancelled")]
    Cancelled,
    #[error("{message}")]
    Invalid { field: &'static str, message: String },
    #[error("the {0} writer failed: {1}")]
    Writer(&'static str, String),
}
