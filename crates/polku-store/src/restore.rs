//! Getting back what a backup holds: looking into one (a copy in memory, so the file is never
//! written), taking one workshop from it, or putting the whole library back. Whatever a restore
//! replaces is first kept aside as a backup of its own, so a restore can itself be undone.
//! Erasing a workshop for good also rewrites every backup that holds it.

use std::path::Path;

use polku_core::{Id, Millis, Workshop, WorkshopSummary};
use rusqlite::{Connection, OptionalExtension};

use crate::backups::{self, BackupFile, BackupKind};
use crate::db::vals;
use crate::library::{write, Library, Lock};
use crate::sqlite_db::SqliteDb;
use crate::{deleted, migrations, Store, StoreError};

/// A backup as the list of backups shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct BackupSummary {
    pub file: BackupFile,
    /// The workshops in it, not counting those that were in Recently deleted; `None` when the
    /// file cannot be read (then it is also refused for a restore).
    pub workshops: Option<i64>,
    pub notes: Option<i64>,
}

fn counts(path: &Path) -> Option<(i64, i64)> {
    let conn = backups::open_source(path).ok()?;
    let workshops = conn
        .query_row(
            "SELECT count(*) FROM workshop WHERE deleted_at IS NULL",
            [],
            |r| r.get(0),
        )
        .ok()?;
    let notes = conn
        .query_row(
            "SELECT count(*) FROM note JOIN board b ON b.id = note.board_id
             JOIN workshop w ON w.id = b.workshop_id WHERE w.deleted_at IS NULL",
            [],
            |r| r.get(0),
        )
        .ok()?;
    Some((workshops, notes))
}

/// What `file` holds, as the list of backups shows it (opened and counted; `None` when it
/// cannot be read).
pub fn summarize(file: BackupFile) -> BackupSummary {
    let c = counts(&file.path);
    BackupSummary { workshops: c.map(|c| c.0), notes: c.map(|c| c.1), file }
}

/// The backups of the library at `database`, the newest first, with what each holds. Needs no
/// open store: a damaged library lists its backups too.
pub fn list_backups(database: &Path) -> Result<Vec<BackupSummary>, StoreError> {
    Ok(backups::list(&backups::backup_dir(database))?.into_iter().map(summarize).collect())
}

/// The backup of the library at `database` called `name`, without opening any backup; a name that
/// is not a backup's (a path, `..`) is refused.
pub fn find_backup(database: &Path, name: &str) -> Result<BackupFile, StoreError> {
    backups::find(&backups::backup_dir(database), name)
}

/// Puts the backup `name` in place of a damaged library at `database`, which is moved aside
/// whole (with its WAL) as `damaged-<time>.sqlite3` beside it, never written to; then opens it.
pub fn replace_damaged(database: &Path, name: &str, now: Millis) -> Result<Store, StoreError> {
    let dir = backups::backup_dir(database);
    let file = backups::find(&dir, name)?;
    drop(backups::open_source(&file.path)?);
    let folder = database.parent().unwrap_or(Path::new("."));
    let aside = folder.join(format!("damaged-{now:013}.sqlite3"));
    for (from, to) in [("", ""), ("-wal", "-wal"), ("-shm", "-shm")] {
        let from = crate::paths::with_suffix(database, from);
        if from.exists() {
            std::fs::rename(&from, crate::paths::with_suffix(&aside, to))
                .map_err(|e| backups::io(&from, e))?;
        }
    }
    let temp = crate::paths::with_suffix(database, ".part");
    std::fs::copy(&file.path, &temp).map_err(|e| backups::io(&temp, e))?;
    std::fs::File::open(&temp)
        .and_then(|f| f.sync_all())
        .map_err(|e| backups::io(&temp, e))?;
    std::fs::rename(&temp, database).map_err(|e| backups::io(database, e))?;
    backups::sync_dir(folder);
    Store::open(database, crate::Durability::default())
}

impl Store {
    /// The folder the library's backups are in.
    pub fn backup_dir(&self) -> std::path::PathBuf {
        backups::backup_dir(&self.path)
    }

    /// The backups, the newest first, with what each holds.
    pub fn list_backups(&self) -> Result<Vec<BackupSummary>, StoreError> {
        list_backups(&self.path)
    }

    /// Makes a backup now (the button, `polku backups --now`, tests); the rolling ones are made
    /// by the store's own thread.
    pub fn make_backup(&self, now: Millis) -> Result<BackupFile, StoreError> {
        self.writable()?;
        backups::make(&self.conn, &self.backup_dir(), BackupKind::Rolling, now)
    }

