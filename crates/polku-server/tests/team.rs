//! A team server: several `polku serve --database postgres://…` processes on one real PostgreSQL.
//! A change made through one instance reaches the event streams of the others within a second;
//! an instance killed mid-stream loses nothing acknowledged, and its clients, reconnected to
//! another instance with the op-log number they had, get every change after it once and in
//! order; an instance started later serves the same workshops.

mod common;

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::room::{send, KEY};
use futures_util::StreamExt;
use serde_json::{json, Value};
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::Message;

struct Instance {
    child: Child,
    addr: SocketAddr,
}

impl Drop for Instance {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(url: &str) -> Instance {
    let mut child = Command::new(env!("CARGO_BIN_EXE_polku"))
        .args(["serve", "--port", "0", "--database", url])
        .env_remove("POLKU_DATA_DIR")
        .env("POLKU_SERVE_TOKEN", KEY)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let addr = line.split("http://").nth(1).and_then(|r| r.split('/').next()).unwrap_or_else(|| panic!("no address in {line:?}"));
    Instance { child, addr: addr.parse().unwrap() }
}

async fn call(at: SocketAddr, command: &str, args: Value) -> (u16, Value) {
    let headers = [("Content-Type", "application/json".to_string()), ("x-polku-token", KEY.to_string())];
    let answer = send(at, "POST", &format!("/api/{command}"), &headers, Some(&args)).await;
    (answer.status, serde_json::from_str(&answer.body).unwrap_or(Value::Null))
}

type Socket = tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

async fn events(at: SocketAddr, query: &str) -> Socket {
    let mut req = format!("ws://{at}/api/events{query}").into_client_request().unwrap();
    req.headers_mut().insert("x-polku-token", KEY.parse().unwrap());
    tokio_tungstenite::connect_async(req).await.expect("the event stream opens").0
}

/// The next change on the stream (other events skipped), or None when it closes or is silent.
async fn next_change(ws: &mut Socket, wait: Duration) -> Option<Value> {
    loop {
        match tokio::time::timeout(wait, ws.next()).await {
            Ok(Some(Ok(Message::Text(t)))) => {
                let v: Value = serde_json::from_str(&t).unwrap();
                if v["type"] == "changed" {
                    return Some(v);
                }
            }
            Ok(Some(Ok(_))) => {}
            _ => return None,
        }
    }
}

fn new_note(board: &Value, text: &str) -> Value {
    json!({ "type": "create_note", "note": {
        "id": uuid::Uuid::now_v7(), "board_id": board["id"], "touchpoint_id": board["touchpoints"][0]["id"], "lane_id": null,
        "persona_id": null, "kind": "observation", "sentiment": "neutral", "text": text, "x": 40.0, "y": 60.0 } })
}

fn envelope(workshop: &Value, op: Value) -> Value {
    json!({ "workshop_id": workshop, "op_id": uuid::Uuid::now_v7(), "client_id": "writer-tab", "undo": "record", "op": op })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn instances_share_changes_survive_a_kill_and_a_late_one_serves_the_same_library() {
    // The test server's client blocks: not on the runtime's own threads.
    let url = tokio::task::spawn_blocking(test_postgres::database).await.unwrap();
    let a = start(&url);
    let b = start(&url);
    let health = send(b.addr, "GET", "/healthz", &[], None).await;
    assert_eq!((health.status, health.body.as_str()), (200, r#"{"library":"team","status":"ok"}"#));
    let (status, made) = call(a.addr, "create_workshop", json!({ "title": "Tiimi", "language": "fi" })).await;
    assert_eq!(status, 200, "{made}");
    let workshop = made["id"].clone();
    let (_, opened) = call(b.addr, "open_workshop", json!({ "id": workshop })).await;
    let board = opened["boards"][0].clone();

    // Through A, seen on B's stream within a second.
    let mut on_b = events(b.addr, "").await;
    let op = envelope(&workshop, new_note(&board, "Ensimmäinen"));
    let sent = Instant::now();
    let (status, _) = call(a.addr, "apply_op", op.clone()).await;
    assert_eq!(status, 200);
    let seen = next_change(&mut on_b, Duration::from_secs(5)).await.expect("B's client hears of A's change");
    assert_eq!(seen["op_id"], op["op_id"]);
    let latency = sent.elapsed();
    assert!(latency < Duration::from_secs(1), "{latency:?}");

    // A client on A follows a writer; A is killed halfway. The writer carries on through B (the
    // op it was sending when A died, again with the same id); the client reconnects to B with
    // the last op-log number it saw.
    let mut on_a = events(a.addr, "").await;
    let mut a = Some(a);
    let mut heard: Vec<i64> = Vec::new();
    let mut acknowledged = Vec::new();
    for i in 0..60 {
        if i == 30 {
            drop(a.take());
        }
        let op = envelope(&workshop, new_note(&board, &format!("Muistiinpano {i}")));
        let through = a.as_ref().map_or(b.addr, |a| a.addr);
        let (mut status, mut answer) = call(through, "apply_op", op.clone()).await;
        if status != 200 {
            (status, answer) = call(b.addr, "apply_op", op.clone()).await;
        }
        assert_eq!(status, 200, "{answer}");
        acknowledged.push(op["op"]["note"]["id"].clone());
        if a.is_some() {
            heard.push(next_change(&mut on_a, Duration::from_secs(5)).await.expect("A's stream follows")["seq"].as_i64().unwrap());
        }
    }
    assert!(next_change(&mut on_a, Duration::from_secs(5)).await.is_none(), "A's stream ended with A");
    let last = *heard.last().unwrap();
    let mut again = events(b.addr, &format!("?workshop={}&after={last}", workshop.as_str().unwrap())).await;
    while let Some(change) = next_change(&mut again, Duration::from_millis(1500)).await {
        heard.push(change["seq"].as_i64().unwrap());
    }
    // Every change of the workshop since the client first connected, once each, in order.
    let mut all = events(b.addr, &format!("?workshop={}&after=0", workshop.as_str().unwrap())).await;
    let mut log = Vec::new();
    while let Some(change) = next_change(&mut all, Duration::from_millis(1500)).await {
        log.push(change["seq"].as_i64().unwrap());
    }
    let first = heard[0];
    let expected: Vec<i64> = log.into_iter().filter(|s| *s >= first).collect();
    assert_eq!(heard, expected, "no gap and no repeat across the kill");
    assert_eq!(heard.len(), 60);

    // An instance started later serves the same library, every acknowledged note in it.
    let c = start(&url);
    let (_, list) = call(c.addr, "list_workshops", json!({})).await;
    assert!(list.as_array().unwrap().iter().any(|w| w["id"] == workshop), "{list}");
    let (_, seen_by_c) = call(c.addr, "open_workshop", json!({ "id": workshop })).await;
    let notes = seen_by_c["boards"][0]["notes"].as_array().unwrap();
    assert_eq!(notes.len(), 61);
    for id in &acknowledged {
        assert!(notes.iter().any(|n| &n["id"] == id), "acknowledged note {id} is there");
    }
    drop((b, c));
}
