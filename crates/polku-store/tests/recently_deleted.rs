//! Issue 12: a deleted workshop waits in "Recently deleted" for 30 days, comes back whole on
//! restore, and once erased leaves no trace of its text in the database file or its WAL.

mod common;

use polku_store::Library;
use common::*;
use polku_core::*;
use polku_store::{Store, StoreError, KEEP_DELETED_MS};

const DAY: Millis = 24 * 60 * 60 * 1000;
/// A time well after the workshops' creation (1_000 ms) and before today, so opening does not purge.
const T0: Millis = 1_700_000_000_000;

fn temp_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_dir(dir.path()).unwrap();
    (dir, store)
}

/// A workshop with a note, a persona, and one undone step in client "a"'s history.
fn full_workshop(store: &mut (impl Library + ?Sized), note_text: &str) -> Workshop {
    let w = new_workshop(store, "Poistettava");
    let (_, op) = create_note(&w, note_text, Sentiment::Negative);
    store.apply(&env(&w, "a", op), T0).unwrap();
    let persona = Op::CreatePersona { persona: NewPersona { id: Id::now_v7(), fields: PersonaFields::named("Aino") } };
    store.apply(&env(&w, "a", persona), T0).unwrap();
    let (_, second) = create_note(&w, "toinen", Sentiment::Positive);
    store.apply(&env(&w, "a", second), T0).unwrap();
    store.undo(w.id, "a", Id::now_v7(), T0).unwrap();
    w
}

/// Whether `needle` is anywhere in the database file or its WAL, after moving the WAL in.
fn file_holds(store: &Store, needle: &str) -> bool {
    store.checkpoint().unwrap();
    let mut found = false;
    for suffix in ["", "-wal"] {
        let path = format!("{}{suffix}", store.path().display());
        if let Ok(bytes) = std::fs::read(&path) {
            found |= bytes.windows(needle.len()).any(|w| w == needle.as_bytes());
        }
    }
    found
}

on_both!(fn a_deleted_workshop_is_hidden_and_refused(store) {
    let w = full_workshop(store, "piilossa");
    let kept = new_workshop(store, "Jää");
    store.delete_workshop(w.id, T0).unwrap();

    let listed: Vec<Id> = store.list_workshops().unwrap().iter().map(|s| s.id).collect();
    assert_eq!(listed, vec![kept.id]);
    let deleted = store.list_deleted_workshops(T0 + DAY + 1).unwrap();
    assert_eq!(deleted.len(), 1);
    assert_eq!((deleted[0].id, deleted[0].title.as_str(), deleted[0].deleted_at), (w.id, "Poistettava", T0));
    assert_eq!((deleted[0].notes, deleted[0].days_left), (1, 29));
    assert_eq!(store.list_deleted_workshops(T0).unwrap()[0].days_left, 30);
    assert_eq!(store.list_deleted_workshops(T0 + KEEP_DELETED_MS).unwrap()[0].days_left, 0);

    let refused = |r: Result<_, StoreError>| matches!(r, Err(StoreError::WorkshopDeleted(id)) if id == w.id);
    assert!(refused(store.load_workshop(w.id).map(|_| ())));
    assert!(refused(store.rename_workshop(w.id, "Uusi", T0).map(|_| ())));
    let (_, op) = create_note(&w, "myöhässä", Sentiment::Neutral);
    assert!(refused(store.apply(&env(&w, "a", op), T0).map(|_| ())));
    assert!(refused(store.undo(w.id, "a", Id::now_v7(), T0).map(|_| ())));
    assert!(refused(store.redo(w.id, "a", Id::now_v7(), T0).map(|_| ())));
    assert!(refused(store.delete_workshop(w.id, T0)));
    assert!(matches!(store.erase_workshop(kept.id), Err(StoreError::WorkshopNotDeleted(_))));
    assert!(matches!(store.restore_workshop(kept.id), Err(StoreError::WorkshopNotDeleted(_))));
});

on_both!(fn restore_brings_the_workshop_back_whole(store) {
    let w = full_workshop(store, "palaa takaisin");
    let before = store.load_workshop(w.id).unwrap();
    let history = store.history(w.id, "a").unwrap();
    let summary = store.list_workshops().unwrap();

    store.delete_workshop(w.id, T0).unwrap();
    store.restore_workshop(w.id).unwrap();

    assert_eq!(store.load_workshop(w.id).unwrap(), before);
    assert_eq!(store.history(w.id, "a").unwrap(), history);
    assert_eq!(store.list_workshops().unwrap(), summary);
    assert!(store.list_deleted_workshops(T0).unwrap().is_empty());
    // Its undo history works as it did: redo the undone note, undo it again.
    store.redo(w.id, "a", Id::now_v7(), T0).unwrap();
    store.undo(w.id, "a", Id::now_v7(), T0).unwrap();
    assert_eq!(store.load_workshop(w.id).unwrap().boards, before.boards);
});

#[test]
fn erasing_leaves_no_text_in_the_file() {
    let (_dir, mut store) = temp_store();
    let secret = "Salainen-huomio-7f3a9c";
    let w = full_workshop(&mut store, secret);
    store.delete_workshop(w.id, T0).unwrap();
    assert!(file_holds(&store, secret), "a soft delete keeps the workshop to restore");

    store.erase_workshop(w.id).unwrap();
    assert!(!file_holds(&store, secret), "no page of the file or its WAL keeps an erased note");
    assert!(matches!(store.load_workshop(w.id), Err(StoreError::NotFound { .. })));
    assert!(store.list_deleted_workshops(T0).unwrap().is_empty());
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

#[test]
fn workshops_deleted_over_30_days_ago_are_erased() {
    let (dir, mut store) = temp_store();
    let old = full_workshop(&mut store, "vanha-poisto-51b2");
    let recent = full_workshop(&mut store, "uusi poisto");
    store.delete_workshop(old.id, T0).unwrap();
    store.delete_workshop(recent.id, T0 + 2 * DAY).unwrap();

    assert_eq!(store.purge_deleted(T0 + KEEP_DELETED_MS).unwrap(), 0, "the 30th day is still kept");
    assert_eq!(store.purge_deleted(T0 + KEEP_DELETED_MS + DAY).unwrap(), 1);
    let left: Vec<Id> = store.list_deleted_workshops(T0).unwrap().iter().map(|d| d.id).collect();
    assert_eq!(left, vec![recent.id]);
    assert!(!file_holds(&store, "vanha-poisto-51b2"));

    // Opening the library purges by the wall clock: T0 (November 2023) is long past.
    drop(store);
    let store = Store::open_dir(dir.path()).unwrap();
    assert!(store.list_deleted_workshops(T0).unwrap().is_empty());
}
