//! Issue 15: backups through the command surface — listed, looked into, a workshop taken back as
//! a copy or in place, the whole library put back — and a damaged library that answers only its
//! backups until one is put in its place.

mod common;

use common::Room;
use polku_api::{ErrorCode, Event, Host};
use serde_json::{json, Value};

fn op_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

fn add_note(room: &Room, text: &str) -> Value {
    let id = uuid::Uuid::now_v7();
    let b = room.board(0);
    let note = json!({"id": id, "board_id": b["id"], "touchpoint_id": b["touchpoints"][0]["id"], "lane_id": null,
        "persona_id": null, "session_id": null, "kind": "observation", "sentiment": "negative", "text": text, "x": 10.0, "y": 10.0});
    let op = json!({"type": "create_note", "note": note});
    room.host.call("apply_op", json!({"workshop_id": room.id(), "op_id": op_id(), "client_id": "desk", "undo": "record", "op": op})).unwrap();
    json!(id)
}

fn set_text(room: &Room, note: &Value, text: &str) {
    let op = json!({"type": "update_note", "id": note, "patch": {"text": text}});
    room.host.call("apply_op", json!({"workshop_id": room.id(), "op_id": op_id(), "client_id": "desk", "undo": "record", "op": op})).unwrap();
}

fn texts(host: &Host, id: &Value) -> Vec<String> {
    let w = host.call("open_workshop", json!({"id": id})).unwrap();
    w["boards"][0]["notes"].as_array().unwrap().iter().map(|n| n["text"].as_str().unwrap().to_string()).collect()
}

fn refused(r: Result<Value, polku_api::ApiError>, code: ErrorCode, field: &str) {
    let e = r.expect_err("must be refused");
    assert_eq!((e.code, e.field.as_deref()), (code, Some(field)), "{e:?}");
}

#[test]
fn a_backup_is_listed_looked_into_and_a_workshop_taken_back_as_a_copy_or_in_place() {
    let room = Room::new();
    let note = add_note(&room, "ennen");
    let made = room.host.call("make_backup", json!({})).unwrap();
    let name = made["name"].as_str().unwrap().to_string();
    assert_eq!((made["workshops"].clone(), made["notes"].clone(), made["origin"].clone()), (json!(1), json!(1), json!("rolling")));
    let listed = room.host.call("list_backups", json!({})).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 1);

    set_text(&room, &note, "jälkeen");
    let inside = room.host.call("backup_workshops", json!({"name": name})).unwrap();
    assert_eq!(inside[0]["id"], room.id());
    let looked = room.host.call("open_backup_workshop", json!({"name": name, "id": room.id()})).unwrap();
    assert_eq!(looked["boards"][0]["notes"][0]["text"], "ennen");

    let copy = room.host.call("restore_from_backup", json!({"name": name, "id": room.id(), "how": "copy"})).unwrap();
    assert_ne!(copy["id"], room.id());
    assert!(copy["title"].as_str().unwrap().starts_with("Palvelupolku (varmuuskopiosta "), "{}", copy["title"]);
    assert_eq!(texts(&room.host, &copy["id"]), vec!["ennen"]);
    assert_eq!(texts(&room.host, &room.id()), vec!["jälkeen"], "a copy leaves the current one as it is");

    let mut events = room.host.subscribe();
    room.host.call("restore_from_backup", json!({"name": name, "id": room.id(), "how": "replace"})).unwrap();
    assert_eq!(texts(&room.host, &room.id()), vec!["ennen"]);
    let id: polku_core::Id = room.at();
    assert!(matches!(events.try_recv(), Ok(Event::Restored { workshop_id: Some(w) }) if w == id), "screens showing it reload");
    let aside: Vec<Value> = room.host.call("list_backups", json!({})).unwrap().as_array().unwrap().iter().filter(|b| b["origin"] == "before_restore").cloned().collect();
    assert_eq!(aside.len(), 1, "the replaced one is kept aside");
    let was = room.host.call("open_backup_workshop", json!({"name": aside[0]["name"], "id": room.id()})).unwrap();
    assert_eq!(was["boards"][0]["notes"][0]["text"], "jälkeen");
}

