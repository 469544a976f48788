//! Properties of random op sequences: full undo returns to the start, and replaying the log of
//! applied ops rebuilds the same state.

use polku_core::template::service_path;
use polku_core::*;
use proptest::prelude::*;

fn empty_start() -> Workshop {
    let mut n = 0u128;
    service_path().instantiate("Ominaisuustesti", Language::Fi, 1_000, &mut || {
        n += 1;
        Id::from_u128(n)
    })
}

/// A board that already holds notes before any recorded op: undoing everything must bring
/// these back field for field (on an empty board, full undo would just delete whatever exists).
fn start() -> Workshop {
    let mut w = empty_start();
    let board = w.boards[0].id;
    let tps: Vec<Id> = w.boards[0].touchpoints.iter().map(|t| t.id).collect();
    w.boards[0].notes = (0..3u8)
        .map(|i| Note {
            id: note_id(i),
            board_id: board,
            touchpoint_id: Some(tps[usize::from(i)]),
            lane_id: None,
            persona_id: None,
            session_id: None,
            kind: NoteKind::Observation,
            sentiment: Some(Sentiment::ALL[usize::from(i)]),
            text: format!("alussa {i}"),
            x: -100.0,
            y: 230.0,
            face_down: false,
            author: None,
            version: 1,
            created_at: 500,
            updated_at: 500,
        })
        .collect();
    // A persona already walking: so steps are often recorded and revised, not only created.
    w.personas.push(Persona {
        id: persona_id(0),
        fields: PersonaFields::named("Aino"),
        version: 1,
        created_at: 500,
        updated_at: 500,
    });
    w.walkthroughs.push(Walkthrough {
        id: walk_id(0),
        persona_id: persona_id(0),
        board_id: board,
        at_touchpoint_id: Some(tps[0]),
        version: 1,
        created_at: 500,
        updated_at: 500,
    });
    w.walk_steps.push(WalkStep {
        id: Id::from_u128(70_000),
        walkthrough_id: walk_id(0),
        touchpoint_id: tps[0],
        record: StepRecord {
            emotion: Some(-1),
            happens: "jonottaa".into(),
            barriers: String::new(),
            ideas: String::new(),
            skipped: false,
        },
        version: 1,
        updated_at: 500,
    });
    w
}

/// Notes draw their ids from a small pool so that ops often hit existing notes (and sometimes
/// missing ones, which must be refused without a trace).
fn note_id(i: u8) -> Id {
    Id::from_u128(10_000 + u128::from(i % 6))
}

/// A note's colour: its kind, and its sentiment when it is an observation.
type Tone = (NoteKind, Option<Sentiment>);

#[derive(Debug, Clone)]
enum Gen {
    Create(u8, u8, Tone, String, f64, f64),
    Text(u8, String),
    Move(u8, f64, f64, Option<u8>),
    Recolour(u8, Tone),
    Delete(u8),
    AddTouchpoint(u8, u32, String),
    MoveTouchpoint(u8, u32),
    /// Which touchpoint, and where its notes go (None: stay, unattached).
    DeleteTouchpoint(u8, Option<u8>),
    SideStation(u8, bool),
    AddLane(u8, u32),
    LaneOf(u8, Option<u8>, f64),
    DeleteLane(u8, Option<u8>),
    AddPhase(u8, u32),
    PhaseOf(u8, Option<u8>),
    DeletePhase(u8),
    AddPersona(u8, String),
    RenamePersona(u8, String),
    DeletePersona(u8),
    LinkNote(u8, Option<u8>),
    Walk(u8, u8),
    Step(u8, u8, i8, String),
    MoveToken(u8, Option<u8>),
    DeleteWalk(u8),
    /// A new board at an index: blank, from the template, or a copy of board k (with notes or not).
    AddBoard(u8, u32, u8, bool),
    MoveBoard(u8, u32),
    RenameBoard(u8, String),
    DeleteBoard(u8),
    /// A session at an index, with an agenda item on board k (or none).
    AddSession(u8, u32, Option<u8>),
    PlanSession(u8, String, Option<u8>),
    MoveSession(u8, u32),
    DeleteSession(u8),
    /// Note n written in session k (None: in no session).
    NoteSession(u8, Option<u8>),
    /// Several of the above as one op: all or nothing, one undo step.
    Batch(Vec<Gen>),
}

