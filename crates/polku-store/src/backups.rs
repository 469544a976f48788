//! Rolling backups of the library, in the `backups` folder beside the database. Each is a whole
//! copy made with SQLite's online backup API (so edits go on while it is made), written to a
//! temporary file, checked with `integrity_check`, and only then renamed into place: a backup
//! that exists is a sound one. One backup job runs at a time, across processes too (a lock file).
//!
//! What is kept: the 10 newest, the newest of each of the last 7 days, and the newest of each of
//! the last 4 weeks ([`kept`]). Copies kept aside before a restore are kept apart from that rule
//! (the newest [`KEEP_ASIDE`]).

use std::fs::File;
use std::path::{Path, PathBuf};

use polku_core::Millis;
use rusqlite::{Connection, OpenFlags};

use crate::StoreError;

pub const BACKUP_DIR: &str = "backups";
const ROLLING: &str = "backup-";
const ASIDE: &str = "before-restore-";
const SUFFIX: &str = ".sqlite3";
const KEEP_NEWEST: usize = 10;
const KEEP_DAYS: i64 = 7;
const KEEP_WEEKS: i64 = 4;
const KEEP_ASIDE: usize = 5;
const DAY_MS: Millis = 24 * 60 * 60 * 1000;

/// Why a backup was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackupKind {
    /// Made on its own, after changes, or when the library closes.
    Rolling,
    /// The library as it was just before a restore replaced it (or one of its workshops).
    BeforeRestore,
}

/// A backup file.
#[derive(Debug, Clone, PartialEq)]
pub struct BackupFile {
    /// The file name, which is also how a client names the backup.
    pub name: String,
    pub path: PathBuf,
    pub made_at: Millis,
    pub kind: BackupKind,
    pub bytes: u64,
}

/// The backups folder of the library at `database`.
pub fn backup_dir(database: &Path) -> PathBuf {
    database.parent().unwrap_or(Path::new(".")).join(BACKUP_DIR)
}

fn file_name(kind: BackupKind, made_at: Millis) -> String {
    let prefix = match kind {
        BackupKind::Rolling => ROLLING,
        BackupKind::BeforeRestore => ASIDE,
    };
    format!("{prefix}{made_at:013}{SUFFIX}")
}

/// The kind and time a backup's name says; `None` for any other file (a half-written temp file,
/// something a person put there).
pub fn parse_name(name: &str) -> Option<(BackupKind, Millis)> {
    let stem = name.strip_suffix(SUFFIX)?;
    let (kind, digits) = if let Some(d) = stem.strip_prefix(ROLLING) {
        (BackupKind::Rolling, d)
    } else {
        (BackupKind::BeforeRestore, stem.strip_prefix(ASIDE)?)
    };
    if digits.is_empty() || digits.len() > 15 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((kind, digits.parse().ok()?))
}

/// When the backup called `name` was made.
pub fn made_at(name: &str) -> Option<Millis> {
    parse_name(name).map(|(_, t)| t)
}

/// The backups in `dir`, the newest first; none when the folder does not exist yet.
pub fn list(dir: &Path) -> Result<Vec<BackupFile>, StoreError> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io(dir, e)),
    };
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| io(dir, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some((kind, made_at)) = parse_name(&name) else {
            continue;
        };
        let bytes = entry.metadata().map(|m| m.len()).unwrap_or(0);
        files.push(BackupFile {
            name,
            path: entry.path(),
            made_at,
            kind,
            bytes,
        });
    }
    files.sort_by(|a, b| b.made_at.cmp(&a.made_at).then_with(|| b.name.cmp(&a.name)));
    Ok(files)
}

/// The backup called `name` in `dir`; a name that is not a backup's (a path, `..`) is refused.
pub fn find(dir: &Path, name: &str) -> Result<BackupFile, StoreError> {
    let missing = || StoreError::NoBackup(name.to_string());
    parse_name(name).ok_or_else(missing)?;
    list(dir)?
        .into_iter()
        .find(|b| b.name == name)
        .ok_or_else(missing)
}

/// Which of the rolling backups made at `times` (the newest first) the keeping rule keeps at `now`.
pub fn kept(times: &[Millis], now: Millis) -> Vec<bool> {
    let mut keep: Vec<bool> = (0..times.len()).map(|i| i < KEEP_NEWEST).collect();
    let mut newest_in = |bucket_ms: Millis, buckets: i64| {
        let mut seen = std::collections::HashSet::new();
        for (i, &t) in times.iter().enumerate() {
            let age = (now - t).max(0) / bucket_ms;
            // The list is newest first, so the first one met in a bucket is its newest.
            if age < buckets && seen.insert(age) {
                keep[i] = true;
            }
        }
    };
    newest_in(DAY_MS, KEEP_DAYS);
    newest_in(7 * DAY_MS, KEEP_WEEKS);
    keep
}

/// Removes the backups the rule no longer keeps.
fn prune(dir: &Path, now: Millis) -> Result<(), StoreError> {
    let all = list(dir)?;
    let (rolling, aside): (Vec<_>, Vec<_>) =
        all.into_iter().partition(|b| b.kind == BackupKind::Rolling);
    let times: Vec<Millis> = rolling.iter().map(|b| b.made_at).collect();
    let keep = kept(&times, now);
    let gone = rolling.iter().zip(keep).filter(|(_, k)| !k).map(|(b, _)| b);
    for b in gone.chain(aside.iter().skip(KEEP_ASIDE)) {
        std::fs::remove_file(&b.path).map_err(|e| io(&b.path, e))?;
    }
    Ok(())
}

