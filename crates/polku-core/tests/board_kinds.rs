//! Boards of every kind from the built-in templates: what they are made of, where their notes
//! go, what planning refuses of each kind, and going back to a template's labels.

mod common;

use common::apply;
use polku_core::layout::{self, note_origin, places, BOX_H, BOX_W, LANES_TOP, STACK_MARGIN};
use polku_core::template::{built_in, built_ins};
use polku_core::*;

fn from(template: &str, lang: Language) -> Workshop {
    let mut n = 0u128;
    built_in(template).unwrap().instantiate("Ohjelma", lang, 1_000, &mut || {
        n += 1;
        Id::from_u128(n)
    })
}

fn with_board(template: &str) -> (Workshop, Id) {
    let mut w = common::workshop("Ohjelma");
    let id = Id::from_u128(500);
    let title = "Uusi".to_string();
    apply(&mut w, Op::CreateBoard { board: NewBoard { id, index: 1, title, from: BoardSource::Template { template: template.into() } } }, 2);
    (w, id)
}

fn board(w: &Workshop, id: Id) -> &Board {
    w.board(id).unwrap()
}

#[test]
fn the_canvas_has_three_periods_and_its_boxes_stack_in_the_outer_two() {
    let w = from("journey-canvas", Language::En);
    let b = &w.boards[0];
    assert_eq!(b.kind, BoardKind::JourneyCanvas);
    let periods: Vec<_> = b.phases.iter().map(|p| (p.label.as_str(), p.stacked, p.caption.as_str())).collect();
    assert_eq!(
        periods,
        [
            ("Pre-service period", true, "Expectations"),
            ("Service period", false, "Experiences"),
            ("Post-service period", true, "Satisfaction / dissatisfaction")
        ]
    );
    let in_phase = |i: usize| b.touchpoints.iter().filter(|t| t.phase_id == Some(b.phases[i].id)).map(|t| t.label.as_str()).collect::<Vec<_>>();
    assert_eq!(in_phase(0), ["Advertisement / PR", "Social media", "Word of mouth", "Past experiences"]);
    assert_eq!(in_phase(2), ["Customer relationship management", "Social media", "Word of mouth"]);
    assert!(b.lanes.is_empty());

    // The pre-service boxes are one above another in one column; the journey runs right of them.
    let p = b.places();
    let pre: Vec<_> = p[..4].iter().map(|p| (p.x, p.top.unwrap())).collect();
    assert!(pre.iter().all(|(x, _)| *x == pre[0].0), "{pre:?}");
    assert_eq!(pre.iter().map(|(_, t)| *t).collect::<Vec<_>>()[..2], [LANES_TOP, LANES_TOP + BOX_H + 24.0]);
    assert!(p[4].top.is_none() && p[4].x > pre[0].0 + BOX_W / 2.0 + STACK_MARGIN, "the first journey column is right of the stack");
    assert!(p[7].top.is_some() && p[7].x > p[6].x, "the post-service boxes come last");
}

#[test]
fn a_note_in_a_box_is_drawn_from_the_box_and_stays_where_it_was_when_the_box_goes() {
    let (mut w, id) = with_board("journey-canvas");
    let b = board(&w, id).clone();
    let social = b.touchpoints[1].id;
    let note = NewNote {
        id: Id::from_u128(900),
        board_id: id,
        touchpoint_id: Some(social),
        lane_id: None,
        persona_id: None,
        session_id: None,
        kind: NoteKind::Observation,
        sentiment: Some(Sentiment::Negative),
        text: "Facebookissa vain juhlapuheita".into(),
        x: -100.0,
        y: 20.0,
        author: None,
    };
    apply(&mut w, Op::CreateNote { note }, 3);
    let place = b.places()[1];
    let n = w.note(Id::from_u128(900)).unwrap();
    let drawn = note_origin(&n, &b.places(), &b.lanes);
    assert_eq!(drawn, (place.x - 100.0, place.top.unwrap() + 20.0));
    apply(&mut w, Op::DeleteTouchpoint { id: social, move_notes_to: None }, 4);
    let after = board(&w, id);
    let n = w.note(Id::from_u128(900)).unwrap();
    assert_eq!(n.touchpoint_id, None);
    assert_eq!(note_origin(&n, &after.places(), &after.lanes), drawn, "left where it was drawn");
}

#[test]
fn planning_knows_what_each_kind_is_made_of() {
    let (w, canvas) = with_board("journey-canvas");
    let lane = Op::CreateLane { lane: NewLane { id: Id::from_u128(901), board_id: canvas, index: 0, label: "Tunteet".into(), line_above: String::new(), existing: None } };
    assert!(matches!(plan(&lane, &w, 5), Err(OpError::Validation { field: "board", .. })), "a canvas has no rows");
    let b = board(&w, canvas);
    let side = Op::UpdateTouchpoint { id: b.touchpoints[5].id, patch: TouchpointPatch { side_station: Some(true), ..Default::default() } };
    assert!(matches!(plan(&side, &w, 5), Err(OpError::Validation { field: "side_station", .. })));
    let path = w.boards[0].id;
    let stacked = Op::CreatePhase {
        phase: NewPhase { id: Id::from_u128(902), board_id: path, index: 0, label: "Laatikot".into(), stacked: true, caption: String::new() },
    };
    assert!(matches!(plan(&stacked, &w, 5), Err(OpError::Validation { field: "stacked", .. })), "a path has no boxes");
    let programme = Op::CreateBoard {
        board: NewBoard { id: Id::from_u128(903), index: 0, title: "X".into(), from: BoardSource::Template { template: "co-development-five-sessions".into() } },
    };
    assert!(matches!(plan(&programme, &w, 5), Err(OpError::Validation { field: "template", .. })));
}

