mod common;

use polku_store::Library;
use common::*;
use polku_core::*;
use polku_store::{Durability, Store, StoreError, SCHEMA_VERSION};

fn temp_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_dir(dir.path()).unwrap();
    (dir, store)
}

#[test]
fn every_migration_ran_and_the_file_is_ours() {
    let (_dir, store) = temp_store();
    let conn = rusqlite::Connection::open(store.path()).unwrap();
    let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(v, SCHEMA_VERSION);
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

#[test]
fn a_database_from_a_newer_polku_is_refused_and_left_alone() {
    let (dir, store) = temp_store();
    let path = store.path().to_path_buf();
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1).unwrap();
    drop(conn);
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path, Durability::Normal).err().expect("must refuse");
    assert!(matches!(err, StoreError::NewerDatabase { found, .. } if found == SCHEMA_VERSION + 1));
    assert!(err.to_string().contains("newer Polku"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    drop(dir);
}

#[test]
fn foreign_files_are_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "this is not a database at all, just some text that is long enough").unwrap();
    let err = Store::open(&text, Durability::Normal).err().expect("must refuse");
    assert!(matches!(err, StoreError::NotPolku { .. }), "{err:?}");
    let other = dir.path().join("other.sqlite3");
    rusqlite::Connection::open(&other).unwrap().execute_batch("CREATE TABLE t(x)").unwrap();
    let err = Store::open(&other, Durability::Normal).err().expect("must refuse");
    assert!(matches!(err, StoreError::NotPolku { .. }), "{err:?}");
    assert!(std::fs::read_to_string(&text).unwrap().starts_with("this is not"));
}

#[test]
fn edits_survive_reopening_with_their_undo_history() {
    let dir = tempfile::tempdir().unwrap();
    let (w, note) = {
        let mut store = Store::open_dir(dir.path()).unwrap();
        let w = new_workshop(&mut store, "Työpaja");
        let (note, op) = create_note(&w, "Pelko", Sentiment::Negative);
        store.apply(&env(&w, "tab-a", op), 2_000).unwrap();
        store.apply(&env(&w, "tab-a", text_patch(note, "Pelko ja häpeä")), 3_000).unwrap();
        (w, note)
    };
    let mut store = Store::open_dir(dir.path()).unwrap();
    let loaded = store.load_workshop(w.id).unwrap();
    assert_eq!(loaded.notes().next().unwrap().text, "Pelko ja häpeä");
    assert_eq!(store.history(w.id, "tab-a").unwrap(), History { can_undo: true, can_redo: false });
    let undone = store.undo(w.id, "tab-a", Id::now_v7(), 4_000).unwrap();
    assert_eq!(undone.history, History { can_undo: true, can_redo: true });
    assert_eq!(store.load_workshop(w.id).unwrap().note(note).unwrap().text, "Pelko");
    let summary = store.list_workshops().unwrap();
    assert_eq!((summary[0].notes, summary[0].updated_at), (1, 4_000));
}

on_both!(fn undo_is_per_client_and_keeps_other_clients_fields(store) {
    let w = new_workshop(store, "Kaksi välilehteä");
    let (note, op) = create_note(&w, "Yksinäisyys", Sentiment::Negative);
    store.apply(&env(&w, "a", op), 1).unwrap();
    // b recolours, then a moves: a's undo takes back the move only, b's colour stays.
    let recolour = Op::UpdateNote { id: note, patch: NotePatch { sentiment: Some(Some(Sentiment::Neutral)), ..Default::default() } };
    store.apply(&env(&w, "b", recolour), 2).unwrap();
    let mv = Op::UpdateNote { id: note, patch: NotePatch { x: Some(500.0), ..Default::default() } };
    store.apply(&env(&w, "a", mv), 3).unwrap();
    store.undo(w.id, "a", Id::now_v7(), 4).unwrap();
    let n = store.load_workshop(w.id).unwrap().note(note).unwrap();
    assert_eq!((n.x, n.sentiment), (100.0, Some(Sentiment::Neutral)));
    // b's undo takes back b's recolour, not a's create.
    store.undo(w.id, "b", Id::now_v7(), 5).unwrap();
    let n = store.load_workshop(w.id).unwrap().note(note).unwrap();
    assert_eq!(n.sentiment, Some(Sentiment::Negative));
    assert!(matches!(store.undo(w.id, "b", Id::now_v7(), 6), Err(StoreError::NothingToUndo)));
    // a's next undo removes the note; redo brings it back whole.
    store.undo(w.id, "a", Id::now_v7(), 7).unwrap();
    assert!(store.load_workshop(w.id).unwrap().note(note).is_none());
    store.redo(w.id, "a", Id::now_v7(), 8).unwrap();
    assert_eq!(store.load_workshop(w.id).unwrap().note(note).unwrap().text, "Yksinäisyys");
});

