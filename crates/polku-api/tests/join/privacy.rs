//! What of a phone never leaves the join: nicknames, device secrets and voter keys reach no
//! export and not the library file, unless the facilitator chooses to name notes.

use crate::common::*;
use crate::{note_args, notes_on_board, token};
use polku_api::ErrorCode;
use serde_json::{json, Value};

#[test]
fn no_device_nickname_or_secret_reaches_the_library_or_the_workshop_file() {
    let room = Room::new();
    let a = room.join(&token(&room.open_join(json!({}))), "Qwertyuiop-nimimerkki").unwrap();
    let note = room.host.call_as(&phone(&a), "participant_add_note", note_args(&room, "Näkyvä lappu")).unwrap();
    room.host.call_as(&phone(&a), "participant_update_note", json!({"op_id": op_id(), "note_id": note["id"], "text": "Muokattu lappu"})).unwrap();
    let file = room.host.export_workshop(a.workshop_id).unwrap();
    room.host.shutdown();
    let mut stored = file.clone();
    for entry in std::fs::read_dir(room.dir.path()).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            stored.extend(std::fs::read(path).unwrap());
        }
    }
    let has = |needle: &str| stored.windows(needle.len()).any(|w| w == needle.as_bytes());
    assert!(has("Muokattu lappu"), "the note itself is kept");
    for secret in ["Qwertyuiop-nimimerkki", &a.secret, &a.device_id.to_string(), &a.device_id.simple().to_string()] {
        assert!(!has(secret), "{secret} was written");
    }
}

#[test]
fn no_voter_key_reaches_an_export_or_the_library_once_the_vote_ends() {
    let room = Room::new();
    let t = token(&room.open_join(json!({})));
    let phones: Vec<_> = ["Kettu", "Siili"].iter().map(|n| room.join(&t, n).unwrap()).collect();
    for p in &phones {
        room.host.call_as(&phone(p), "participant_add_note", note_args(&room, "Äänestettävä")).unwrap();
    }
    let vote = uuid::Uuid::now_v7();
    let settings = json!({"on": {"type": "board"}, "dots": 2, "several_per_target": true, "hidden": false, "screen": "off", "ends_at": null});
    let op = json!({"type": "create_vote", "vote": {"id": vote, "board_id": room.board(0)["id"], "settings": settings, "session_id": null}});
    room.host.call("apply_op", json!({"workshop_id": room.id(), "op_id": op_id(), "client_id": "desk", "undo": "record", "op": op})).unwrap();
    let target = room.host.call_as(&phone(&phones[0]), "participant_view", json!({})).unwrap()["votes"][0]["targets"][0]["id"].clone();
    for p in &phones {
        for _ in 0..2 {
            room.host.call_as(&phone(p), "participant_vote", json!({"op_id": op_id(), "vote_id": vote, "target_id": target, "delta": 1})).unwrap();
        }
    }
    let db = rusqlite::Connection::open(room.dir.path().join("polku.sqlite3")).unwrap();
    let keys: Vec<String> = db.prepare("SELECT DISTINCT voter FROM vote_ballot").unwrap().query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    assert_eq!(keys.len(), 2, "one key per phone while the vote is open");
    drop(db);
    room.host.call("apply_op", json!({"workshop_id": room.id(), "op_id": op_id(), "client_id": "desk", "undo": "skip", "op": {"type": "end_vote", "id": vote}})).unwrap();

    let csv = exported(&room, "csv");
    assert!(String::from_utf8_lossy(&csv).lines().any(|l| l.contains("Äänestettävä") && l.contains(";4;")), "the votes column: {}", String::from_utf8_lossy(&csv));
    let mut files: Vec<(String, Vec<u8>)> = vec![
        ("the CSV".into(), csv),
        ("the workbook".into(), exported(&room, "xlsx")),
        ("the PDF".into(), exported(&room, "pdf")),
        ("the .polku file".into(), room.host.export_workshop(room.at()).unwrap()),
    ];
    room.host.shutdown();
    for entry in std::fs::read_dir(room.dir.path()).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            files.push((path.display().to_string(), std::fs::read(path).unwrap()));
        }
    }
    for key in &keys {
        for (name, f) in &files {
            assert!(!holds(f, key), "voter key {key} in {name}");
        }
    }
    for p in &phones {
        assert!(files.iter().all(|(_, f)| !holds(f, &p.device_id.to_string())));
    }
}

