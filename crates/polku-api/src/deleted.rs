//! "Recently deleted": `delete_workshop` only moves a workshop there; it can be restored whole
//! for 30 days or erased for good now (the privacy action; see `polku_store::deleted`).

use polku_core::{Id, Millis};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::*;

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ListDeletedWorkshopsRequest {}

/// A workshop in "Recently deleted".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DeletedWorkshop {
    pub id: Id,
    pub title: String,
    #[ts(type = "number")]
    pub deleted_at: Millis,
    /// How many notes it holds, over all its boards.
    #[ts(type = "number")]
    pub notes: i64,
    /// Days until it is erased for good, rounded up: 30 just after the delete, 0 once it is due.
    #[ts(type = "number")]
    pub days_left: i64,
}

/// A deleted workshop, by id: restored whole, or erased for good.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct DeletedWorkshopRequest {
    pub id: Id,
}

pub(crate) fn list_deleted_workshops(host: &Host, _: ListDeletedWorkshopsRequest) -> Result<Vec<DeletedWorkshop>, ApiError> {
    let list = host.store()?.list_deleted_workshops(host.now())?;
    Ok(list
        .into_iter()
        .map(|d| DeletedWorkshop { id: d.id, title: d.title, deleted_at: d.deleted_at, notes: d.notes, days_left: d.days_left })
        .collect())
}

pub(crate) fn restore_workshop(host: &Host, req: DeletedWorkshopRequest) -> Result<(), ApiError> {
    host.store()?.restore_workshop(req.id)?;
    host.emit(Event::LibraryChanged);
    Ok(())
}

pub(crate) fn erase_workshop(host: &Host, req: DeletedWorkshopRequest) -> Result<Erased, ApiError> {
    let backups = host.store()?.erase_workshop(req.id)?;
    host.emit(Event::LibraryChanged);
    Ok(Erased { backups: backups as u32 })
}
