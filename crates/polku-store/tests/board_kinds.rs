//! Boards of every kind keep what makes them that kind in the library: a canvas period's boxes
//! and caption, a blueprint's named lines, the labels a template gave, and a rename undone.

mod common;

use polku_store::Library;
use common::env;
use polku_core::template::built_in;
use polku_core::*;
use polku_store::{Durability, Store};

#[test]
fn the_five_session_programme_is_kept_whole_and_its_labels_come_back_after_a_rename() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("polku.sqlite3");
    let mut store = Store::open(&path, Durability::Normal).unwrap();
    let w = built_in("co-development-five-sessions").unwrap().instantiate("Ohjelma", Language::Sv, 1_000, &mut Id::now_v7);
    store.insert_workshop(&w).unwrap();
    let blueprint = Op::CreateBoard {
        board: NewBoard { id: Id::now_v7(), index: 4, title: "Ritning".into(), from: BoardSource::Template { template: "blueprint".into() } },
    };
    store.apply(&env(&w, "a", blueprint), 2).unwrap();
    drop(store);

    let mut store = Store::open(&path, Durability::Normal).unwrap();
    let back = store.load_workshop(w.id).unwrap();
    assert_eq!(back.boards[..4], w.boards[..], "the canvas's boxes and captions, the grids' rows: all as made");
    assert_eq!(back.sessions, w.sessions);
    let lines: Vec<_> = back.boards[4].lanes.iter().map(|l| l.line_above.as_str()).filter(|l| !l.is_empty()).collect();
    assert_eq!(lines, ["Interaktionslinje", "Synlighetslinje", "Linje för intern interaktion"]);

    let canvas = &back.boards[3];
    let rename = Op::UpdatePhase { id: canvas.phases[0].id, patch: PhasePatch { label: Some("Innan".into()), caption: Some("Hopp".into()), ..Default::default() } };
    store.apply(&env(&w, "a", rename), 3).unwrap();
    store.apply(&env(&w, "a", Op::ResetLabels { board_id: canvas.id }), 4).unwrap();
    let phase = store.load_workshop(w.id).unwrap().boards[3].phases[0].clone();
    assert_eq!((phase.label.as_str(), phase.caption.as_str()), ("Före tjänsten", "Förväntningar"));
    store.undo(w.id, "a", Id::now_v7(), 5).unwrap();
    let phase = store.load_workshop(w.id).unwrap().boards[3].phases[0].clone();
    assert_eq!((phase.label.as_str(), phase.caption.as_str()), ("Innan", "Hopp"), "undo brings the group's words back");
}
