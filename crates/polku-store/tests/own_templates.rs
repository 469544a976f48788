//! The library's own templates: kept across restarts, offered to `create_board` like the built-in
//! ones (one undo step, whatever happens to the template later), and removed on request.

mod common;

use polku_store::Library;
use common::*;
use polku_core::own_template::own_id;
use polku_core::template::{built_in, Template, TemplateKind};
use polku_core::*;
use polku_store::{Durability, Store, StoreError};

fn canvas_template() -> Template {
    let mut n = 0u128;
    let canvas = built_in("journey-canvas").unwrap().boards[0].lay_out(Id::from_u128(1), 0, Language::Fi, &mut || {
        n += 1;
        Id::from_u128(100 + n)
    });
    Template::from_board(&canvas, &own_id(Id::now_v7()), "Meidän kanvaasi", "Kanvaasi, kuten keväällä")
}

#[test]
fn own_templates_are_kept_across_a_restart_until_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("polku.sqlite3");
    let board = canvas_template();
    let programme = {
        let mut store = Store::open(&path, Durability::Normal).unwrap();
        let w = new_workshop(&mut store, "Ohjelma");
        let programme = Template::from_workshop(&w, &own_id(Id::now_v7()), "Ohjelma", "Yksi polku");
        store.save_template(&board, 1_000).unwrap();
        store.save_template(&programme, 2_000).unwrap();
        let again = store.save_template(&board, 3_000);
        assert!(matches!(again, Err(StoreError::Op(OpError::Conflict(_)))), "an id is saved once");
        let built = Template { id: "service-path".into(), ..board.clone() };
        assert!(matches!(store.save_template(&built, 3_000), Err(StoreError::Op(OpError::Validation { .. }))));
        programme
    };

    let mut store = Store::open(&path, Durability::Normal).unwrap();
    let ids: Vec<_> = store.list_templates().unwrap().into_iter().map(|t| (t.id, t.kind)).collect();
    assert_eq!(ids, [(board.id.clone(), TemplateKind::Board), (programme.id.clone(), TemplateKind::Workshop)], "in the order saved");
    let read = store.own_template(&board.id).unwrap();
    assert_eq!(read.to_json(), board.to_json(), "the file comes back as it was written");

    store.delete_template(&board.id).unwrap();
    assert!(matches!(store.delete_template(&board.id), Err(StoreError::NoTemplate(_))));
    assert!(matches!(store.own_template(&board.id), Err(StoreError::NoTemplate(_))));
    drop(store);
    let store = Store::open(&path, Durability::Normal).unwrap();
    assert_eq!(store.list_templates().unwrap().len(), 1);
    assert!(!store.template_exists(&board.id).unwrap());
}

on_both!(fn a_board_from_an_own_template_is_one_undo_step_and_outlives_the_template(store) {
    let w = new_workshop(store, "Ohjelma");
    let t = canvas_template();
    store.save_template(&t, 1_000).unwrap();

    let id = Id::now_v7();
    let from = BoardSource::Template { template: t.id.clone() };
    let op = Op::CreateBoard { board: NewBoard { id, index: 1, title: "Kanvaasi".into(), from } };
    store.apply(&env(&w, "tab", op.clone()), 2_000).unwrap();
    let made = store.load_workshop(w.id).unwrap();
    let b = made.board(id).unwrap();
    assert_eq!(b.kind, BoardKind::JourneyCanvas);
    let canvas = &t.boards[0];
    assert_eq!(b.phases.iter().map(|p| (p.label.as_str(), p.stacked)).collect::<Vec<_>>(), canvas.phases.iter().map(|p| (p.label[&Language::Fi].as_str(), p.stacked)).collect::<Vec<_>>());
    assert_eq!(b.touchpoints.len(), canvas.touchpoints.len());

    // The template goes; the board stays, and its undo and redo work from what was recorded.
    store.delete_template(&t.id).unwrap();
    store.undo(w.id, "tab", Id::now_v7(), 3_000).unwrap();
    assert!(store.load_workshop(w.id).unwrap().board(id).is_none());
    store.redo(w.id, "tab", Id::now_v7(), 4_000).unwrap();
    assert_eq!(store.load_workshop(w.id).unwrap().board(id).unwrap().touchpoints.len(), canvas.touchpoints.len());

    let again = Op::CreateBoard { board: NewBoard { id: Id::now_v7(), index: 1, title: "Toinen".into(), from: BoardSource::Template { template: t.id.clone() } } };
    let refused = store.apply(&env(&w, "tab", again), 5_000);
    assert!(matches!(refused, Err(StoreError::Op(OpError::Validation { field: "template", .. }))), "{refused:?}");
});