fn tone() -> impl Strategy<Value = Tone> {
    prop_oneof![
        3 => prop_oneof![Just(Sentiment::Negative), Just(Sentiment::Neutral), Just(Sentiment::Positive)]
            .prop_map(|s| (NoteKind::Observation, Some(s))),
        1 => Just((NoteKind::Idea, None)),
        1 => Just((NoteKind::Question, None)),
        // A kind and sentiment that don't go together must be refused.
        1 => Just((NoteKind::Idea, Some(Sentiment::Negative))),
    ]
}

fn text() -> impl Strategy<Value = String> {
    // Mostly valid text, sometimes blank or control characters, which must be refused.
    prop_oneof![4 => "[a-zåäö ]{1,30}", 1 => Just("  ".to_string()), 1 => Just("a\u{7}".to_string())]
}

fn coord() -> impl Strategy<Value = f64> {
    prop_oneof![8 => -5_000.0..5_000.0f64, 1 => Just(f64::NAN), 1 => Just(2.0e6)]
}

fn gen() -> impl Strategy<Value = Gen> {
    prop_oneof![
        4 => single(),
        2 => structural(),
        2 => people(),
        1 => boards(),
        1 => proptest::collection::vec(prop_oneof![3 => single(), 1 => structural(), 1 => people(), 1 => boards()], 1..5)
            .prop_map(Gen::Batch)
    ]
}

fn structural() -> impl Strategy<Value = Gen> {
    prop_oneof![
        (any::<u8>(), 0..8u32, text()).prop_map(|(i, at, t)| Gen::AddTouchpoint(i, at, t)),
        (0..7u8, 0..8u32).prop_map(|(i, at)| Gen::MoveTouchpoint(i, at)),
        (0..7u8, proptest::option::of(0..7u8)).prop_map(|(i, to)| Gen::DeleteTouchpoint(i, to)),
        (0..7u8, any::<bool>()).prop_map(|(i, b)| Gen::SideStation(i, b)),
        (any::<u8>(), 0..4u32).prop_map(|(i, at)| Gen::AddLane(i, at)),
        (any::<u8>(), proptest::option::of(0..4u8), -50.0..300.0f64).prop_map(|(n, l, y)| Gen::LaneOf(n, l, y)),
        (0..4u8, proptest::option::of(0..4u8)).prop_map(|(i, to)| Gen::DeleteLane(i, to)),
        (any::<u8>(), 0..4u32).prop_map(|(i, at)| Gen::AddPhase(i, at)),
        (0..7u8, proptest::option::of(0..4u8)).prop_map(|(t, p)| Gen::PhaseOf(t, p)),
        (0..4u8).prop_map(Gen::DeletePhase),
    ]
}

fn boards() -> impl Strategy<Value = Gen> {
    prop_oneof![
        (0..3u8, 0..4u32, 0..5u8, any::<bool>()).prop_map(|(i, at, from, notes)| Gen::AddBoard(i, at, from, notes)),
        (0..4u8, 0..4u32).prop_map(|(i, at)| Gen::MoveBoard(i, at)),
        (0..4u8, text()).prop_map(|(i, t)| Gen::RenameBoard(i, t)),
        (0..4u8).prop_map(Gen::DeleteBoard),
        (0..3u8, 0..4u32, proptest::option::of(0..4u8)).prop_map(|(i, at, b)| Gen::AddSession(i, at, b)),
        (0..3u8, text(), proptest::option::of(0..4u8)).prop_map(|(i, t, b)| Gen::PlanSession(i, t, b)),
        (0..3u8, 0..4u32).prop_map(|(i, at)| Gen::MoveSession(i, at)),
        (0..3u8).prop_map(Gen::DeleteSession),
        (any::<u8>(), proptest::option::of(0..3u8)).prop_map(|(n, k)| Gen::NoteSession(n, k)),
    ]
}

/// Index past the end names no board: refused as an unknown id.
fn board(w: &Workshop, i: u8) -> Id {
    w.boards.get(usize::from(i)).map(|b| b.id).unwrap_or(Id::from_u128(99_996))
}

fn session_id(i: u8) -> Id {
    Id::from_u128(90_000 + u128::from(i))
}

/// An agenda item on board k (an unknown board past the end, refused).
fn agenda_item(w: &Workshop, i: u8, b: Option<u8>) -> AgendaItem {
    AgendaItem {
        id: Id::from_u128(91_000 + u128::from(i)),
        title: "Polku".into(),
        minutes: Some(30),
        instructions: String::new(),
        board_id: b.map(|k| board(w, k)),
    }
}

