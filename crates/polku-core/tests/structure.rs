//! Touchpoints, lanes and phases: what a facilitator sees on the board when the structure changes.

use polku_core::layout::{column_x, note_origin, LANES_TOP, NOTE_H};
mod common;

use common::apply;
use polku_core::*;

fn workshop() -> Workshop {
    common::workshop("Rakenne")
}

fn add_note(w: &mut Workshop, id: u128, tp: usize, y: f64) -> Id {
    let b = &w.boards[0];
    let note = NewNote {
        id: Id::from_u128(id),
        board_id: b.id,
        touchpoint_id: Some(b.touchpoints[tp].id),
        lane_id: None,
        persona_id: None,
        session_id: None,
        kind: NoteKind::Observation,
        sentiment: Some(Sentiment::Negative),
        text: format!("lappu {id}"),
        x: -100.0,
        y,
        author: None,
    };
    apply(w, Op::CreateNote { note }, 2);
    Id::from_u128(id)
}

fn origin(w: &Workshop, id: Id) -> (f64, f64) {
    let b = &w.boards[0];
    note_origin(w.note(id).as_ref().unwrap(), &b.places(), &b.lanes)
}

fn labels(w: &Workshop) -> Vec<String> {
    w.boards[0].touchpoints.iter().map(|t| t.label.clone()).collect()
}

#[test]
fn the_default_path_has_three_phases_and_the_pause_is_a_side_station() {
    let w = workshop();
    let b = &w.boards[0];
    let phases: Vec<_> = b.phases.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(phases, ["Ennen palvelua", "Palvelun aikana", "Palvelun jälkeen"]);
    let pause = &b.touchpoints[2];
    assert_eq!((pause.label.as_str(), pause.side_station), ("Tauko", true));
    assert!(b.touchpoints.iter().filter(|t| t.id != pause.id).all(|t| !t.side_station));
    assert!(b.touchpoints.iter().all(|t| t.phase_id.is_some()));
}

#[test]
fn reordering_touchpoints_takes_their_notes_along() {
    let mut w = workshop();
    let note = add_note(&mut w, 900, 0, 300.0);
    assert_eq!(origin(&w, note), (column_x(0) - 100.0, 300.0));
    let first = w.boards[0].touchpoints[0].id;
    let changes = apply(&mut w, Op::MoveTouchpoint { id: first, index: 3 }, 3);
    assert_eq!(labels(&w)[3], "Ensimmäinen yhteydenotto");
    assert_eq!(origin(&w, note), (column_x(3) - 100.0, 300.0), "the note is still under its touchpoint");
    assert!(changes.iter().all(|c| matches!(c, Change::Touchpoint { .. })), "no note is rewritten");
    for op in undo_ops(&changes) {
        apply(&mut w, op, 4);
    }
    assert_eq!(labels(&w)[0], "Ensimmäinen yhteydenotto");
    assert_eq!(origin(&w, note), (column_x(0) - 100.0, 300.0));
}

#[test]
fn deleting_a_touchpoint_keeps_its_notes_where_they_were() {
    let mut w = workshop();
    let note = add_note(&mut w, 900, 1, 300.0);
    let before = origin(&w, note);
    let tp = w.boards[0].touchpoints[1].id;
    let changes = apply(&mut w, Op::DeleteTouchpoint { id: tp, move_notes_to: None }, 3);
    assert_eq!(w.boards[0].touchpoints.len(), 4);
    let n = w.note(note).unwrap();
    assert_eq!(n.touchpoint_id, None);
    assert_eq!(origin(&w, note), before, "an unattached note stays put on the board");
    for op in undo_ops(&changes) {
        apply(&mut w, op, 4);
    }
    assert_eq!(w.note(note).unwrap().touchpoint_id, Some(tp));
    assert_eq!(labels(&w)[1], "Asiakkuus alkaa");
}

#[test]
fn deleting_a_touchpoint_can_move_its_notes_under_the_neighbour() {
    let mut w = workshop();
    let there = add_note(&mut w, 900, 0, 230.0);
    let moving = add_note(&mut w, 901, 1, 230.0);
    let (from, to) = (w.boards[0].touchpoints[1].id, w.boards[0].touchpoints[0].id);
    apply(&mut w, Op::DeleteTouchpoint { id: from, move_notes_to: Some(to) }, 3);
    let n = w.note(moving).unwrap();
    assert_eq!(n.touchpoint_id, Some(to));
    let (x, y) = origin(&w, moving);
    assert_eq!(x, origin(&w, there).0);
    assert!(y >= 230.0 + NOTE_H, "stacked below the note already there, not on top of it (y = {y})");
    let self_move = Op::DeleteTouchpoint { id: to, move_notes_to: Some(to) };
    assert!(matches!(plan(&self_move, &w, 4), Err(OpError::Validation { field: "move_notes_to", .. })));
}

