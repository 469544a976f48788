//! The library database: every workshop of one data directory in one SQLite file.
//!
//! An edit is acknowledged only after its transaction commits: the change, the op-log row and the
//! client's undo step are written together or not at all.

mod backup_timer;
mod backups;
mod checkpoint;
mod copy;
pub mod db;
mod deleted;
mod error;
mod library;
mod local;
mod migrations;
mod notes;
mod ops;
mod paths;
mod pg;
pub mod secret;
mod read_only;
mod records;
mod restore;
mod sqlite_db;
mod templates;
mod ticker;
mod txdoc;
mod votes;
mod workshops;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

pub use backups::{backup_dir, made_at as backup_made_at, kept as kept_backups, BackupFile, BackupKind, BACKUP_DIR};
pub use restore::{find_backup, list_backups, replace_damaged, summarize as summarize_backup, BackupSummary};
pub use deleted::{days_left, DeletedWorkshop, KEEP_DELETED_MS};
pub use copy::{copy_library, Copied};
pub use error::StoreError;
pub use library::{Library, Lock};
pub use pg::accounts::{self, Accounts, Facilitator, Identity, NotLetIn, Refused, SignedIn};
pub use pg::groups::{TeamGroup, MAX_GROUP_NAME};
pub use pg::sharing::{ShareWith, Sharing};
pub use pg::handoff::{self, HANDOFF_MS};
pub use pg::joins::{JoinRows, JoinWrite};
pub use pg::{Feed, FeedItem, PgStore, Publisher, PG_SCHEMA_VERSION};
pub use migrations::SCHEMA_VERSION;
pub use ops::{Applied, Envelope, Logged};
pub use votes::{Ballot, Cast};
pub use paths::{database_path, default_data_dir, DATA_DIR_ENV, DATABASE_FILE};

/// How SQLite waits for the disk. `Normal` (the default) may lose the last commits on a power cut
/// but never corrupts; `Full` also survives power cuts, at some cost per edit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Durability {
    #[default]
    Normal,
    Full,
}

pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Runs WAL checkpoints on its own connection; stops its thread when the store is dropped.
    /// None for a backup opened to read.
    _checkpointer: Option<ticker::Ticker>,
    /// Makes rolling backups on its own connection; its last one when the store is dropped.
    _backup_timer: Option<ticker::Ticker>,
    /// A backup opened to read: every write is refused.
    read_only: bool,
}

/// How often the rolling backups are made after changes: `POLKU_BACKUP_MINUTES`, else 10; 0 turns
/// them off (a library someone backs up by other means).
pub const BACKUP_MINUTES_ENV: &str = "POLKU_BACKUP_MINUTES";
const BACKUP_MINUTES: u64 = 10;

fn backup_every() -> Option<Duration> {
    let minutes = std::env::var(BACKUP_MINUTES_ENV).ok().and_then(|v| v.trim().parse::<f64>().ok());
    match minutes {
        Some(m) if m <= 0.0 || !m.is_finite() => None,
        Some(m) => Some(Duration::from_secs_f64((m * 60.0).min(7.0 * 24.0 * 3600.0))),
        None => Some(Duration::from_secs(BACKUP_MINUTES * 60)),
    }
}

/// The wall clock, for the one thing the store does on its own: erasing workshops deleted more
/// than 30 days ago when the library opens ([`Store::purge_deleted`] takes the time for tests).
fn system_now() -> polku_core::Millis {
    use std::time::{SystemTime, UNIX_EPOCH};
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as polku_core::Millis).unwrap_or(0)
}

impl Store {
    /// Opens (or creates) the library database in `data_dir`.
    pub fn open_dir(data_dir: &Path) -> Result<Store, StoreError> {
        std::fs::create_dir_all(data_dir).map_err(|e| StoreError::Io {
            path: data_dir.to_path_buf(),
            message: e.to_string(),
        })?;
        Store::open(&database_path(data_dir), Durability::default())
    }

    /// Opens (or creates) the library database at `path`. A file that is not a Polku database,
    /// fails its integrity check, or was written by a newer Polku is refused and left untouched.
    pub fn open(path: &Path, durability: Durability) -> Result<Store, StoreError> {
        match Store::open_writable(path, durability) {
            // A library on a disk or in a folder that cannot be written: SQLite cannot even make
            // the WAL's index beside it. Read it as it is, to look and to export.
            Err(StoreError::Io { .. }) if path.is_file() => Store::open_read_only(read_only::open(path)?, path),
            opened => opened,
        }
    }