fn people() -> impl Strategy<Value = Gen> {
    prop_oneof![
        1 => (0..3u8, text()).prop_map(|(i, t)| Gen::AddPersona(i, t)),
        1 => (0..3u8, text()).prop_map(|(i, t)| Gen::RenamePersona(i, t)),
        1 => (0..3u8).prop_map(Gen::DeletePersona),
        1 => (any::<u8>(), proptest::option::of(0..3u8)).prop_map(|(n, p)| Gen::LinkNote(n, p)),
        1 => (0..3u8, 0..3u8).prop_map(|(w, p)| Gen::Walk(w, p)),
        // Emotions outside −2…2 must be refused.
        3 => (0..2u8, 0..3u8, -3..=3i8, text()).prop_map(|(w, t, e, x)| Gen::Step(w, t, e, x)),
        1 => (0..3u8, proptest::option::of(0..7u8)).prop_map(|(w, t)| Gen::MoveToken(w, t)),
        1 => (0..3u8).prop_map(Gen::DeleteWalk),
    ]
}

fn single() -> impl Strategy<Value = Gen> {
    prop_oneof![
        (any::<u8>(), 0..7u8, tone(), text(), coord(), coord())
            .prop_map(|(i, t, s, x, a, b)| Gen::Create(i, t, s, x, a, b)),
        (any::<u8>(), text()).prop_map(|(i, t)| Gen::Text(i, t)),
        (any::<u8>(), coord(), coord(), proptest::option::of(0..7u8)).prop_map(|(i, x, y, t)| Gen::Move(i, x, y, t)),
        (any::<u8>(), tone()).prop_map(|(i, s)| Gen::Recolour(i, s)),
        any::<u8>().prop_map(Gen::Delete),
    ]
}

/// Index 5 and 6 name no touchpoint of the board: refused as unknown ids.
fn touchpoint(w: &Workshop, i: u8) -> Id {
    w.boards[0].touchpoints.get(usize::from(i)).map(|t| t.id).unwrap_or(Id::from_u128(99_999))
}

/// Index past the end names no lane or phase: refused as unknown ids.
fn lane(w: &Workshop, i: u8) -> Id {
    w.boards[0].lanes.get(usize::from(i)).map(|l| l.id).unwrap_or(Id::from_u128(99_998))
}

fn phase(w: &Workshop, i: u8) -> Id {
    w.boards[0].phases.get(usize::from(i)).map(|p| p.id).unwrap_or(Id::from_u128(99_997))
}

fn persona_id(i: u8) -> Id {
    Id::from_u128(50_000 + u128::from(i))
}

fn walk_id(i: u8) -> Id {
    Id::from_u128(60_000 + u128::from(i))
}