#[test]
fn nicknames_go_with_notes_into_exports_only_once_the_facilitator_chooses_it() {
    let room = Room::new();
    let t = token(&room.open_join(json!({})));
    let a = room.join(&t, "Kettu-nimimerkki").unwrap();
    room.host.call_as(&phone(&a), "participant_add_note", note_args(&room, "Ennen valintaa")).unwrap();
    assert_eq!(room.status()["names"], false, "off by default");
    let s = room.host.call("set_note_names", json!({"workshop_id": room.id(), "names": true})).unwrap();
    assert_eq!(s["names"], true);
    room.host.call_as(&phone(&a), "participant_add_note", note_args(&room, "Valinnan jälkeen")).unwrap();
    assert_refused(room.host.call_as(&phone(&a), "set_note_names", json!({"workshop_id": room.id(), "names": false})), ErrorCode::Forbidden, "participant");

    let notes = notes_on_board(&room);
    let author = |text: &str| notes.iter().find(|n| n["text"] == text).unwrap()["author"].clone();
    assert_eq!((author("Ennen valintaa"), author("Valinnan jälkeen")), (Value::Null, json!("Kettu-nimimerkki")));
    let csv = String::from_utf8(exported(&room, "csv")).unwrap();
    let line = |text: &str| csv.lines().find(|l| l.contains(text)).unwrap().to_string();
    assert!(line("Valinnan jälkeen").ends_with(";Kettu-nimimerkki"), "{csv}");
    assert!(!line("Ennen valintaa").contains("Kettu"), "{csv}");
}

/// The finished file of an export of the workshop in `format`.
fn exported(room: &Room, format: &str) -> Vec<u8> {
    let job = room.host.call("start_export", json!({"workshop_id": room.id(), "format": format})).unwrap();
    let job_id: polku_core::Id = job["job_id"].as_str().unwrap().parse().unwrap();
    for _ in 0..500 {
        let s = room.host.call("export_status", json!({"job_id": job_id})).unwrap();
        if s["state"] != "running" {
            assert_eq!(s["state"], "ready", "{s}");
            return room.host.export_file(job_id).unwrap().bytes.to_vec();
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the {format} export did not finish");
}

fn holds(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[test]
fn nicknames_and_device_secrets_reach_no_export_and_not_the_library_file() {
    let room = Room::new();
    let nickname = "Zorro-nimimerkki";
    let a = room.join(&token(&room.open_join(json!({"show_others": true}))), nickname).unwrap();
    room.host.call_as(&phone(&a), "participant_add_note", note_args(&room, "Puhelimesta kirjoitettu")).unwrap();
    for format in ["csv", "polku"] {
        let file = exported(&room, format);
        assert!(holds(&file, "Puhelimesta kirjoitettu"), "the {format} export has the note");
        assert!(!holds(&file, nickname) && !holds(&file, &a.secret), "the {format} export names the device");
    }
    // The database and its write-ahead log, as they are on disk.
    let mut note_found = false;
    for entry in std::fs::read_dir(room.dir.path()).unwrap() {
        let path = entry.unwrap().path();
        let Ok(bytes) = std::fs::read(&path) else { continue };
        note_found |= holds(&bytes, "Puhelimesta kirjoitettu");
        assert!(!holds(&bytes, nickname) && !holds(&bytes, &a.secret), "{} names the device", path.display());
    }
    assert!(note_found, "the library's files were read");
}
