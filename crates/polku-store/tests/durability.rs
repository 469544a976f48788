//! Kill -9 a writer at random moments: every edit it acknowledged must be in the database, and
//! the file must pass SQLite's integrity check.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use polku_core::*;
use polku_store::Store;
use rand::Rng;

const CHILD_ENV: &str = "POLKU_DURABILITY_CHILD_DIR";
const KILLS: usize = 50;

/// The writer: runs only when the parent starts this test binary with CHILD_ENV set. It prints
/// "ack <note id> <text>" after each commit returns, and nothing before.
#[test]
fn durability_writer_child() {
    let Some(dir) = std::env::var_os(CHILD_ENV) else { return };
    let mut store = Store::open_dir(std::path::Path::new(&dir)).unwrap();
    let w = match store.list_workshops().unwrap().first() {
        Some(s) => store.load_workshop(s.id).unwrap(),
        None => new_workshop(&mut store, "Kestävyys"),
    };
    let mut out = std::io::stdout().lock();
    for i in 0u64.. {
        let (id, op) = create_note(&w, &format!("lappu {i}"), Sentiment::Neutral);
        store.apply(&env(&w, "writer", op), i as i64).unwrap();
        use std::io::Write;
        writeln!(out, "ack {id} create").unwrap();
        out.flush().unwrap();
        let edit = text_patch(id, &format!("muokattu {i}"));
        store.apply(&env(&w, "writer", edit), i as i64).unwrap();
        writeln!(out, "ack {id} muokattu {i}").unwrap();
        out.flush().unwrap();
    }
}

#[test]
fn every_acknowledged_edit_survives_kill_9() {
    let dir = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let mut rng = rand::rng();
    let mut acked: std::collections::HashMap<Id, String> = Default::default();
    let mut total_acks = 0;
    for _ in 0..KILLS {
        let mut child = Command::new(&exe)
            .args(["--exact", "durability_writer_child", "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let deadline = Duration::from_millis(rng.random_range(20..120));
        let (tx, rx) = std::sync::mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let started = Instant::now();
        while started.elapsed() < deadline {
            std::thread::sleep(Duration::from_millis(1));
        }
        child.kill().unwrap(); // SIGKILL on Unix: no destructors, no flush, no goodbye.
        child.wait().unwrap();
        reader.join().unwrap();
        for line in rx.try_iter() {
            let mut parts = line.splitn(3, ' ');
            if parts.next() != Some("ack") {
                continue;
            }
            let id = Id::parse_str(parts.next().unwrap()).unwrap();
            let what = parts.next().unwrap().to_string();
            total_acks += 1;
            if what == "create" {
                acked.entry(id).or_default();
            } else {
                acked.insert(id, what);
            }
        }
    }
    assert!(total_acks > KILLS, "the writer acknowledged too little to prove anything ({total_acks})");
    let store = Store::open_dir(dir.path()).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    let w = store.load_workshop(store.list_workshops().unwrap()[0].id).unwrap();
    for (id, text) in &acked {
        let note = w.note(*id).unwrap_or_else(|| panic!("acknowledged note {id} is missing"));
        if !text.is_empty() {
            assert_eq!(&note.text, text, "acknowledged edit of {id} is missing");
        }
    }
    eprintln!("durability: {KILLS} kills, {total_acks} acknowledged edits, all present");
}
