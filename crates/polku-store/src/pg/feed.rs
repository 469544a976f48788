//! How the instances of a team server hear of each other's changes: PostgreSQL's LISTEN/NOTIFY.
//! An op's transaction notifies `polku_changes` with its workshop and op-log number, delivered
//! when (and only if) it commits; each instance's feed then reads the workshop's new ops from the
//! op log, in order, so a notification folded into another or arriving late loses nothing and
//! repeats nothing. Other events (a list to reload, a join changed) travel whole on
//! `polku_events`. A feed that lost its connection says so (`Resumed`) when it is back: what was
//! sent meanwhile is unknown, and whoever shows data loads it again.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use postgres::fallible_iterator::FallibleIterator;
use postgres::{Client, Config, NoTls};

use crate::ops::Logged;
use super::lazy::Lazy;
use crate::StoreError;
use polku_core::Id;

const CHANGES: &str = "polku_changes";
const EVENTS: &str = "polku_events";
/// The most a NOTIFY payload may hold is 8000 bytes; our events are far smaller.
const MAX_EVENT_BYTES: usize = 7900;
/// At most this many ops are read at a time for one workshop.
const BATCH: i64 = 1000;

/// What the feed hands on, on its own thread.
#[derive(Debug)]
pub enum FeedItem {
    /// An op committed through any instance; per workshop in op-log order, each once.
    Op(Logged),
    /// An event published by any instance (this one too), as its JSON.
    Event(String),
    /// The feed's connection was lost and is back: whatever was sent meanwhile is unknown.
    Resumed,
}

/// The running feed; dropping it stops its thread.
pub struct Feed {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Drop for Feed {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Starts listening (connected before this returns, so nothing committed after it is missed).
pub(crate) fn start(config: Config, sink: Box<dyn Fn(FeedItem) + Send>) -> Result<Feed, StoreError> {
    let first = listen(&config)?;
    let stop = Arc::new(AtomicBool::new(false));
    let stopped = stop.clone();
    let thread = std::thread::Builder::new()
        .name("polku-feed".into())
        .spawn(move || run(config, first, sink, stopped))
        .map_err(|e| StoreError::Decode(format!("cannot start the change feed: {e}")))?;
    Ok(Feed { stop, thread: Some(thread) })
}

fn listen(config: &Config) -> Result<Client, StoreError> {
    let mut client = config.connect(NoTls)?;
    client.batch_execute(&format!("LISTEN {CHANGES}; LISTEN {EVENTS};"))?;
    Ok(client)
}

fn run(config: Config, first: Client, sink: Box<dyn Fn(FeedItem) + Send>, stop: Arc<AtomicBool>) {
    let mut client = Some(first);
    let mut wait = Duration::from_millis(100);
    while !stop.load(Ordering::Relaxed) {
        let Some(c) = client.as_mut() else {
            std::thread::sleep(wait);
            wait = (wait * 2).min(Duration::from_secs(5));
            if let Ok(c) = listen(&config) {
                client = Some(c);
                wait = Duration::from_millis(100);
                sink(FeedItem::Resumed);
            }
            continue;
        };
        // The op-log number each workshop was read up to lives as long as the connection: after
        // a reconnect, listeners reload whole (`Resumed`), so it starts afresh.
        let mut read_to: HashMap<Id, i64> = HashMap::new();
        if follow(c, &sink, &stop, &mut read_to).is_err() {
            client = None;
        }
    }
}

fn follow(client: &mut Client, sink: &dyn Fn(FeedItem), stop: &AtomicBool, read_to: &mut HashMap<Id, i64>) -> Result<(), postgres::Error> {
    while !stop.load(Ordering::Relaxed) {
        let mut due: Vec<(Id, i64)> = Vec::new();
        {
            let mut notes = client.notifications();
            // Waits for one (a while, to look at `stop` now and then), then takes what else has
            // come already, and hands them on at once.
            let Some(first) = notes.timeout_iter(Duration::from_millis(250)).next()? else { continue };
            let mut more = notes.iter();
            let mut next = Some(first);
            while let Some(n) = next {
                match n.channel() {
                    CHANGES => {
                        if let Some((w, seq)) = n.payload().split_once(' ') {
                            if let (Ok(w), Ok(seq)) = (Id::parse_str(w), seq.parse::<i64>()) {
                                due.push((w, seq));
                            }
                        }
                    }
                    EVENTS => sink(FeedItem::Event(n.payload().to_string())),
                    _ => {}
                }
                next = if due.len() < 256 { more.next()? } else { None };
            }
        }
        for (w, seq) in due {
            // A workshop first heard of now: its earlier ops are in what its viewers loaded.
            let from = *read_to.entry(w).or_insert(seq - 1);
            if seq > from {
                read_ops(client, w, from, sink, read_to)?;
            }
        }
    }
    Ok(())
}

fn read_ops(client: &mut Client, w: Id, mut from: i64, sink: &dyn Fn(FeedItem), read_to: &mut HashMap<Id, i64>) -> Result<(), postgres::Error> {
    let key = w.to_string();
    loop {
        let rows = client.query(
            "SELECT seq, op_id, client_id, changes FROM op_log WHERE workshop_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
            &[&key, &from, &BATCH],
        )?;
        let n = rows.len();
        for row in rows {
            let seq: i64 = row.get(0);
            let op_id: String = row.get(1);
            let changes: String = row.get(3);
            from = seq;
            let (Ok(op_id), Ok(changes)) = (Id::parse_str(&op_id), serde_json::from_str(&changes)) else { continue };
            sink(FeedItem::Op(Logged { seq, workshop_id: w, op_id, client_id: row.get(2), changes }));
        }
        read_to.insert(w, from);
        if (n as i64) < BATCH {
            return Ok(());
        }
    }
}

/// Sends events to every instance's feed, on a connection of its own (the library's may be in
/// the middle of a transaction of another thread).
pub struct Publisher {
    connection: Lazy,
}

impl Publisher {
    pub(crate) fn new(config: Config) -> Publisher {
        Publisher { connection: Lazy::new(config) }
    }

    /// Publishes one event's JSON; one too large for a notification is refused.
    pub fn publish(&self, json: &str) -> Result<(), StoreError> {
        if json.len() > MAX_EVENT_BYTES {
            return Err(StoreError::Decode(format!("an event of {} bytes is too large to publish", json.len())));
        }
        self.connection.with(|c| {
            c.execute("SELECT pg_notify($1, $2)", &[&EVENTS, &json])?;
            Ok(())
        })
    }
}
