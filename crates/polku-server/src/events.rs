use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{Query, State};
use axum::response::Response;
use axum::Extension;
use polku_api::{Caller, Event, Host};
use polku_core::Id;
use serde::Deserialize;
use tokio::sync::broadcast::{self, error::RecvError};

/// The most missed changes sent to catch up; a client further behind reloads whole.
const CATCH_UP: usize = 5000;
/// How long a team server's stream trusts what it was told of a workshop's sharing: a workshop
/// no longer shared stops reaching the colleague's stream within this.
const SHARING_KEPT: Duration = Duration::from_secs(10);

/// The workshop an event is about, if one.
fn workshop_of(event: &Event) -> Option<polku_core::Id> {
    match event {
        Event::Changed { workshop_id, .. } | Event::JoinChanged { workshop_id } | Event::Brought { workshop_id, .. } => Some(*workshop_id),
        Event::Restored { workshop_id } => *workshop_id,
        Event::LibraryChanged | Event::TemplatesChanged => None,
    }
}

/// Which workshops a team server's facilitator may see, asked of the database now and then.
struct Seen {
    caller: Caller,
    known: HashMap<polku_core::Id, (bool, Instant)>,
}

impl Seen {
    async fn may(&mut self, host: &Arc<Host>, workshop: polku_core::Id) -> bool {
        if !matches!(self.caller, Caller::TeamFacilitator(_)) {
            return true;
        }
        if let Some((may, at)) = self.known.get(&workshop) {
            if at.elapsed() < SHARING_KEPT {
                return *may;
            }
        }
        let (host, caller) = (host.clone(), self.caller.clone());
        let may = tokio::task::spawn_blocking(move || host.may_see(&caller, workshop)).await.unwrap_or(false);
        self.known.insert(workshop, (may, Instant::now()));
        may
    }
}

/// `?workshop=<id>&after=<seq>`: a client that was away (a reconnect, to this or another instance
/// of a team server) first gets the workshop's changes after that op-log number, then the live
/// stream, each change once.
#[derive(Deserialize)]
pub(crate) struct Since {
    workshop: Option<Id>,
    after: Option<i64>,
}

/// `GET /api/events`: every committed change, as JSON text frames, until the client goes away.
pub(crate) async fn upgrade(
    State(host): State<Arc<Host>>,
    signed: Option<Extension<polku_store::Facilitator>>,
    Query(since): Query<Since>,
    ws: WebSocketUpgrade,
) -> Response {
    let caller = crate::api::caller(signed);
    // Subscribed before the handshake is answered, so a change made right after the client
    // connected is not lost in between.
    let events = host.subscribe();
    let catch_up = since.workshop.zip(since.after);
    ws.max_message_size(64 * 1024).on_upgrade(move |socket| stream(host, caller, catch_up, events, socket))
}

async fn send(socket: &mut WebSocket, event: &Event) -> bool {
    let Ok(text) = serde_json::to_string(event) else { return true };
    socket.send(Message::Text(text.into())).await.is_ok()
}

/// The missed changes, sent; the last op-log number sent. None: the client must reload whole.
async fn catch_up(host: Arc<Host>, workshop: Id, after: i64, socket: &mut WebSocket) -> Option<i64> {
    let missed = tokio::task::spawn_blocking(move || host.changes_after(workshop, after, CATCH_UP + 1)).await.ok()?.ok()?;
    if missed.len() > CATCH_UP {
        return None;
    }
    let mut last = after;
    for event in &missed {
        if let Event::Changed { seq, .. } = event {
            last = *seq;
        }
        if !send(socket, event).await {
            return None;
        }
    }
    Some(last)
}

async fn stream(host: Arc<Host>, caller: Caller, since: Option<(Id, i64)>, mut events: broadcast::Receiver<Event>, mut socket: WebSocket) {
    let mut seen = Seen { caller, known: HashMap::new() };
    let mut sent: Option<(Id, i64)> = None;
    if let Some((workshop, after)) = since {
        // Another's workshop: as one that does not exist, nothing to catch up.
        let mine = seen.may(&host, workshop).await;
        match if mine { catch_up(host.clone(), workshop, after, &mut socket).await } else { Some(after) } {
            Some(last) => sent = Some((workshop, last)),
            None => {
                let _ = socket.send(Message::Close(None)).await;
                return;
            }
        }
    }
    loop {
        tokio::select! {
            event = events.recv() => match event {
                // Already sent while catching up.
                Ok(Event::Changed { workshop_id, seq, .. }) if sent.is_some_and(|(w, last)| w == workshop_id && seq <= last) => {}
                Ok(event) => {
                    // A workshop made, shared or taken back: ask again what is theirs.
                    if matches!(event, Event::LibraryChanged) {
                        seen.known.clear();
                    }
                    // On a team server, only what is about the facilitator's own workshops.
                    if let Some(w) = workshop_of(&event) {
                        if !seen.may(&host, w).await {
                            continue;
                        }
                    }
                    if !send(&mut socket, &event).await {
                        return;
                    }
                }
                // Too far behind to catch up event by event: closing makes the client reconnect
                // and reload the workshop whole.
                Err(RecvError::Lagged(_)) | Err(RecvError::Closed) => {
                    let _ = socket.send(Message::Close(None)).await;
                    return;
                }
            },
            incoming = socket.recv() => match incoming {
                // Clients only listen here; pings are answered by axum itself.
                Some(Ok(Message::Close(_))) | None | Some(Err(_)) => return,
                Some(Ok(_)) => {}
            },
        }
    }
}
