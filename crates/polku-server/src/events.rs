use std::sync::Arc;

use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::State;
use axum::response::Response;
use polku_api::{Event, Host};
use tokio::sync::broadcast::{self, error::RecvError};

/// `GET /api/events`: every committed change, as JSON text frames, until the client goes away.
pub(crate) async fn upgrade(State(host): State<Arc<Host>>, ws: WebSocketUpgrade) -> Response {
    // Subscribed before the handshake is answered, so a change made right after the client
    // connected is not lost in between.
    let events = host.subscribe();
    ws.max_message_size(64 * 1024).on_upgrade(move |socket| stream(events, socket))
}

async fn stream(mut events: broadcast::Receiver<Event>, mut socket: WebSocket) {
    loop {
        tokio::select! {
            event = events.recv() => match event {
                Ok(event) => {
                    let Ok(text) = serde_json::to_string(&event) else { continue };
                    if socket.send(Message::Text(text.into())).await.is_err() {
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
