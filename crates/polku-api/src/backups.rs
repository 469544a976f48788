//! "Backups": the library's rolling backups listed, one opened to look inside (read only), one
//! workshop taken back from it (as a copy, or in place of the current one), or the whole library
//! put back. Whatever a restore replaces is kept aside first as a backup of its own. A damaged
//! library answers only these (see `Host::damaged`), so the facilitator can get back to work.

use polku_store::Library;
use polku_core::{Id, Millis, Workshop, WorkshopSummary};
use polku_store::{BackupKind, BackupSummary, Store};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::*;

/// What a damaged library still answers: enough to see its backups and put one in its place.
pub(crate) const ANSWERED_WHILE_DAMAGED: &[&str] = &["library_status", "list_backups", "backup_workshops", "open_backup_workshop", "restore_library"];

/// A backup's name is its file name: `backup-<ms>.sqlite3`, never longer than this.
const MAX_NAME: usize = 64;

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ListBackupsRequest {}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct MakeBackupRequest {}

/// A backup, by name (from `list_backups`).
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct BackupRequest {
    pub name: String,
}

/// One workshop in a backup: to look at, or to restore.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct BackupWorkshopRequest {
    pub name: String,
    pub id: Id,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RestoreAs {
    /// Beside the current one, with new ids and "(from a backup …)" in its title.
    Copy,
    /// In place of the current one (kept aside in a backup first); the only way when the
    /// library no longer has it.
    Replace,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct RestoreWorkshopRequest {
    pub name: String,
    pub id: Id,
    pub how: RestoreAs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BackupOrigin {
    /// Made on its own after changes, on exit, or with "Back up now".
    Rolling,
    /// The library as it was just before a restore.
    BeforeRestore,
}

/// A backup as the list shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Backup {
    pub name: String,
    #[ts(type = "number")]
    pub made_at: Millis,
    pub origin: BackupOrigin,
    #[ts(type = "number")]
    pub bytes: u64,
    /// The workshops and notes in it; none when it cannot be read (it is then not offered).
    #[ts(type = "number | null")]
    pub workshops: Option<i64>,
    #[ts(type = "number | null")]
    pub notes: Option<i64>,
}

/// What putting the library back did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RestoredLibrary {
    /// The backup the library as it was is now in; none when it was damaged (the file was then
    /// moved aside beside the library, as `damaged-<time>.sqlite3`).
    pub kept_aside: Option<Backup>,
}

/// What erasing for good did: the database file and this many backups no longer hold it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Erased {
    pub backups: u32,
}

fn backup(b: BackupSummary) -> Backup {
    let origin = match b.file.kind {
        BackupKind::Rolling => BackupOrigin::Rolling,
        BackupKind::BeforeRestore => BackupOrigin::BeforeRestore,
    };
    Backup { name: b.file.name, made_at: b.file.made_at, origin, bytes: b.file.bytes, workshops: b.workshops, notes: b.notes }
}

fn file(f: polku_store::BackupFile) -> Backup {
    backup(BackupSummary { file: f, workshops: None, notes: None })
}

fn check_name(name: &str) -> Result<(), ApiError> {
    if name.len() > MAX_NAME {
        return Err(ApiError::with_field(ErrorCode::Validation, "a backup's name is at most 64 bytes", "backup"));
    }
    Ok(())
}

fn open(host: &Host, name: &str) -> Result<Store, ApiError> {
    check_name(name)?;
    Ok(Store::open_backup_file(&host.backup_path(name)?)?)
}

pub(crate) fn list_backups(host: &Host, _: ListBackupsRequest) -> Result<Vec<Backup>, ApiError> {
    // A team library has none of its own to list: its database server keeps them.
    let Ok(database) = host.database_path() else { return Ok(Vec::new()) };
    Ok(polku_store::list_backups(database)?.into_iter().map(backup).collect())
}

pub(crate) fn make_backup(host: &Host, _: MakeBackupRequest) -> Result<Backup, ApiError> {
    let made = host.store()?.local().ok_or_else(host::team_library)?.make_backup(host.now())?;
    Ok(backup(polku_store::summarize_backup(made)))
}

/// The workshops in a backup, as the list shows them.
pub(crate) fn backup_workshops(host: &Host, req: BackupRequest) -> Result<Vec<WorkshopSummary>, ApiError> {
    Ok(open(host, &req.name)?.list_workshops()?)
}

/// One workshop of a backup, whole, to look at; nothing can be changed in it.
pub(crate) fn open_backup_workshop(host: &Host, req: BackupWorkshopRequest) -> Result<Workshop, ApiError> {
    Ok(open(host, &req.name)?.load_workshop(req.id)?)
}

pub(crate) fn restore_from_backup(host: &Host, req: RestoreWorkshopRequest) -> Result<WorkshopSummary, ApiError> {
    let w = open(host, &req.name)?.load_workshop(req.id)?;
    let now = host.now();
    let mut store = host.store()?;
    let summary = match req.how {
        RestoreAs::Replace => store.local_mut().ok_or_else(host::team_library)?.replace_workshop(&w, now)?,
        RestoreAs::Copy => {
            let made_at = polku_store::backup_made_at(&req.name).unwrap_or(now);
            let copy = host::marked_copy(&w, "backup.copyTitle", made_at);
            store.insert_workshop(&copy)?;
            store.workshop_summary(copy.id)?
        }
    };
    drop(store);
    if req.how == RestoreAs::Replace {
        host.emit(Event::Restored { workshop_id: Some(w.id) });
    }
    host.emit(Event::LibraryChanged);
    Ok(summary)
}

/// Puts the whole library back as the backup holds it; answers the backup the current library
/// was kept aside in. A damaged library is moved aside as a file instead (it cannot be copied).
pub(crate) fn restore_library(host: &Host, req: BackupRequest) -> Result<RestoredLibrary, ApiError> {
    check_name(&req.name)?;
    let aside = host.restore_library(&req.name)?;
    host.emit(Event::Restored { workshop_id: None });
    host.emit(Event::LibraryChanged);
    Ok(RestoredLibrary { kept_aside: aside.map(file) })
}
