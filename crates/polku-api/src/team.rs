//! A host on a team library: the same commands over PostgreSQL, shared with other instances of
//! `polku serve`. Every instance hears every change through the database's feed, its own too, so
//! a client gets each op once and in op-log order whichever instance applied it; other events are
//! published through the database for every instance to pass on.

use std::sync::{Arc, RwLock};

use polku_store::{Feed, FeedItem, PgStore, Publisher, StoreError};
use tokio::sync::broadcast;

use crate::Event;

/// The change stream's buffer: clients that fall this far behind are told to reload.
pub(crate) const BUFFER: usize = 1024;

pub(crate) type Events = Arc<RwLock<broadcast::Sender<Event>>>;

pub(crate) struct Team {
    _feed: Feed,
    publisher: Publisher,
    /// The facilitators and whose each workshop is.
    pub accounts: Arc<polku_store::Accounts>,
}

pub(crate) fn send(events: &Events, event: Event) {
    // No subscribers is fine: nobody is listening yet.
    let _ = events.read().unwrap_or_else(|p| p.into_inner()).send(event);
}

/// Connects to the team library at `url` and starts hearing of its changes into `events`.
pub(crate) fn connect(url: &str, events: Events) -> Result<(PgStore, Team), StoreError> {
    let store = PgStore::connect(url)?;
    let heard = events.clone();
    let feed = store.feed(move |item| match item {
        FeedItem::Op(op) => send(&heard, op.into()),
        FeedItem::Event(json) => {
            if let Ok(event) = serde_json::from_str::<Event>(&json) {
                send(&heard, event);
            }
        }
        // What was sent while the feed was away is unknown: a new stream closes every client's,
        // and clients reload whole when they reconnect.
        FeedItem::Resumed => *heard.write().unwrap_or_else(|p| p.into_inner()) = broadcast::channel(BUFFER).0,
    })?;
    let publisher = store.publisher();
    let accounts = Arc::new(store.accounts());
    Ok((store, Team { _feed: feed, publisher, accounts }))
}

/// An op as the op log keeps it, as the change stream carries it.
impl From<polku_store::Logged> for Event {
    fn from(op: polku_store::Logged) -> Event {
        Event::Changed { workshop_id: op.workshop_id, seq: op.seq, op_id: op.op_id, client_id: op.client_id, changes: op.changes }
    }
}

impl Team {
    /// Passes an event to every instance. Ops are not sent here: the op log carries them.
    pub(crate) fn publish(&self, event: &Event, events: &Events) {
        if matches!(event, Event::Changed { .. }) {
            return;
        }
        let published = serde_json::to_string(event).map_err(|e| StoreError::Decode(e.to_string())).and_then(|json| self.publisher.publish(&json));
        // The database cannot be reached: this instance's own clients still hear of it.
        if published.is_err() {
            send(events, event.clone());
        }
    }
}