on_both!(fn an_undo_step_made_impossible_by_someone_else_is_skipped(store) {
    let w = new_workshop(store, "Ristiriita");
    let (keep, op) = create_note(&w, "Jää", Sentiment::Positive);
    store.apply(&env(&w, "a", op), 1).unwrap();
    let (gone, op) = create_note(&w, "Lähtee", Sentiment::Positive);
    store.apply(&env(&w, "b", op), 2).unwrap();
    store.apply(&env(&w, "a", text_patch(gone, "a muokkasi")), 3).unwrap();
    store.apply(&env(&w, "b", Op::DeleteNote { id: gone }), 4).unwrap();
    // a's last step edited a note b deleted: undo skips it and takes back a's create instead.
    let r = store.undo(w.id, "a", Id::now_v7(), 5).unwrap();
    assert_eq!(r.changes.len(), 1);
    assert_eq!(r.changes[0].id(), keep);
    assert!(store.load_workshop(w.id).unwrap().note(keep).is_none());
});

on_both!(fn a_retried_op_id_is_applied_once_and_a_reused_one_refused(store) {
    let w = new_workshop(store, "Uudelleenyritys");
    let (_, op) = create_note(&w, "Tavoitteet", Sentiment::Positive);
    let e = env(&w, "a", op);
    let first = store.apply(&e, 1).unwrap();
    let again = store.apply(&e, 2).unwrap();
    assert!(again.replayed);
    assert_eq!((again.seq, &again.changes), (first.seq, &first.changes));
    assert_eq!(store.load_workshop(w.id).unwrap().notes().count(), 1);
    let (_, other) = create_note(&w, "Toinen", Sentiment::Positive);
    let reused = polku_store::Envelope { op: other, ..e };
    assert!(matches!(store.apply(&reused, 3), Err(StoreError::OpIdReused(_))));
});

on_both!(fn refused_ops_change_nothing(store) {
    let w = new_workshop(store, "Virheet");
    let other = new_workshop(store, "Toinen työpaja");
    let (note, op) = create_note(&w, "Oikea", Sentiment::Neutral);
    store.apply(&env(&w, "a", op), 1).unwrap();
    let before = store.load_workshop(w.id).unwrap();
    let bad = [
        text_patch(note, ""),
        text_patch(note, &"x".repeat(MAX_NOTE_TEXT + 1)),
        Op::UpdateNote { id: note, patch: NotePatch { y: Some(f64::NAN), ..Default::default() } },
        Op::DeleteNote { id: Id::now_v7() },
        // A touchpoint of another workshop is as unknown as a made-up one.
        Op::UpdateNote { id: note, patch: NotePatch { touchpoint_id: Some(Some(other.boards[0].touchpoints[0].id)), ..Default::default() } },
    ];
    for op in bad {
        assert!(store.apply(&env(&w, "a", op.clone()), 9).is_err(), "{op:?} must be refused");
    }
    // The note of this workshop is not reachable through the other workshop either.
    assert!(matches!(store.apply(&env(&other, "a", Op::DeleteNote { id: note }), 9), Err(StoreError::Op(OpError::NotFound { .. }))));
    assert_eq!(store.load_workshop(w.id).unwrap(), before);
    assert!(matches!(store.apply(&env(&w, "bad client!", Op::DeleteNote { id: note }), 9), Err(StoreError::Op(_))));
});

