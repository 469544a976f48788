//! Kill -9 a writer at random moments: every edit it acknowledged must be in the database, and
//! the file must pass SQLite's integrity check.
//!
//! `make test` kills 50 times; `make soak` sets POLKU_SOAK_KILLS=1000 (release build), for a
//! proof that a rare unlucky moment would not slip through. It prints `bench:` lines for that run.

mod common;

use polku_store::Library;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use polku_core::*;
use polku_store::Store;
use rand::Rng;

const CHILD_ENV: &str = "POLKU_DURABILITY_CHILD_DIR";
const KILLS_ENV: &str = "POLKU_SOAK_KILLS";
const DEFAULT_KILLS: usize = 50;

fn kills() -> usize {
    match std::env::var(KILLS_ENV) {
        Err(_) => DEFAULT_KILLS,
        // A typo must not quietly become the default: the soak would prove less than it says.
        Ok(v) => v.parse().ok().filter(|&n| n > 0).unwrap_or_else(|| panic!("{KILLS_ENV}={v:?} is not a positive count")),
    }
}

/// The writer: runs only when the parent starts this test binary with CHILD_ENV set. It prints
/// "ack <note id> <text>" after each commit returns, and nothing before. It stops and closes the
/// store when its standard input closes (a quit, not a kill).
#[test]
fn durability_writer_child() {
    let Some(dir) = std::env::var_os(CHILD_ENV) else { return };
    let quit = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let told = quit.clone();
    std::thread::spawn(move || {
        let _ = std::io::copy(&mut std::io::stdin(), &mut std::io::sink());
        told.store(true, std::sync::atomic::Ordering::SeqCst);
    });
    let mut store = Store::open_dir(std::path::Path::new(&dir)).unwrap();
    let w = match store.list_workshops().unwrap().first() {
        Some(s) => store.load_workshop(s.id).unwrap(),
        None => new_workshop(&mut store, "Kestävyys"),
    };
    let mut out = std::io::stdout().lock();
    for i in 0u64.. {
        if quit.load(std::sync::atomic::Ordering::SeqCst) {
            break;
        }
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
    let kills = kills();
    let (mut killed, mut life) = (0, 0);
    while killed < kills {
        life += 1;
        let mut child = Command::new(&exe)
            .args(["--exact", "durability_writer_child", "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, dir.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        // The store checkpoints its WAL on a thread 500 ms after opening (checkpoint.rs), and a
        // writer that never pauses keeps the WAL from being reset. Killed within 120 ms, every edit
        // would stay in an ever longer WAL: the database file never written, and after ~50 lives
        // each start spent reading the WAL, not writing. So every 16th life is long enough for the
        // checkpoint and is killed before, in or after it, and every 64th ends as a quit does,
        // which checkpoints and removes the WAL, as the app does when it is closed.
        let quits = life % 64 == 0;
        let long = life % 16 == 0;
        let deadline = Duration::from_millis(if long { rng.random_range(450..1000) } else { rng.random_range(20..120) });
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
        if quits {
            drop(child.stdin.take());
        } else {
            child.kill().unwrap(); // SIGKILL on Unix: no destructors, no flush, no goodbye.
            killed += 1;
        }
        let status = child.wait().unwrap();
        assert!(!quits || status.success(), "the writer did not quit cleanly: {status}");
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
    assert!(total_acks > kills, "the writer acknowledged too little to prove anything ({total_acks})");
    let store = Store::open_dir(dir.path()).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    let w = store.load_workshop(store.list_workshops().unwrap()[0].id).unwrap();
    // Every loss is collected before failing, so a failing soak says how bad it was, not only
    // which note it met first.
    let mut lost = Vec::new();
    for (id, text) in &acked {
        match w.note(*id) {
            None => lost.push(format!("acknowledged note {id} is missing")),
            Some(note) if !text.is_empty() && &note.text != text => {
                lost.push(format!("acknowledged edit of {id} is missing: {:?} instead of {text:?}", note.text))
            }
            Some(_) => {}
        }
    }
    println!("bench: soak.kills {kills} kills");
    println!("bench: soak.acked_edits {total_acks} edits");
    println!("bench: soak.acked_notes {} notes", acked.len());
    println!("bench: soak.lost {} edits", lost.len());
    assert!(lost.is_empty(), "{} of the acknowledged notes lost an edit:\n{}", lost.len(), lost.join("\n"));
}
