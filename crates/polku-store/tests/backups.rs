//! Issue 15: rolling backups that are sound copies, a workshop or the whole library taken back
//! from one with what it replaces kept aside, erasing that reaches into every backup, and a
//! damaged library left untouched with a backup put in its place.

mod common;

use polku_store::Library;
use std::path::Path;

use common::*;
use polku_core::*;
use polku_store::{BackupKind, Store, StoreError};

const T0: Millis = 1_700_000_000_000;
const MINUTE: Millis = 60 * 1000;

fn temp_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_dir(dir.path()).unwrap();
    (dir, store)
}

fn add_note(store: &mut Store, w: &Workshop, text: &str) -> Id {
    let (id, op) = create_note(w, text, Sentiment::Negative);
    store.apply(&env(w, "a", op), T0).unwrap();
    id
}

fn texts(store: &Store, id: Id) -> Vec<String> {
    let w = store.load_workshop(id).unwrap();
    let mut t: Vec<String> = w
        .boards
        .iter()
        .flat_map(|b| b.notes.iter().map(|n| n.text.clone()))
        .collect();
    t.sort();
    t
}

/// Whether `needle` is in any file of `dir` (not below it).
fn any_file_holds(dir: &Path, needle: &str) -> Vec<String> {
    let mut holding = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file()
            && std::fs::read(&path)
                .unwrap()
                .windows(needle.len())
                .any(|w| w == needle.as_bytes())
        {
            holding.push(path.display().to_string());
        }
    }
    holding
}

