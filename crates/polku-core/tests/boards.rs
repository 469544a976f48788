//! Boards of a workshop: added blank, from a template or as a copy, renamed, reordered and
//! deleted, each one step of undo that brings everything back.

mod common;

use common::apply;
use polku_core::*;

fn workshop() -> Workshop {
    common::workshop("Ohjelma")
}

fn undo(w: &mut Workshop, changes: &[Change], now: i64) {
    for op in undo_ops(changes) {
        apply(w, op, now);
    }
}

fn new_board(id: u128, index: u32, title: &str, from: BoardSource) -> Op {
    Op::CreateBoard { board: NewBoard { id: Id::from_u128(id), index, title: title.into(), from } }
}

fn titles(w: &Workshop) -> Vec<&str> {
    w.boards.iter().map(|b| b.title.as_str()).collect()
}

fn with_note(w: &mut Workshop) -> Id {
    let b = &w.boards[0];
    let note = NewNote {
        id: Id::from_u128(900),
        board_id: b.id,
        touchpoint_id: Some(b.touchpoints[1].id),
        lane_id: None,
        persona_id: None,
        session_id: None,
        kind: NoteKind::Observation,
        sentiment: Some(Sentiment::Positive),
        text: "Oma työntekijä".into(),
        x: -100.0,
        y: 20.0,
        author: None,
    };
    apply(w, Op::CreateNote { note }, 2);
    Id::from_u128(900)
}

#[test]
fn a_board_from_the_template_has_the_path_in_the_workshops_language() {
    let mut w = workshop();
    apply(&mut w, new_board(500, 1, "Kerta 4: polku uudelleen", BoardSource::Template { template: "service-path".into() }), 3);
    assert_eq!(titles(&w), ["Palvelupolku", "Kerta 4: polku uudelleen"]);
    let b = &w.boards[1];
    assert_eq!(b.touchpoints.len(), 5);
    assert_eq!(b.touchpoints[0].label, "Ensimmäinen yhteydenotto");
    assert!(b.touchpoints.iter().all(|t| t.board_id == b.id && t.phase_id.is_some_and(|p| b.phases.iter().any(|ph| ph.id == p))));
    let ids: std::collections::HashSet<Id> = w.boards.iter().flat_map(|b| b.touchpoints.iter().map(|t| t.id)).collect();
    assert_eq!(ids.len(), 10, "the new touchpoints have ids of their own");
}

#[test]
fn a_blank_board_goes_where_it_is_asked_and_the_others_make_room() {
    let mut w = workshop();
    apply(&mut w, new_board(500, 0, "Kanavat", BoardSource::Blank { kind: BoardKind::ServicePath }), 3);
    assert_eq!(titles(&w), ["Kanavat", "Palvelupolku"]);
    assert!(w.boards[0].touchpoints.is_empty() && w.boards[0].phases.is_empty());
    assert_eq!(w.boards.iter().map(|b| b.position).collect::<Vec<_>>(), [0, 1]);
}

#[test]
fn a_copy_takes_the_structure_and_the_notes_only_when_asked() {
    let mut w = workshop();
    let note = with_note(&mut w);
    let from = w.boards[0].id;
    apply(&mut w, new_board(500, 1, "Ilman lappuja", BoardSource::Copy { board_id: from, with_notes: false }), 3);
    apply(&mut w, new_board(501, 2, "Lappuineen", BoardSource::Copy { board_id: from, with_notes: true }), 4);
    assert!(w.boards[1].notes.is_empty());
    assert_eq!(w.boards[1].touchpoints.iter().map(|t| &t.label).collect::<Vec<_>>(), w.boards[0].touchpoints.iter().map(|t| &t.label).collect::<Vec<_>>());
    let copy = &w.boards[2].notes[0];
    assert_ne!(copy.id, note);
    assert_eq!(copy.text, "Oma työntekijä");
    let station = w.boards[2].touchpoints.iter().position(|t| Some(t.id) == copy.touchpoint_id);
    assert_eq!(station, Some(1), "the copy sits under the copied station, not the original's");
    assert_eq!(w.boards[0].notes.len(), 1, "the original keeps its note");
}