on_both!(fn rename_and_delete_workshops(store) {
    let w = new_workshop(store, "Vanha nimi");
    let (_, op) = create_note(&w, "Jotain", Sentiment::Neutral);
    store.apply(&env(&w, "a", op), 1).unwrap();
    assert_eq!(store.rename_workshop(w.id, "Uusi nimi", 5).unwrap().title, "Uusi nimi");
    assert!(store.rename_workshop(w.id, "  ", 6).is_err());
    store.delete_workshop(w.id, 7).unwrap();
    assert!(store.list_workshops().unwrap().is_empty());
    assert!(matches!(store.load_workshop(w.id), Err(StoreError::WorkshopDeleted(_))));
    store.erase_workshop(w.id).unwrap();
    assert!(matches!(store.load_workshop(w.id), Err(StoreError::NotFound { .. })));
    let left = number(store, "SELECT (SELECT count(*) FROM note) + (SELECT count(*) FROM op_log) + (SELECT count(*) FROM undo_step)");
    assert_eq!(left, 0, "erasing a workshop leaves none of its notes or history behind");
});

on_both!(fn a_batch_is_one_logged_op_and_one_undo_step(store) {
    let w = new_workshop(store, "Valinta");
    let mut ids = Vec::new();
    for text in ["Yksi", "Kaksi", "Kolme"] {
        let (id, op) = create_note(&w, text, Sentiment::Neutral);
        store.apply(&env(&w, "a", op), 1).unwrap();
        ids.push(id);
    }
    let before = store.load_workshop(w.id).unwrap();
    let recolour_all = Op::Batch {
        ops: ids
            .iter()
            .map(|&id| Op::UpdateNote { id, patch: NotePatch { sentiment: Some(Some(Sentiment::Negative)), ..Default::default() } })
            .chain([Op::DeleteNote { id: ids[2] }])
            .collect(),
    };
    let r = store.apply(&env(&w, "a", recolour_all), 2).unwrap();
    assert_eq!(r.changes.len(), 4);
    let after = store.load_workshop(w.id).unwrap();
    assert_eq!(after.notes().filter(|n| n.sentiment == Some(Sentiment::Negative)).count(), 2);
    let logged = number(store, "SELECT count(*) FROM op_log");
    assert_eq!(logged, 4, "three creates and one batch");
    store.undo(w.id, "a", Id::now_v7(), 3).unwrap();
    let undone = store.load_workshop(w.id).unwrap();
    let view = |w: &Workshop| w.notes().map(|n| (n.id, n.sentiment, n.text.clone())).collect::<Vec<_>>();
    assert_eq!(view(&undone), view(&before), "one undo takes the whole batch back");
});

on_both!(fn structure_ops_commit_with_their_notes_and_undo_in_one_step(store) {
    let w = new_workshop(store, "Rakenne");
    let board = w.boards[0].id;
    let (note, op) = create_note(&w, "Jonottaminen", Sentiment::Negative);
    store.apply(&env(&w, "a", op), 2).unwrap();
    let tp = w.boards[0].touchpoints[0].id;
    // The first lane takes the note in, in the same transaction (the lane row first).
    let lane = Id::now_v7();
    let add_lane = Op::CreateLane { lane: NewLane { id: lane, board_id: board, index: 0, label: "Tunteet".into(), line_above: String::new(), existing: None } };
    store.apply(&env(&w, "a", add_lane), 3).unwrap();
    let delete = Op::DeleteTouchpoint { id: tp, move_notes_to: None };
    store.apply(&env(&w, "a", delete), 4).unwrap();
    let after = store.load_workshop(w.id).unwrap();
    assert_eq!(after.boards[0].touchpoints.len(), 4);
    let n = after.note(note).unwrap();
    assert_eq!((n.touchpoint_id, n.lane_id), (None, Some(lane)));
    store.undo(w.id, "a", Id::now_v7(), 5).unwrap();
    let back = store.load_workshop(w.id).unwrap();
    assert_eq!(back.boards[0].touchpoints[0].id, tp, "the touchpoint is back in its place");
    assert_eq!(back.note(note).unwrap().touchpoint_id, Some(tp));
    store.undo(w.id, "a", Id::now_v7(), 6).unwrap();
    let unlaned = store.load_workshop(w.id).unwrap();
    assert!(unlaned.boards[0].lanes.is_empty());
    assert_eq!(unlaned.note(note).unwrap().lane_id, None);
    assert_eq!(unlaned.note(note).unwrap().y, 200.0);
});