#[test]
fn the_whole_library_is_put_back_and_names_that_are_not_backups_are_refused() {
    let room = Room::new();
    add_note(&room, "kirjastossa");
    let name = room.host.call("make_backup", json!({})).unwrap()["name"].clone();
    room.host.call("create_workshop", json!({"title": "Myöhempi", "language": "fi"})).unwrap();
    let mut events = room.host.subscribe();
    let done = room.host.call("restore_library", json!({"name": name})).unwrap();
    assert_eq!(done["kept_aside"]["workshops"], json!(null), "made just now; counted when listed");
    assert_eq!(done["kept_aside"]["origin"], "before_restore");
    assert_eq!(room.host.call("list_workshops", json!({})).unwrap().as_array().unwrap().len(), 1);
    assert!(matches!(events.try_recv(), Ok(Event::Restored { workshop_id: None })));

    for bad in ["../polku.sqlite3", "polku.sqlite3", "backup-1.sqlite3", "/etc/passwd"] {
        refused(room.host.call("backup_workshops", json!({"name": bad})), ErrorCode::NotFound, "backup");
        refused(room.host.call("restore_library", json!({"name": bad})), ErrorCode::NotFound, "backup");
    }
    refused(room.host.call("backup_workshops", json!({"name": "b".repeat(65)})), ErrorCode::Validation, "backup");
}

#[test]
fn erasing_says_how_many_backups_it_reached() {
    let room = Room::new();
    add_note(&room, "pois kaikkialta");
    room.host.call("make_backup", json!({})).unwrap();
    room.host.call("make_backup", json!({})).unwrap();
    room.host.call("delete_workshop", json!({"id": room.id()})).unwrap();
    let erased = room.host.call("erase_workshop", json!({"id": room.id()})).unwrap();
    assert_eq!(erased, json!({"backups": 2}));
    for b in room.host.call("list_backups", json!({})).unwrap().as_array().unwrap() {
        assert_eq!(b["workshops"], json!(0));
    }
}

#[test]
fn a_damaged_library_answers_only_its_backups_until_one_is_put_back() {
    let room = Room::new();
    add_note(&room, "pelastetaan");
    let name = room.host.call("make_backup", json!({})).unwrap()["name"].clone();
    room.host.shutdown();
    let db = polku_store::database_path(room.dir.path());
    let Room { host, dir, .. } = room;
    drop(host);
    let mut bytes = std::fs::read(&db).unwrap();
    bytes.iter_mut().skip(4096).step_by(5).for_each(|b| *b = 0xa5);
    std::fs::write(&db, &bytes).unwrap();

    let host = Host::open(dir.path()).expect("a damaged library still opens, closed");
    assert!(host.damage().is_some());
    refused(host.call("list_workshops", json!({})), ErrorCode::LibraryUnavailable, "corrupt");
    refused(host.call("create_workshop", json!({"title": "Ei", "language": "fi"})), ErrorCode::LibraryUnavailable, "corrupt");
    assert_eq!(std::fs::read(&db).unwrap(), bytes, "nothing written to the damaged file");
    let backups = host.call("list_backups", json!({})).unwrap();
    assert!(backups.as_array().unwrap().iter().any(|b| b["name"] == name && b["notes"] == json!(1)));

    let done = host.call("restore_library", json!({"name": name})).unwrap();
    assert_eq!(done["kept_aside"], json!(null));
    let list = host.call("list_workshops", json!({})).unwrap();
    assert_eq!(list[0]["notes"], json!(1));
    host.call("create_workshop", json!({"title": "Taas töissä", "language": "fi"})).unwrap();
}

#[test]
fn damage_found_while_in_use_closes_the_library() {
    let room = Room::new();
    add_note(&room, "käytössä");
    room.host.call("make_backup", json!({})).unwrap();
    // Another program points the note table at a page that does not exist, as a torn write might.
    let conn = rusqlite::Connection::open(polku_store::database_path(room.dir.path())).unwrap();
    let cookie: i64 = conn.query_row("PRAGMA schema_version", [], |r| r.get(0)).unwrap();
    conn.execute_batch(&format!(
        "PRAGMA writable_schema = ON; UPDATE sqlite_master SET rootpage = 9999 WHERE name = 'note'; PRAGMA schema_version = {}; PRAGMA writable_schema = OFF;",
        cookie + 1
    ))
    .unwrap();
    drop(conn);

    refused(room.host.call("open_workshop", json!({"id": room.id()})), ErrorCode::LibraryUnavailable, "corrupt");
    assert!(room.host.damage().is_some(), "the library closed");
    refused(room.host.call("list_workshops", json!({})), ErrorCode::LibraryUnavailable, "corrupt");
    assert_eq!(room.host.call("list_backups", json!({})).unwrap().as_array().unwrap().len(), 1);
}
