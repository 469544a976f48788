use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard, RwLock};
use std::time::{SystemTime, UNIX_EPOCH};

use polku_core::{Id, Millis, WorkshopSummary};
use polku_export::workshop_file;
use polku_store::{Store, StoreError};
use tokio::sync::broadcast;

use crate::exports::{ExportFile, Exports};
use crate::join::{JoinNetwork, Joins};
use crate::{ApiError, Event};

/// One library (data directory) served to any number of clients. The desktop shell and the
/// HTTP server each hold one and call [`Host::call`]; both forward [`Host::subscribe`]'s events.
pub struct Host {
    store: Mutex<Store>,
    events: broadcast::Sender<Event>,
    clock: fn() -> Millis,
    exports: Exports,
    /// Open joins: in memory only, so they end with the app.
    joins: Mutex<Joins>,
    /// How joins reach phones; none: joins open without a socket (and without a URL).
    network: RwLock<Option<Arc<dyn JoinNetwork>>>,
}

/// Quitting closes joining: no socket outlives the host whose joins it served.
impl Drop for Host {
    fn drop(&mut self) {
        let Some(network) = self.join_network() else { return };
        for workshop_id in self.joins().open_ids() {
            network.stop(workshop_id);
        }
    }
}

/// What an import did.
#[derive(Debug, Clone)]
pub struct Imported {
    pub summary: WorkshopSummary,
    /// True when the file's workshop was already in the library, so the copy got new ids.
    pub renumbered: bool,
}

/// A second copy of a workshop already in the library: new ids, and a title that tells the two
/// apart in the list ("Palvelupolku (kopio, tuotu 2.12.2026)"), in the workshop's own language.
fn marked_copy(w: &polku_core::Workshop, now: Millis) -> polku_core::Workshop {
    let mut copy = workshop_file::with_new_ids(w, &mut Id::now_v7);
    let l = polku_export::labels::Labels::new(w.language);
    let title = l.tf("import.copyTitle", &[("title", &w.title), ("date", &l.date(now))]);
    // A title at its longest stays one: the words the group gave it come first.
    if polku_core::validate_title(&title).is_ok() {
        copy.title = title;
    }
    copy
}

fn system_clock() -> Millis {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as Millis).unwrap_or(0)
}

impl Host {
    pub fn open(data_dir: &Path) -> Result<Host, StoreError> {
        Ok(Host::new(Store::open_dir(data_dir)?))
    }

    pub fn new(store: Store) -> Host {
        // Clients that fall this far behind are told to reload rather than replay.
        let (events, _) = broadcast::channel(1024);
        Host { store: Mutex::new(store), events, clock: system_clock, exports: Exports::default(), joins: Mutex::default(), network: RwLock::default() }
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Event> {
        self.events.subscribe()
    }

    pub(crate) fn now(&self) -> Millis {
        (self.clock)()
    }

    pub(crate) fn store(&self) -> Result<MutexGuard<'_, Store>, ApiError> {
        // A panic while holding the lock cannot leave a half-written edit (SQLite rolled it back),
        // so the store is still sound to use.
        Ok(self.store.lock().unwrap_or_else(|poisoned| poisoned.into_inner()))
    }

    pub(crate) fn joins(&self) -> MutexGuard<'_, Joins> {
        // No join change calls anything that could panic halfway (a device is pushed whole), so the
        // state is sound after a panic elsewhere.
        self.joins.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Lets joins listen on the room's network through `network`. The transport installs it once
    /// it can serve phones; a join opened before keeps its socketless state until reopened.
    pub fn set_join_network(&self, network: Arc<dyn JoinNetwork>) {
        *self.network.write().unwrap_or_else(|p| p.into_inner()) = Some(network);
    }

    pub(crate) fn join_network(&self) -> Option<Arc<dyn JoinNetwork>> {
        self.network.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    pub(crate) fn exports(&self) -> &Exports {
        &self.exports
    }

    /// The file a finished export job made, for the transport to hand over.
    pub fn export_file(&self, job_id: Id) -> Result<ExportFile, ApiError> {
        self.exports.file(job_id)
    }

    pub(crate) fn emit(&self, event: Event) {
        // No subscribers is fine: nobody is listening yet.
        let _ = self.events.send(event);
    }

    /// Closes every join (phones are told, their sockets closed) and empties the WAL into the
    /// database file, for a clean exit. Edits were durable before this.
    pub fn shutdown(&self) {
        let open = self.joins().open_ids();
        for workshop_id in open {
            self.close_join_of(workshop_id);
        }
        if let Ok(store) = self.store() {
            let _ = store.checkpoint();
        }
    }

    /// The workshop as `.polku` file bytes.
    pub fn export_workshop(&self, id: Id) -> Result<Vec<u8>, ApiError> {
        let w = self.store()?.load_workshop(id)?;
        Ok(workshop_file::write(&w, self.now()))
    }

    /// Reads a `.polku` file and adds its workshop to the library; nothing is written unless the
    /// whole file is valid.
    pub fn import_workshop(&self, bytes: &[u8]) -> Result<Imported, ApiError> {
        let w = workshop_file::read(bytes)?;
        let mut store = self.store()?;
        // Any id already here (the same workshop, or a file made from another one): a copy.
        let renumbered = store.ids_taken(&w)?;
        let w = if renumbered { marked_copy(&w, self.now()) } else { w };
        store.insert_workshop(&w)?;
        let summary = store.workshop_summary(w.id)?;
        drop(store);
        self.emit(Event::LibraryChanged);
        Ok(Imported { summary, renumbered })
    }
}
