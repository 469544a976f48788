//! Personas and walkthroughs: what a group records when it walks a persona along the path.

mod common;

use common::apply;
use polku_core::*;

fn workshop() -> Workshop {
    common::workshop("Kävely")
}

const AINO: Id = Id::from_u128(500);
const WALK: Id = Id::from_u128(600);

fn walking(w: &mut Workshop) {
    let board_id = w.boards[0].id;
    let first = w.boards[0].touchpoints[0].id;
    apply(w, Op::CreatePersona { persona: NewPersona { id: AINO, fields: PersonaFields::named("Aino, 19") } }, 2);
    let walk = NewWalkthrough { id: WALK, persona_id: AINO, board_id, at_touchpoint_id: Some(first) };
    apply(w, Op::CreateWalkthrough { walkthrough: walk }, 3);
}

fn step(w: &Workshop, at: usize, emotion: i8, happens: &str) -> Op {
    Op::SetWalkStep {
        step: NewWalkStep {
            id: Id::now_v7(),
            walkthrough_id: WALK,
            touchpoint_id: w.boards[0].touchpoints[at].id,
            record: StepRecord {
                emotion: Some(emotion),
                happens: happens.into(),
                barriers: String::new(),
                ideas: String::new(),
                skipped: false,
            },
        },
    }
}

#[test]
fn a_walk_records_one_answer_per_station_and_revising_replaces_it() {
    let mut w = workshop();
    walking(&mut w);
    let op = step(&w, 0, -2, "Ei tiedä mistä hakea apua");
    apply(&mut w, op, 4);
    let op = step(&w, 0, -1, "Kuraattori ohjasi");
    let revised = apply(&mut w, op, 5);
    assert_eq!(w.walk_steps.len(), 1, "one record per station");
    assert_eq!(w.walk_steps[0].record.emotion, Some(-1));
    for op in undo_ops(&revised) {
        apply(&mut w, op, 6);
    }
    assert_eq!(w.walk_steps[0].record.happens, "Ei tiedä mistä hakea apua", "undo brings the first answer back");
}

#[test]
fn emotions_stay_within_minus_two_and_plus_two_and_stations_on_the_walks_board() {
    let mut w = workshop();
    walking(&mut w);
    for bad in [-3, 3, i8::MIN] {
        assert!(matches!(plan(&step(&w, 0, bad, "x"), &w, 4), Err(OpError::Validation { field: "emotion", .. })));
    }
    let mut unknown = step(&w, 0, 1, "x");
    if let Op::SetWalkStep { step } = &mut unknown {
        step.touchpoint_id = Id::from_u128(4242);
    }
    assert!(matches!(plan(&unknown, &w, 4), Err(OpError::NotFound { entity: "touchpoint", .. })));
    let nobody = Op::CreateWalkthrough {
        walkthrough: NewWalkthrough {
            id: Id::from_u128(601),
            persona_id: Id::from_u128(9),
            board_id: w.boards[0].id,
            at_touchpoint_id: None,
        },
    };
    assert!(matches!(plan(&nobody, &w, 4), Err(OpError::NotFound { entity: "persona", .. })));
}

#[test]
fn deleting_a_persona_takes_its_walks_but_keeps_its_notes() {
    let mut w = workshop();
    walking(&mut w);
    let op = step(&w, 1, 2, "Uudet ihmiset");
    apply(&mut w, op, 4);
    let b = &w.boards[0];
    let note = NewNote {
        id: Id::from_u128(700),
        board_id: b.id,
        touchpoint_id: Some(b.touchpoints[1].id),
        lane_id: None,
        persona_id: Some(AINO),
        session_id: None,
        kind: NoteKind::Idea,
        sentiment: None,
        text: "Chat-palvelu iltaisin".into(),
        x: -100.0,
        y: 230.0,
        author: None,
    };
    apply(&mut w, Op::CreateNote { note }, 5);
    let gone = apply(&mut w, Op::DeletePersona { id: AINO }, 6);
    assert!(w.personas.is_empty() && w.walkthroughs.is_empty() && w.walk_steps.is_empty());
    let kept = w.note(Id::from_u128(700)).expect("the idea stays on the board");
    assert_eq!(kept.persona_id, None);
    for op in undo_ops(&gone) {
        apply(&mut w, op, 7);
    }
    assert_eq!(w.personas.len(), 1);
    assert_eq!(w.walk_steps.len(), 1);
    assert_eq!(w.note(Id::from_u128(700)).unwrap().persona_id, Some(AINO));
}

#[test]
fn deleting_a_touchpoint_takes_what_walks_recorded_there_and_undo_brings_it_back() {
    let mut w = workshop();
    walking(&mut w);
    let op = step(&w, 0, -2, "Yksin");
    apply(&mut w, op, 4);
    let first = w.boards[0].touchpoints[0].id;
    let gone = apply(&mut w, Op::DeleteTouchpoint { id: first, move_notes_to: None }, 5);
    assert!(w.walk_steps.is_empty());
    assert_eq!(w.walkthroughs[0].at_touchpoint_id, None, "the token stepped off the path");
    for op in undo_ops(&gone) {
        apply(&mut w, op, 6);
    }
    assert_eq!(w.walk_steps.len(), 1);
    assert_eq!(w.walkthroughs[0].at_touchpoint_id, Some(first));
}

#[test]
fn persona_fields_are_checked() {
    let w = workshop();
    let with = |f: PersonaFields| Op::CreatePersona { persona: NewPersona { id: AINO, fields: f } };
    let mut f = PersonaFields::named("Mikko");
    f.avatar.symbol = "photo.jpg".into();
    assert!(matches!(plan(&with(f), &w, 1), Err(OpError::Validation { field: "avatar", .. })));
    let mut f = PersonaFields::named("Mikko");
    f.channels = vec!["puhelin".into(); MAX_LIST_ITEMS + 1];
    assert!(matches!(plan(&with(f), &w, 1), Err(OpError::Validation { field: "channels", .. })));
    assert!(matches!(plan(&with(PersonaFields::named(" ")), &w, 1), Err(OpError::Validation { field: "name", .. })));
    let mut f = PersonaFields::named("Mikko");
    f.quote = "x".repeat(MAX_NOTE_TEXT + 1);
    assert!(matches!(plan(&with(f), &w, 1), Err(OpError::Validation { field: "quote", .. })));
}
