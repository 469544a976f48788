//! "Recently deleted": deleting a workshop only marks it (`deleted_at`); it is hidden and refused
//! for edits until it is restored whole, or erased for good — by the facilitator, or when the
//! library opens more than [`KEEP_DELETED_MS`] after the delete. Erasing removes the rows with
//! `secure_delete` on (set for every connection in `Store::open`) and checkpoints the WAL, so no
//! page of the database file or its WAL keeps the workshop's text; every backup that holds the
//! workshop is rewritten without it.

use polku_core::{Id, Millis};

use crate::db::{vals, Db};
use crate::library::{read, write, Library, Lock};
use crate::StoreError;

/// How long a deleted workshop can be restored: 30 days.
pub const KEEP_DELETED_MS: Millis = 30 * DAY_MS;
const DAY_MS: Millis = 24 * 60 * 60 * 1000;

/// A workshop in "Recently deleted".
#[derive(Debug, Clone, PartialEq)]
pub struct DeletedWorkshop {
    pub id: Id,
    pub title: String,
    pub deleted_at: Millis,
    pub notes: i64,
    /// Days until it is erased for good, rounded up: 30 just after the delete, 0 once it is due.
    pub days_left: i64,
}

/// Days left of the keeping time, rounded up (a facilitator who just deleted reads "30 days"),
/// 0 once it is due.
pub fn days_left(deleted_at: Millis, now: Millis) -> i64 {
    ((deleted_at + KEEP_DELETED_MS - now).max(0) + DAY_MS - 1) / DAY_MS
}

/// Whether the workshop is deleted; `NotFound` when there is no such workshop at all.
pub(crate) fn deleted_at(db: &dyn Db, id: Id) -> Result<Option<Millis>, StoreError> {
    db.one("SELECT deleted_at FROM workshop WHERE id = ?1", vals![id], |r| r.int(0))?.ok_or(StoreError::NotFound { entity: "workshop", id })
}

/// Refuses a workshop that is in Recently deleted (or not there at all).
pub(crate) fn require_live(db: &dyn Db, id: Id) -> Result<(), StoreError> {
    match deleted_at(db, id)? {
        Some(_) => Err(StoreError::WorkshopDeleted(id)),
        None => Ok(()),
    }
}

fn require_deleted(db: &dyn Db, id: Id) -> Result<(), StoreError> {
    match deleted_at(db, id)? {
        Some(_) => Ok(()),
        None => Err(StoreError::WorkshopNotDeleted(id)),
    }
}

pub(crate) fn delete(db: &dyn Db, id: Id, now: Millis) -> Result<(), StoreError> {
    require_live(db, id)?;
    db.exec("UPDATE workshop SET deleted_at = ?2 WHERE id = ?1", vals![id, now])?;
    Ok(())
}

pub(crate) fn list(db: &dyn Db, now: Millis) -> Result<Vec<DeletedWorkshop>, StoreError> {
    db.all(
        "SELECT w.id, w.title, w.deleted_at,
            (SELECT count(*) FROM note JOIN board b ON b.id = note.board_id WHERE b.workshop_id = w.id)
         FROM workshop w WHERE w.deleted_at IS NOT NULL ORDER BY w.deleted_at DESC, w.id",
        &[],
        |r| {
            let deleted_at = r.i64(2)?;
            Ok(DeletedWorkshop { id: r.id(0)?, title: r.str(1)?, deleted_at, notes: r.i64(3)?, days_left: days_left(deleted_at, now) })
        },
    )
}

pub(crate) fn restore(db: &dyn Db, id: Id) -> Result<(), StoreError> {
    require_deleted(db, id)?;
    db.exec("UPDATE workshop SET deleted_at = NULL WHERE id = ?1", vals![id])?;
    Ok(())
}

/// Deletes a workshop in Recently deleted and everything in it (the tables cascade).
pub(crate) fn erase(db: &dyn Db, id: Id) -> Result<(), StoreError> {
    require_deleted(db, id)?;
    db.exec("DELETE FROM workshop WHERE id = ?1", vals![id])?;
    Ok(())
}

/// Erases, each in its own transaction, the workshops deleted more than 30 days before `now`;
/// which ones.
pub(crate) fn purge<L: Library + ?Sized>(lib: &mut L, now: Millis) -> Result<Vec<Id>, StoreError> {
    let due = read(lib, |db| db.all("SELECT id FROM workshop WHERE deleted_at IS NOT NULL AND deleted_at < ?1", vals![now - KEEP_DELETED_MS], |r| r.id(0)))?;
    for &id in &due {
        // Restored meanwhile (by another instance): it stays.
        write(lib, Lock::Workshop(id), |db| match deleted_at(db, id) {
            Ok(Some(at)) if at < now - KEEP_DELETED_MS => erase(db, id),
            _ => Ok(()),
        })?;
    }
    Ok(due)
}