fn to_op(g: &Gen, w: &Workshop) -> Op {
    let board_id = w.boards[0].id;
    match g.clone() {
        Gen::AddPersona(i, name) => {
            Op::CreatePersona { persona: NewPersona { id: persona_id(i), fields: PersonaFields::named(&name) } }
        }
        Gen::RenamePersona(i, name) => {
            Op::UpdatePersona { id: persona_id(i), patch: PersonaPatch { name: Some(name), ..Default::default() } }
        }
        Gen::DeletePersona(i) => Op::DeletePersona { id: persona_id(i) },
        Gen::LinkNote(n, p) => Op::UpdateNote {
            id: note_id(n),
            patch: NotePatch { persona_id: Some(p.map(persona_id)), ..Default::default() },
        },
        Gen::Walk(i, p) => Op::CreateWalkthrough {
            walkthrough: NewWalkthrough { id: walk_id(i), persona_id: persona_id(p), board_id, at_touchpoint_id: None },
        },
        Gen::Step(wk, t, emotion, text) => Op::SetWalkStep {
            step: NewWalkStep {
                id: Id::from_u128(70_000 + u128::from(wk) * 10 + u128::from(t)),
                walkthrough_id: walk_id(wk),
                touchpoint_id: touchpoint(w, t),
                record: StepRecord {
                    emotion: Some(emotion),
                    happens: text,
                    barriers: String::new(),
                    ideas: String::new(),
                    skipped: false,
                },
            },
        },
        Gen::MoveToken(wk, t) => Op::MoveWalkthrough { id: walk_id(wk), at_touchpoint_id: t.map(|t| touchpoint(w, t)) },
        Gen::DeleteWalk(wk) => Op::DeleteWalkthrough { id: walk_id(wk) },
        Gen::AddTouchpoint(i, index, label) => Op::CreateTouchpoint {
            touchpoint: NewTouchpoint {
                id: Id::from_u128(20_000 + u128::from(i % 4)),
                board_id,
                index,
                label,
                description: String::new(),
                phase_id: None,
                side_station: false,
            },
        },
        Gen::MoveTouchpoint(i, index) => Op::MoveTouchpoint { id: touchpoint(w, i), index },
        Gen::DeleteTouchpoint(i, to) => {
            Op::DeleteTouchpoint { id: touchpoint(w, i), move_notes_to: to.map(|t| touchpoint(w, t)) }
        }
        Gen::SideStation(i, b) => Op::UpdateTouchpoint {
            id: touchpoint(w, i),
            patch: TouchpointPatch { side_station: Some(b), ..Default::default() },
        },
        Gen::AddLane(i, index) => Op::CreateLane {
            lane: NewLane {
                id: Id::from_u128(30_000 + u128::from(i % 3)),
                board_id,
                index,
                label: format!("Kaista {i}"),
                line_above: String::new(),
                existing: None,
            },
        },
        Gen::LaneOf(n, l, y) => Op::UpdateNote {
            id: note_id(n),
            patch: NotePatch { lane_id: Some(l.map(|l| lane(w, l))), y: Some(y), ..Default::default() },
        },
        Gen::DeleteLane(i, to) => Op::DeleteLane { id: lane(w, i), move_notes_to: to.map(|t| lane(w, t)) },
        Gen::AddPhase(i, index) => Op::CreatePhase {
            phase: NewPhase {
                id: Id::from_u128(40_000 + u128::from(i % 3)),
                board_id,
                index,
                label: format!("Vaihe {i}"),
                stacked: false,
                caption: String::new(),
            },
        },
        Gen::PhaseOf(t, p) => Op::UpdateTouchpoint {
            id: touchpoint(w, t),
            patch: TouchpointPatch { phase_id: Some(p.map(|p| phase(w, p))), ..Default::default() },
        },
        Gen::DeletePhase(i) => Op::DeletePhase { id: phase(w, i) },
        Gen::Create(i, t, (kind, sentiment), text, x, y) => Op::CreateNote {
            note: NewNote {
                id: note_id(i),
                board_id,
                touchpoint_id: Some(touchpoint(w, t)),
                lane_id: None,
                persona_id: None,
                session_id: None,
                kind,
                sentiment,
                text,
                x,
                y,
                author: None,
            },
        },
        Gen::Text(i, text) => {
            Op::UpdateNote { id: note_id(i), patch: NotePatch { text: Some(text), ..Default::default() } }
        }
        Gen::Move(i, x, y, t) => Op::UpdateNote {
            id: note_id(i),
            patch: NotePatch {
                x: Some(x),
                y: Some(y),
                touchpoint_id: Some(t.map(|t| touchpoint(w, t))),
                ..Default::default()
            },
        },
        Gen::Recolour(i, (kind, s)) => Op::UpdateNote {
            id: note_id(i),
            patch: NotePatch { kind: Some(kind), sentiment: Some(s), ..Default::default() },
        },
        Gen::Delete(i) => Op::DeleteNote { id: note_id(i) },
        Gen::AddBoard(i, index, from, with_notes) => Op::CreateBoard {
            board: NewBoard {
                id: Id::from_u128(80_000 + u128::from(i)),
                index,
                title: format!("Taulu {i}"),
                from: match from {
                    0 => BoardSource::Blank { kind: BoardKind::ServicePath },
                    1 => BoardSource::Template { template: "service-path".into() },
                    k => BoardSource::Copy { board_id: board(w, k - 2), with_notes },
                },
            },
        },
        Gen::MoveBoard(i, index) => Op::MoveBoard { id: board(w, i), index },
        Gen::RenameBoard(i, title) => {
            Op::UpdateBoard { id: board(w, i), patch: BoardPatch { title: Some(title), ..Default::default() } }
        }
        Gen::DeleteBoard(i) => Op::DeleteBoard { id: board(w, i) },
        Gen::AddSession(i, index, b) => Op::CreateSession {
            session: NewSession {
                id: session_id(i),
                index,
                fields: SessionFields { agenda: vec![agenda_item(w, i, b)], ..SessionFields::titled(&format!("Kerta {i}")) },
            },
        },
        Gen::PlanSession(i, goal, b) => Op::UpdateSession {
            id: session_id(i),
            patch: SessionPatch { goal: Some(goal), agenda: Some(vec![agenda_item(w, i, b)]), ..Default::default() },
        },
        Gen::MoveSession(i, index) => Op::MoveSession { id: session_id(i), index },
        Gen::DeleteSession(i) => Op::DeleteSession { id: session_id(i) },
        Gen::NoteSession(n, k) => Op::UpdateNote {
            id: note_id(n),
            patch: NotePatch { session_id: Some(k.map(session_id)), ..Default::default() },
        },
        Gen::Batch(gens) => Op::Batch { ops: gens.iter().map(|g| to_op(g, w)).collect() },
    }
}

