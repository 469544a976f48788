//! Dot voting: a round of votes on a board's notes (all, some, one row or one place) or on its
//! touchpoints. Each voter has a number of dots; a vote's record keeps its settings, what may be
//! voted on (fixed when it starts) and a count per target, never who gave which dot. The store
//! keeps each voter's dots (under an opaque key) only while the vote is open, to enforce the
//! limit, and drops them when it ends (`polku_store::votes`).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::plan::{DocRead, NoteFilter};
use crate::{Change, Id, Millis, OpError};

/// Dots one person may give in one vote.
pub const MAX_DOTS: u32 = 20;
/// Targets of one vote: more could not be read and weighed in a meeting, and a phone lists them all.
pub const MAX_VOTE_TARGETS: usize = 300;
/// Votes kept in one workshop.
pub const MAX_VOTES: usize = 200;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Vote {
    pub id: Id,
    pub board_id: Id,
    pub fields: VoteFields,
    #[ts(type = "number")]
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct VoteFields {
    pub settings: VoteSettings,
    /// The session running when it started, if one was.
    pub session_id: Option<Id>,
    #[ts(type = "number")]
    pub started_at: Millis,
    #[ts(type = "number | null")]
    pub ended_at: Option<Millis>,
    /// Notes (or touchpoints) that may be voted on, fixed at the start, in board order.
    pub targets: Vec<Id>,
    /// Dots per target, for targets with any; sorted by target.
    pub counts: Vec<VoteCount>,
    /// On the shared screen in turns: whose turn it is (from 1).
    pub turn: u32,
    /// "Keep the top N": the results highlight the N with most votes (ties kept together).
    pub keep_top: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct VoteSettings {
    pub on: VoteOn,
    /// Dots per person, 1 … 20.
    pub dots: u32,
    /// Whether a person may put more than one of their dots on one target.
    pub several_per_target: bool,
    /// Counts shown only when the vote ends.
    pub hidden: bool,
    /// How the shared screen takes votes besides the phones'.
    pub screen: ScreenVoting,
    /// When the time given ends (the facilitator still ends the vote).
    #[ts(type = "number | null")]
    pub ends_at: Option<Millis>,
}

/// What is voted on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum VoteOn {
    /// Every note of the board (face up).
    Board,
    Notes { ids: Vec<Id> },
    /// The notes of one row.
    Lane { lane_id: Id },
    /// The notes of one touchpoint, box or column.
    Place { touchpoint_id: Id },
    /// The board's touchpoints (boxes, columns) themselves.
    Touchpoints,
}

/// The shared screen: nobody votes there, people vote there in turns (each with the same dots),
/// or it is a free tally like dots on paper (no limit).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ScreenVoting {
    Off,
    Turns,
    Tally,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct VoteCount {
    pub target_id: Id,
    pub count: u32,
}

impl Vote {
    pub fn is_open(&self) -> bool {
        self.fields.ended_at.is_none()
    }

    pub fn count_of(&self, target: Id) -> u32 {
        self.fields.counts.iter().find(|c| c.target_id == target).map_or(0, |c| c.count)
    }

    /// This vote after one dot more (`delta` 1) or less (−1) on `target`; the limits per voter are
    /// the store's to check, since only it knows the voters.
    pub fn counted(&self, target: Id, delta: i32) -> Vote {
        let mut v = self.clone();
        match v.fields.counts.iter_mut().find(|c| c.target_id == target) {
            Some(c) => c.count = c.count.saturating_add_signed(delta),
            None if delta > 0 => v.fields.counts.push(VoteCount { target_id: target, count: delta as u32 }),
            None => {}
        }
        v.fields.counts.retain(|c| c.count > 0);
        v.fields.counts.sort_by_key(|c| c.target_id);
        v.version += 1;
        v
    }

    /// Targets with their counts, most first; ties share a rank (1, 2, 2, 4 …).
    pub fn ranked(&self) -> Vec<(u32, Id, u32)> {
        let mut list: Vec<(Id, u32)> = self.fields.targets.iter().map(|&t| (t, self.count_of(t))).collect();
        list.sort_by_key(|b| std::cmp::Reverse(b.1));
        let mut out = Vec::with_capacity(list.len());
        for (i, &(t, n)) in list.iter().enumerate() {
            let rank = match out.last() {
                Some(&(r, _, last)) if last == n => r,
                _ => i as u32 + 1,
            };
            out.push((rank, t, n));
        }
        out
    }
}

/// What a facilitator asks for when starting a vote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct NewVote {
    pub id: Id,
    pub board_id: Id,
    pub settings: VoteSettings,
    pub session_id: Option<Id>,
}

/// What may change of a vote while it is on: the turn on the shared screen, the top kept.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct VotePatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub turn: Option<u32>,
    #[serde(default, deserialize_with = "crate::op::double_option", skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub keep_top: Option<Option<u32>>,
}

fn not_found(id: Id) -> OpError {
    OpError::NotFound { entity: "vote", id }
}