#[test]
fn a_backup_is_a_sound_whole_copy_even_while_another_writer_edits() {
    let (dir, mut store) = temp_store();
    let w = new_workshop(&mut store, "Varmuuskopio");
    add_note(&mut store, &w, "ensimmäinen");
    // A second connection (as a second Polku on the same library would) keeps writing meanwhile.
    let path = store.path().to_path_buf();
    let w2 = w.clone();
    let writer = std::thread::spawn(move || {
        let mut other = Store::open(&path, polku_store::Durability::Normal).unwrap();
        for i in 0..150 {
            add_note(&mut other, &w2, &format!("kirjoittaja {i}"));
        }
    });
    let mut made = Vec::new();
    for i in 0..6 {
        made.push(store.make_backup(T0 + i).unwrap());
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    writer.join().unwrap();

    let listed = store.list_backups().unwrap();
    assert!(listed.len() >= 6, "{}", listed.len());
    let mut last = 0;
    for b in listed.iter().rev() {
        assert_eq!(b.file.kind, BackupKind::Rolling);
        assert_eq!(b.workshops, Some(1));
        let notes = b.notes.unwrap();
        assert!(
            notes >= last && (1..=151).contains(&notes),
            "each backup is one moment: {notes}"
        );
        last = notes;
        let copy = Store::open_backup_file(&b.file.path).unwrap();
        assert_eq!(copy.integrity_check().unwrap(), "ok");
        assert_eq!(texts(&copy, w.id).len() as i64, notes);
    }
    let names: Vec<String> = std::fs::read_dir(dir.path().join("backups"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !names.iter().any(|n| n.ends_with(".part")),
        "no half-written file is left: {names:?}"
    );
}

#[test]
fn a_backup_opened_to_look_is_never_written() {
    let (_dir, mut store) = temp_store();
    let w = new_workshop(&mut store, "Katsottava");
    add_note(&mut store, &w, "vain luettava");
    let b = store.make_backup(T0).unwrap();
    let before = std::fs::read(&b.path).unwrap();
    let mut copy = store.open_backup(&b.name).unwrap();
    assert_eq!(texts(&copy, w.id), vec!["vain luettava"]);
    assert!(matches!(copy.make_backup(T0), Err(StoreError::ReadOnly(_))));
    assert!(matches!(
        copy.erase_workshop(w.id),
        Err(StoreError::ReadOnly(_))
    ));
    drop(copy);
    assert_eq!(std::fs::read(&b.path).unwrap(), before);
    for bad in [
        "../polku.sqlite3",
        "polku.sqlite3",
        "backup-1.sqlite3",
        "/etc/passwd",
        "",
    ] {
        assert!(
            matches!(store.open_backup(bad), Err(StoreError::NoBackup(_))),
            "{bad}"
        );
    }
}

#[test]
fn a_workshop_put_back_in_place_keeps_the_replaced_one_aside() {
    let (_dir, mut store) = temp_store();
    let w = new_workshop(&mut store, "Palautettava");
    let note = add_note(&mut store, &w, "alkuperäinen");
    let b = store.make_backup(T0).unwrap();
    store
        .apply(&env(&w, "a", text_patch(note, "muutettu vahingossa")), T0)
        .unwrap();
    add_note(&mut store, &w, "uusi");

    let old = store
        .open_backup(&b.name)
        .unwrap()
        .load_workshop(w.id)
        .unwrap();
    store.replace_workshop(&old, T0 + MINUTE).unwrap();
    assert_eq!(texts(&store, w.id), vec!["alkuperäinen"]);
    assert_eq!(store.list_workshops().unwrap().len(), 1);
    // Editing goes on in the restored workshop.
    add_note(&mut store, &w, "jatkuu");
    assert_eq!(texts(&store, w.id).len(), 2);

    let aside: Vec<_> = store
        .list_backups()
        .unwrap()
        .into_iter()
        .filter(|b| b.file.kind == BackupKind::BeforeRestore)
        .collect();
    assert_eq!(aside.len(), 1);
    let was = Store::open_backup_file(&aside[0].file.path).unwrap();
    assert_eq!(texts(&was, w.id), vec!["muutettu vahingossa", "uusi"]);
}

#[test]
fn the_whole_library_put_back_keeps_the_current_one_aside() {
    let (_dir, mut store) = temp_store();
    let a = new_workshop(&mut store, "Ensimmäinen");
    let b = new_workshop(&mut store, "Toinen");
    add_note(&mut store, &a, "a:n huomio");
    let backup = store.make_backup(T0).unwrap();
    let c = new_workshop(&mut store, "Kolmas");
    store.delete_workshop(a.id, T0).unwrap();

    let aside = store.restore_library(&backup.name, T0 + MINUTE).unwrap();
    let mut listed: Vec<Id> = store
        .list_workshops()
        .unwrap()
        .iter()
        .map(|s| s.id)
        .collect();
    listed.sort();
    let mut want = vec![a.id, b.id];
    want.sort();
    assert_eq!(listed, want);
    assert_eq!(texts(&store, a.id), vec!["a:n huomio"]);
    assert_eq!(store.integrity_check().unwrap(), "ok");
    add_note(&mut store, &b, "muokkaus palautuksen jälkeen");

    assert_eq!(aside.kind, BackupKind::BeforeRestore);
    let was = Store::open_backup_file(&aside.path).unwrap();
    let mut then: Vec<Id> = was.list_workshops().unwrap().iter().map(|s| s.id).collect();
    then.sort();
    let mut want = vec![b.id, c.id];
    want.sort();
    assert_eq!(then, want);
    assert_eq!(was.list_deleted_workshops(T0).unwrap()[0].id, a.id);

    // And it survives reopening.
    let path = store.path().to_path_buf();
    drop(store);
    let store = Store::open(&path, polku_store::Durability::Normal).unwrap();
    assert_eq!(store.list_workshops().unwrap().len(), 2);
}

#[test]
fn erasing_for_good_reaches_every_backup() {
    let (dir, mut store) = temp_store();
    let secret = "Salaisuus-vain-tassa-9d41e";
    let w = new_workshop(&mut store, "Pyyhittävä");
    let kept = new_workshop(&mut store, "Säilyvä");
    add_note(&mut store, &w, secret);
    add_note(&mut store, &kept, "säilyvä huomio");
    store.make_backup(T0).unwrap();
    store.make_backup(T0 + MINUTE).unwrap();
    store.delete_workshop(w.id, T0).unwrap();
    store.make_backup(T0 + 2 * MINUTE).unwrap();
    assert_eq!(any_file_holds(&dir.path().join("backups"), secret).len(), 3);

    assert_eq!(
        store.erase_workshop(w.id).unwrap(),
        3,
        "every backup held it"
    );
    store.checkpoint().unwrap();
    let holding = [
        any_file_holds(dir.path(), secret),
        any_file_holds(&dir.path().join("backups"), secret),
    ]
    .concat();
    assert!(
        holding.is_empty(),
        "no file keeps the erased text: {holding:?}"
    );
    for b in store.list_backups().unwrap() {
        assert_eq!(
            (b.workshops, b.notes),
            (Some(1), Some(1)),
            "the other workshop stays in {}",
            b.file.name
        );
        assert_eq!(
            Store::open_backup_file(&b.file.path)
                .unwrap()
                .integrity_check()
                .unwrap(),
            "ok"
        );
    }
}

/// Overwrites the pages after the first (the schema) with junk, as a failing disk might.
fn damage(path: &Path) {
    let mut bytes = std::fs::read(path).unwrap();
    for b in bytes.iter_mut().skip(4096).step_by(7) {
        *b = 0x5a;
    }
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn a_damaged_library_is_left_untouched_and_a_backup_takes_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let (w, name, db) = {
        let mut store = Store::open_dir(dir.path()).unwrap();
        let w = new_workshop(&mut store, "Pelastettava");
        add_note(&mut store, &w, "tallessa");
        let b = store.make_backup(T0).unwrap();
        store.checkpoint().unwrap();
        (w, b.name, store.path().to_path_buf())
    };
    damage(&db);
    let before = std::fs::read(&db).unwrap();
    let err = Store::open_dir(dir.path())
        .err()
        .expect("a damaged library is refused");
    assert!(Store::is_damage(&err), "{err:?}");
    assert_eq!(std::fs::read(&db).unwrap(), before, "never written to");
    assert_eq!(
        polku_store::list_backups(&db).unwrap()[0].notes,
        Some(1),
        "its backups are listed all the same"
    );

    let store = polku_store::replace_damaged(&db, &name, T0 + MINUTE).unwrap();
    assert_eq!(texts(&store, w.id), vec!["tallessa"]);
    let aside = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("damaged-")
        })
        .expect("the damaged file is kept beside");
    assert_eq!(std::fs::read(aside).unwrap(), before);
}
