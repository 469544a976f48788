#![allow(dead_code)]

use polku_store::Library;
use polku_core::template::service_path;
use polku_core::*;
use polku_store::{Envelope, Store};

pub fn new_workshop(store: &mut Store, title: &str) -> Workshop {
    let w = service_path().instantiate(title, Language::Fi, 1_000, &mut Id::now_v7);
    store.insert_workshop(&w).unwrap();
    w
}

pub fn create_note(w: &Workshop, text: &str, sentiment: Sentiment) -> (Id, Op) {
    let id = Id::now_v7();
    let b = &w.boards[0];
    let op = Op::CreateNote {
        note: NewNote {
            id,
            board_id: b.id,
            touchpoint_id: Some(b.touchpoints[0].id),
            lane_id: None,
            persona_id: None,
            session_id: None,
            kind: NoteKind::Observation,
            sentiment: Some(sentiment),
            text: text.into(),
            x: 100.0,
            y: 200.0,
            author: None,
        },
    };
    (id, op)
}

pub fn env(w: &Workshop, client: &str, op: Op) -> Envelope {
    Envelope { workshop_id: w.id, op_id: Id::now_v7(), client_id: client.into(), undo: UndoMode::Record, op }
}

pub fn text_patch(id: Id, text: &str) -> Op {
    Op::UpdateNote { id, patch: NotePatch { text: Some(text.into()), ..Default::default() } }
}
