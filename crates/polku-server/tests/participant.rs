//! The participant listener over real sockets (on 127.0.0.1 here; `lan.rs` crosses a real
//! interface): only its own address answers, the facilitator's API is not there, floods and
//! large bodies are turned away, and closing it closes the socket and every connection.

mod common;

use std::net::SocketAddr;
use std::num::NonZeroU32;
use std::time::Duration;

use polku_server::participant::{self, Budget, JoinListener, Limits};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use common::Answer;


/// One request, written by hand so that Host and Origin are exactly what a test says.
async fn send(addr: SocketAddr, request: &str) -> Answer {
    let mut stream = TcpStream::connect(addr).await.expect("connects");
    // A connection the server refuses is closed under us: what was read is the answer.
    let _ = stream.write_all(request.as_bytes()).await;
    let mut raw = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut raw)).await.expect("answered in time");
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    Answer { status, head: head.to_string(), body: body.to_string() }
}

async fn get(addr: SocketAddr, path: &str, host: &str, origin: Option<&str>) -> Answer {
    let origin = origin.map(|o| format!("Origin: {o}\r\n")).unwrap_or_default();
    send(addr, &format!("GET {path} HTTP/1.1\r\nHost: {host}\r\n{origin}Connection: close\r\n\r\n")).await
}

fn n(v: u32) -> NonZeroU32 {
    NonZeroU32::new(v).unwrap()
}

async fn listening(limits: Limits) -> JoinListener {
    participant::start("127.0.0.1:0".parse().unwrap(), participant::placeholder_routes(), limits).await.expect("binds")
}