/// What a user sees of a workshop: undo may leave versions and change times higher, nothing else.
fn content(w: &Workshop) -> Workshop {
    let mut w = w.clone();
    w.updated_at = 0;
    for b in &mut w.boards {
        b.version = 0;
        b.notes.iter_mut().for_each(|n| (n.version, n.updated_at) = (0, 0));
        b.touchpoints.iter_mut().for_each(|t| t.version = 0);
        b.lanes.iter_mut().for_each(|l| l.version = 0);
        b.phases.iter_mut().for_each(|p| p.version = 0);
    }
    w.sessions.iter_mut().for_each(|s| s.version = 0);
    w.personas.iter_mut().for_each(|p| (p.version, p.updated_at) = (0, 0));
    w.walkthroughs.iter_mut().for_each(|x| (x.version, x.updated_at) = (0, 0));
    w.walk_steps.iter_mut().for_each(|x| (x.version, x.updated_at) = (0, 0));
    w
}

fn apply(w: &mut Workshop, op: &Op, now: i64) -> Result<Vec<Change>, OpError> {
    let changes = plan(op, w, now)?;
    w.commit(&changes, now);
    Ok(changes)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn full_undo_returns_to_the_start(gens in proptest::collection::vec(gen(), 1..40)) {
        let mut w = start();
        let initial = content(&w);
        let mut steps = Vec::new();
        for (t, g) in gens.iter().enumerate() {
            let op = to_op(g, &w);
            let before = w.clone();
            match apply(&mut w, &op, 2_000 + t as i64) {
                Ok(changes) => steps.push(changes),
                // A refused op leaves no trace at all.
                Err(_) => prop_assert_eq!(&w, &before),
            }
        }
        let mut now = 10_000;
        while let Some(step) = steps.pop() {
            for op in undo_ops(&step) {
                now += 1;
                apply(&mut w, &op, now).map_err(|e| TestCaseError::fail(format!("undo {op:?}: {e}")))?;
            }
        }
        prop_assert_eq!(content(&w), initial);
    }

    #[test]
    fn undo_then_redo_lands_on_the_same_content(gens in proptest::collection::vec(gen(), 1..30)) {
        let mut w = start();
        let mut steps = Vec::new();
        for (t, g) in gens.iter().enumerate() {
            let op = to_op(g, &w);
            if let Ok(changes) = apply(&mut w, &op, 2_000 + t as i64) {
                steps.push(changes);
            }
        }
        let done = content(&w);
        let mut now = 10_000;
        for step in steps.iter().rev() {
            for op in undo_ops(step) { now += 1; apply(&mut w, &op, now).unwrap(); }
        }
        for step in &steps {
            for op in redo_ops(step) { now += 1; apply(&mut w, &op, now).unwrap(); }
        }
        prop_assert_eq!(content(&w), done);
    }

    #[test]
    fn replaying_the_op_log_rebuilds_the_same_state(gens in proptest::collection::vec(gen(), 1..40)) {
        let mut w = start();
        let mut log = Vec::new();
        for (t, g) in gens.iter().enumerate() {
            let op = to_op(g, &w);
            let now = 2_000 + t as i64;
            if apply(&mut w, &op, now).is_ok() {
                log.push((op, now));
            }
        }
        let mut replay = start();
        for (op, now) in &log {
            apply(&mut replay, op, *now).map_err(|e| TestCaseError::fail(format!("replay {op:?}: {e}")))?;
        }
        prop_assert_eq!(replay, w);
    }
}