/// Holds the backups folder's lock file while a job runs: a second job (a thread, another Polku
/// on the same library) waits for the first instead of writing beside it.
pub(crate) struct JobLock(#[allow(dead_code)] File);

pub(crate) fn lock(dir: &Path) -> Result<JobLock, StoreError> {
    std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
    let path = dir.join(".lock");
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| io(&path, e))?;
    file.lock().map_err(|e| io(&path, e))?;
    Ok(JobLock(file))
}

/// Copies the library behind `source` into a new backup in `dir` and applies the keeping rule.
pub(crate) fn make(
    source: &Connection,
    dir: &Path,
    kind: BackupKind,
    now: Millis,
) -> Result<BackupFile, StoreError> {
    let _job = lock(dir)?;
    // Two backups in one millisecond (a restore right after one) still get names of their own.
    let taken = list(dir)?.iter().map(|b| b.made_at).max().unwrap_or(0);
    let made_at = now.max(taken + 1);
    let name = file_name(kind, made_at);
    let path = dir.join(&name);
    let temp = dir.join(format!(".{name}.part"));
    let _ = std::fs::remove_file(&temp);
    let written = copy_checked(source, &temp);
    if let Err(e) = written {
        let _ = std::fs::remove_file(&temp);
        return Err(e);
    }
    std::fs::rename(&temp, &path).map_err(|e| io(&path, e))?;
    sync_dir(dir);
    prune(dir, now)?;
    let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    Ok(BackupFile {
        name,
        path,
        made_at,
        kind,
        bytes,
    })
}

/// The whole database into `temp`, in one step (one read transaction, so one consistent moment
/// however many edits come meanwhile), then checked and flushed to the disk.
fn copy_checked(source: &Connection, temp: &Path) -> Result<(), StoreError> {
    let mut dest = Connection::open(temp).map_err(|e| StoreError::from_open(temp, e))?;
    // Pages pass through once: a small cache, so a backup leaves no megabytes behind.
    dest.execute_batch("PRAGMA cache_size = -256;")?;
    {
        let backup = rusqlite::backup::Backup::new(source, &mut dest)?;
        backup.step(-1)?;
    }
    // A backup is one plain file: no WAL beside it to lose or to copy along.
    dest.execute_batch("PRAGMA journal_mode = DELETE;")?;
    // Who gave which dot lives only in the library while a vote is open and is wiped when it
    // ends; a backup must not keep it for weeks. A vote restored open keeps its counts.
    dest.execute_batch("PRAGMA secure_delete = ON; DELETE FROM vote_ballot;")?;
    check_and_flush(dest, temp)
}

/// Closes a finished copy at `path` once `integrity_check` passes and its bytes are on the disk.
pub(crate) fn check_and_flush(conn: Connection, path: &Path) -> Result<(), StoreError> {
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if check != "ok" {
        return Err(StoreError::Corrupt { path: path.to_path_buf(), reason: check });
    }
    drop(conn);
    File::open(path).and_then(|f| f.sync_all()).map_err(|e| io(path, e))
}

/// The rename is durable only once the folder is flushed too (a no-op where folders cannot be
/// opened, as on Windows).
pub(crate) fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Opens a backup file to read it, refusing anything that is not a sound Polku database.
pub(crate) fn open_source(path: &Path) -> Result<Connection, StoreError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn =
        Connection::open_with_flags(path, flags).map_err(|e| StoreError::from_open(path, e))?;
    crate::migrations::check_ours(&conn, path)?;
    Ok(conn)
}

pub(crate) fn io(path: &Path, e: std::io::Error) -> StoreError {
    StoreError::Io {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOUR: Millis = 60 * 60 * 1000;

    #[test]
    fn names_say_kind_and_time_and_nothing_else_is_a_backup() {
        assert_eq!(
            parse_name(&file_name(BackupKind::Rolling, 1_764_743_000_000)),
            Some((BackupKind::Rolling, 1_764_743_000_000))
        );
        assert_eq!(
            parse_name(&file_name(BackupKind::BeforeRestore, 5)),
            Some((BackupKind::BeforeRestore, 5))
        );
        for other in [
            "backup-.sqlite3",
            "backup-12a.sqlite3",
            "../backup-1.sqlite3",
            ".backup-1.sqlite3.part",
            "polku.sqlite3",
            "backup-1.sqlite3-wal",
        ] {
            assert_eq!(parse_name(other), None, "{other}");
        }
    }

    #[test]
    fn the_rule_keeps_ten_newest_one_a_day_for_a_week_and_one_a_week_for_a_month() {
        let now = 100 * DAY_MS;
        // One backup every hour for 40 days, the newest first.
        let times: Vec<Millis> = (0..40 * 24).map(|h| now - h * HOUR).collect();
        let keep = kept(&times, now);
        let kept_times: Vec<Millis> = times
            .iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(t, _)| *t)
            .collect();
        assert!(keep[..10].iter().all(|k| *k), "the ten newest");
        // 10 newest (all within day 0) + the newest of days 1–6 + the newest of weeks 1–3.
        assert_eq!(kept_times.len(), 10 + 6 + 3, "{kept_times:?}");
        let oldest = *kept_times.last().unwrap();
        assert!(now - oldest < 4 * 7 * DAY_MS && now - oldest >= 3 * 7 * DAY_MS);
        // Few backups: all kept.
        assert!(kept(&[now, now - 30 * DAY_MS], now).iter().all(|k| *k));
    }
}
