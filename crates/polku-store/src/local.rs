//! The laptop's library: `Library` over the SQLite file. Writes take SQLite's one write lock
//! (`BEGIN IMMEDIATE`), so ops on every workshop are applied one at a time; reads run in a read
//! transaction, one snapshot while writers go on in the WAL. Erasing also empties the WAL and
//! rewrites the backups that hold the workshop.

use polku_core::{Id, Millis};
use rusqlite::TransactionBehavior;

use crate::db::{Db, Engine};
use crate::library::{write, Library, Lock};
use crate::restore::erase_from_backups;
use crate::sqlite_db::SqliteDb;
use crate::{deleted, Store, StoreError};

impl Library for Store {
    fn engine(&self) -> Engine {
        Engine::Sqlite
    }

    fn read_with(&self, f: &mut dyn FnMut(&dyn Db) -> Result<(), StoreError>) -> Result<(), StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        f(&SqliteDb(&tx))?;
        tx.commit()?;
        Ok(())
    }

    fn write_with(&mut self, _lock: Lock, f: &mut dyn FnMut(&dyn Db) -> Result<(), StoreError>) -> Result<(), StoreError> {
        self.writable()?;
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        f(&SqliteDb(&tx))?;
        tx.commit()?;
        Ok(())
    }

    fn local(&self) -> Option<&Store> {
        Some(self)
    }

    fn local_mut(&mut self) -> Option<&mut Store> {
        Some(self)
    }

    fn is_read_only(&self) -> bool {
        self.read_only
    }

    fn location(&self) -> String {
        self.path.display().to_string()
    }

    fn erase_workshop(&mut self, id: Id) -> Result<usize, StoreError> {
        write(self, Lock::Workshop(id), |db| deleted::erase(db, id))?;
        self.wipe_wal()?;
        erase_from_backups(&self.backup_dir(), id)
    }

    fn purge_deleted(&mut self, now: Millis) -> Result<usize, StoreError> {
        let due = deleted::purge(self, now)?;
        if !due.is_empty() {
            self.wipe_wal()?;
        }
        for id in &due {
            erase_from_backups(&self.backup_dir(), *id)?;
        }
        Ok(due.len())
    }
}

impl Store {
    /// Moves the WAL's frames into the database file and empties it, so no page of the WAL
    /// keeps erased text. Waits a little for readers (the backup thread) to let go.
    pub(crate) fn wipe_wal(&self) -> Result<(), StoreError> {
        for _ in 0..50 {
            let busy: i64 = self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
            if busy == 0 {
                return Ok(());
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        Err(StoreError::Io { path: self.path.clone(), message: "the WAL could not be emptied: a reader held on to it".into() })
    }
}
