use std::sync::Arc;

use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{Query, State};
use axum::response::Response;
use polku_api::{Event, Host};
use polku_core::Id;
use serde::Deserialize;
use tokio::sync::broadcast::{self, error::RecvError};

/// The most missed changes sent to catch up; a client further behind reloads whole.
const CATCH_UP: usize = 5000;

/// `?workshop=<id>&after=<seq>`: a client that was away (a reconnect, to this or another instance
/// of a team server) first gets the workshop's changes after that op-log number, then the live
/// stream, each change once.
#[derive(Deserialize)]
pub(crate) struct Since {
    workshop: Option<Id>,
    after: Option<i64>,
}

/// `GET /api/events`: every committed change, as JSON text frames, until the client goes away.
pub(crate) async fn upgrade(State(host): State<Arc<Host>>, Query(since): Query<Since>, ws: WebSocketUpgrade) -> Response {
    // Subscribed before the handshake is answered, so a change made right after the client
    // connected is not lost in between.
    let events = host.subscribe();
    let catch_up = since.workshop.zip(since.after);
    ws.max_message_size(64 * 1024).on_upgrade(move |socket| stream(host, catch_up, events, socket))
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

async fn stream(host: Arc<Host>, since: Option<(Id, i64)>, mut events: broadcast::Receiver<Event>, mut socket: WebSocket) {
    let mut sent: Option<(Id, i64)> = None;
    if let Some((workshop, after)) = since {
        match catch_up(host, workshop, after, &mut socket).await {
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
