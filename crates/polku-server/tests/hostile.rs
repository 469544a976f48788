//! What someone on the room's network might try against the participants' listener, over real
//! sockets: no token, a wrong, forged or revoked one, a foreign Host, a foreign or look-alike
//! Origin, a joined phone calling every facilitator command, an oversize body, a flood. Each is
//! refused with the code HTTP has for it, and the library file holds the same rows after as before.

mod common;

use std::path::Path;

use polku_api::{audience, Audience, COMMANDS};
use polku_store::DATABASE_FILE;
use rusqlite::types::ValueRef;
use serde_json::{json, Value};

use common::room::*;
use common::Answer;

/// Every row of every table of the library file, as text, sorted: what "nothing changed" means.
fn rows(data_dir: &Path) -> Vec<String> {
    let db = rusqlite::Connection::open_with_flags(data_dir.join(DATABASE_FILE), rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).expect("opens");
    let mut tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").unwrap();
    let tables: Vec<String> = tables.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    let mut out = Vec::new();
    for table in tables {
        let mut stmt = db.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let width = stmt.column_count();
        let mut found = stmt.query([]).unwrap();
        while let Some(row) = found.next().unwrap() {
            let cells: Vec<String> = (0..width)
                .map(|i| match row.get_ref(i).unwrap() {
                    ValueRef::Null => "NULL".to_string(),
                    ValueRef::Integer(v) => v.to_string(),
                    ValueRef::Real(v) => v.to_string(),
                    ValueRef::Text(t) | ValueRef::Blob(t) => String::from_utf8_lossy(t).into_owned(),
                })
                .collect();
            out.push(format!("{table}: {}", cells.join(" | ")));
        }
    }
    out.sort();
    out
}

fn refused(a: &Answer, status: u16, what: &str) {
    assert_eq!(a.status, status, "{what}: {} {}", a.status, a.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn hostile_requests_are_refused_and_the_library_is_unchanged() {
    // Budget enough for every case below from one phone, and a flood past it at the end.
    let n = |v| std::num::NonZeroU32::new(v).unwrap();
    let per_device = polku_server::participant::Budget { per_second: n(1), burst: n(150) };
    let room = room_with(polku_server::participant::Limits { per_device, ..Default::default() }).await;
    let status = room.open_join().await;
    let token = status["token"].as_str().unwrap().to_string();
    let mut phone = Phone::of(&status);
    phone.join(&token).await;
    // One note written as it should be, so that a refused edit or delete has something to hit.
    let written = phone.post("/p/api/participant_add_note", room.note("Oikea lappu")).await;
    refused(&written, 200, "a joined phone's own note");
    let note_id = written.json()["id"].clone();
    let mut revoked = Phone::of(&status);
    let device = revoked.join(&token).await.json()["device_id"].clone();
    room.call("remove_device", json!({"workshop_id": room.workshop["id"], "device_id": device})).await;
    let before = rows(room.dir.path());
    assert!(before.iter().any(|r| r.contains("Oikea lappu")), "the snapshot reads the library");

    let lan = phone.lan;
    let write = room.note("Tunkeilija");
    let stranger = Phone { lan, cookie: None };
    refused(&stranger.post("/p/api/participant_add_note", write.clone()).await, 403, "no token");
    refused(&stranger.post("/p/invite", json!({"key": "A".repeat(32)})).await, 403, "a wrong link");
    refused(&stranger.post("/p/join", json!({"key": "A".repeat(32), "nickname": "Arvaaja"})).await, 403, "joining with a wrong link");
    let forged = Phone { lan, cookie: Some(format!("{DEVICE}={}", "A".repeat(43))) };
    refused(&forged.post("/p/api/participant_add_note", write.clone()).await, 403, "a forged device secret");
    refused(&revoked.post("/p/api/participant_add_note", write.clone()).await, 403, "a removed device");

    // The joined phone's own cookie, from a page on another origin or sent to another host name.
    let cookie = phone.cookie.clone().unwrap();
    let me = lan.to_string();
    let port = lan.port();
    for host in [format!("localhost:{port}"), format!("{me}.evil.example"), format!("{me}0"), "evil.example".into()] {
        let headers = [("Host", host.clone()), ("Origin", format!("http://{host}")), ("Content-Type", "application/json".into()), ("Cookie", cookie.clone())];
        let a = send(lan, "POST", "/p/api/participant_add_note", &headers, Some(&write)).await;
        refused(&a, 403, &format!("Host {host}"));
    }
    for origin in [format!("http://{me}.evil.example"), format!("http://{me}0"), format!("https://{me}"), format!("http://localhost:{port}"), "null".into()] {
        let headers = [("Origin", origin.clone()), ("Content-Type", "application/json".into()), ("Cookie", cookie.clone())];
        let edit = json!({"op_id": uuid::Uuid::now_v7(), "note_id": note_id, "text": "Muutettu"});
        let a = send(lan, "POST", "/p/api/participant_update_note", &headers, Some(&edit)).await;
        refused(&a, 403, &format!("Origin {origin}"));
    }

    // Every facilitator command, with a joined phone's cookie, through the participants' door.
    let id = room.workshop["id"].clone();
    for &command in COMMANDS.iter().filter(|c| audience(c) == Some(Audience::Facilitator)) {
        let args = match command {
            "delete_workshop" | "open_workshop" | "rename_workshop" => json!({"id": id, "title": "Vallattu"}),
            "apply_op" => json!({"workshop_id": id, "op_id": uuid::Uuid::now_v7(), "client_id": "x", "undo": "record",
                "op": {"type": "delete_board", "id": room.board()["id"]}}),
            _ => json!({"workshop_id": id}),
        };
        refused(&phone.post(&format!("/p/api/{command}"), args).await, 403, command);
    }

    // A body past the limit, refused before it is read.
    let mut big = room.note("Iso");
    big["text"] = Value::String("x".repeat(20 * 1024));
    refused(&phone.post("/p/api/participant_add_note", big).await, 413, "an oversize body");

    // A flood from the joined phone: turned away with 429 and told when to come back.
    let mut flood = Vec::new();
    for _ in 0..200 {
        flood.push(phone.post("/p/api/participant_view", json!({})).await);
    }
    let slowed: Vec<&Answer> = flood.iter().filter(|a| a.status == 429).collect();
    assert!(!slowed.is_empty(), "200 requests at once from one phone are over its budget");
    assert!(slowed.iter().all(|a| a.header("retry-after").is_some()), "a refused phone is told when to try again");

    assert_eq!(rows(room.dir.path()), before, "a refused request changed the library");
}

/// The cookie's name, as the listener sets it.
const DEVICE: &str = polku_server::participant::DEVICE_COOKIE;
