//! Dot votes in the library: each voter kept to their dots in one transaction, also when many
//! vote at the same moment from other connections; dots taken back; a free tally; ending forgets
//! the voters; a deleted note's dots come back with it.

mod common;

use polku_store::Library;
use common::*;
use polku_core::*;
use polku_store::{Cast, Store, StoreError};

fn settings(dots: u32, several: bool) -> VoteSettings {
    VoteSettings { on: VoteOn::Board, dots, several_per_target: several, hidden: true, screen: ScreenVoting::Tally, ends_at: None }
}

/// A workshop with `n` notes and a vote on them; the vote's id and its targets.
fn voted(store: &mut (impl Library + ?Sized), n: usize, s: VoteSettings) -> (Workshop, Id, Vec<Id>) {
    let w = new_workshop(store, "Äänestys");
    for i in 0..n {
        let (_, op) = create_note(&w, &format!("Idea {i}"), Sentiment::Positive);
        store.apply(&env(&w, "desk", op), 2).unwrap();
    }
    let vote = Id::now_v7();
    let op = Op::CreateVote { vote: NewVote { id: vote, board_id: w.boards[0].id, settings: s, session_id: None } };
    store.apply(&env(&w, "desk", op), 3).unwrap();
    let targets = store.load_workshop(w.id).unwrap().votes[0].fields.targets.clone();
    (w, vote, targets)
}

fn cast<'a>(w: &Workshop, vote: Id, target: Id, delta: i32, voter: Option<&'a str>) -> Cast<'a> {
    Cast { workshop_id: w.id, vote_id: vote, target_id: target, delta, op_id: Id::now_v7(), client_id: "participants", voter }
}

fn refused_on(r: Result<polku_store::Applied, StoreError>) -> &'static str {
    match r {
        Err(StoreError::Op(OpError::Validation { field, .. })) => field,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

on_both!(fn a_voter_gives_their_dots_and_no_more_and_takes_them_back(store) {
    let (w, vote, t) = voted(store, 4, settings(3, false));
    for target in &t[..3] {
        store.cast_vote(&cast(&w, vote, *target, 1, Some("v-1")), 4).unwrap();
    }
    assert_eq!(refused_on(store.cast_vote(&cast(&w, vote, t[3], 1, Some("v-1")), 5)), "dots_left", "a fourth dot");
    assert_eq!(refused_on(store.cast_vote(&cast(&w, vote, t[1], -1, Some("v-2")), 5)), "target", "another's dot");
    store.cast_vote(&cast(&w, vote, t[0], -1, Some("v-1")), 5).unwrap();
    store.cast_vote(&cast(&w, vote, t[3], 1, Some("v-1")), 6).unwrap();
    assert_eq!(refused_on(store.cast_vote(&cast(&w, vote, t[3], 1, Some("v-2")), 6).and_then(|_| store.cast_vote(&cast(&w, vote, t[3], 1, Some("v-2")), 6))), "several");
    let v = store.load_workshop(w.id).unwrap().votes[0].clone();
    assert_eq!([t[0], t[1], t[2], t[3]].map(|x| v.count_of(x)), [0, 1, 1, 2]);
    assert_eq!(store.ballot(vote, "v-1").unwrap().used, 3);
    // A free tally on the shared screen: no voter, no limit.
    for _ in 0..5 {
        store.cast_vote(&cast(&w, vote, t[0], 1, None), 7).unwrap();
    }
    assert_eq!(store.load_workshop(w.id).unwrap().votes[0].count_of(t[0]), 5);
});

/// Eight voters, each on a connection of their own (another server instance, on a team server),
/// each trying five dots at once: every one gets exactly their three.
fn voters_at_the_same_moment(open: impl Fn() -> Box<dyn Library> + Send + Sync + 'static) {
    let (w, vote, t) = voted(open().as_mut(), 5, settings(3, true));
    let open = std::sync::Arc::new(open);
    let threads: Vec<_> = (0..8)
        .map(|v| {
            let (open, w, t) = (open.clone(), w.clone(), t.clone());
            std::thread::spawn(move || {
                let mut store = open();
                let voter = format!("voter-{v}");
                (0..5).filter(|i| store.cast_vote(&cast(&w, vote, t[(v + i) % 5], 1, Some(&voter)), 8).is_ok()).count()
            })
        })
        .collect();
    let given: Vec<usize> = threads.into_iter().map(|h| h.join().unwrap()).collect();
    assert_eq!(given, [3; 8]);
    let v = open().load_workshop(w.id).unwrap().votes[0].clone();
    assert_eq!(t.iter().map(|x| v.count_of(*x)).sum::<u32>(), 24);
}

#[test]
fn voters_at_the_same_moment_never_get_past_their_dots_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().to_path_buf();
    voters_at_the_same_moment(move || Box::new(Store::open_dir(&path).unwrap()));
}

