//! WAL checkpoints off the edit path. SQLite's automatic checkpoint runs inside whichever commit
//! crosses the threshold and fsyncs the database there, which made every ~200th edit take
//! milliseconds. A background thread with its own connection checkpoints instead; a PASSIVE
//! checkpoint never blocks a writer.

use std::path::PathBuf;
use std::time::Duration;

use crate::ticker::Ticker;

const EVERY: Duration = Duration::from_millis(500);

pub(crate) fn start(path: PathBuf) -> Ticker {
    let setup = move || {
        // Without its own connection there is nothing to do; SQLite checkpoints on close.
        let conn = rusqlite::Connection::open(&path).ok()?;
        let _ = conn.busy_timeout(Duration::from_secs(1));
        Some(conn)
    };
    Ticker::start("polku-checkpoint", EVERY, setup, |conn, stopping| {
        if !stopping {
            let _ = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
        }
    })
}
