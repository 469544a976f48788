//! "Recently deleted": deleting a workshop only marks it (`deleted_at`); it is hidden and refused
//! for edits until it is restored whole, or erased for good — by the facilitator, or when the
//! library opens more than [`KEEP_DELETED_MS`] after the delete. Erasing removes the rows with
//! `secure_delete` on (set for every connection in `Store::open`) and checkpoints the WAL, so no
//! page of the database file or its WAL keeps the workshop's text; every backup that holds the
//! workshop is rewritten without it.

use polku_core::{Id, Millis};
use rusqlite::{params, OptionalExtension};

use crate::{Store, StoreError};

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
pub(crate) fn deleted_at(conn: &rusqlite::Connection, id: Id) -> Result<Option<Millis>, StoreError> {
    conn.query_row("SELECT deleted_at FROM workshop WHERE id = ?1", [id.to_string()], |r| r.get(0))
        .optional()?
        .ok_or(StoreError::NotFound { entity: "workshop", id })
}

/// Refuses a workshop that is missing or in "Recently deleted".
pub(crate) fn require_live(conn: &rusqlite::Connection, id: Id) -> Result<(), StoreError> {
    match deleted_at(conn, id)? {
        Some(_) => Err(StoreError::WorkshopDeleted(id)),
        None => Ok(()),
    }
}

impl Store {
    /// Moves the workshop to "Recently deleted": hidden, refused for edits, kept whole.
    pub fn delete_workshop(&mut self, id: Id, now: Millis) -> Result<(), StoreError> {
        require_live(&self.conn, id)?;
        self.conn.execute("UPDATE workshop SET deleted_at = ?2 WHERE id = ?1", params![id.to_string(), now])?;
        Ok(())
    }

    /// The deleted workshops, the most recently deleted first.
    pub fn list_deleted_workshops(&self, now: Millis) -> Result<Vec<DeletedWorkshop>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT w.id, w.title, w.deleted_at,
                (SELECT count(*) FROM note JOIN board b ON b.id = note.board_id WHERE b.workshop_id = w.id)
             FROM workshop w WHERE w.deleted_at IS NOT NULL ORDER BY w.deleted_at DESC, w.id",
        )?;
        let list = stmt
            .query_map([], |r| {
                let deleted_at: Millis = r.get(2)?;
                Ok(DeletedWorkshop {
                    id: crate::rows::id(r, 0)?,
                    title: r.get(1)?,
                    deleted_at,
                    notes: r.get(3)?,
                    days_left: days_left(deleted_at, now),
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(list)
    }

    /// Brings a deleted workshop back as it was, its undo history included.
    pub fn restore_workshop(&mut self, id: Id) -> Result<(), StoreError> {
        self.require_deleted(id)?;
        self.conn.execute("UPDATE workshop SET deleted_at = NULL WHERE id = ?1", [id.to_string()])?;
        Ok(())
    }

    /// Erases a deleted workshop for good: its rows, every page that held them, and the copies
    /// in the backups. How many backups held it.
    pub fn erase_workshop(&mut self, id: Id) -> Result<usize, StoreError> {
        self.writable()?;
        self.require_deleted(id)?;
        self.conn.execute("DELETE FROM workshop WHERE id = ?1", [id.to_string()])?;
        self.wipe_wal()?;
        crate::restore::erase_from_backups(&self.backup_dir(), id)
    }

    /// Erases every workshop deleted more than 30 days before `now`, from the backups too; how
    /// many were erased.
    pub fn purge_deleted(&mut self, now: Millis) -> Result<usize, StoreError> {
        let due: Vec<Id> = self
            .conn
            .prepare("SELECT id FROM workshop WHERE deleted_at IS NOT NULL AND deleted_at < ?1")?
            .query_map([now - KEEP_DELETED_MS], |r| crate::rows::id(r, 0))?
            .collect::<Result<_, _>>()?;
        for id in &due {
            self.conn.execute("DELETE FROM workshop WHERE id = ?1", [id.to_string()])?;
        }
        if !due.is_empty() {
            self.wipe_wal()?;
        }
        for id in &due {
            crate::restore::erase_from_backups(&self.backup_dir(), *id)?;
        }
        Ok(due.len())
    }

    fn require_deleted(&self, id: Id) -> Result<(), StoreError> {
        match deleted_at(&self.conn, id)? {
            Some(_) => Ok(()),
            None => Err(StoreError::WorkshopNotDeleted(id)),
        }
    }

    /// The WAL still holds earlier versions of the erased pages: move the zeroed pages into the
    /// database file and empty the WAL. Retries while the background checkpointer is busy.
    fn wipe_wal(&self) -> Result<(), StoreError> {
        for _ in 0..50 {
            let busy: i64 = self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
            if busy == 0 {
                return Ok(());
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        Err(StoreError::Io { path: self.path.clone(), message: "the WAL could not be emptied after an erase".into() })
    }
}