#[test]
fn a_first_lane_asked_to_keep_the_notes_apart_starts_empty_under_a_row_of_their_own() {
    let mut w = workshop();
    let note = add_note(&mut w, 900, 0, 560.0);
    let before = origin(&w, note);
    let board = w.boards[0].id;
    let lane = Id::from_u128(700);
    let new = NewLane { id: lane, board_id: board, index: 0, label: "Tunteet".into(), line_above: String::new(), existing: Some("Aiemmat laput".into()) };
    let changes = apply(&mut w, Op::CreateLane { lane: new }, 3);
    let labels: Vec<_> = w.boards[0].lanes.iter().map(|l| l.label.as_str()).collect();
    assert_eq!(labels, ["Aiemmat laput", "Tunteet"]);
    let holder = w.boards[0].lanes[0].id;
    assert_eq!(w.note(note).unwrap().lane_id, Some(holder), "the note is in its own row, not in the new one");
    assert_eq!(origin(&w, note), before, "and drawn where it was");
    for op in undo_ops(&changes) {
        apply(&mut w, op, 4);
    }
    assert!(w.boards[0].lanes.is_empty(), "one undo takes both rows away");
    assert_eq!((w.note(note).unwrap().lane_id, origin(&w, note)), (None, before));
}

#[test]
fn the_first_lane_takes_in_the_notes_and_deleting_it_gives_them_back() {
    let mut w = workshop();
    let note = add_note(&mut w, 900, 0, 560.0);
    let before = origin(&w, note);
    let board = w.boards[0].id;
    let lane = Id::from_u128(700);
    apply(&mut w, Op::CreateLane { lane: NewLane { id: lane, board_id: board, index: 0, label: "Tunteet".into(), line_above: String::new(), existing: None } }, 3);
    let n = w.note(note).unwrap();
    assert_eq!((n.lane_id, n.y), (Some(lane), 560.0 - LANES_TOP));
    assert_eq!(origin(&w, note), before);
    assert!(w.boards[0].lanes[0].height >= 560.0 - LANES_TOP + NOTE_H, "the lane is tall enough for the note");
    // A second lane above the first pushes the first lane, and its note, down.
    let above = Id::from_u128(701);
    apply(&mut w, Op::CreateLane { lane: NewLane { id: above, board_id: board, index: 0, label: "Teot".into(), line_above: String::new(), existing: None } }, 4);
    let (_, y) = origin(&w, note);
    assert_eq!(y, before.1 + w.boards[0].lanes[0].height);
    apply(&mut w, Op::DeleteLane { id: lane, move_notes_to: None }, 5);
    assert_eq!(w.note(note).unwrap().lane_id, None);
    assert_eq!(origin(&w, note).1, y, "kept where it was on the board");
}

#[test]
fn deleting_a_phase_keeps_its_touchpoints() {
    let mut w = workshop();
    let during = w.boards[0].phases[1].id;
    let changes = apply(&mut w, Op::DeletePhase { id: during }, 3);
    assert_eq!(w.boards[0].touchpoints.len(), 5);
    assert!(w.boards[0].touchpoints.iter().all(|t| t.phase_id != Some(during)));
    for op in undo_ops(&changes) {
        apply(&mut w, op, 4);
    }
    assert_eq!(w.boards[0].touchpoints.iter().filter(|t| t.phase_id == Some(during)).count(), 3);
}

#[test]
fn structure_refusals_are_typed() {
    let w = workshop();
    let board = w.boards[0].id;
    let tp = |label: &str, description: &str| Op::CreateTouchpoint {
        touchpoint: NewTouchpoint {
            id: Id::from_u128(800),
            board_id: board,
            index: 9,
            label: label.into(),
            description: description.into(),
            phase_id: None,
            side_station: false,
        },
    };
    assert!(plan(&tp("Odotus", ""), &w, 1).is_ok());
    assert!(matches!(plan(&tp(" ", ""), &w, 1), Err(OpError::Validation { field: "label", .. })));
    assert!(matches!(plan(&tp("kaksi\nriviä", ""), &w, 1), Err(OpError::Validation { field: "label", .. })));
    let long = "x".repeat(MAX_DESCRIPTION + 1);
    assert!(matches!(plan(&tp("Odotus", &long), &w, 1), Err(OpError::Validation { field: "description", .. })));
    let lane = Id::from_u128(801);
    let mut w2 = w.clone();
    apply(
        &mut w2,
        Op::CreateLane { lane: NewLane { id: lane, board_id: board, index: 0, label: "Kanavat".into(), line_above: String::new(), existing: None } },
        2,
    );
    let tall = Op::UpdateLane { id: lane, patch: LanePatch { height: Some(1e9), ..Default::default() } };
    assert!(matches!(plan(&tall, &w2, 3), Err(OpError::Validation { field: "height", .. })));
    let idea = Op::UpdateNote { id: Id::from_u128(1), patch: NotePatch::default() };
    assert!(matches!(plan(&idea, &w2, 3), Err(OpError::Validation { field: "patch", .. })));
}

#[test]
fn an_idea_has_no_sentiment() {
    let mut w = workshop();
    let note = add_note(&mut w, 900, 0, 300.0);
    let to_idea = |sentiment| Op::UpdateNote {
        id: note,
        patch: NotePatch { kind: Some(NoteKind::Idea), sentiment, ..Default::default() },
    };
    assert!(matches!(plan(&to_idea(None), &w, 3), Err(OpError::Validation { field: "sentiment", .. })));
    apply(&mut w, to_idea(Some(None)), 3);
    assert_eq!((w.note(note).unwrap().kind, w.note(note).unwrap().sentiment), (NoteKind::Idea, None));
}