#[test]
fn a_restored_note_keeps_growing_its_version() {
    let mut w = empty_start();
    let board = w.boards[0].id;
    let id = note_id(0);
    let create = Op::CreateNote {
        note: NewNote {
            id,
            board_id: board,
            touchpoint_id: None,
            lane_id: None,
            persona_id: None,
            session_id: None,
            kind: NoteKind::Observation,
            sentiment: Some(Sentiment::Positive),
            text: "Helpotus".into(),
            x: 1.0,
            y: 2.0,
            author: None,
        },
    };
    let created = apply(&mut w, &create, 5).unwrap();
    let deleted = apply(&mut w, &Op::DeleteNote { id }, 6).unwrap();
    let undo = undo_ops(&deleted);
    assert!(matches!(undo.as_slice(), [Op::RestoreNote { .. }]));
    apply(&mut w, &undo[0], 7).unwrap();
    let n = w.notes().next().unwrap();
    assert_eq!(n.text, "Helpotus");
    assert_eq!(n.created_at, 5, "restoring keeps when the note was first made");
    assert!(n.version > 1);
    assert!(matches!(undo_ops(&created).as_slice(), [Op::DeleteNote { .. }]));
}

#[test]
fn a_batch_is_one_step_and_all_or_nothing() {
    let mut w = start();
    let before = w.clone();
    let (a, b) = (note_id(0), note_id(1));
    let recolour = |id| Op::UpdateNote {
        id,
        patch: NotePatch { sentiment: Some(Some(Sentiment::Positive)), ..Default::default() },
    };
    let mv = |id, x| Op::UpdateNote { id, patch: NotePatch { x: Some(x), ..Default::default() } };
    // The second op names a missing note: nothing of the batch applies.
    let bad = Op::Batch { ops: vec![recolour(a), Op::DeleteNote { id: Id::from_u128(4242) }] };
    assert!(matches!(plan(&bad, &w, 5), Err(OpError::NotFound { .. })));
    // Each op sees the ones before it: move a note, then move it again, then delete another.
    let good = Op::Batch { ops: vec![mv(a, 700.0), recolour(a), mv(a, 900.0), Op::DeleteNote { id: b }] };
    let changes = apply(&mut w, &good, 6).unwrap();
    assert_eq!(changes.len(), 4);
    let moved = w.note(a).unwrap();
    assert_eq!((moved.x, moved.sentiment, moved.version), (900.0, Some(Sentiment::Positive), 4));
    assert!(w.note(b).is_none());
    for op in undo_ops(&changes) {
        apply(&mut w, &op, 7).unwrap();
    }
    assert_eq!(content(&w), content(&before), "one undo step takes the whole batch back");
    let nested = Op::Batch { ops: vec![Op::Batch { ops: vec![recolour(a)] }] };
    assert!(matches!(plan(&nested, &w, 8), Err(OpError::Validation { field: "ops", .. })));
    assert!(matches!(plan(&Op::Batch { ops: vec![] }, &w, 8), Err(OpError::Validation { field: "ops", .. })));
}

#[test]
fn refusals_are_typed() {
    let mut w = empty_start();
    let missing = Id::from_u128(77);
    let r = plan(&Op::DeleteNote { id: missing }, &w, 1);
    assert_eq!(r, Err(OpError::NotFound { entity: "note", id: missing }));
    let board = w.boards[0].id;
    let new = |text: &str, x: f64| Op::CreateNote {
        note: NewNote {
            id: note_id(1),
            board_id: board,
            touchpoint_id: None,
            lane_id: None,
            persona_id: None,
            session_id: None,
            kind: NoteKind::Observation,
            sentiment: Some(Sentiment::Neutral),
            text: text.into(),
            x,
            y: 0.0,
            author: None,
        },
    };
    assert!(matches!(plan(&new("", 0.0), &w, 1), Err(OpError::Validation { field: "text", .. })));
    assert!(matches!(
        plan(&new(&"x".repeat(MAX_NOTE_TEXT + 1), 0.0), &w, 1),
        Err(OpError::Validation { field: "text", .. })
    ));
    assert!(matches!(plan(&new("ok", 1e9), &w, 1), Err(OpError::Validation { field: "x", .. })));
    apply(&mut w, &new("ok", 0.0), 1).unwrap();
    assert!(matches!(plan(&new("again", 0.0), &w, 2), Err(OpError::Conflict(_))));
    let empty = Op::UpdateNote { id: note_id(1), patch: NotePatch::default() };
    assert!(matches!(plan(&empty, &w, 2), Err(OpError::Validation { field: "patch", .. })));
}
