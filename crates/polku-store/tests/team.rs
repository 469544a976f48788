//! Two processes (two server instances, as the database sees them) applying ops to one workshop
//! at the same moment, each op sent twice as a client's retry does: every op id is applied once,
//! a note's version grows by exactly one per change in the order of the op log, and each client's
//! undo steps are its own. On PostgreSQL (the team server) and on one SQLite file.

mod common;

use std::collections::{BTreeMap, HashSet};
use std::process::{Command, Stdio};

use common::*;
use polku_core::*;
use polku_store::{Envelope, Library, PgStore, Store, StoreError};

const CHILD_ENV: &str = "POLKU_TEAM_WRITER";
const OPS: usize = 60;

fn open(address: &str) -> Box<dyn Library> {
    match address.strip_prefix("sqlite:") {
        Some(dir) => Box::new(Store::open_dir(std::path::Path::new(dir)).unwrap()),
        None => Box::new(PgStore::connect(address).unwrap()),
    }
}

/// One writer: runs only when the parent starts this test binary with CHILD_ENV set to
/// "<address> <workshop> <client> <note,note,…>". Prints "applied <seq> <note> <version>" for
/// each change it made, "undo <seq>" for each undo.
#[test]
fn team_writer_child() {
    let Ok(spec) = std::env::var(CHILD_ENV) else { return };
    let parts: Vec<&str> = spec.split(' ').collect();
    let (address, workshop, client) = (parts[0], Id::parse_str(parts[1]).unwrap(), parts[2]);
    let notes: Vec<Id> = parts[3].split(',').map(|n| Id::parse_str(n).unwrap()).collect();
    let mut store = open(address);
    // The retry goes through another connection, as a client reconnected to another instance.
    let mut other = open(address);
    for i in 0..OPS {
        let note = notes[i % notes.len()];
        let op = Op::UpdateNote { id: note, patch: NotePatch { text: Some(format!("{client} {i}")), ..Default::default() } };
        let e = Envelope { workshop_id: workshop, op_id: Id::now_v7(), client_id: client.into(), undo: UndoMode::Record, op };
        let first = store.apply(&e, i as i64).unwrap();
        let again = other.apply(&e, i as i64).unwrap();
        assert!(again.replayed && again.seq == first.seq, "a retry is answered with the first result");
        for c in &first.changes {
            if let Change::Note { after: Some(n), .. } = c {
                println!("applied {} {} {}", first.seq, n.id, n.version);
            }
        }
        if i % 7 == 6 {
            let undo_id = Id::now_v7();
            let undone = store.undo(workshop, client, undo_id, i as i64).unwrap();
            let again = other.undo(workshop, client, undo_id, i as i64).unwrap();
            assert!(again.replayed && again.seq == undone.seq);
            for c in &undone.changes {
                if let Change::Note { after: Some(n), .. } = c {
                    println!("applied {} {} {}", undone.seq, n.id, n.version);
                }
            }
            println!("undo {}", undone.seq);
        }
    }
}

fn hammer(address: &str) {
    let mut store = open(address);
    let w = new_workshop(store.as_mut(), "Kaksi palvelinta");
    let mut notes = Vec::new();
    for text in ["Yksi", "Kaksi", "Kolme"] {
        let (id, op) = create_note(&w, text, Sentiment::Neutral);
        store.apply(&env(&w, "setup", op), 1).unwrap();
        notes.push(id.to_string());
    }
    let exe = std::env::current_exe().unwrap();
    let children: Vec<_> = ["instance-a", "instance-b"]
        .iter()
        .map(|client| {
            Command::new(&exe)
                .args(["--exact", "team_writer_child", "--nocapture", "--test-threads", "1"])
                .env(CHILD_ENV, format!("{address} {} {client} {}", w.id, notes.join(",")))
                .stdout(Stdio::piped())
                .stderr(Stdio::inherit())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut versions: BTreeMap<i64, Vec<(String, i64)>> = BTreeMap::new();
    let mut undos = 0;
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "a writer failed");
        for line in String::from_utf8(out.stdout).unwrap().lines() {
            // The test harness's own "test team_writer_child ... " may start the first line.
            let at = ["applied ", "undo "].iter().filter_map(|k| line.find(k)).min().unwrap_or(line.len());
            let f: Vec<&str> = line[at..].split(' ').collect();
            match f.as_slice() {
                ["applied", seq, note, version] => versions.entry(seq.parse().unwrap()).or_default().push((note.to_string(), version.parse().unwrap())),
                ["undo", _] => undos += 1,
                _ => {}
            }
        }
    }
    assert_eq!(undos, 2 * (OPS / 7));
    // In the op log's order, each note's version grows by exactly one per change: no change was
    // applied twice, none was lost, and none was made from a stale copy.
    let mut last: BTreeMap<String, i64> = notes.iter().map(|n| (n.clone(), 1)).collect();
    for (seq, changes) in &versions {
        for (note, version) in changes {
            let before = last.get_mut(note).unwrap();
            assert_eq!(*version, *before + 1, "note {note} at op {seq}");
            *before = *version;
        }
    }
    let now = store.load_workshop(w.id).unwrap();
    for n in now.notes() {
        assert_eq!(n.version, last[&n.id.to_string()], "the stored version is the last one applied");
    }
    // Each op id once in the log: 3 creates, then every op and undo of both writers.
    assert_eq!(number(store.as_ref(), "SELECT count(*) FROM op_log"), (3 + 2 * OPS + 2 * (OPS / 7)) as i64);
    let seqs: HashSet<i64> = versions.keys().copied().collect();
    assert_eq!(seqs.len(), 2 * OPS + 2 * (OPS / 7));
    // Undo steps are per client: none of a client's steps is another's op, and each client's
    // undo takes back its own steps until it has none.
    assert_eq!(number(store.as_ref(), "SELECT count(*) FROM undo_step s JOIN op_log l ON l.seq = s.seq WHERE l.client_id <> s.client_id"), 0);
    for client in ["instance-a", "instance-b"] {
        let mut taken = 0;
        loop {
            match store.undo(w.id, client, Id::now_v7(), 99) {
                Ok(_) => taken += 1,
                Err(StoreError::NothingToUndo) => break,
                Err(e) => panic!("{e}"),
            }
        }
        assert_eq!(taken, OPS - OPS / 7, "{client}: every recorded step not yet undone");
    }
}

#[test]
fn two_processes_on_one_workshop_in_postgres() {
    hammer(&test_postgres::database());
}

#[test]
fn two_processes_on_one_workshop_in_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    hammer(&format!("sqlite:{}", dir.path().display()));
}
