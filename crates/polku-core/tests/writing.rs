//! Private writing and a covered board: notes made face down while the board (or one place of
//! it) is written on privately, all turned up by one reveal that undo takes back whole.

mod common;

use common::apply;
use polku_core::*;

fn new_note(w: &Workshop, id: u128, place: usize, text: &str) -> Op {
    common::note_at(w, id, place, NoteKind::Observation, Some(Sentiment::Negative), text)
}

fn face_down(w: &Workshop) -> Vec<u128> {
    w.boards[0].notes.iter().filter(|n| n.face_down).map(|n| n.id.as_u128()).collect()
}

fn writing(board: Id, place: Option<Id>) -> Op {
    Op::UpdateBoard { id: board, patch: BoardPatch { writing: Some(Some(PrivateWriting { since: 5, touchpoint_id: place })), ..Default::default() } }
}

#[test]
fn notes_made_while_writing_privately_stay_face_down_until_one_reveal_that_undo_takes_back() {
    let mut w = common::workshop("Hiljainen kirjoitus");
    let board = w.boards[0].id;
    let op = new_note(&w, 900, 0, "Ennen");
    apply(&mut w, op, 2);
    apply(&mut w, writing(board, None), 3);
    let op = new_note(&w, 901, 0, "Oma kokemus");
    apply(&mut w, op, 4);
    let op = new_note(&w, 902, 3, "Toinen paikka");
    apply(&mut w, op, 5);
    assert_eq!(face_down(&w), [901, 902], "only notes made while writing, on any place of the board");

    let revealed = apply(&mut w, Op::RevealNotes { board_id: board }, 6);
    assert!(face_down(&w).is_empty());
    assert_eq!(w.boards[0].live.writing, None, "the reveal ends the writing");
    let op = new_note(&w, 903, 0, "Jälkeen");
    apply(&mut w, op, 7);
    assert!(face_down(&w).is_empty());
    // A mistaken reveal: undo turns them face down again and the writing goes on.
    for op in undo_ops(&revealed) {
        apply(&mut w, op, 8);
    }
    assert_eq!(face_down(&w), [901, 902]);
    assert!(w.boards[0].live.writing.is_some());
    apply(&mut w, Op::RevealNotes { board_id: board }, 9);
    let nothing = plan(&Op::RevealNotes { board_id: board }, &w, 9);
    assert!(matches!(nothing, Err(OpError::Conflict(_))), "{nothing:?}");
}

#[test]
fn writing_privately_in_one_place_leaves_the_rest_of_the_board_open() {
    let mut w = common::workshop("Osa taulusta");
    let board = w.boards[0].id;
    let place = w.boards[0].touchpoints[1].id;
    apply(&mut w, writing(board, Some(place)), 2);
    let op = new_note(&w, 910, 1, "Tässä");
    apply(&mut w, op, 3);
    let op = new_note(&w, 911, 2, "Muualla");
    apply(&mut w, op, 4);
    assert_eq!(face_down(&w), [910]);
    let copy = Op::CreateBoard { board: NewBoard { id: Id::from_u128(991), index: 1, title: "Toinen".into(), from: BoardSource::Copy { board_id: board, with_notes: false } } };
    apply(&mut w, copy, 5);
    let elsewhere = w.board(Id::from_u128(991)).unwrap().touchpoints[0].id;
    assert!(matches!(plan(&writing(board, Some(elsewhere)), &w, 5), Err(OpError::NotFound { .. })));
}

#[test]
fn a_covered_board_is_the_boards_state_and_a_copy_starts_uncovered() {
    let mut w = common::workshop("Peitetty");
    let board = w.boards[0].id;
    let cover = Op::UpdateBoard { id: board, patch: BoardPatch { covered: Some(true), ..Default::default() } };
    let covered = apply(&mut w, cover, 2);
    apply(&mut w, writing(board, None), 3);
    assert!(w.boards[0].live.covered);
    let copy = Id::from_u128(990);
    let dup = Op::CreateBoard { board: NewBoard { id: copy, index: 1, title: "Kopio".into(), from: BoardSource::Copy { board_id: board, with_notes: true } } };
    apply(&mut w, dup, 4);
    assert_eq!(w.board(copy).unwrap().live, BoardLive::default());
    for op in undo_ops(&covered) {
        apply(&mut w, op, 5);
    }
    assert!(!w.boards[0].live.covered);
    assert!(w.boards[0].live.writing.is_some(), "undoing the cover leaves the writing alone");
}
