//! The library on a disk that fills up mid-edit, and on one that cannot be written: a small tmpfs
//! this test mounts and remounts (root). A full disk refuses the edit with a clear reason, loses
//! nothing acknowledged, and takes the same edit once space is freed; a read-only one opens to
//! read, with its workshops, and says so.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use polku_api::{ErrorCode, Host};
use serde_json::{json, Value};

/// A tmpfs mounted on a folder of its own, unmounted when dropped (a failed assertion too).
struct Tmpfs {
    dir: PathBuf,
    _parent: tempfile::TempDir,
}

fn run(cmd: &str, args: &[&str]) {
    let out = Command::new(cmd).args(args).output().unwrap_or_else(|e| panic!("{cmd}: {e}"));
    assert!(out.status.success(), "{cmd} {}: {} (mounting needs root: sudo make test-disk)", args.join(" "), String::from_utf8_lossy(&out.stderr));
}

impl Tmpfs {
    fn new(size: &str) -> Tmpfs {
        let parent = tempfile::tempdir().unwrap();
        let dir = parent.path().join("library");
        std::fs::create_dir(&dir).unwrap();
        run("mount", &["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs", dir.to_str().unwrap()]);
        Tmpfs { dir, _parent: parent }
    }

    fn remount(&self, how: &str) {
        run("mount", &["-o", &format!("remount,{how}"), self.dir.to_str().unwrap()]);
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.dir).status();
    }
}

fn create_note(host: &Host, w: &Value, op_id: &str, text: &str) -> Result<Value, polku_api::ApiError> {
    let b = &w["boards"][0];
    let note = json!({"id": uuid::Uuid::now_v7(), "board_id": b["id"], "touchpoint_id": b["touchpoints"][0]["id"], "lane_id": null,
        "persona_id": null, "session_id": null, "kind": "observation", "sentiment": "negative", "text": text, "x": 10.0, "y": 10.0});
    host.call("apply_op", json!({"workshop_id": w["id"], "op_id": op_id, "client_id": "desk", "undo": "record", "op": {"type": "create_note", "note": note}}))
}

fn texts(host: &Host, id: &Value) -> Vec<String> {
    let w = host.call("open_workshop", json!({"id": id})).unwrap();
    let mut t: Vec<String> = w["boards"][0]["notes"].as_array().unwrap().iter().map(|n| n["text"].as_str().unwrap().to_string()).collect();
    t.sort();
    t
}

/// Writes `path` until the disk says it is full.
fn fill(path: &Path) {
    use std::io::Write;
    let mut f = std::fs::File::create(path).unwrap();
    let chunk = vec![0x55u8; 16 * 1024];
    while f.write_all(&chunk).and_then(|_| f.flush()).is_ok() {}
}

#[test]
fn a_full_disk_refuses_the_edit_in_words_keeps_everything_acknowledged_and_recovers() {
    std::env::set_var(polku_store::BACKUP_MINUTES_ENV, "0");
    let disk = Tmpfs::new("12m");
    let host = Host::open(&disk.dir).unwrap();
    let summary = host.call("create_workshop", json!({"title": "Täysi levy", "language": "fi"})).unwrap();
    let w = host.call("open_workshop", json!({"id": summary["id"]})).unwrap();
    // Freeing space later frees all of it: the WAL's frames then move into the database file and
    // take some of it back, so a few freed kilobytes could be full again before the retry.
    std::fs::write(disk.dir.join("reserve"), vec![0x55u8; 4 << 20]).unwrap();
    fill(&disk.dir.join("ballast"));

    let mut acked = Vec::new();
    let mut refused = None;
    for i in 0..20_000 {
        let text = format!("huomio {i:05} {}", "x".repeat(900));
        let op_id = uuid::Uuid::now_v7().to_string();
        match create_note(&host, &w, &op_id, &text) {
            Ok(_) => acked.push(text),
            Err(e) => {
                assert_eq!((e.code, e.field.as_deref()), (ErrorCode::LibraryUnavailable, Some("full")), "{e:?}");
                refused = Some((op_id, text));
                break;
            }
        }
    }
    let (op_id, text) = refused.expect("the disk filled up");
    acked.sort();
    assert_eq!(texts(&host, &w["id"]), acked, "every acknowledged note, and not the refused one");

    std::fs::remove_file(disk.dir.join("ballast")).unwrap();
    std::fs::remove_file(disk.dir.join("reserve")).unwrap();
    create_note(&host, &w, &op_id, &text).expect("the same edit goes through once there is room");
    acked.push(text);
    acked.sort();
    assert_eq!(texts(&host, &w["id"]), acked);

    host.shutdown();
    drop(host);
    let again = Host::open(&disk.dir).unwrap();
    assert_eq!(texts(&again, &w["id"]), acked, "and after reopening");
    let store = polku_store::Store::open_dir(&disk.dir).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

#[test]
fn a_library_that_cannot_be_written_opens_to_read_and_says_so() {
    let disk = Tmpfs::new("16m");
    let id = {
        let host = Host::open(&disk.dir).unwrap();
        let summary = host.call("create_workshop", json!({"title": "Vain luettava", "language": "fi"})).unwrap();
        let w = host.call("open_workshop", json!({"id": summary["id"]})).unwrap();
        create_note(&host, &w, &uuid::Uuid::now_v7().to_string(), "luettavissa").unwrap();
        host.shutdown();
        summary["id"].clone()
    };
    disk.remount("ro");

    let host = Host::open(&disk.dir).expect("a read-only library opens");
    let status = host.call("library_status", json!({})).unwrap();
    assert_eq!((status["read_only"].clone(), status["damaged"].clone()), (json!(true), json!(false)));
    assert_eq!(texts(&host, &id), vec!["luettavissa"]);
    let e = host.call("create_workshop", json!({"title": "Ei", "language": "fi"})).expect_err("nothing can be written");
    assert_eq!((e.code, e.field.as_deref()), (ErrorCode::LibraryUnavailable, Some("read_only")), "{e:?}");
    let e = host.call("make_backup", json!({})).expect_err("not even a backup");
    assert_eq!(e.field.as_deref(), Some("read_only"), "{e:?}");
    let file = host.export_workshop(id.as_str().unwrap().parse().unwrap()).expect("export still works");
    assert!(String::from_utf8_lossy(&file).contains("luettavissa"));
    drop(host);

    disk.remount("rw");
    let host = Host::open(&disk.dir).unwrap();
    assert_eq!(host.call("library_status", json!({})).unwrap()["read_only"], json!(false));
    host.call("create_workshop", json!({"title": "Taas kirjoitettava", "language": "fi"})).unwrap();
}
