//! What the facilitator's screens say about the library itself: where it is, and whether it could
//! only be opened to read (a read-only disk or folder) or is closed as damaged.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::*;

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct LibraryStatusRequest {}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LibraryStatus {
    /// The folder the library is in, to tell IT support.
    pub folder: String,
    /// Opened to read only: look and export, nothing can change.
    pub read_only: bool,
    /// Found damaged and closed: only its backups answer.
    pub damaged: bool,
    /// A team library on a database server (`polku serve --database`): its backups are made
    /// there, so the app offers none of its own.
    pub team: bool,
}

pub(crate) fn library_status(host: &Host, _: LibraryStatusRequest) -> Result<LibraryStatus, ApiError> {
    let team = host.is_team();
    let folder = match host.database_path() {
        Ok(file) => file.parent().map(|p| p.display().to_string()).unwrap_or_default(),
        // Where a team library is, without its password: for IT support.
        Err(_) => host.store()?.location(),
    };
    if host.damage().is_some() {
        return Ok(LibraryStatus { folder, read_only: false, damaged: true, team });
    }
    let read_only = host.store()?.is_read_only();
    Ok(LibraryStatus { folder, read_only, damaged: false, team })
}
