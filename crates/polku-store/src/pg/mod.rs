//! The team server's library: `Library` over PostgreSQL. Any number of server instances share
//! one database. An op holds its workshop's row lock (`SELECT … FOR UPDATE`) from before it reads
//! until it commits, so ops on one workshop are applied one at a time across instances: versions
//! grow by one, the op log's numbers are in the order ops were applied, and a retried op id is
//! found by the retry however it raced. Reads run in one read-only snapshot.

pub mod accounts;
mod db;
mod feed;
pub mod handoff;
pub mod joins;
mod lazy;
mod migrations;
pub mod groups;
pub mod sharing;

use std::cell::RefCell;
use std::str::FromStr;
use std::time::Duration;

use postgres::error::SqlState;
use postgres::{Client, Config, IsolationLevel, NoTls};

use crate::db::{Db, Engine};
use crate::library::{Library, Lock};
use crate::StoreError;
use db::{PgDb, Statements};

pub use feed::{Feed, FeedItem, Publisher};
pub use migrations::SCHEMA_VERSION as PG_SCHEMA_VERSION;

/// How often a write that lost a race to another instance is tried again.
const ATTEMPTS: usize = 5;

pub struct PgStore {
    client: RefCell<Client>,
    config: Config,
    statements: RefCell<Statements>,
    location: String,
}

impl PgStore {
    /// Connects to the database at `url` (`postgres://user:password@host:port/database`), brings
    /// it to this Polku's schema, and refuses one that is not Polku's or was written by a newer
    /// Polku.
    pub fn connect(url: &str) -> Result<PgStore, StoreError> {
        let mut config = Config::from_str(url).map_err(|e| StoreError::Connect { location: redacted(url), message: e.to_string() })?;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(Duration::from_secs(10));
        }
        config.application_name("polku");
        let location = location(&config);
        let mut client = config.connect(NoTls).map_err(|e| StoreError::Connect { location: location.clone(), message: e.to_string() })?;
        migrations::migrate(&mut client, &location)?;
        Ok(PgStore { client: RefCell::new(client), config, statements: RefCell::new(Statements::new()), location })
    }

    /// Starts hearing of every change committed through any instance (this one too); `sink` gets
    /// them on the feed's own thread. Connected before this returns.
    pub fn feed(&self, sink: impl Fn(FeedItem) + Send + 'static) -> Result<Feed, StoreError> {
        feed::start(self.config.clone(), Box::new(sink))
    }

    /// The facilitators of this team library and their sign-ins, on a connection of their own.
    pub fn accounts(&self) -> accounts::Accounts {
        accounts::Accounts::new(self.config.clone())
    }

    /// The open joins, on a connection of their own.
    pub fn joins(&self) -> joins::JoinRows {
        joins::JoinRows::new(self.config.clone())
    }

    /// Sends events (other than ops, which the op log carries) to every instance's feed.
    pub fn publisher(&self) -> Publisher {
        Publisher::new(self.config.clone())
    }

    /// The connection, made again when the server closed it (a restart, a failover): what was
    /// prepared on the old one is gone with it.
    fn client(&self) -> Result<std::cell::RefMut<'_, Client>, StoreError> {
        if self.client.borrow().is_closed() {
            let fresh = self.config.connect(NoTls).map_err(|e| StoreError::Connect { location: self.location.clone(), message: e.to_string() })?;
            *self.client.borrow_mut() = fresh;
            self.statements.borrow_mut().clear();
        }
        Ok(self.client.borrow_mut())
    }
}

/// Whether a write failed only because another instance's transaction got there first, so that
/// trying it again gives the right answer (a replay of the same op id, say).
fn lost_race(e: &StoreError) -> bool {
    let StoreError::Postgres(e) = e else { return false };
    match e.code() {
        Some(c) if *c == SqlState::T_R_SERIALIZATION_FAILURE || *c == SqlState::T_R_DEADLOCK_DETECTED => true,
        Some(c) if *c == SqlState::UNIQUE_VIOLATION => {
            e.as_db_error().and_then(|d| d.constraint()).is_some_and(|c| c == "op_log_op_id_key")
        }
        _ => false,
    }
}

impl Library for PgStore {
    fn engine(&self) -> Engine {
        Engine::Postgres
    }

    fn read_with(&self, f: &mut dyn FnMut(&dyn Db) -> Result<(), StoreError>) -> Result<(), StoreError> {
        let mut client = self.client()?;
        let tx = client.build_transaction().isolation_level(IsolationLevel::RepeatableRead).read_only(true).start()?;
        let db = PgDb { tx: RefCell::new(tx), statements: &self.statements };
        f(&db)?;
        db.tx.into_inner().commit()?;
        Ok(())
    }

    fn write_with(&mut self, lock: Lock, f: &mut dyn FnMut(&dyn Db) -> Result<(), StoreError>) -> Result<(), StoreError> {
        let mut attempt = 0;
        loop {
            attempt += 1;
            let result = self.write_once(lock, f);
            match result {
                Err(e) if attempt < ATTEMPTS && lost_race(&e) => continue,
                other => return other,
            }
        }
    }

    fn location(&self) -> String {
        self.location.clone()
    }
}

impl PgStore {
    fn write_once(&self, lock: Lock, f: &mut dyn FnMut(&dyn Db) -> Result<(), StoreError>) -> Result<(), StoreError> {
        let mut client = self.client()?;
        let tx = client.transaction()?;
        let db = PgDb { tx: RefCell::new(tx), statements: &self.statements };
        if let Lock::Workshop(id) = lock {
            (&db as &dyn Db).exists("SELECT 1 FROM workshop WHERE id = ?1 FOR UPDATE", crate::db::vals![id])?;
        }
        f(&db)?;
        db.tx.into_inner().commit()?;
        Ok(())
    }
}

/// `postgres://user@host:port/database`, never the password: for messages and logs.
fn location(config: &Config) -> String {
    let host = config
        .get_hosts()
        .first()
        .map(|h| match h {
            postgres::config::Host::Tcp(name) => name.clone(),
            postgres::config::Host::Unix(path) => path.display().to_string(),
        })
        .unwrap_or_default();
    let port = config.get_ports().first().copied().unwrap_or(5432);
    let user = config.get_user().unwrap_or_default();
    let db = config.get_dbname().unwrap_or(user);
    format!("postgres://{user}@{host}:{port}/{db}")
}

/// A connection string with any password taken out, for an error about the string itself.
fn redacted(url: &str) -> String {
    match url.split_once('@') {
        Some((_, rest)) => format!("postgres://…@{rest}"),
        None => url.chars().take(100).collect(),
    }
}