#[test]
fn the_blueprint_names_its_three_lines_and_the_channel_grid_has_a_row_per_channel() {
    let w = from("blueprint", Language::Fi);
    let b = &w.boards[0];
    assert_eq!(b.kind, BoardKind::Blueprint);
    let lines: Vec<_> = b.lanes.iter().filter(|l| !l.line_above.is_empty()).map(|l| (l.line_above.as_str(), l.label.as_str())).collect();
    assert_eq!(
        lines,
        [
            ("Vuorovaikutuksen raja", "Näkyvä toiminta"),
            ("Näkyvyyden raja", "Taustatoiminta"),
            ("Sisäisen vuorovaikutuksen raja", "Tukiprosessit")
        ]
    );
    let w = from("channel-analysis", Language::Sv);
    let b = &w.boards[0];
    assert_eq!(b.kind, BoardKind::Grid);
    assert_eq!(b.touchpoints.iter().map(|t| t.label.as_str()).collect::<Vec<_>>(), ["Fördelar +", "Nackdelar −"]);
    assert_eq!(b.lanes.len(), 8);
    assert_eq!(b.lanes[0].label, "Telefon");
}

#[test]
fn the_five_session_programme_carries_the_path_from_session_three_into_four_and_five() {
    let w = from("co-development-five-sessions", Language::Fi);
    let kinds: Vec<_> = w.boards.iter().map(|b| b.kind).collect();
    assert_eq!(kinds, [BoardKind::Grid, BoardKind::Grid, BoardKind::ServicePath, BoardKind::JourneyCanvas]);
    assert_eq!(w.sessions.len(), 5);
    assert_eq!(w.sessions[0].fields.title, "Asiakkaiden kokemuksia olemassa olevista digitaalisista palveluista");
    let boards_of = |i: usize| -> Vec<usize> {
        w.sessions[i].fields.agenda.iter().filter_map(|a| a.board_id).map(|b| w.boards.iter().position(|x| x.id == b).unwrap()).collect()
    };
    assert!(boards_of(2).contains(&2) && boards_of(3).contains(&2) && boards_of(4).contains(&2), "the path is on 3, 4 and 5");
    assert!(boards_of(3).contains(&3), "the canvas is on 4");
    assert!(w.sessions.iter().all(|s| !s.fields.goal.is_empty() && !s.fields.agenda.is_empty()));
    for s in &w.sessions {
        s.fields.check(&|b| w.board(b).is_some()).unwrap();
    }
}

#[test]
fn back_to_the_original_labels_undoes_a_rename_and_keeps_what_people_added() {
    let (mut w, id) = with_board("journey-canvas");
    let b = board(&w, id).clone();
    let rename = |t: &Touchpoint, to: &str| Op::UpdateTouchpoint { id: t.id, patch: TouchpointPatch { label: Some(to.into()), ..Default::default() } };
    apply(&mut w, rename(&b.touchpoints[0], "Kunnan tiedotteet"), 3);
    let caption = Op::UpdatePhase { id: b.phases[0].id, patch: PhasePatch { caption: Some("Toiveet".into()), ..Default::default() } };
    apply(&mut w, caption, 4);
    let added = NewTouchpoint {
        id: Id::from_u128(950),
        board_id: id,
        index: 4,
        label: "Kaverit".into(),
        description: String::new(),
        phase_id: Some(b.phases[0].id),
        side_station: false,
    };
    apply(&mut w, Op::CreateTouchpoint { touchpoint: added }, 5);
    let changes = apply(&mut w, Op::ResetLabels { board_id: id }, 6);
    let b2 = board(&w, id);
    assert_eq!(b2.touchpoints.iter().find(|t| t.id == b.touchpoints[0].id).unwrap().label, "Mainonta / tiedotus");
    assert_eq!(b2.phases[0].caption, "Odotukset");
    assert_eq!(b2.touchpoints.iter().find(|t| t.id == Id::from_u128(950)).unwrap().label, "Kaverit");
    assert!(matches!(plan(&Op::ResetLabels { board_id: id }, &w, 7), Err(OpError::Validation { .. })), "nothing left to put back");
    for op in undo_ops(&changes) {
        apply(&mut w, op, 8);
    }
    let b3 = board(&w, id);
    assert_eq!(b3.touchpoints.iter().find(|t| t.id == b.touchpoints[0].id).unwrap().label, "Kunnan tiedotteet", "undo brings the rename back");
    assert_eq!(b3.phases[0].caption, "Toiveet");
}

#[test]
fn every_built_in_template_lays_out_a_valid_workshop() {
    for t in built_ins() {
        for lang in Language::ALL {
            let mut n = 0u128;
            let w = t.instantiate("T", lang, 0, &mut || {
                n += 1;
                Id::from_u128(n)
            });
            for b in &w.boards {
                assert_eq!(places(b.kind, &b.phases, &b.touchpoints).len(), b.touchpoints.len(), "{}", t.id);
                assert!(b.touchpoints.iter().all(|tp| tp.original_label == tp.label && !tp.label.is_empty()));
            }
        }
    }
}

#[test]
fn an_empty_service_period_keeps_one_column_of_room_between_the_stacks() {
    let w = from("journey-canvas", Language::En);
    let mut b = w.boards[0].clone();
    let full = b.places();
    let service = b.phases[1].id;
    b.touchpoints.retain(|t| t.phase_id != Some(service));
    let empty = b.places();
    let post = |p: &[layout::Place]| p.last().unwrap().x;
    assert_eq!(post(&full) - post(&empty), 2.0 * layout::STEP_X, "three columns became the room of one");
}