#[test]
fn voters_at_the_same_moment_never_get_past_their_dots_postgres() {
    let url = test_postgres::database();
    voters_at_the_same_moment(move || Box::new(polku_store::PgStore::connect(&url).unwrap()));
}

#[test]
fn ending_forgets_who_voted_and_a_deleted_notes_dots_come_back_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_dir(dir.path()).unwrap();
    let (w, vote, t) = voted(&mut store, 2, settings(2, true));
    store.cast_vote(&cast(&w, vote, t[0], 1, Some("secret-voter-key")), 4).unwrap();
    store.cast_vote(&cast(&w, vote, t[0], 1, Some("secret-voter-key")), 4).unwrap();
    let deleted = store.apply(&env(&w, "desk", Op::DeleteNote { id: t[0] }), 5).unwrap();
    assert!(!deleted.changes.is_empty());
    store.undo(w.id, "desk", Id::now_v7(), 6).unwrap();
    let back = store.load_workshop(w.id).unwrap();
    assert!(back.notes().any(|n| n.id == t[0]));
    assert_eq!(back.votes[0].count_of(t[0]), 2, "its dots are there with it");

    let ballots = |dir: &std::path::Path| -> i64 {
        let db = rusqlite::Connection::open(dir.join("polku.sqlite3")).unwrap();
        db.query_row("SELECT count(*) FROM vote_ballot WHERE voter = 'secret-voter-key'", [], |r| r.get(0)).unwrap()
    };
    assert_eq!(ballots(dir.path()), 1, "kept while the vote is open, to keep the voter to their dots");
    store.apply(&env(&w, "desk", Op::EndVote { id: vote }), 7).unwrap();
    assert_eq!(ballots(dir.path()), 0);
    assert_eq!(store.ballot(vote, "secret-voter-key").unwrap().used, 0);
    assert_eq!(refused_on(store.cast_vote(&cast(&w, vote, t[1], 1, Some("late")), 8)), "ended");
    // Nowhere in the library's rows: not in the ballots (gone), the vote or the op log.
    drop(store);
    let db = rusqlite::Connection::open(dir.path().join("polku.sqlite3")).unwrap();
    for sql in [
        "SELECT count(*) FROM vote_ballot WHERE voter LIKE '%secret-voter-key%'",
        "SELECT count(*) FROM vote WHERE fields LIKE '%secret-voter-key%'",
        "SELECT count(*) FROM op_log WHERE request LIKE '%secret-voter-key%' OR changes LIKE '%secret-voter-key%'",
    ] {
        let n: i64 = db.query_row(sql, [], |r| r.get(0)).unwrap();
        assert_eq!(n, 0, "{sql}");
    }
}

#[test]
fn a_backup_made_while_a_vote_is_open_keeps_its_counts_but_not_its_voters() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_dir(dir.path()).unwrap();
    let (w, vote, t) = voted(&mut store, 3, settings(3, false));
    let key = "phone-key-7c1e9a55d2";
    store.cast_vote(&cast(&w, vote, t[0], 1, Some(key)), 4).unwrap();
    let made = store.make_backup(5).unwrap();
    let bytes = std::fs::read(&made.path).unwrap();
    assert!(!bytes.windows(key.len()).any(|b| b == key.as_bytes()), "no voter key in the backup");
    assert!(store.ballot(vote, key).unwrap().used == 1, "the library still knows, while the vote is open");
    let copy = store.open_backup(&made.name).unwrap();
    assert_eq!(copy.load_workshop(w.id).unwrap().votes[0].count_of(t[0]), 1, "the count is kept");
}
