#![allow(dead_code)]

use polku_store::Library;
use polku_core::template::service_path;
use polku_core::*;
use polku_store::Envelope;

pub fn new_workshop(store: &mut (impl Library + ?Sized), title: &str) -> Workshop {
    let w = service_path().instantiate(title, Language::Fi, 1_000, &mut Id::now_v7);
    store.insert_workshop(&w).unwrap();
    w
}

/// A number the library's SQL gives (a count), on either engine.
pub fn number(store: &(impl Library + ?Sized), sql: &str) -> i64 {
    let mut n = 0;
    store
        .read_with(&mut |db| {
            n = db.number(sql, &[])?;
            Ok(())
        })
        .unwrap();
    n
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

/// A test of the library run on both engines: `on_both!(fn name(store) { … })` makes
/// `name::sqlite` (a library file in a temp folder) and `name::postgres` (a fresh database on the
/// test server), each calling the body with `store: &mut dyn Library`.
#[macro_export]
macro_rules! on_both {
    ($(#[$m:meta])* fn $name:ident($store:ident) $body:block) => {
        $(#[$m])*
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[allow(unused_mut)]
            fn body($store: &mut dyn polku_store::Library) $body

            #[test]
            fn sqlite() {
                let dir = tempfile::tempdir().unwrap();
                let mut store = polku_store::Store::open_dir(dir.path()).unwrap();
                body(&mut store);
            }

            #[test]
            fn postgres() {
                let mut store = polku_store::PgStore::connect(&test_postgres::database()).unwrap();
                body(&mut store);
            }
        }
    };
}
