//! Sessions: the meetings of a programme, planned, reordered, written up and deleted, each one
//! step of undo.

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

fn new_session(id: u128, index: u32, title: &str) -> Op {
    Op::CreateSession { session: NewSession { id: Id::from_u128(id), index, fields: SessionFields::titled(title) } }
}

fn titles(w: &Workshop) -> Vec<&str> {
    w.sessions.iter().map(|s| s.fields.title.as_str()).collect()
}

fn item(id: u128, board: Option<Id>) -> AgendaItem {
    AgendaItem { id: Id::from_u128(id), title: "Palvelupolku".into(), minutes: Some(45), instructions: "Lisätkää laput".into(), board_id: board }
}

#[test]
fn sessions_keep_programme_order_and_undo_takes_back_one_field() {
    let mut w = workshop();
    apply(&mut w, new_session(500, 0, "Digitaaliset palvelut"), 2);
    apply(&mut w, new_session(501, 1, "Palvelupolku"), 3);
    apply(&mut w, new_session(502, 1, "Kanavat"), 4);
    assert_eq!(titles(&w), ["Digitaaliset palvelut", "Kanavat", "Palvelupolku"]);

    let id = Id::from_u128(501);
    let board = w.boards[0].id;
    let plan_it = SessionPatch {
        starts_at: Some(Some("2025-03-18T13:00".into())),
        goal: Some("Valitaan kosketuspisteet".into()),
        agenda: Some(vec![item(600, Some(board))]),
        ..Default::default()
    };
    apply(&mut w, Op::UpdateSession { id, patch: plan_it }, 5);
    let count = SessionPatch { attendance: Some(Attendance { clients: Some(4), workers: Some(3), ..Default::default() }), ..Default::default() };
    let counted = apply(&mut w, Op::UpdateSession { id, patch: count }, 6);
    undo(&mut w, &counted, 7);
    let s = w.session(id).unwrap();
    assert_eq!(s.fields.attendance, Attendance::default());
    assert_eq!(s.fields.goal, "Valitaan kosketuspisteet", "only the counted field went back");

    let moved = apply(&mut w, Op::MoveSession { id, index: 0 }, 8);
    assert_eq!(titles(&w)[0], "Palvelupolku");
    undo(&mut w, &moved, 9);
    assert_eq!(titles(&w), ["Digitaaliset palvelut", "Kanavat", "Palvelupolku"]);

    let deleted = apply(&mut w, Op::DeleteSession { id }, 10);
    assert_eq!(titles(&w).len(), 2);
    undo(&mut w, &deleted, 11);
    assert_eq!(w.session(id).unwrap().fields.agenda, vec![item(600, Some(board))]);
}

#[test]
fn deleting_a_board_takes_it_off_the_agenda_and_undo_puts_it_back() {
    let mut w = workshop();
    let board = w.boards[0].id;
    apply(&mut w, Op::CreateBoard { board: NewBoard { id: Id::from_u128(400), index: 1, title: "Toinen".into(), from: BoardSource::Blank { kind: BoardKind::ServicePath } } }, 2);
    let fields = SessionFields { agenda: vec![item(600, Some(board)), item(601, None)], ..SessionFields::titled("Kerta 3") };
    apply(&mut w, Op::CreateSession { session: NewSession { id: Id::from_u128(500), index: 0, fields } }, 3);
    let gone = apply(&mut w, Op::DeleteBoard { id: board }, 4);
    let agenda = &w.sessions[0].fields.agenda;
    assert_eq!((agenda.len(), agenda[0].board_id), (2, None), "the item stays, without its board");
    undo(&mut w, &gone, 5);
    assert_eq!(w.sessions[0].fields.agenda[0].board_id, Some(board));
}

#[test]
fn what_a_session_cannot_hold_is_refused_by_field() {
    let mut w = workshop();
    apply(&mut w, new_session(500, 0, "Kerta 1"), 2);
    let id = Id::from_u128(500);
    let refused = |w: &Workshop, patch: SessionPatch| match plan(&Op::UpdateSession { id, patch }, w, 3) {
        Err(OpError::Validation { field, .. }) => field.to_string(),
        Err(OpError::NotFound { entity, .. }) => entity.to_string(),
        other => panic!("accepted: {other:?}"),
    };
    assert_eq!(refused(&w, SessionPatch { starts_at: Some(Some("18.3.2025".into())), ..Default::default() }), "starts_at");
    assert_eq!(refused(&w, SessionPatch { title: Some(" ".into()), ..Default::default() }), "title");
    assert_eq!(refused(&w, SessionPatch { agenda: Some(vec![item(600, Some(Id::from_u128(9)))]), ..Default::default() }), "board");
    assert_eq!(refused(&w, SessionPatch { agenda: Some(vec![item(600, None), item(600, None)]), ..Default::default() }), "agenda");
    let many = Attendance { clients: Some(MAX_ATTENDANCE + 1), ..Default::default() };
    assert_eq!(refused(&w, SessionPatch { attendance: Some(many), ..Default::default() }), "attendance");
    let long = AgendaItem { minutes: Some(MAX_ITEM_MINUTES + 1), ..item(600, None) };
    assert_eq!(refused(&w, SessionPatch { agenda: Some(vec![long]), ..Default::default() }), "minutes");
    assert!(matches!(plan(&new_session(500, 0, "Taas"), &w, 4), Err(OpError::Conflict(_))));
}

#[test]
fn a_note_remembers_its_session_and_keeps_its_text_when_the_session_goes() {
    let mut w = workshop();
    apply(&mut w, new_session(500, 0, "Kerta 3"), 2);
    let session = Id::from_u128(500);
    let (board, station) = (w.boards[0].id, w.boards[0].touchpoints[0].id);
    let new = |id: u128, session_id: Option<Id>| NewNote {
        id: Id::from_u128(id),
        board_id: board,
        touchpoint_id: Some(station),
        lane_id: None,
        persona_id: None,
        session_id,
        kind: NoteKind::Idea,
        sentiment: None,
        text: "Chat-palvelu iltaisin".into(),
        x: -100.0,
        y: 10.0,
        author: None,
    };
    let unknown = Op::CreateNote { note: new(901, Some(Id::from_u128(77))) };
    assert!(matches!(plan(&unknown, &w, 3), Err(OpError::NotFound { entity: "session", .. })));
    apply(&mut w, Op::CreateNote { note: new(900, Some(session)) }, 3);
    let note = Id::from_u128(900);
    assert_eq!(w.note(note).unwrap().session_id, Some(session));

    let gone = apply(&mut w, Op::DeleteSession { id: session }, 4);
    let left = w.note(note).unwrap();
    assert_eq!((left.session_id, left.text.as_str()), (None, "Chat-palvelu iltaisin"));
    undo(&mut w, &gone, 5);
    assert_eq!(w.note(note).unwrap().session_id, Some(session), "undo puts the note back in its session");
}
