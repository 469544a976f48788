//! The participant listener across a real network interface: the test makes a network namespace
//! joined to this one by a veth pair (a stand-in for a phone on the room's Wi-Fi), binds the
//! listener to the host side's address and sends requests with curl from inside the namespace.
//! Traffic goes only to the addresses this test gives its own interfaces.
//!
//! Needs root and iproute2, so it is a test target a plain `cargo test` leaves out (`test = false`
//! in Cargo.toml); `make test-lan` runs it by name (and `make test` runs that).

use std::net::{IpAddr, SocketAddr};
use std::process::Command;

use std::sync::Arc;

use axum::routing::get;
use axum::{Extension, Router};
use polku_api::Host;
use polku_server::lan;
use polku_server::participant::{self, LanJoinNetwork, Limits, Peer};
use serde_json::{json, Value};

fn ip(args: &[&str]) -> Result<String, String> {
    let out = Command::new("ip").args(args).output().map_err(|e| format!("ip {}: {e}", args.join(" ")))?;
    if !out.status.success() {
        return Err(format!("ip {}: {}", args.join(" "), String::from_utf8_lossy(&out.stderr).trim()));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// A namespace named after this process and a veth pair into it, removed on drop (a failed
/// assertion unwinds through it too); ones left by a killed earlier run are removed first.
struct Room {
    ns: String,
    host_if: String,
    host_ip: String,
    phone_ip: String,
}

const PREFIX: &str = "polku-lan-test-";

impl Room {
    fn make() -> Result<Room, String> {
        forget_stale()?;
        let pid = std::process::id();
        // A /24 under 10.203 that no interface here uses yet.
        let routes = ip(&["-4", "route", "show"])?;
        let third = (0..250u32).map(|i| (pid + i) % 250 + 1).find(|n| !routes.contains(&format!("10.203.{n}."))).ok_or("no free 10.203.x.0/24")?;
        let room = Room {
            ns: format!("{PREFIX}{pid}"),
            host_if: format!("plkh{pid}"),
            host_ip: format!("10.203.{third}.1"),
            phone_ip: format!("10.203.{third}.2"),
        };
        let phone_if = format!("plkp{pid}");
        ip(&["netns", "add", &room.ns])?;
        ip(&["link", "add", &room.host_if, "type", "veth", "peer", "name", &phone_if])?;
        ip(&["link", "set", &phone_if, "netns", &room.ns])?;
        ip(&["addr", "add", &format!("{}/24", room.host_ip), "dev", &room.host_if])?;
        ip(&["link", "set", &room.host_if, "up"])?;
        ip(&["-n", &room.ns, "addr", "add", &format!("{}/24", room.phone_ip), "dev", &phone_if])?;
        ip(&["-n", &room.ns, "link", "set", &phone_if, "up"])?;
        ip(&["-n", &room.ns, "link", "set", "lo", "up"])?;
        Ok(room)
    }

    /// curl inside the namespace: the status code, and the body.
    fn curl(&self, url: &str, extra: &[&str]) -> (String, String) {
        let out = Command::new("ip")
            .args(["netns", "exec", &self.ns, "curl", "-sS", "--max-time", "5", "-w", "\n%{http_code}"])
            .args(extra)
            .arg(url)
            .output()
            .expect("curl runs");
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        let (body, code) = text.rsplit_once('\n').unwrap_or(("", &text));
        (code.to_string(), body.to_string())
    }
}

impl Drop for Room {
    fn drop(&mut self) {
        // Deleting the namespace takes its end of the pair, and with it this end.
        let _ = ip(&["netns", "delete", &self.ns]);
        let _ = ip(&["link", "delete", &self.host_if]);
    }
}

fn forget_stale() -> Result<(), String> {
    for line in ip(&["netns", "list"])?.lines() {
        let Some(name) = line.split_whitespace().next() else { continue };
        let Some(pid) = name.strip_prefix(PREFIX) else { continue };
        if !std::path::Path::new("/proc").join(pid).exists() {
            let _ = ip(&["netns", "delete", name]);
            let _ = ip(&["link", "delete", &format!("plkh{pid}")]);
        }
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_phone_on_another_host_joins_across_a_real_interface() {
    let room = Room::make().expect("a network namespace and a veth pair (run as root, with iproute2)");

    let offered = lan::candidates().expect("addresses listed");
    assert!(
        offered.iter().any(|c| c.interface == room.host_if && c.ip.to_string() == room.host_ip),
        "the veth's address is offered: {offered:?}"
    );
    assert!(offered.iter().all(|c| !c.ip.is_loopback()));

    // A route that says who is asking, to show the request really came from the other host.
    let routes = Router::new().route("/peer", get(|Extension(Peer(peer)): Extension<Peer>| async move { peer.to_string() })).merge(participant::placeholder_routes());
    let bind: SocketAddr = SocketAddr::new(room.host_ip.parse::<IpAddr>().unwrap(), 0);
    let join = participant::start(bind, routes, Limits::default()).await.expect("binds the veth's address");
    let me = join.local_addr();
    let base = format!("http://{me}");

    let room = tokio::task::spawn_blocking(move || {
        assert_eq!(room.curl(&format!("{base}/peer"), &[]), ("200".into(), room.phone_ip.clone()), "answered, from across the veth");
        let (code, body) = room.curl(&format!("{base}/j/abc"), &["-H", &format!("Origin: {base}")]);
        assert_eq!((code.as_str(), body.as_str()), ("404", participant::ASK_FOR_THE_LINK));

        for host in ["evil.example".to_string(), format!("{me}.evil.example"), format!("localhost:{}", me.port()), format!("{me}0")] {
            assert_eq!(room.curl(&format!("{base}/j/abc"), &["-H", &format!("Host: {host}")]).0, "403", "host {host}");
        }
        for origin in [format!("{base}.evil.example"), format!("{base}0"), "http://evil.example".into()] {
            assert_eq!(room.curl(&format!("{base}/j/abc"), &["-H", &format!("Origin: {origin}")]).0, "403", "origin {origin}");
        }
        let (code, body) = room.curl(&format!("{base}/api/list_workshops"), &["-X", "POST", "-H", "Content-Type: application/json", "--data", "{}"]);
        assert_eq!(code, "404", "the facilitator's API is not on the LAN");
        assert!(!body.contains('{'), "no JSON leaks: {body}");
        room
    })
    .await
    .expect("the phone's requests");

    join.close().await;
    let room = tokio::task::spawn_blocking(move || {
        assert_eq!(room.curl(&format!("http://{me}/j/abc"), &[]).0, "000", "nothing listens once joining is closed");
        room
    })
    .await
    .expect("after closing");
    a_phone_writes_a_note_from_the_other_host(room).await;
}

/// The whole join as the product runs it: the host's own network (this machine's addresses, the
/// veth's among them), the facilitator opening joining on the veth's address, and curl in the
/// namespace doing what the phone page will: invite, join (keeping the cookie), add a note.
async fn a_phone_writes_a_note_from_the_other_host(room: Room) {
    let dir = tempfile::tempdir().expect("a library");
    let host = Arc::new(Host::open(dir.path()).expect("opens"));
    LanJoinNetwork::install(&host, tokio::runtime::Handle::current());
    let offered = host.call("join_addresses", json!({})).expect("join_addresses");
    assert!(offered.as_array().unwrap().iter().any(|a| a["address"] == json!(room.host_ip) && a["interface"] == json!(room.host_if)), "{offered}");
    let w = host.call("create_workshop", json!({"title": "Palvelupolku", "language": "fi"})).unwrap();
    let w = host.call("open_workshop", json!({"id": w["id"]})).unwrap();
    let board = w["boards"][0].clone();
    let status = host.call("open_join", json!({"workshop_id": w["id"], "board_id": board["id"], "address": room.host_ip})).expect("opens on the veth");
    let (url, token) = (status["url"].as_str().unwrap().to_string(), status["token"].as_str().unwrap().to_string());
    let base = url.trim_end_matches(&format!("/j/{token}")).to_string();
    assert_eq!(status["address"].as_str().unwrap().split(':').next(), Some(room.host_ip.as_str()));

    let note = json!({"op_id": uuid::Uuid::now_v7(), "board_id": board["id"], "touchpoint_id": board["touchpoints"][0]["id"], "tone": "question", "text": "Kuka soittaa takaisin?"});
    let phone_base = base.clone();
    let room = tokio::task::spawn_blocking(move || {
        let base = phone_base;
        let jar = format!("/tmp/{}-cookies", room.ns);
        let post = |path: &str, body: &Value, extra: &[&str]| {
            let mut args = vec!["-X", "POST", "-H", "Content-Type: application/json", "--data-binary"];
            let body = body.to_string();
            args.push(&body);
            let origin = format!("Origin: {base}");
            args.extend(["-H", &origin, "-b", &jar, "-c", &jar]);
            args.extend(extra);
            room.curl(&format!("{base}{path}"), &args)
        };
        let (code, page) = room.curl(&url, &[]);
        assert!(page.contains("Polku"), "the page: {code} {page}");
        let (code, invite) = post("/p/invite", &json!({"key": token}), &[]);
        assert_eq!(code, "200", "{invite}");
        let nickname = serde_json::from_str::<Value>(&invite).unwrap()["nickname"].clone();
        let (code, joined) = post("/p/join", &json!({"key": token, "nickname": nickname}), &["-D", "-"]);
        assert_eq!(code, "200", "{joined}");
        let cookie = joined.lines().find(|l| l.to_ascii_lowercase().starts_with("set-cookie:")).expect("a cookie").to_string();
        assert!(cookie.contains("polku_device=") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), "{cookie}");
        let (code, added) = post("/p/api/participant_add_note", &note, &[]);
        assert_eq!(code, "200", "{added}");
        let (code, _) = post("/p/api/list_workshops", &json!({}), &[]);
        assert_eq!(code, "403", "a phone is no facilitator");
        let _ = std::fs::remove_file(&jar);
        room
    })
    .await
    .expect("the phone's join");

    let w = host.call("open_workshop", json!({"id": w["id"]})).unwrap();
    assert!(w["boards"][0]["notes"].as_array().unwrap().iter().any(|n| n["text"] == "Kuka soittaa takaisin?"), "the note is in the library");
    host.call("close_join", json!({"workshop_id": w["id"]})).unwrap();
    let room = tokio::task::spawn_blocking(move || {
        assert_eq!(room.curl(&format!("{base}/"), &[]).0, "000", "closing joining closed the socket");
        room
    })
    .await
    .expect("after closing the join");
    drop(room);
}
