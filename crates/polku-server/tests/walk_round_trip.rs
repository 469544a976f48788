//! A workshop with personas, a walk and a note posted for a persona leaves Polku as a `.polku`
//! file and comes back into another library exactly, through the real CLI.

mod common;

use common::*;
use polku_core::*;
use serde_json::{json, Value};

#[test]
fn export_then_import_carries_personas_walks_and_linked_notes() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    assert!(polku(a.path(), &["import", example_file().to_str().unwrap()]).status.success());
    let id = list_json(a.path())[0]["id"].as_str().unwrap().to_string();
    let host = polku_api::Host::open(a.path()).unwrap();
    let w: Workshop = serde_json::from_value(host.call("open_workshop", json!({ "id": id })).unwrap()).unwrap();
    let board = &w.boards[0];
    let aino = w.personas.iter().find(|p| p.fields.name.starts_with("Aino")).unwrap().id;
    let walk = Id::now_v7();
    let ops = vec![
        Op::CreateWalkthrough {
            walkthrough: NewWalkthrough { id: walk, persona_id: aino, board_id: board.id, at_touchpoint_id: Some(board.touchpoints[1].id) },
        },
        Op::SetWalkStep {
            step: NewWalkStep {
                id: Id::now_v7(),
                walkthrough_id: walk,
                touchpoint_id: board.touchpoints[1].id,
                record: StepRecord {
                    emotion: Some(-2),
                    happens: "Ei tiedä, mistä apua haetaan".into(),
                    barriers: "Ennakkoluulot".into(),
                    ideas: "Kuraattori kertoo palvelusta".into(),
                    skipped: false,
                },
            },
        },
        Op::CreateNote {
            note: NewNote {
                id: Id::now_v7(),
                board_id: board.id,
                touchpoint_id: Some(board.touchpoints[1].id),
                lane_id: None,
                persona_id: Some(aino),
                session_id: None,
                kind: NoteKind::Idea,
                sentiment: None,
                text: "Kuraattori kertoo palvelusta".into(),
                x: -100.0,
                y: 900.0,
                author: None,
            },
        },
    ];
    for op in ops {
        let req = json!({ "workshop_id": id, "op_id": Id::now_v7(), "client_id": "t", "undo": "record", "op": op });
        host.call("apply_op", req).unwrap();
    }
    let before: Value = host.call("open_workshop", json!({ "id": id })).unwrap();
    drop(host);

    let file = a.path().join("walked.polku");
    assert!(polku(a.path(), &["export", &id, "--format", "polku", "-o", file.to_str().unwrap()]).status.success());
    assert!(polku(b.path(), &["import", file.to_str().unwrap()]).status.success());
    let other = polku_api::Host::open(b.path()).unwrap();
    let after: Value = other.call("open_workshop", json!({ "id": id })).unwrap();
    assert_eq!(after, before, "the same workshop, walks and linked note included");
    assert_eq!(after["walk_steps"][0]["record"]["emotion"], -2);
    assert_eq!(after["personas"].as_array().unwrap().len(), 2);
}
