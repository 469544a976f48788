//! Dot votes in the core: what a vote may be on (fixed when it starts, face-down notes left out),
//! its settings' bounds, ranks with ties, and votes going and coming back with their board.

mod common;

use common::apply;
use polku_core::*;

fn add_note(w: &mut Workshop, id: u128, place: usize) {
    let op = common::note_at(w, id, place, NoteKind::Idea, None, &format!("Idea {id}"));
    apply(w, op, 2);
}

fn settings(on: VoteOn) -> VoteSettings {
    VoteSettings { on, dots: 3, several_per_target: false, hidden: true, screen: ScreenVoting::Off, ends_at: None }
}

fn start(w: &mut Workshop, id: u128, on: VoteOn) -> Result<Vec<Change>, OpError> {
    let op = Op::CreateVote { vote: NewVote { id: Id::from_u128(id), board_id: w.boards[0].id, settings: settings(on), session_id: None } };
    let changes = plan(&op, w, 10)?;
    w.commit(&changes, 10);
    Ok(changes)
}

#[test]
fn a_vote_is_on_what_the_board_shows_when_it_starts() {
    let mut w = common::workshop("Äänestys");
    assert!(matches!(start(&mut w, 700, VoteOn::Board), Err(OpError::Validation { field: "on", .. })), "nothing to vote on yet");
    for (id, place) in [(801, 0), (802, 1), (803, 1)] {
        add_note(&mut w, id, place);
    }
    // A note written privately and not revealed is not on the ballot.
    let board = w.boards[0].id;
    apply(&mut w, Op::UpdateBoard { id: board, patch: BoardPatch { writing: Some(Some(PrivateWriting { since: 1, touchpoint_id: None })), ..Default::default() } }, 3);
    add_note(&mut w, 804, 0);
    start(&mut w, 700, VoteOn::Board).unwrap();
    let v = w.votes[0].clone();
    assert_eq!(v.fields.targets.iter().map(|t| t.as_u128()).collect::<Vec<_>>(), [801, 802, 803]);
    assert!(v.is_open() && v.fields.counts.is_empty() && v.fields.turn == 1);

    let place = w.boards[0].touchpoints[1].id;
    start(&mut w, 701, VoteOn::Place { touchpoint_id: place }).unwrap();
    assert_eq!(w.vote(Id::from_u128(701)).unwrap().fields.targets.len(), 2);
    start(&mut w, 702, VoteOn::Touchpoints).unwrap();
    assert_eq!(w.vote(Id::from_u128(702)).unwrap().fields.targets.len(), w.boards[0].touchpoints.len());
    let stranger = start(&mut w, 703, VoteOn::Notes { ids: vec![Id::from_u128(801), Id::from_u128(999)] });
    assert!(matches!(stranger, Err(OpError::NotFound { entity: "note", .. })), "{stranger:?}");

    for dots in [0, 21] {
        let op = Op::CreateVote { vote: NewVote { id: Id::from_u128(710), board_id: board, settings: VoteSettings { dots, ..settings(VoteOn::Board) }, session_id: None } };
        assert!(matches!(plan(&op, &w, 11), Err(OpError::Validation { field: "dots", .. })));
    }
}

#[test]
fn results_rank_by_dots_with_ties_sharing_a_place() {
    let mut w = common::workshop("Tulokset");
    for id in 801..=804 {
        add_note(&mut w, id, 0);
    }
    start(&mut w, 700, VoteOn::Board).unwrap();
    let mut v = w.votes[0].clone();
    for (target, n) in [(802, 3), (803, 3), (801, 1)] {
        for _ in 0..n {
            v = v.counted(Id::from_u128(target), 1);
        }
    }
    let ranks: Vec<(u32, u128, u32)> = v.ranked().into_iter().map(|(r, t, n)| (r, t.as_u128(), n)).collect();
    assert_eq!(ranks, [(1, 802, 3), (1, 803, 3), (3, 801, 1), (4, 804, 0)]);
    let v = v.counted(Id::from_u128(801), -1).counted(Id::from_u128(801), -1);
    assert_eq!(v.count_of(Id::from_u128(801)), 0, "never below nothing");
}

#[test]
fn ending_is_final_and_a_deleted_board_takes_its_votes_until_undo() {
    let mut w = common::workshop("Loppu");
    add_note(&mut w, 801, 0);
    start(&mut w, 700, VoteOn::Board).unwrap();
    let vote = Id::from_u128(700);
    apply(&mut w, Op::UpdateVote { id: vote, patch: VotePatch { keep_top: Some(Some(1)), ..Default::default() } }, 12);
    apply(&mut w, Op::EndVote { id: vote }, 13);
    assert_eq!(w.vote(vote).unwrap().fields.ended_at, Some(13));
    assert!(Op::EndVote { id: vote }.never_undone(), "voters' dots are forgotten at the end: no reopening by undo");
    assert!(matches!(plan(&Op::EndVote { id: vote }, &w, 14), Err(OpError::Conflict(_))));

    let copy = Id::from_u128(990);
    apply(&mut w, Op::CreateBoard { board: NewBoard { id: copy, index: 1, title: "Kopio".into(), from: BoardSource::Blank { kind: BoardKind::ServicePath } } }, 15);
    let board = w.boards[0].id;
    let gone = apply(&mut w, Op::DeleteBoard { id: board }, 16);
    assert!(w.votes.is_empty());
    for op in undo_ops(&gone) {
        apply(&mut w, op, 17);
    }
    assert_eq!(w.vote(vote).unwrap().fields.keep_top, Some(1));
}