on_both!(fn a_persona_walks_and_its_removal_is_one_undo_step_in_the_library(store) {
    let w = new_workshop(store, "Kävely");
    let board = w.boards[0].id;
    let tp = w.boards[0].touchpoints[1].id;
    let (persona, walk) = (Id::now_v7(), Id::now_v7());
    let ops = [
        Op::CreatePersona { persona: NewPersona { id: persona, fields: PersonaFields::named("Aino, 19") } },
        Op::CreateWalkthrough { walkthrough: NewWalkthrough { id: walk, persona_id: persona, board_id: board, at_touchpoint_id: Some(tp) } },
        Op::SetWalkStep {
            step: NewWalkStep {
                id: Id::now_v7(),
                walkthrough_id: walk,
                touchpoint_id: tp,
                record: StepRecord { emotion: Some(2), happens: "Uudet ihmiset".into(), barriers: String::new(), ideas: String::new(), skipped: false },
            },
        },
    ];
    for (i, op) in ops.into_iter().enumerate() {
        store.apply(&env(&w, "a", op), 2 + i as i64).unwrap();
    }
    let walked = store.load_workshop(w.id).unwrap();
    assert_eq!((walked.personas.len(), walked.walkthroughs.len(), walked.walk_steps.len()), (1, 1, 1));
    assert_eq!(walked.walk_steps[0].record.emotion, Some(2));
    store.apply(&env(&w, "a", Op::DeletePersona { id: persona }), 6).unwrap();
    let gone = store.load_workshop(w.id).unwrap();
    assert!(gone.personas.is_empty() && gone.walkthroughs.is_empty() && gone.walk_steps.is_empty());
    store.undo(w.id, "a", Id::now_v7(), 7).unwrap();
    let back = store.load_workshop(w.id).unwrap();
    assert_eq!(back.personas, walked.personas.iter().map(|p| Persona { version: p.version + 1, updated_at: 7, ..p.clone() }).collect::<Vec<_>>());
    assert_eq!(back.walk_steps[0].record.happens, "Uudet ihmiset");
    assert_eq!(back.walkthroughs[0].at_touchpoint_id, Some(tp));
});

on_both!(fn boards_are_added_copied_and_deleted_in_the_library_and_undo_brings_one_back_whole(store) {
    let w = new_workshop(store, "Ohjelma");
    let first = w.boards[0].id;
    let (note, op) = create_note(&w, "Jonottaminen", Sentiment::Negative);
    store.apply(&env(&w, "a", op), 2).unwrap();
    let copy = Id::now_v7();
    let add = Op::CreateBoard {
        board: NewBoard { id: copy, index: 1, title: "Kerta 4".into(), from: BoardSource::Copy { board_id: first, with_notes: true } },
    };
    store.apply(&env(&w, "a", add), 3).unwrap();
    let two = store.load_workshop(w.id).unwrap();
    assert_eq!(two.boards.iter().map(|b| b.title.as_str()).collect::<Vec<_>>(), ["Palvelupolku", "Kerta 4"]);
    assert_eq!(two.boards[1].notes.len(), 1);
    assert_eq!(two.boards[1].touchpoints.len(), two.boards[0].touchpoints.len());

    store.apply(&env(&w, "a", Op::DeleteBoard { id: first }), 4).unwrap();
    let one = store.load_workshop(w.id).unwrap();
    assert_eq!(one.boards.len(), 1);
    assert!(one.note(note).is_none());
    let last = Op::DeleteBoard { id: copy };
    assert!(matches!(store.apply(&env(&w, "a", last), 5), Err(StoreError::Op(OpError::Validation { field: "board", .. }))));

    store.undo(w.id, "a", Id::now_v7(), 6).unwrap();
    let back = store.load_workshop(w.id).unwrap();
    assert_eq!(back, Workshop { updated_at: back.updated_at, ..versions_of(&two, &back) });
});

/// `expected` with the versions `actual` has: undo brings values back, and versions only grow.
fn versions_of(expected: &Workshop, actual: &Workshop) -> Workshop {
    let mut w = expected.clone();
    for (b, a) in w.boards.iter_mut().zip(&actual.boards) {
        b.version = a.version;
        for (n, m) in b.notes.iter_mut().zip(&a.notes) {
            (n.version, n.updated_at) = (m.version, m.updated_at);
        }
        for (t, u) in b.touchpoints.iter_mut().zip(&a.touchpoints) {
            t.version = u.version;
        }
        for (p, q) in b.phases.iter_mut().zip(&a.phases) {
            p.version = q.version;
        }
    }
    w
}

