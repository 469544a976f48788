//! A team server for the tests: `polku serve --database` processes on a real PostgreSQL,
//! facilitators added through the CLI and signed in through the form.

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use futures_util::StreamExt;
use serde_json::{json, Value};
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::Message;

use super::room::send;

pub struct Instance {
    pub child: Child,
    pub addr: SocketAddr,
}

pub const EMAIL: &str = "anna@kunta.fi";
pub const PASSWORD: &str = "kevät-ryhmä-2026";

/// Adds a facilitator to the team library through the CLI, the password on standard input.
pub fn add_facilitator(url: &str, email: &str, password: &str) {
    use std::io::Write;
    let name = if email == EMAIL { "Anna Virtanen" } else { "Ville Korhonen" };
    let mut child = Command::new(env!("CARGO_BIN_EXE_polku"))
        .args(["facilitators", "--database", url, "add", "--email", email, "--name", name, "--admin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    writeln!(child.stdin.take().unwrap(), "{password}").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success() && String::from_utf8_lossy(&out.stdout).starts_with(&format!("Added {email}")));
}

/// Signs in through the form as a browser does; the cookie to send after.
pub async fn sign_in(at: SocketAddr, email: &str, password: &str) -> Result<String, (u16, String)> {
    let form = format!("email={}&password={}", email.replace('@', "%40"), percent(password));
    let answer = post_form(at, "/signin", &form, &[]).await;
    let cookie = answer.head.lines().find_map(|l| l.strip_prefix("set-cookie: ")).map(|c| c.split(';').next().unwrap().to_string());
    match (answer.status, cookie) {
        (303, Some(c)) => Ok(c),
        (status, _) => Err((status, answer.body)),
    }
}

pub fn percent(s: &str) -> String {
    s.bytes().map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") }).collect()
}

pub async fn post_form(at: SocketAddr, path: &str, form: &str, headers: &[(&str, String)]) -> super::Answer {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(at).await.unwrap();
    let mut req = format!("POST {path} HTTP/1.1\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n", form.len());
    if !headers.iter().any(|(name, _)| name.eq_ignore_ascii_case("host")) {
        req.push_str(&format!("Host: {at}\r\n"));
    }
    for (name, value) in headers {
        req.push_str(&format!("{name}: {value}\r\n"));
    }
    req.push_str("\r\n");
    req.push_str(form);
    stream.write_all(req.as_bytes()).await.unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await.unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    super::Answer { status: head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0), head: head.to_string(), body: body.to_string() }
}

impl Drop for Instance {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn start(url: &str) -> Instance {
    start_with(url, &[])
}

pub fn start_with(url: &str, more: &[&str]) -> Instance {
    let mut child = Command::new(env!("CARGO_BIN_EXE_polku"))
        .args(["serve", "--port", "0", "--database", url])
        .args(more)
        .env_remove("POLKU_DATA_DIR")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    // "… at http://ADDR/signin", or "… at https://PUBLIC/signin (proxied to ADDR)".
    let addr = match line.split_once("(proxied to ") {
        Some((_, rest)) => rest.split(')').next(),
        None => line.split("http://").nth(1).and_then(|r| r.split('/').next()),
    }
    .unwrap_or_else(|| panic!("no address in {line:?}"));
    Instance { child, addr: addr.parse().unwrap() }
}

pub async fn call(at: SocketAddr, cookie: &str, command: &str, args: Value) -> (u16, Value) {
    let headers = [("Content-Type", "application/json".to_string()), ("Cookie", cookie.to_string())];
    let answer = send(at, "POST", &format!("/api/{command}"), &headers, Some(&args)).await;
    (answer.status, serde_json::from_str(&answer.body).unwrap_or(Value::Null))
}

pub type Socket = tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

pub async fn events(at: SocketAddr, cookie: &str, query: &str) -> Socket {
    let mut req = format!("ws://{at}/api/events{query}").into_client_request().unwrap();
    req.headers_mut().insert("Cookie", cookie.parse().unwrap());
    tokio_tungstenite::connect_async(req).await.expect("the event stream opens").0
}

/// The next change on the stream (other events skipped), or None when it closes or is silent.
pub async fn next_change(ws: &mut Socket, wait: Duration) -> Option<Value> {
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

pub fn new_note(board: &Value, text: &str) -> Value {
    json!({ "type": "create_note", "note": {
        "id": uuid::Uuid::now_v7(), "board_id": board["id"], "touchpoint_id": board["touchpoints"][0]["id"], "lane_id": null,
        "persona_id": null, "kind": "observation", "sentiment": "neutral", "text": text, "x": 40.0, "y": 60.0 } })
}

pub fn envelope(workshop: &Value, op: Value) -> Value {
    json!({ "workshop_id": workshop, "op_id": uuid::Uuid::now_v7(), "client_id": "writer-tab", "undo": "record", "op": op })
}

