//! `GET /p/events`: a phone's own change stream. It carries only what that device may know:
//! `join_changed` for its workshop (it refetches `participant_view` and learns it was let in,
//! removed or closed out), and `changed` naming the boards it may see that an edit touched, with
//! none of the edit's records (others' notes, people, a facilitator's client id). The socket is
//! closed as soon as the device is no longer in the join.

use std::collections::BTreeSet;
use std::sync::Weak;

use axum::extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade};
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use polku_api::{ApiError, Device, ErrorCode, Event, Host, PhoneEvent, RecvError};
use polku_core::{Change, Id};

use super::routes::{device_secret, host_of, Phone};
use crate::guard::error_response;

/// The close code a phone's stream ends with when the device is no longer in the join (removed,
/// declined, or joining closed): the page says so instead of trying to reconnect. 4000–4999 are
/// the codes a WebSocket application may define.
pub(crate) const LEFT: u16 = 4403;

pub(crate) async fn upgrade(State(phone): State<Phone>, headers: HeaderMap, ws: WebSocketUpgrade) -> Response {
    let refused = || error_response(&ApiError::with_field(ErrorCode::Forbidden, "this phone has not joined", "device"));
    let Some((at, secret)) = device_secret(&headers, phone.workshop_id) else { return refused() };
    let strong = match host_of(&phone) {
        Ok(h) => h,
        Err(e) => return error_response(&e),
    };
    let events = strong.subscribe();
    let in_database = strong.joins_in_database();
    // A team library's joins are in its database: asked off the async threads.
    let standing = tokio::task::spawn_blocking(move || strong.device(&secret, at)).await.ok().flatten();
    let Some(standing) = standing else { return refused() };
    let device = standing.device;
    // A phone only listens; a small frame limit keeps it from sending anything big.
    ws.max_message_size(1024).on_upgrade(move |socket| stream(phone.host, device, events, socket, in_database)).into_response()
}

/// What to send the device for `event`, or `Err` when the device is gone and the socket must close.
fn for_device(host: &Weak<Host>, device: &Device, event: &Event) -> Result<Option<String>, ()> {
    let Some(host) = host.upgrade() else { return Err(()) };
    // Another workshop's news: nothing to send, and nothing to ask of its join (a team server
    // reads that from its database).
    let about = match event {
        Event::JoinChanged { workshop_id } | Event::Changed { workshop_id, .. } => *workshop_id,
        _ => return Ok(None),
    };
    if about != device.workshop_id {
        return Ok(None);
    }
    let standing = host.device_again(device).ok_or(())?;
    let mine = standing.device.workshop_id;
    match event {
        Event::JoinChanged { workshop_id } if *workshop_id == mine => Ok(text(&PhoneEvent::JoinChanged { workshop_id: mine })),
        Event::Changed { workshop_id, seq, changes, .. } if *workshop_id == mine && !standing.pending => {
            let boards: BTreeSet<Id> = changes.iter().filter_map(Change::board).filter(|b| standing.boards.contains(b)).collect();
            if boards.is_empty() && !changes.iter().any(live) {
                return Ok(None);
            }
            Ok(text(&PhoneEvent::Changed { workshop_id: mine, seq: *seq, board_ids: boards.into_iter().collect() }))
        }
        _ => Ok(None),
    }
}

/// A change the phones show: a session run live (its item or timer) or the one running changed.
fn live(change: &Change) -> bool {
    let running = |s: &Option<polku_core::Session>| s.as_ref().and_then(|s| s.run.as_ref()).is_some_and(|r| r.ended_at.is_none());
    matches!(change, Change::Session { before, after, .. } if running(before) || running(after))
}

fn text(event: &PhoneEvent) -> Option<String> {
    serde_json::to_string(event).ok()
}

/// `in_database`: the device is looked up in a team library's database for each event of its
/// workshop, off the async threads; on the laptop in memory, in place.
async fn stream(host: Weak<Host>, device: Device, mut events: tokio::sync::broadcast::Receiver<Event>, mut socket: WebSocket, in_database: bool) {
    loop {
        tokio::select! {
            event = events.recv() => {
                let send = match event {
                    Ok(event) if in_database => {
                        let host = host.clone();
                        tokio::task::spawn_blocking(move || for_device(&host, &device, &event)).await.unwrap_or(Err(()))
                    }
                    Ok(event) => for_device(&host, &device, &event),
                    // Behind: the phone reconnects and refetches its view.
                    Err(RecvError::Lagged(_)) => {
                        let _ = socket.send(Message::Close(None)).await;
                        return;
                    }
                    Err(RecvError::Closed) => Err(()),
                };
                match send {
                    Ok(None) => {}
                    Ok(Some(text)) => {
                        if socket.send(Message::Text(text.into())).await.is_err() {
                            return;
                        }
                    }
                    Err(()) => {
                        // Gone from the join, or the host with it: a phone that reconnects finds
                        // the same, so it is told for good.
                        let frame = CloseFrame { code: LEFT, reason: "left".into() };
                        let _ = socket.send(Message::Close(Some(frame))).await;
                        return;
                    }
                }
            }
            incoming = socket.recv() => match incoming {
                Some(Ok(Message::Close(_))) | None | Some(Err(_)) => return,
                Some(Ok(_)) => {}
            },
        }
    }
}