on_both!(fn a_session_is_kept_in_the_library_and_loses_a_deleted_board_from_its_agenda_until_undo(store) {
    let w = new_workshop(store, "Ohjelma");
    let path = w.boards[0].id;
    let other = Op::CreateBoard {
        board: NewBoard { id: Id::now_v7(), index: 1, title: "Kanavat".into(), from: BoardSource::Blank { kind: BoardKind::ServicePath } },
    };
    store.apply(&env(&w, "a", other), 2).unwrap();
    let item = AgendaItem { id: Id::now_v7(), title: "Polku".into(), minutes: Some(60), instructions: String::new(), board_id: Some(path) };
    let fields = SessionFields { starts_at: Some("2025-03-18T13:00".into()), agenda: vec![item], ..SessionFields::titled("Kerta 3") };
    let session = Id::now_v7();
    store.apply(&env(&w, "a", Op::CreateSession { session: NewSession { id: session, index: 0, fields: fields.clone() } }), 3).unwrap();
    assert_eq!(store.load_workshop(w.id).unwrap().sessions[0].fields, fields);

    store.apply(&env(&w, "a", Op::DeleteBoard { id: path }), 4).unwrap();
    assert_eq!(store.load_workshop(w.id).unwrap().sessions[0].fields.agenda[0].board_id, None);
    store.undo(w.id, "a", Id::now_v7(), 5).unwrap();
    assert_eq!(store.load_workshop(w.id).unwrap().sessions[0].fields, fields);
});

#[test]
fn a_running_session_and_its_timer_survive_reopening_and_are_no_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_dir(dir.path()).unwrap();
    let w = new_workshop(&mut store, "Ohjelma");
    let item = AgendaItem { id: Id::now_v7(), title: "Polku".into(), minutes: Some(20), instructions: String::new(), board_id: None };
    let fields = SessionFields { agenda: vec![item.clone()], ..SessionFields::titled("Kerta 1") };
    let session = Id::now_v7();
    store.apply(&env(&w, "a", Op::CreateSession { session: NewSession { id: session, index: 0, fields } }), 3).unwrap();
    for (step, at) in [(RunStep::Start, 10), (RunStep::StartTimer, 1_000)] {
        // Asked to record, still no step: Ctrl+Z must not stop the room's timer.
        store.apply(&env(&w, "a", Op::RunSession { id: session, step }), at).unwrap();
    }
    drop(store);

    let mut store = Store::open_dir(dir.path()).unwrap();
    let run = store.load_workshop(w.id).unwrap().sessions[0].run.clone().expect("kept");
    assert_eq!(run.item_id, Some(item.id));
    assert_eq!(run.timer, Timer { length_ms: Some(20 * 60_000), run_ms: 0, running_since: Some(1_000) });
    assert_eq!(run.timer.run_by(61_000), 60_000, "it ran on while the app was closed");
    let undone = store.undo(w.id, "a", Id::now_v7(), 70_000).unwrap();
    assert!(undone.changes.iter().all(|c| !matches!(c, Change::Session { after: Some(s), .. } if s.run.is_none())), "undo took the session, not its run");
    assert!(store.load_workshop(w.id).unwrap().sessions.is_empty(), "the one undo step was creating the session");
}

#[test]
fn a_checkpoint_at_exit_leaves_the_whole_library_in_its_one_file() {
    let (dir, mut store) = temp_store();
    let w = new_workshop(&mut store, "Loppu");
    let add = Op::CreateBoard {
        board: NewBoard { id: Id::now_v7(), index: 1, title: "Toinen".into(), from: BoardSource::Template { template: "service-path".into() } },
    };
    store.apply(&env(&w, "a", add), 2).unwrap();
    let (_, op) = create_note(&w, "Viimeinen lappu", Sentiment::Positive);
    store.apply(&env(&w, "a", op), 3).unwrap();
    store.load_workshop(w.id).unwrap();
    store.checkpoint().unwrap();
    let wal = dir.path().join("polku.sqlite3-wal");
    assert_eq!(std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0), 0, "the WAL is empty after the exit checkpoint");
}
