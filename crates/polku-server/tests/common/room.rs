//! A facilitator's app with one workshop, its join listening on loopback, and phones that talk to
//! it over real sockets: what the join tests share.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use futures_util::StreamExt;
use polku_api::{Host, JoinAddress};
use polku_server::participant::LanJoinNetwork;
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::Message;

use super::Answer;

/// The facilitator server's key in these tests.
pub const KEY: &str = "room-key-0123456789";

/// One request written by hand, so Host, Origin and Cookie are exactly what the test says.
pub async fn send(addr: SocketAddr, method: &str, path: &str, headers: &[(&str, String)], body: Option<&Value>) -> Answer {
    let mut stream = TcpStream::connect(addr).await.expect("connects");
    let body = body.map(Value::to_string).unwrap_or_default();
    let mut req = format!("{method} {path} HTTP/1.1\r\nConnection: close\r\nContent-Length: {}\r\n", body.len());
    // The listener's own address unless the test names another Host.
    if !headers.iter().any(|(name, _)| name.eq_ignore_ascii_case("host")) {
        req.push_str(&format!("Host: {addr}\r\n"));
    }
    for (name, value) in headers {
        req.push_str(&format!("{name}: {value}\r\n"));
    }
    req.push_str("\r\n");
    req.push_str(&body);
    stream.write_all(req.as_bytes()).await.expect("sends");
    let mut raw = Vec::new();
    tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut raw)).await.expect("answered in time").expect("reads");
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    Answer { status, head: head.to_string(), body: body.to_string() }
}

/// The facilitator's app and one workshop in it, with joining able to listen on loopback.
pub struct Room {
    pub host: std::sync::Weak<Host>,
    pub api: SocketAddr,
    pub workshop: Value,
    _stop: tokio::sync::oneshot::Sender<()>,
    pub dir: tempfile::TempDir,
}

pub fn loopback() -> JoinAddress {
    JoinAddress { address: "127.0.0.1".into(), interface: "lo".into(), preselected: true }
}

impl Room {
    pub async fn new() -> Room {
        let dir = tempfile::tempdir().unwrap();
        let host = Arc::new(Host::open(dir.path()).unwrap());
        host.set_join_network(Arc::new(LanJoinNetwork::offering(&host, tokio::runtime::Handle::current(), vec![loopback()])));
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let (ready, bound) = tokio::sync::oneshot::channel();
        let access = polku_server::Access::with_token(KEY);
        tokio::spawn(polku_server::serve(host.clone(), 0, access, move |url: String| {
            let addr = url.trim_start_matches("http://").split('/').next().and_then(|a| a.parse().ok());
            let _ = ready.send(addr.expect("an address"));
        }, async move {
            let _ = stopped.await;
        }));
        let api = bound.await.expect("the facilitator's server starts");
        let mut room = Room { host: Arc::downgrade(&host), api, workshop: Value::Null, _stop: stop, dir };
        let summary = room.call("create_workshop", json!({"title": "Palvelupolku", "language": "fi"})).await;
        room.workshop = room.call("open_workshop", json!({"id": summary["id"]})).await;
        room
    }

    /// A facilitator command over loopback HTTP: the status and the answer.
    pub async fn try_call(&self, command: &str, args: Value) -> (u16, Value) {
        let a = send(self.api, "POST", &format!("/api/{command}"), &[("Content-Type", "application/json".into()), (polku_server::TOKEN_HEADER, KEY.into())], Some(&args)).await;
        (a.status, a.json())
    }

    pub async fn call(&self, command: &str, args: Value) -> Value {
        let (status, v) = self.try_call(command, args).await;
        assert_eq!(status, 200, "{command}: {v}");
        v
    }

    pub fn host(&self) -> Arc<Host> {
        self.host.upgrade().expect("the server holds the host")
    }

    pub fn board(&self) -> &Value {
        &self.workshop["boards"][0]
    }

    pub async fn open_join(&self) -> Value {
        self.call("open_join", json!({"workshop_id": self.workshop["id"], "board_id": self.board()["id"]})).await
    }

    pub fn note(&self, text: &str) -> Value {
        json!({"op_id": uuid::Uuid::now_v7(), "board_id": self.board()["id"], "touchpoint_id": self.board()["touchpoints"][0]["id"], "tone": "idea", "text": text})
    }
}

/// The phone: the listener's address, and its cookie once it joined.
pub struct Phone {
    pub lan: SocketAddr,
    pub cookie: Option<String>,
}

impl Phone {
    pub fn of(status: &Value) -> Phone {
        Phone { lan: status["address"].as_str().expect("listening").parse().unwrap(), cookie: None }
    }

    pub fn headers(&self) -> Vec<(&'static str, String)> {
        let mut h = vec![("Origin", format!("http://{}", self.lan)), ("Content-Type", "application/json".into())];
        if let Some(c) = &self.cookie {
            h.push(("Cookie", c.clone()));
        }
        h
    }

    pub async fn post(&self, path: &str, body: Value) -> Answer {
        send(self.lan, "POST", path, &self.headers(), Some(&body)).await
    }

    /// Invites and joins with the link's token; keeps the cookie it was given.
    pub async fn join(&mut self, token: &str) -> Answer {
        let invite = self.post("/p/invite", json!({"key": token})).await;
        assert_eq!(invite.status, 200, "{}", invite.body);
        let nickname = invite.json()["nickname"].as_str().unwrap().to_string();
        let joined = self.post("/p/join", json!({"key": token, "nickname": nickname})).await;
        assert_eq!(joined.status, 200, "{}", joined.body);
        let set = joined.header("set-cookie").expect("a cookie").to_string();
        self.cookie = Some(set.split(';').next().unwrap().to_string());
        joined
    }

    pub async fn events(&self) -> tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<TcpStream>> {
        let mut req = format!("ws://{}/p/events", self.lan).into_client_request().unwrap();
        req.headers_mut().insert("origin", format!("http://{}", self.lan).parse().unwrap());
        req.headers_mut().insert("cookie", self.cookie.clone().unwrap().parse().unwrap());
        tokio_tungstenite::connect_async(req).await.expect("the phone's events open").0
    }
}

/// The next text frame, or None once the socket closed (or said nothing for 3 s).
pub async fn next_text<S>(ws: &mut S) -> Option<Value>
where
    S: futures_util::Stream<Item = Result<Message, tokio_tungstenite::tungstenite::Error>> + Unpin,
{
    loop {
        match tokio::time::timeout(Duration::from_secs(3), ws.next()).await.ok()?? {
            Ok(Message::Text(t)) => return serde_json::from_str(&t).ok(),
            Ok(Message::Close(_)) | Err(_) => return None,
            Ok(_) => {}
        }
    }
}

/// A room with other budgets than the defaults.
pub async fn room_with(limits: polku_server::participant::Limits) -> Room {
    let room = Room::new().await;
    let host = room.host();
    host.set_join_network(Arc::new(LanJoinNetwork::offering(&host, tokio::runtime::Handle::current(), vec![loopback()]).with_limits(limits)));
    room
}
