use polku_store::Library;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, RwLock};
use std::time::{SystemTime, UNIX_EPOCH};

use polku_core::{Id, Millis, WorkshopSummary};
use polku_export::workshop_file;
use polku_store::{Store, StoreError};
use tokio::sync::broadcast;

use crate::exports::{ExportFile, Exports};
use crate::join::{JoinBook, JoinNetwork};
use crate::{team, ApiError, ErrorCode, Event};

/// One library (data directory) served to any number of clients. The desktop shell and the
/// HTTP server each hold one and call [`Host::call`]; both forward [`Host::subscribe`]'s events.
pub struct Host {
    store: Mutex<Box<dyn Library>>,
    /// The laptop's library file, for its backups (listed even while it is damaged); none for a
    /// team library on a database server, whose backups are the organisation's (pg_dump).
    database: Option<PathBuf>,
    /// Why the library is closed: it was found damaged when opened or while in use. Every
    /// command but the backups' is then refused with this, and nothing is written to the file.
    damaged: RwLock<Option<ApiError>>,
    events: team::Events,
    /// A team library's link to the other instances; none on the laptop.
    team: Option<team::Team>,
    clock: fn() -> Millis,
    exports: Exports,
    /// Open joins: in memory on the laptop, so they end with the app; a team library's database.
    joins: JoinBook,
    /// How joins reach phones; none: joins open without a socket (and without a URL).
    network: RwLock<Option<Arc<dyn JoinNetwork>>>,
}