#[tokio::test]
async fn without_a_link_a_phone_is_told_to_ask_for_one() {
    let join = listening(Limits::default()).await;
    let addr = join.local_addr();
    let a = get(addr, "/j/abc", &addr.to_string(), Some(&format!("http://{addr}"))).await;
    assert_eq!(a.status, 404);
    assert_eq!(a.body, participant::ASK_FOR_THE_LINK);
    assert!(a.header("content-security-policy").is_some_and(|v| v.contains("default-src 'self'") && v.contains("frame-ancestors 'none'")));
    assert!(!a.header("content-security-policy").unwrap().contains("unsafe-inline"));
    assert_eq!(a.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(a.header("referrer-policy"), Some("no-referrer"));
    assert_eq!(a.header("cache-control"), Some("no-store"));
}

#[tokio::test]
async fn the_facilitators_api_is_not_on_this_listener() {
    let join = listening(Limits::default()).await;
    let addr = join.local_addr();
    let body = "{}";
    for path in ["/api/list_workshops", "/api/delete_workshop", "/api/events"] {
        let a = send(
            addr,
            &format!(
                "POST {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            ),
        )
        .await;
        assert!(a.status == 404 || a.status == 403, "{path}: {}", a.status);
        assert_eq!(a.body, participant::ASK_FOR_THE_LINK, "{path}: nothing but the placeholder");
    }
    let index = get(addr, "/", &addr.to_string(), None).await;
    assert_eq!(index.status, 404, "the facilitator's UI is not served either");
}

#[tokio::test]
async fn foreign_hosts_and_look_alike_origins_are_refused() {
    let join = listening(Limits::default()).await;
    let addr = join.local_addr();
    let port = addr.port();
    let me = addr.to_string();
    for host in [format!("localhost:{port}"), format!("{me}.evil.example"), format!("{me}0"), format!("{me}@evil"), "evil.example".into()] {
        let a = get(addr, "/j/abc", &host, None).await;
        assert_eq!(a.status, 403, "host {host}");
        assert_eq!(a.header("x-content-type-options"), Some("nosniff"), "refusals carry the headers too");
    }
    for origin in [format!("http://{me}.evil.example"), format!("http://{me}0"), format!("HTTP://{me}"), format!("http://localhost:{port}"), "null".into()] {
        assert_eq!(get(addr, "/j/abc", &me, Some(&origin)).await.status, 403, "origin {origin}");
    }
}

#[tokio::test]
async fn a_flood_is_turned_away_with_429() {
    let limits = Limits { per_device: Budget { per_second: n(1), burst: n(5) }, ..Limits::default() };
    let join = listening(limits).await;
    let addr = join.local_addr();
    let mut statuses = Vec::new();
    for _ in 0..20 {
        statuses.push(get(addr, "/j/abc", &addr.to_string(), None).await.status);
    }
    // The budget refills by one a second: a slow machine may have earned one more.
    let answered = statuses.iter().filter(|s| **s == 404).count();
    assert!((5..=6).contains(&answered), "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 429).count(), 20 - answered, "{statuses:?}");
}

#[tokio::test]
async fn one_device_cannot_hold_every_connection_open() {
    let limits = Limits { max_connections_per_device: 3, ..Limits::default() };
    let join = listening(limits).await;
    let addr = join.local_addr();
    let mut held = Vec::new();
    for _ in 0..3 {
        let mut s = TcpStream::connect(addr).await.unwrap();
        // A request answered shows the connection was accepted and is being served.
        s.write_all(format!("GET /j/abc HTTP/1.1\r\nHost: {addr}\r\n\r\n").as_bytes()).await.unwrap();
        let mut buf = [0u8; 1024];
        assert!(s.read(&mut buf).await.unwrap() > 0);
        held.push(s);
    }
    let mut fourth = TcpStream::connect(addr).await.unwrap();
    let _ = fourth.write_all(format!("GET /j/abc HTTP/1.1\r\nHost: {addr}\r\n\r\n").as_bytes()).await;
    let mut buf = [0u8; 1024];
    let got = tokio::time::timeout(Duration::from_secs(2), fourth.read(&mut buf)).await.expect("closed at once");
    assert!(matches!(got, Ok(0) | Err(_)), "the fourth is closed unanswered");

    drop(held.pop());
    // The freed place is counted back once the server sees the close.
    let mut answered = false;
    for _ in 0..50 {
        tokio::time::sleep(Duration::from_millis(20)).await;
        let a = get(addr, "/j/abc", &addr.to_string(), None).await;
        if a.status == 404 {
            answered = true;
            break;
        }
    }
    assert!(answered, "a place frees when a connection ends");
}

#[tokio::test]
async fn a_large_body_is_refused_unread() {
    let join = listening(Limits::default()).await;
    let addr = join.local_addr();
    let big = 17 * 1024;
    let a = send(addr, &format!("POST /j/abc HTTP/1.1\r\nHost: {addr}\r\nContent-Length: {big}\r\nConnection: close\r\n\r\n")).await;
    assert_eq!(a.status, 413);
}

#[tokio::test]
async fn closing_closes_the_socket_and_every_connection() {
    let join = listening(Limits::default()).await;
    let addr = join.local_addr();
    // A phone with a keep-alive connection open, between two requests.
    let mut open = TcpStream::connect(addr).await.unwrap();
    open.write_all(format!("GET /j/abc HTTP/1.1\r\nHost: {addr}\r\n\r\n").as_bytes()).await.unwrap();
    let mut buf = [0u8; 4096];
    let got = open.read(&mut buf).await.unwrap();
    assert!(String::from_utf8_lossy(&buf[..got]).starts_with("HTTP/1.1 404"));

    join.close().await;

    assert!(TcpStream::connect(addr).await.is_err(), "a new connection is refused");
    let _ = open.write_all(format!("GET /j/abc HTTP/1.1\r\nHost: {addr}\r\n\r\n").as_bytes()).await;
    let after = tokio::time::timeout(Duration::from_secs(2), open.read(&mut buf)).await.expect("the old connection is closed, not left hanging");
    assert!(matches!(after, Ok(0) | Err(_)), "no answer on the old connection");
}

#[tokio::test]
async fn a_port_in_use_is_a_typed_error() {
    let join = listening(Limits::default()).await;
    let taken = join.local_addr();
    let err = participant::start(taken, participant::placeholder_routes(), Limits::default()).await.unwrap_err();
    assert!(err.to_string().contains(&taken.to_string()), "{err}");
}

#[tokio::test]
async fn a_connection_that_sends_nothing_is_cut_off() {
    let limits = Limits { header_timeout: Duration::from_millis(300), ..Limits::default() };
    let join = listening(limits).await;
    let addr = join.local_addr();
    let mut buf = [0u8; 1024];

    let mut silent = TcpStream::connect(addr).await.unwrap();
    let got = tokio::time::timeout(Duration::from_secs(3), silent.read(&mut buf)).await.expect("closed by the server");
    assert!(matches!(got, Ok(0) | Err(_)), "a connection that never sends its headers");

    let mut idle = TcpStream::connect(addr).await.unwrap();
    idle.write_all(format!("GET /j/abc HTTP/1.1\r\nHost: {addr}\r\n\r\n").as_bytes()).await.unwrap();
    assert!(idle.read(&mut buf).await.unwrap() > 0);
    let mut rest = Vec::new();
    let got = tokio::time::timeout(Duration::from_secs(3), idle.read_to_end(&mut rest)).await.expect("closed by the server");
    assert!(got.is_ok(), "a kept-alive connection that goes quiet");
}