    /// The backup called `name` (a file name from [`Store::list_backups`]) opened to read: a
    /// copy in memory brought to this Polku's schema, never written back.
    pub fn open_backup(&self, name: &str) -> Result<Store, StoreError> {
        let file = backups::find(&self.backup_dir(), name)?;
        Store::open_backup_file(&file.path)
    }

    pub fn open_backup_file(path: &Path) -> Result<Store, StoreError> {
        let source = backups::open_source(path)?;
        let mut conn = Connection::open_in_memory()?;
        rusqlite::backup::Backup::new(&source, &mut conn)?.step(-1)?;
        conn.execute_batch("PRAGMA foreign_keys = ON;")?;
        migrations::migrate(&mut conn, path)?;
        Ok(Store::in_memory(conn, path.to_path_buf()))
    }

    /// Puts `w` (taken from a backup) in place of the workshop with its id, history and all,
    /// after keeping the library as it was aside; or adds it when the library no longer has it.
    pub fn replace_workshop(
        &mut self,
        w: &Workshop,
        now: Millis,
    ) -> Result<WorkshopSummary, StoreError> {
        polku_core::validate_title(&w.title)?;
        self.writable()?;
        let present = deleted::deleted_at(&SqliteDb(&self.conn), w.id).is_ok();
        if present {
            backups::make(
                &self.conn,
                &self.backup_dir(),
                BackupKind::BeforeRestore,
                now,
            )?;
        }
        write(self, Lock::Workshop(w.id), |db| {
            db.exec("DELETE FROM workshop WHERE id = ?1", vals![w.id])?;
            crate::workshops::insert_snapshot(db, w)
        })?;
        self.workshop_summary(w.id)
    }

    /// Puts the whole library back as the backup `name` holds it, after keeping the current one
    /// aside (as a backup, listed with the others).
    pub fn restore_library(&mut self, name: &str, now: Millis) -> Result<BackupFile, StoreError> {
        self.writable()?;
        let dir = self.backup_dir();
        let file = backups::find(&dir, name)?;
        let source = backups::open_source(&file.path)?;
        let aside = backups::make(&self.conn, &dir, BackupKind::BeforeRestore, now)?;
        let _job = backups::lock(&dir)?;
        rusqlite::backup::Backup::new(&source, &mut self.conn)?.step(-1)?;
        drop(source);
        // A backup from before an update is brought to this Polku's schema.
        migrations::migrate(&mut self.conn, &self.path)?;
        Ok(aside)
    }
}

/// Rewrites every backup in `dir` that holds the workshop `id` without it: the workshop removed
/// with `secure_delete`, the file compacted (VACUUM) into a new one that replaces the old. How
/// many backups held it.
pub(crate) fn erase_from_backups(dir: &Path, id: Id) -> Result<usize, StoreError> {
    if !dir.exists() {
        return Ok(0);
    }
    let _job = backups::lock(dir)?;
    let mut rewritten = 0;
    for file in backups::list(dir)? {
        let holds =
            Connection::open_with_flags(&file.path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
                .and_then(|c| {
                    c.query_row(
                        "SELECT 1 FROM workshop WHERE id = ?1",
                        [id.to_string()],
                        |_| Ok(()),
                    )
                    .optional()
                })
                .map_err(|e| StoreError::from_open(&file.path, e))?;
        if holds.is_none() {
            continue;
        }
        rewrite_without(&file.path, id)?;
        rewritten += 1;
    }
    backups::sync_dir(dir);
    Ok(rewritten)
}

fn rewrite_without(path: &Path, id: Id) -> Result<(), StoreError> {
    let temp = path.with_extension("sqlite3.part");
    let result = (|| {
        std::fs::copy(path, &temp).map_err(|e| backups::io(&temp, e))?;
        let conn = Connection::open(&temp).map_err(|e| StoreError::from_open(&temp, e))?;
        conn.execute_batch(
            "PRAGMA journal_mode = DELETE; PRAGMA secure_delete = ON; PRAGMA foreign_keys = ON;",
        )?;
        conn.execute("DELETE FROM workshop WHERE id = ?1", [id.to_string()])?;
        conn.execute_batch("VACUUM;")?;
        backups::check_and_flush(conn, &temp)?;
        std::fs::rename(&temp, path).map_err(|e| backups::io(path, e))
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}