    fn open_writable(path: &Path, durability: Durability) -> Result<Store, StoreError> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(path, flags).map_err(|e| StoreError::from_open(path, e))?;
        conn.busy_timeout(Duration::from_secs(5)).map_err(|e| StoreError::from_open(path, e))?;
        migrations::check_ours(&conn, path)?;
        // A file or folder the system will not let us write (a read-only disk, a folder shared
        // read-only): SQLite opens it to read only, and so do we, to look and to export.
        if conn.is_readonly(rusqlite::MAIN_DB)? {
            return Store::open_read_only(conn, path);
        }
        let sync = match durability {
            Durability::Normal => "NORMAL",
            Durability::Full => "FULL",
        };
        // No automatic checkpoints inside commits: a background thread does them (checkpoint.rs).
        conn.execute_batch(&format!(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = {sync}; PRAGMA foreign_keys = ON; PRAGMA wal_autocheckpoint = 0; PRAGMA secure_delete = ON;"
        ))
        .map_err(|e| StoreError::from_open(path, e))?;
        migrations::migrate(&mut conn, path)?;
        let checkpointer = checkpoint::start(path.to_path_buf());
        let backup_timer = backup_every().map(|every| backup_timer::start(path.to_path_buf(), every));
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            _checkpointer: Some(checkpointer),
            _backup_timer: backup_timer,
            read_only: false,
        };
        store.purge_deleted(system_now())?;
        Ok(store)
    }

    /// Stops the rolling backups, making the last one if anything changed since the previous:
    /// for a clean exit, where the process may end without running destructors.
    pub fn stop_backups(&mut self) {
        self._backup_timer.take();
    }

    /// What the disk refused, when that is why a write failed: `full` (no space left), `read_only`
    /// (the file or folder cannot be written) or `io`. Nothing was written then.
    pub fn disk_problem(e: &StoreError) -> Option<&'static str> {
        let StoreError::Sqlite(e) = e else { return None };
        match e.sqlite_error_code()? {
            rusqlite::ErrorCode::DiskFull => Some("full"),
            rusqlite::ErrorCode::ReadOnly => Some("read_only"),
            rusqlite::ErrorCode::SystemIoFailure => Some("io"),
            _ => None,
        }
    }

    /// Whether an error means the database file is damaged (SQLite found it so while in use).
    pub fn is_damage(e: &StoreError) -> bool {
        match e {
            StoreError::Corrupt { .. } => true,
            StoreError::Sqlite(e) => matches!(
                e.sqlite_error_code(),
                Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)
            ),
            _ => false,
        }
    }

    /// Moves everything from the WAL into the database file and empties the WAL; for a clean
    /// exit (the desktop app calls it when the window closes). A reader still at work (a backup,
    /// an export) is waited for a moment, so the WAL keeps no page of what was wiped meanwhile.
    pub fn checkpoint(&self) -> Result<(), StoreError> {
        self.wipe_wal()
    }

    fn open_read_only(conn: Connection, path: &Path) -> Result<Store, StoreError> {
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version != migrations::SCHEMA_VERSION {
            // An older library needs its migrations written before this Polku can read it.
            return Err(StoreError::Io {
                path: path.to_path_buf(),
                message: "the library cannot be written, and it must be updated before this Polku can read it".into(),
            });
        }
        conn.execute_batch("PRAGMA foreign_keys = ON;")?;
        Ok(Store { conn, path: path.to_path_buf(), _checkpointer: None, _backup_timer: None, read_only: true })
    }

    /// Whether the library could only be opened to read (its file or folder cannot be written).
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// An empty store that refuses every write: what a host holds while its library is damaged
    /// and closed, until a backup is put in its place.
    pub fn closed(path: &Path) -> Result<Store, StoreError> {
        Ok(Store::in_memory(Connection::open_in_memory()?, path.to_path_buf()))
    }

    fn in_memory(conn: Connection, path: PathBuf) -> Store {
        Store { conn, path, _checkpointer: None, _backup_timer: None, read_only: true }
    }

    /// Refuses a write to a store opened only to read.
    pub(crate) fn writable(&self) -> Result<(), StoreError> {
        if self.read_only {
            return Err(StoreError::ReadOnly(self.path.clone()));
        }
        Ok(())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// SQLite's own full check; "ok" when the file is sound.
    pub fn integrity_check(&self) -> Result<String, StoreError> {
        let rows: Vec<String> = self
            .conn
            .prepare("PRAGMA integrity_check")?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(rows.join("; "))
    }
}
