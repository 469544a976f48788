//! Makes rolling backups on its own thread and connection: at most one per interval, only after
//! the library changed (SQLite's `data_version` tells, for commits of any other connection), and a
//! last one when the store closes. A failed backup never touches editing; it is tried again at the
//! next tick.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::Connection;

use crate::backups::{self, BackupKind};
use crate::ticker::Ticker;

fn data_version(conn: &Connection) -> Option<i64> {
    conn.query_row("PRAGMA data_version", [], |r| r.get(0)).ok()
}

/// A library with workshops but no backup yet gets its first one at the first tick.
fn has_unbacked_work(conn: &Connection, dir: &Path) -> bool {
    let workshops: i64 = conn.query_row("SELECT count(*) FROM workshop", [], |r| r.get(0)).unwrap_or(0);
    workshops > 0 && backups::list(dir).map(|l| l.is_empty()).unwrap_or(false)
}

struct Timer {
    conn: Connection,
    dir: PathBuf,
    /// The `data_version` the newest backup was made at.
    backed_up: Option<i64>,
}

/// Starts the backups of the library at `database`; the last one is made when it is dropped, so
/// closing the app leaves one with the latest edits.
pub(crate) fn start(database: PathBuf, every: Duration) -> Ticker {
    let setup = move || {
        let conn = Connection::open(&database).ok()?;
        let _ = conn.busy_timeout(Duration::from_secs(5));
        // A backup reads every page once: a small cache does as well, and the default 2 MB would
        // stay with the server for good after its first backup (the soak saw that step).
        let _ = conn.execute_batch("PRAGMA cache_size = -256;");
        let dir = backups::backup_dir(&database);
        let backed_up = if has_unbacked_work(&conn, &dir) { None } else { data_version(&conn) };
        Some(Timer { conn, dir, backed_up })
    };
    Ticker::start("polku-backup", every, setup, |t: &mut Timer, _stopping| {
        let now = data_version(&t.conn);
        if now != t.backed_up && backups::make(&t.conn, &t.dir, BackupKind::Rolling, crate::system_now()).is_ok() {
            t.backed_up = now;
        }
    })
}
