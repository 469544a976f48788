use thiserror::Error;

use crate::Id;

/// Why an operation was refused. Nothing was changed when one of these is returned.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum OpError {
    #[error("{entity} {id} does not exist")]
    NotFound { entity: &'static str, id: Id },
    #[error("{field}: {reason}")]
    Validation { field: &'static str, reason: String },
    #[error("{0}")]
    Conflict(String),
}

impl OpError {
    pub fn invalid(field: &'static str, reason: impl Into<String>) -> Self {
        OpError::Validation { field, reason: reason.into() }
    }
}
