//! WAL checkpoints off the edit path. SQLite's automatic checkpoint runs inside whichever commit
//! crosses the threshold and fsyncs the database there, which made every ~200th edit take
//! milliseconds. A background thread with its own connection checkpoints instead; a PASSIVE
//! checkpoint never blocks a writer.

use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

const EVERY: Duration = Duration::from_millis(500);

pub(crate) struct Checkpointer {
    stop: Arc<(Mutex<bool>, Condvar)>,
    thread: Option<JoinHandle<()>>,
}

impl Checkpointer {
    pub(crate) fn start(path: PathBuf) -> Checkpointer {
        let stop = Arc::new((Mutex::new(false), Condvar::new()));
        let signal = stop.clone();
        let thread = std::thread::Builder::new()
            .name("polku-checkpoint".into())
            .spawn(move || {
                // Without its own connection there is nothing to do; SQLite checkpoints on close.
                let Ok(conn) = rusqlite::Connection::open(&path) else { return };
                let _ = conn.busy_timeout(Duration::from_secs(1));
                let (lock, cvar) = &*signal;
                let mut stopped = lock.lock().unwrap_or_else(|p| p.into_inner());
                while !*stopped {
                    stopped = cvar.wait_timeout(stopped, EVERY).unwrap_or_else(|p| p.into_inner()).0;
                    if !*stopped {
                        let _ = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
                    }
                }
            })
            .ok();
        Checkpointer { stop, thread }
    }
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        let (lock, cvar) = &*self.stop;
        *lock.lock().unwrap_or_else(|p| p.into_inner()) = true;
        cvar.notify_all();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