#[test]
fn rename_and_move_are_undone_field_by_field() {
    let mut w = workshop();
    apply(&mut w, new_board(500, 1, "Kanavat", BoardSource::Blank { kind: BoardKind::ServicePath }), 3);
    let id = w.boards[1].id;
    let renamed = apply(&mut w, Op::UpdateBoard { id, patch: BoardPatch { title: Some("Kanava-analyysi".into()), ..Default::default() } }, 4);
    let moved = apply(&mut w, Op::MoveBoard { id, index: 0 }, 5);
    assert_eq!(titles(&w), ["Kanava-analyysi", "Palvelupolku"]);
    undo(&mut w, &moved, 6);
    undo(&mut w, &renamed, 7);
    assert_eq!(titles(&w), ["Palvelupolku", "Kanavat"]);
}

#[test]
fn deleting_a_board_takes_everything_on_it_and_undo_brings_it_all_back() {
    let mut w = workshop();
    let note = with_note(&mut w);
    let board = w.boards[0].id;
    let persona = Id::from_u128(600);
    apply(&mut w, Op::CreatePersona { persona: NewPersona { id: persona, fields: PersonaFields::named("Aino") } }, 3);
    let tp = w.boards[0].touchpoints[0].id;
    let walk = NewWalkthrough { id: Id::from_u128(601), persona_id: persona, board_id: board, at_touchpoint_id: Some(tp) };
    apply(&mut w, Op::CreateWalkthrough { walkthrough: walk }, 4);
    apply(&mut w, new_board(500, 1, "Toinen", BoardSource::Blank { kind: BoardKind::ServicePath }), 5);
    let before = w.clone();

    let changes = apply(&mut w, Op::DeleteBoard { id: board }, 6);
    assert_eq!(titles(&w), ["Toinen"]);
    assert!(w.note(note).is_none() && w.walkthroughs.is_empty());
    assert_eq!(w.personas.len(), 1, "the persona belongs to the workshop and stays");

    undo(&mut w, &changes, 7);
    assert_eq!(titles(&w), ["Palvelupolku", "Toinen"]);
    assert_eq!(w.boards[0].touchpoints.iter().map(|t| t.id).collect::<Vec<_>>(), before.boards[0].touchpoints.iter().map(|t| t.id).collect::<Vec<_>>());
    assert_eq!(w.note(note).map(|n| n.text), Some("Oma työntekijä".to_string()));
    assert_eq!(w.walkthroughs.len(), 1);
}

#[test]
fn the_last_board_stays_and_bad_boards_are_refused() {
    let mut w = workshop();
    let only = w.boards[0].id;
    assert!(matches!(plan(&Op::DeleteBoard { id: only }, &w, 2), Err(OpError::Validation { field: "board", .. })));
    let empty = new_board(500, 0, "  ", BoardSource::Blank { kind: BoardKind::ServicePath });
    assert!(matches!(plan(&empty, &w, 2), Err(OpError::Validation { field: "title", .. })));
    let unknown = new_board(500, 0, "X", BoardSource::Template { template: "nope".into() });
    assert!(matches!(plan(&unknown, &w, 2), Err(OpError::Validation { field: "template", .. })));
    let foreign = new_board(500, 0, "X", BoardSource::Copy { board_id: Id::from_u128(77), with_notes: true });
    assert!(matches!(plan(&foreign, &w, 2), Err(OpError::NotFound { entity: "board", .. })));
    apply(&mut w, new_board(500, 0, "X", BoardSource::Blank { kind: BoardKind::ServicePath }), 3);
    assert!(matches!(plan(&new_board(500, 0, "Y", BoardSource::Blank { kind: BoardKind::ServicePath }), &w, 4), Err(OpError::Conflict(_))));
    for i in 0..(MAX_BOARDS as u128 - 2) {
        apply(&mut w, new_board(1_000 + i, 0, "Z", BoardSource::Blank { kind: BoardKind::ServicePath }), 5);
    }
    assert!(matches!(plan(&new_board(5_000, 0, "Z", BoardSource::Blank { kind: BoardKind::ServicePath }), &w, 6), Err(OpError::Validation { field: "boards", .. })));
}
