//! A library written by the first release (schema 1) opens in this one with nothing lost: every
//! note stays where it was on the board, in the same column.

use polku_store::Library;
use polku_core::layout::note_origin;
use polku_core::{Id, NoteKind, Sentiment};
use polku_store::{Durability, Store, SCHEMA_VERSION};
use rusqlite::{params, Connection};

const W: &str = "0191e5a0-0000-7000-8000-000000000001";
const B: &str = "0191e5a0-0000-7000-8000-000000000002";
const TP: [&str; 3] =
    ["0191e5a0-0000-7000-8000-000000000010", "0191e5a0-0000-7000-8000-000000000011", "0191e5a0-0000-7000-8000-000000000012"];
const ATTACHED: &str = "0191e5a0-0000-7000-8000-000000000020";
const LOOSE: &str = "0191e5a0-0000-7000-8000-000000000021";
const PERSONA: &str = "0191e5a0-0000-7000-8000-000000000030";

fn schema_1_library(path: &std::path::Path) {
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(include_str!("../migrations/0001_library.sql")).unwrap();
    conn.pragma_update(None, "user_version", 1).unwrap();
    conn.execute("INSERT INTO workshop VALUES (?1, 'Vanha', 'fi', 1, 2)", [W]).unwrap();
    conn.execute("INSERT INTO board VALUES (?1, ?2, 'service_path', 'Palvelupolku', 0)", [B, W]).unwrap();
    // Positions out of step with the list order, to check that the column is the rank.
    for (i, (id, phase)) in TP.iter().zip([Some("before"), Some("during"), None]).enumerate() {
        conn.execute(
            "INSERT INTO touchpoint VALUES (?1, ?2, ?3, ?4, ?5, 1)",
            params![id, B, 10 * i as i64, format!("Asema {i}"), phase],
        )
        .unwrap();
    }
    // Under the second station (x = 160 + 260 - 100) and one loose note.
    let note = "INSERT INTO note VALUES (?1, ?2, ?3, NULL, NULL, 'negative', 'Jonottaminen', ?4, 300.0, 1, 1, 1)";
    conn.execute(note, params![ATTACHED, B, TP[1], 320.0]).unwrap();
    conn.execute(note, params![LOOSE, B, None::<String>, 50.0]).unwrap();
    conn.execute(
        "INSERT INTO op_log (op_id, workshop_id, client_id, kind, request, changes, at) VALUES ('x', ?1, 'c', 'do', '{}', '[]', 1)",
        [W],
    )
    .unwrap();
    conn.execute("INSERT INTO undo_step VALUES (?1, 'c', 1, 'done')", [W]).unwrap();
    conn.execute("INSERT INTO persona VALUES (?1, ?2, 'Aino, 19', 3)", [PERSONA, W]).unwrap();
}

#[test]
fn a_schema_1_library_keeps_every_note_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("polku.sqlite3");
    schema_1_library(&path);
    let store = Store::open(&path, Durability::Normal).unwrap();
    let w = store.load_workshop(Id::parse_str(W).unwrap()).unwrap();
    let b = &w.boards[0];
    let phases: Vec<_> = b.phases.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(phases, ["Ennen palvelua", "Palvelun aikana", "Palvelun jälkeen"]);
    let phase_of = |i: usize| b.touchpoints[i].phase_id.and_then(|p| b.phases.iter().find(|ph| ph.id == p)).map(|p| p.position);
    assert_eq!([phase_of(0), phase_of(1), phase_of(2)], [Some(0), Some(1), None]);
    assert!(b.touchpoints.iter().all(|t| t.description.is_empty() && !t.side_station));
    // Schema 7: a path's periods stack no boxes, and labels from before have no originals.
    assert!(b.phases.iter().all(|p| !p.stacked && p.caption.is_empty() && p.original_label.is_empty()));
    assert!(b.touchpoints.iter().all(|t| t.original_label.is_empty()));

    let note = |id: &str| b.notes.iter().find(|n| n.id == Id::parse_str(id).unwrap()).unwrap();
    let attached = note(ATTACHED);
    assert_eq!((attached.kind, attached.sentiment), (NoteKind::Observation, Some(Sentiment::Negative)));
    assert_eq!(attached.x, -100.0, "stored from its column now");
    assert_eq!(note_origin(attached, &b.places(), &b.lanes), (320.0, 300.0), "drawn where it was");
    assert_eq!(note_origin(note(LOOSE), &b.places(), &b.lanes), (50.0, 300.0));

    // Schema 3: the persona keeps its name and version; the new fields start empty.
    let p = &w.personas[0];
    assert_eq!((p.id, p.fields.name.as_str(), p.version), (Id::parse_str(PERSONA).unwrap(), "Aino, 19", 3));
    assert!(p.fields.channels.is_empty() && p.fields.quote.is_empty());
    assert!(w.walkthroughs.is_empty());
    // Schema 4: the board is a record with a version of its own.
    assert_eq!((b.title.as_str(), b.position, b.version), ("Palvelupolku", 0, 1));

    let history = store.history(w.id, "c").unwrap();
    assert!(!history.can_undo, "undo steps of the old shape are not offered");
    // Schema 8: a library of its own templates, none yet.
    assert!(store.list_templates().unwrap().is_empty());
    drop(store);
    let conn = Connection::open(&path).unwrap();
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
    let fk: i64 = conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
    assert_eq!(fk, 0);
}