/// The targets a vote on `on` has now, in board order; face-down notes are not among them.
fn targets(board: Id, on: &VoteOn, doc: &dyn DocRead) -> Result<Vec<Id>, OpError> {
    let face_up = |filter| doc.notes_in(board, filter).into_iter().filter(|n| !n.face_down).map(|n| n.id).collect::<Vec<_>>();
    let list = match on {
        VoteOn::Board => face_up(NoteFilter::All),
        VoteOn::Lane { lane_id } => {
            doc.lane(*lane_id).filter(|l| l.board_id == board).ok_or(OpError::NotFound { entity: "lane", id: *lane_id })?;
            face_up(NoteFilter::Lane(*lane_id))
        }
        VoteOn::Place { touchpoint_id } => {
            doc.touchpoint(*touchpoint_id).filter(|t| t.board_id == board).ok_or(OpError::NotFound { entity: "touchpoint", id: *touchpoint_id })?;
            face_up(NoteFilter::Touchpoint(*touchpoint_id))
        }
        VoteOn::Notes { ids } => {
            let on_board = face_up(NoteFilter::All);
            if let Some(stranger) = ids.iter().find(|id| !on_board.contains(id)) {
                return Err(OpError::NotFound { entity: "note", id: *stranger });
            }
            on_board.into_iter().filter(|id| ids.contains(id)).collect()
        }
        VoteOn::Touchpoints => doc.touchpoints(board).into_iter().map(|t| t.id).collect(),
    };
    if list.is_empty() {
        return Err(OpError::invalid("on", "there is nothing to vote on"));
    }
    if list.len() > MAX_VOTE_TARGETS {
        return Err(OpError::invalid("on", format!("a vote takes at most {MAX_VOTE_TARGETS}: choose a row, a place or some notes")));
    }
    Ok(list)
}

fn check_settings(s: &VoteSettings) -> Result<(), OpError> {
    if !(1..=MAX_DOTS).contains(&s.dots) {
        return Err(OpError::invalid("dots", format!("must be from 1 to {MAX_DOTS}")));
    }
    Ok(())
}

pub(crate) fn create(new: &NewVote, doc: &dyn DocRead, now: Millis) -> Result<Vec<Change>, OpError> {
    if doc.vote(new.id).is_some() {
        return Err(OpError::Conflict(format!("vote {} already exists", new.id)));
    }
    doc.board_info(new.board_id).ok_or(OpError::NotFound { entity: "board", id: new.board_id })?;
    if doc.votes().len() >= MAX_VOTES {
        return Err(OpError::invalid("votes", format!("a workshop keeps at most {MAX_VOTES} votes")));
    }
    if let Some(s) = new.session_id.filter(|s| doc.session(*s).is_none()) {
        return Err(OpError::NotFound { entity: "session", id: s });
    }
    check_settings(&new.settings)?;
    let fields = VoteFields {
        targets: targets(new.board_id, &new.settings.on, doc)?,
        settings: new.settings.clone(),
        session_id: new.session_id,
        started_at: now,
        ended_at: None,
        counts: Vec::new(),
        turn: 1,
        keep_top: None,
    };
    let made = Vote { id: new.id, board_id: new.board_id, fields, version: 1 };
    Ok(vec![Change::Vote { id: new.id, before: None, after: Some(made) }])
}

pub(crate) fn update(id: Id, patch: &VotePatch, doc: &dyn DocRead) -> Result<Vec<Change>, OpError> {
    let before = doc.vote(id).ok_or(not_found(id))?;
    let mut after = before.clone();
    if let Some(turn) = patch.turn {
        after.fields.turn = turn.max(1);
    }
    if let Some(top) = patch.keep_top {
        after.fields.keep_top = top;
    }
    if after == before {
        return Err(OpError::invalid("patch", "names nothing to change"));
    }
    after.version += 1;
    Ok(vec![Change::Vote { id, before: Some(before), after: Some(after) }])
}

pub(crate) fn end(id: Id, doc: &dyn DocRead, now: Millis) -> Result<Vec<Change>, OpError> {
    let before = doc.vote(id).ok_or(not_found(id))?;
    if !before.is_open() {
        return Err(OpError::Conflict(format!("vote {id} has ended")));
    }
    let mut after = before.clone();
    after.fields.ended_at = Some(now);
    after.version += 1;
    Ok(vec![Change::Vote { id, before: Some(before), after: Some(after) }])
}

pub(crate) fn delete(id: Id, doc: &dyn DocRead) -> Result<Vec<Change>, OpError> {
    let before = doc.vote(id).ok_or(not_found(id))?;
    Ok(vec![Change::Vote { id, before: Some(before), after: None }])
}

/// Undo of a deletion: the vote as it was, on a board that is still there.
pub(crate) fn restore(vote: &Vote, doc: &dyn DocRead) -> Result<Vec<Change>, OpError> {
    if doc.vote(vote.id).is_some() {
        return Err(OpError::Conflict(format!("vote {} already exists", vote.id)));
    }
    doc.board_info(vote.board_id).ok_or(OpError::NotFound { entity: "board", id: vote.board_id })?;
    check_vote(vote)?;
    Ok(vec![Change::Vote { id: vote.id, before: None, after: Some(Vote { version: vote.version + 1, ..vote.clone() }) }])
}

/// A vote kept in a workshop file or brought back by undo: its settings and counts in range.
pub fn check_vote(v: &Vote) -> Result<(), OpError> {
    check_settings(&v.fields.settings)?;
    if v.fields.targets.len() > MAX_VOTE_TARGETS || v.fields.counts.iter().any(|c| !v.fields.targets.contains(&c.target_id)) {
        return Err(OpError::invalid("counts", "count targets the vote does not have"));
    }
    Ok(())
}