/// Quitting closes joining: no socket outlives the host whose joins it served.
impl Drop for Host {
    fn drop(&mut self) {
        let Some(network) = self.join_network() else { return };
        for workshop_id in self.own_open_joins() {
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
/// apart in the list ("Palvelupolku (kopio, tuotu 2.12.2026)"), in the workshop's own language;
/// `label` is the title's pattern, with `{title}` and `{date}`.
pub(crate) fn marked_copy(w: &polku_core::Workshop, label: &str, now: Millis) -> polku_core::Workshop {
    let mut copy = workshop_file::with_new_ids(w, &mut Id::now_v7);
    let l = polku_export::labels::Labels::new(w.language);
    let title = l.tf(label, &[("title", &w.title), ("date", &l.date(now))]);
    // A title at its longest stays one: the words the group gave it come first.
    if polku_core::validate_title(&title).is_ok() {
        copy.title = title;
    }
    copy
}

/// What the laptop's library has and a team library does not: backups in a folder beside it.
pub(crate) fn team_library() -> ApiError {
    ApiError::with_field(
        ErrorCode::BadRequest,
        "a team library's backups are made by its database server (pg_dump), not by Polku",
        "team_library",
    )
}

fn system_clock() -> Millis {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as Millis).unwrap_or(0)
}

impl Host {
    /// Opens the library in `data_dir`. A damaged one still gives a host, closed: it answers only
    /// the backup commands, so the facilitator can put a good backup in its place.
    pub fn open(data_dir: &Path) -> Result<Host, StoreError> {
        match Store::open_dir(data_dir) {
            Ok(store) => Ok(Host::new(store)),
            Err(e) if Store::is_damage(&e) => {
                let database = polku_store::database_path(data_dir);
                let host = Host::new(Store::closed(&database)?);
                host.close_damaged(ApiError::library_unavailable(&e));
                Ok(host)
            }
            Err(e) => Err(e),
        }
    }

    pub fn new(store: Store) -> Host {
        let database = store.path().to_path_buf();
        Host::with_library(Box::new(store), Some(database))
    }

    /// A host for a team library on PostgreSQL at `url`, shared with any number of other
    /// instances.
    pub fn team(url: &str) -> Result<Host, StoreError> {
        let events: team::Events = Arc::new(RwLock::new(broadcast::channel(team::BUFFER).0));
        let (store, link) = team::connect(url, events.clone())?;
        let joins = store.joins();
        let mut host = Host::with_library(Box::new(store), None);
        host.joins = JoinBook::Team(joins);
        host.events = events;
        host.team = Some(link);
        Ok(host)
    }

    fn with_library(store: Box<dyn Library>, database: Option<PathBuf>) -> Host {
        // Clients that fall this far behind are told to reload rather than replay.
        let events = Arc::new(RwLock::new(broadcast::channel(team::BUFFER).0));
        Host {
            database,
            team: None,
            store: Mutex::new(store),
            damaged: RwLock::default(),
            events,
            clock: system_clock,
            exports: Exports::default(),
            joins: JoinBook::default(),
            network: RwLock::default(),
        }
    }

    /// The same host on another clock, for tests in which time must pass (a join's hours).
    #[doc(hidden)]
    pub fn with_clock(mut self, clock: fn() -> Millis) -> Host {
        self.clock = clock;
        self
    }

    /// Why the library is closed, when it is (found damaged).
    pub fn damage(&self) -> Option<ApiError> {
        self.damaged.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Closes the library after SQLite found it damaged: the store is let go (no further write
    /// reaches the file) and every command but the backups' answers `why` until a restore.
    pub(crate) fn close_damaged(&self, why: ApiError) {
        let Some(database) = &self.database else { return };
        *self.damaged.write().unwrap_or_else(|p| p.into_inner()) = Some(why);
        let mut store = self.store.lock().unwrap_or_else(|p| p.into_inner());
        if let Ok(closed) = Store::closed(database) {
            let mut damaged = std::mem::replace(&mut *store, Box::new(closed));
            // Its last backup would copy the damage; the backup's own check refuses it anyway.
            if let Some(local) = damaged.local_mut() {
                local.stop_backups();
            }
        }
    }

    /// A command failed: when SQLite found the file damaged, the library closes (see
    /// [`Host::close_damaged`]).
    pub(crate) fn on_error(&self, e: &ApiError) {
        let damage = e.code == crate::ErrorCode::LibraryUnavailable && e.field.as_deref() == Some("corrupt");
        if damage && self.damage().is_none() {
            self.close_damaged(e.clone());
        }
    }

    /// The laptop's library file; a team library has none (its backups are the organisation's).
    pub(crate) fn database_path(&self) -> Result<&Path, ApiError> {
        self.database.as_deref().ok_or_else(team_library)
    }

    /// Whether the library answers (a trivial read): the health check's question.
    pub fn reachable(&self) -> Result<(), ApiError> {
        self.store()?.workshop_exists(Id::nil())?;
        Ok(())
    }

    /// A team library's facilitators and whose each workshop is; none on the laptop.
    pub fn team_accounts(&self) -> Option<&polku_store::Accounts> {
        self.team.as_ref().map(|t| &*t.accounts)
    }

    /// The same, to share with the transport's sign-in and admin routes (one connection for all).
    pub fn shared_team_accounts(&self) -> Option<Arc<polku_store::Accounts>> {
        self.team.as_ref().map(|t| t.accounts.clone())
    }

    /// Whether this is a team library on a database server.
    pub fn is_team(&self) -> bool {
        self.database.is_none()
    }

    /// The file of the backup called `name`, refusing any other name.
    pub(crate) fn backup_path(&self, name: &str) -> Result<PathBuf, ApiError> {
        Ok(polku_store::find_backup(self.database_path()?, name)?.path)
    }

    /// Puts the backup `name` in place of the whole library: the current one is kept aside as a
    /// backup (answered), or, when damaged, moved aside as a file and the library opened again.
    pub(crate) fn restore_library(&self, name: &str) -> Result<Option<polku_store::BackupFile>, ApiError> {
        let database = self.database_path()?;
        let mut store = self.store.lock().unwrap_or_else(|p| p.into_inner());
        let mut damaged = self.damaged.write().unwrap_or_else(|p| p.into_inner());
        if damaged.is_none() {
            let local = store.local_mut().ok_or_else(team_library)?;
            return Ok(Some(local.restore_library(name, self.now())?));
        }
        *store = Box::new(polku_store::replace_damaged(database, name, self.now())?);
        *damaged = None;
        Ok(None)
    }

    /// The workshop's changes after the op-log number `after`, as the change stream carries
    /// them, at most `limit`: for a client catching up after a reconnect, to any instance.
    pub fn changes_after(&self, workshop: Id, after: i64, limit: usize) -> Result<Vec<Event>, ApiError> {
        let ops = self.store()?.ops_after(workshop, after, limit)?;
        Ok(ops
            .into_iter()
            .map(Event::from)
            .collect())
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Event> {
        self.events.read().unwrap_or_else(|p| p.into_inner()).subscribe()
    }

    pub(crate) fn now(&self) -> Millis {
        (self.clock)()
    }

    pub(crate) fn store(&self) -> Result<MutexGuard<'_, Box<dyn Library>>, ApiError> {
        if let Some(why) = self.damage() {
            return Err(why);
        }
        // A panic while holding the lock cannot leave a half-written edit (SQLite rolled it back),
        // so the store is still sound to use.
        Ok(self.store.lock().unwrap_or_else(|poisoned| poisoned.into_inner()))
    }

    pub(crate) fn join_book(&self) -> &JoinBook {
        &self.joins
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

    /// The same for `caller`: on a team server, only of a workshop they may use.
    pub fn export_file_as(&self, caller: &crate::Caller, job_id: Id) -> Result<ExportFile, ApiError> {
        self.reach_job(caller, &serde_json::json!({ "job_id": job_id }), "job_id")?;
        self.exports.file(job_id)
    }

    /// Whether `caller` may see the workshop's changes (everyone may on the laptop).
    pub fn may_see(&self, caller: &crate::Caller, workshop: Id) -> bool {
        match caller {
            crate::Caller::TeamFacilitator(f) => self.team_accounts().is_some_and(|a| a.may_use(*f, workshop).unwrap_or(false)),
            _ => true,
        }
    }

    pub(crate) fn emit(&self, event: Event) {
        match &self.team {
            Some(team) => team.publish(&event, &self.events),
            None => team::send(&self.events, event),
        }
    }

    /// Closes every join (phones are told, their sockets closed) and empties the WAL into the
    /// database file, for a clean exit. Edits were durable before this.
    pub fn shutdown(&self) {
        for workshop_id in self.own_open_joins() {
            self.close_join_of(workshop_id);
        }
        if let Some(store) = self.store().ok().as_mut().and_then(|s| s.local_mut()) {
            // The backup thread reads the file: stopped first, so the checkpoint empties the WAL.
            store.stop_backups();
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
        let w = if renumbered { marked_copy(&w, "import.copyTitle", self.now()) } else { w };
        store.insert_workshop(&w)?;
        let summary = store.workshop_summary(w.id)?;
        drop(store);
        self.emit(Event::LibraryChanged);
        Ok(Imported { summary, renumbered })
    }
}
