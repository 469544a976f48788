//! The rolling backups come on their own: after changes (at most every POLKU_BACKUP_MINUTES),
//! never while nothing changes, and once more when the library closes. Its own test binary,
//! because the interval is read from the environment.

mod common;

use polku_store::Library;
use std::time::{Duration, Instant};

use common::*;
use polku_core::*;
use polku_store::Store;

fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "waited 20 s for {what}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn backups_follow_changes_and_closing() {
    // 0.005 minutes: a tick every 0.3 s.
    std::env::set_var(polku_store::BACKUP_MINUTES_ENV, "0.005");
    let dir = tempfile::tempdir().unwrap();
    let backups = |store: &Store| store.list_backups().unwrap();
    let mut store = Store::open_dir(dir.path()).unwrap();
    std::thread::sleep(Duration::from_millis(800));
    assert!(
        backups(&store).is_empty(),
        "an empty library that nothing changed needs no backup"
    );

    let w = new_workshop(&mut store, "Ajastettu");
    wait_for("the first backup", || backups(&store).len() == 1);
    std::thread::sleep(Duration::from_millis(1000));
    assert_eq!(
        backups(&store).len(),
        1,
        "no new backup while nothing changes"
    );

    let (_, op) = create_note(&w, "viimeinen muutos", Sentiment::Positive);
    store.apply(&env(&w, "a", op), 5_000).unwrap();
    store.stop_backups();
    let list = backups(&store);
    // A tick may have come between the edit and the stop and made one already; if it read the
    // library's version just before the edit landed, the stop makes one more (never one fewer).
    assert!((2..=3).contains(&list.len()), "stopping makes the last one at once: {}", list.len());
    assert_eq!(list[0].notes, Some(1), "with the last edit in it");
}
