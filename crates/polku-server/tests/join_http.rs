//! Joining from a phone over real sockets: the facilitator opens joining through their loopback
//! API, and a "phone" talks to the participant listener that opening started. The listener is on
//! 127.0.0.1 here through `LanJoinNetwork::offering` (a test's fixed address list; production
//! offers only LAN addresses); `lan.rs` does the same across a real interface.

mod common;

use std::sync::Arc;

use polku_api::Host;
use polku_server::participant::LanJoinNetwork;
use serde_json::{json, Value};
use tokio::net::TcpStream;

use common::room::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_phone_joins_by_the_link_and_its_note_reaches_the_facilitator() {
    let room = Room::new().await;
    assert_eq!(room.call("join_addresses", json!({})).await, json!([{"address": "127.0.0.1", "interface": "lo", "preselected": true}]));
    let status = room.open_join().await;
    let (lan, token) = (status["address"].as_str().unwrap(), status["token"].as_str().unwrap());
    assert_eq!(status["url"], json!(format!("http://{lan}/j/{token}")));
    assert_eq!(status["code_url"], json!(format!("http://{lan}/")));
    assert!(status["qr"]["size"].as_u64().unwrap() >= 21 && !status["qr"]["path"].as_str().unwrap().is_empty());
    let mut phone = Phone::of(&status);

    // The page, the same for a right and a wrong token: the page asks the API which it is.
    let page = send(phone.lan, "GET", &format!("/j/{token}"), &[], None).await;
    assert!(page.body.contains("Polku"), "{}", page.body);
    assert!(page.header("content-type").unwrap().starts_with("text/html"));
    assert!(page.header("content-security-policy").unwrap().contains("script-src 'self'"));
    let wrong = send(phone.lan, "GET", "/j/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", &[], None).await;
    assert_eq!((wrong.status, &wrong.body), (page.status, &page.body));
    assert_eq!(send(phone.lan, "GET", "/", &[], None).await.body, page.body, "where the code is typed");
    assert_eq!(phone.post("/p/invite", json!({"key": "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})).await.status, 403);

    let joined = phone.join(token).await;
    let set = joined.header("set-cookie").unwrap();
    assert!(set.starts_with("polku_device=") && set.contains("HttpOnly") && set.contains("SameSite=Strict") && set.contains("Path=/p"), "{set}");
    assert!(!set.contains("Secure"), "plain http on a LAN: {set}");
    assert!(joined.json().get("secret").is_none() && !joined.body.contains(&phone.cookie.as_ref().unwrap()["polku_device=".len()..]));
    assert_eq!(joined.json()["pending"], json!(false));

    let mut desk = tokio_tungstenite::connect_async(format!("ws://{}/api/events?token={}", room.api, common::room::KEY)).await.expect("the facilitator's events").0;
    let mut phone_events = phone.events().await;
    let added = phone.post("/p/api/participant_add_note", room.note("Jonottaminen kestää")).await;
    assert_eq!(added.status, 200, "{}", added.body);
    let seen = next_text(&mut desk).await.expect("the facilitator hears of it");
    assert_eq!((seen["type"].as_str(), seen["changes"][0]["after"]["text"].as_str()), (Some("changed"), Some("Jonottaminen kestää")));
    let told = next_text(&mut phone_events).await.expect("the phone hears of it");
    assert_eq!(told, json!({"type": "changed", "workshop_id": room.workshop["id"], "seq": seen["seq"], "board_ids": [room.board()["id"]]}));
    let w = room.call("open_workshop", json!({"id": room.workshop["id"]})).await;
    assert!(w["boards"][0]["notes"].as_array().unwrap().iter().any(|n| n["text"] == "Jonottaminen kestää"), "in the library");

    // The cookie reaches participant commands only.
    let refused = phone.post("/p/api/list_workshops", json!({})).await;
    assert_eq!((refused.status, refused.json()["error"]["field"].as_str()), (403, Some("participant")));
    let stranger = Phone { lan: phone.lan, cookie: None };
    assert_eq!(stranger.post("/p/api/participant_view", json!({})).await.json()["error"]["field"], json!("device"));
    let forger = Phone { lan: phone.lan, cookie: Some("polku_device=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA".into()) };
    assert_eq!(forger.post("/p/api/participant_view", json!({})).await.status, 403);
    assert_eq!(phone.post("/p/api/participant_view", json!({})).await.status, 200);

    // Closing joining: the phone is told by its socket closing, and nothing listens any more.
    room.call("close_join", json!({"workshop_id": room.workshop["id"]})).await;
    assert_eq!(next_text(&mut phone_events).await, None, "the phone's events closed");
    assert!(TcpStream::connect(phone.lan).await.is_err(), "the LAN socket refuses connections");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_removed_device_is_refused_at_once_and_its_events_close() {
    let room = Room::new().await;
    let status = room.open_join().await;
    let token = status["token"].as_str().unwrap().to_string();
    let (mut kept, mut removed) = (Phone::of(&status), Phone::of(&status));
    kept.join(&token).await;
    let device = removed.join(&token).await.json()["device_id"].clone();
    let mut removed_events = removed.events().await;
    let mut kept_events = kept.events().await;

    room.call("remove_device", json!({"workshop_id": room.workshop["id"], "device_id": device})).await;
    assert_eq!(next_text(&mut removed_events).await, None, "the removed phone's socket closes");
    assert_eq!(next_text(&mut kept_events).await, Some(json!({"type": "join_changed", "workshop_id": room.workshop["id"]})));
    let refused = removed.post("/p/api/participant_add_note", room.note("Vielä yksi")).await;
    assert_eq!((refused.status, refused.json()["error"]["field"].as_str()), (403, Some("device")));
    assert_eq!(kept.post("/p/api/participant_add_note", room.note("Minä saan")).await.status, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn joining_opens_only_on_an_offered_address() {
    let room = Room::new().await;
    let (status, e) =
        room.try_call("open_join", json!({"workshop_id": room.workshop["id"], "board_id": room.board()["id"], "address": "10.9.8.7"})).await;
    assert_eq!((status, e["error"]["code"].as_str(), e["error"]["field"].as_str()), (422, Some("validation"), Some("address")));
    let after = room.call("join_status", json!({"workshop_id": room.workshop["id"]})).await;
    assert_eq!((after["open"].as_bool(), &after["url"]), (Some(false), &Value::Null), "no half-open join");
    let opened = room.call("open_join", json!({"workshop_id": room.workshop["id"], "board_id": room.board()["id"], "address": "127.0.0.1"})).await;
    assert!(opened["url"].as_str().unwrap().starts_with("http://127.0.0.1:"));
    // Opening again (other choices) keeps the socket, so the link shown stays right.
    let again = room.call("open_join", json!({"workshop_id": room.workshop["id"], "board_id": room.board()["id"], "show_others": true})).await;
    assert_eq!(again["url"], opened["url"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deleting_the_workshop_or_dropping_the_host_closes_the_socket() {
    let room = Room::new().await;
    let lan = Phone::of(&room.open_join().await).lan;
    room.call("delete_workshop", json!({"id": room.workshop["id"]})).await;
    assert!(TcpStream::connect(lan).await.is_err(), "deleting the workshop closed joining");

    let dir = tempfile::tempdir().unwrap();
    let host = Arc::new(Host::open(dir.path()).unwrap());
    host.set_join_network(Arc::new(LanJoinNetwork::offering(&host, tokio::runtime::Handle::current(), vec![loopback()])));
    let w = host.call("create_workshop", json!({"title": "Toinen", "language": "fi"})).unwrap();
    let w = host.call("open_workshop", json!({"id": w["id"]})).unwrap();
    let status = tokio::task::spawn_blocking({
        let host = host.clone();
        move || host.call("open_join", json!({"workshop_id": w["id"], "board_id": w["boards"][0]["id"]})).unwrap()
    })
    .await
    .unwrap();
    let lan = Phone::of(&status).lan;
    assert!(TcpStream::connect(lan).await.is_ok());
    tokio::task::spawn_blocking(move || drop(host)).await.unwrap();
    assert!(TcpStream::connect(lan).await.is_err(), "quitting closed joining");
}


#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn each_joined_phone_has_its_own_budget_even_from_one_address() {
    let n = |v| std::num::NonZeroU32::new(v).unwrap();
    let limits = polku_server::participant::Limits {
        per_device: polku_server::participant::Budget { per_second: n(1), burst: n(4) },
        ..Default::default()
    };
    let room = room_with(limits).await;
    let status = room.open_join().await;
    let token = status["token"].as_str().unwrap().to_string();
    let (mut a, mut b) = (Phone::of(&status), Phone::of(&status));
    // Invite and join: two requests each, from the address until the cookie names a device.
    a.join(&token).await;
    let mut statuses = Vec::new();
    for _ in 0..5 {
        statuses.push(a.post("/p/api/participant_view", json!({})).await.status);
    }
    assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 4, "{statuses:?}");
    assert_eq!(statuses.last(), Some(&429), "a's device is over its own budget");
    // The address spent only the two requests a made before it had a device: room for b's two.
    b.join(&token).await;
    assert_eq!(b.post("/p/api/participant_view", json!({})).await.status, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_phone_writing_faster_than_a_person_is_told_to_wait() {
    let many = std::num::NonZeroU32::new(100_000).unwrap();
    let budget = polku_server::participant::Budget { per_second: many, burst: many };
    let room = room_with(polku_server::participant::Limits { per_device: budget, room: budget, ..Default::default() }).await;
    let status = room.open_join().await;
    let mut phone = Phone::of(&status);
    phone.join(status["token"].as_str().unwrap()).await;
    for i in 0..polku_api::DEVICE_WRITES_PER_MINUTE {
        let a = phone.post("/p/api/participant_add_note", room.note(&format!("Muistiinpano {i}"))).await;
        assert_eq!(a.status, 200, "{i}: {}", a.body);
    }
    let over = phone.post("/p/api/participant_add_note", room.note("Yksi liikaa")).await;
    assert_eq!((over.status, over.header("retry-after")), (429, Some("1")));
    assert_eq!(over.json()["error"]["field"], json!("rate"));
}

/// The built UI's files, as a phone would ask for them (`assets/NAME`).
fn built_assets() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../ui/dist/assets");
    let names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}; build the UI first (npm --prefix ui run build)"))
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_phone_gets_its_page_and_files_but_not_the_facilitators_code() {
    let room = Room::new().await;
    let status = room.open_join().await;
    let phone = Phone::of(&status);
    let page = send(phone.lan, "GET", "/", &[], None).await;
    // Every file the phone page names comes, from the listener itself.
    let named: Vec<&str> = page.body.split("./assets/").skip(1).map(|rest| rest.split('"').next().unwrap()).collect();
    assert!(named.len() >= 2, "{}", page.body);
    for file in &named {
        let got = send(phone.lan, "GET", &format!("/assets/{file}"), &[], None).await;
        assert_eq!(got.status, 200, "the phone page's {file}");
    }
    // The facilitator's own code (the list, the board) is not handed to phones.
    let facilitators: Vec<String> =
        built_assets().into_iter().filter(|f| f.starts_with("main-") || f.starts_with("WorkshopPage-")).collect();
    assert!(facilitators.len() >= 2, "the build has its main and board chunks: {facilitators:?}");
    for file in facilitators {
        assert_eq!(send(phone.lan, "GET", &format!("/assets/{file}"), &[], None).await.status, 404, "{file}");
    }
    for path in ["/index.html", "/licences/rust.json"] {
        assert_eq!(send(phone.lan, "GET", path, &[], None).await.status, 404, "{path}");
    }
}

/// The next test's host's time, which it moves on.
static NOW: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(1_900_000_000_000);

fn moved_clock() -> polku_core::Millis {
    NOW.load(std::sync::atomic::Ordering::SeqCst)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_join_whose_time_is_up_refuses_the_phone_closes_its_socket_and_opens_again_on_a_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let host = Arc::new(Host::open(dir.path()).unwrap().with_clock(moved_clock));
    host.set_join_network(Arc::new(LanJoinNetwork::offering(&host, tokio::runtime::Handle::current(), vec![loopback()])));
    let call = |command: &'static str, args: Value| {
        let host = host.clone();
        async move { tokio::task::spawn_blocking(move || host.call(command, args).unwrap()).await.unwrap() }
    };
    let w = call("create_workshop", json!({"title": "Iltaryhmä", "language": "fi"})).await;
    let w = call("open_workshop", json!({"id": w["id"]})).await;
    let open = json!({"workshop_id": w["id"], "board_id": w["boards"][0]["id"], "open_hours": 3});
    let status = call("open_join", open.clone()).await;
    let mut phone = Phone::of(&status);
    assert_eq!(phone.join(status["token"].as_str().unwrap()).await.status, 200);
    assert_eq!(phone.post("/p/api/participant_view", json!({})).await.status, 200);

    // Three hours on, the phone's next request is refused, and the socket closes by itself.
    NOW.fetch_add(3 * 3_600_000, std::sync::atomic::Ordering::SeqCst);
    let late = phone.post("/p/api/participant_view", json!({})).await;
    assert_eq!((late.status, late.json()["error"]["field"].as_str()), (403, Some("device")));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while TcpStream::connect(phone.lan).await.is_ok() {
        assert!(std::time::Instant::now() < deadline, "the expired join's socket stayed open");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }

    // Its time up again with no one asking, opening again listens on a socket that answers.
    let again = call("open_join", open.clone()).await;
    NOW.fetch_add(3 * 3_600_000, std::sync::atomic::Ordering::SeqCst);
    let third = call("open_join", open).await;
    assert_ne!(third["token"], again["token"]);
    // Past the moment a retired listener takes to close, the new link still answers.
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    let mut fresh = Phone::of(&third);
    assert_eq!(fresh.join(third["token"].as_str().unwrap()).await.status, 200, "the new link works");
    tokio::task::spawn_blocking(move || drop(host)).await.unwrap();
}
