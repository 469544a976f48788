//! A background thread that does one thing every so often until its owner drops it: the WAL
//! checkpoints and the rolling backups each run on one, with a connection of their own.

use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

pub(crate) struct Ticker {
    stop: Arc<(Mutex<bool>, Condvar)>,
    thread: Option<JoinHandle<()>>,
}

impl Ticker {
    /// Calls `tick(&mut state, stopping)` every `every`, and once more with `stopping` true when
    /// the ticker is dropped. `setup` makes the state on the thread; without it there is nothing
    /// to do and the thread ends.
    pub(crate) fn start<S>(
        name: &str,
        every: Duration,
        setup: impl FnOnce() -> Option<S> + Send + 'static,
        mut tick: impl FnMut(&mut S, bool) + Send + 'static,
    ) -> Ticker {
        let stop = Arc::new((Mutex::new(false), Condvar::new()));
        let signal = stop.clone();
        let thread = std::thread::Builder::new()
            .name(name.into())
            .spawn(move || {
                let Some(mut state) = setup() else { return };
                let (lock, cvar) = &*signal;
                let mut stopped = lock.lock().unwrap_or_else(|p| p.into_inner());
                loop {
                    if !*stopped {
                        stopped = cvar.wait_timeout(stopped, every).unwrap_or_else(|p| p.into_inner()).0;
                    }
                    tick(&mut state, *stopped);
                    if *stopped {
                        break;
                    }
                }
            })
            .ok();
        Ticker { stop, thread }
    }
}

impl Drop for Ticker {
    fn drop(&mut self) {
        let (lock, cvar) = &*self.stop;
        *lock.lock().unwrap_or_else(|p| p.into_inner()) = true;
        cvar.notify_all();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
