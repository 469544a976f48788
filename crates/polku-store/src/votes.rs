//! Dot votes in the library: the vote record's table, and casting a dot, which checks the voter's
//! dots left and writes the count in one transaction, so voters at the same moment never get past
//! their limit. A voter is an opaque key the caller picks (a phone's per-vote key, a turn on the
//! shared screen); it is kept in `vote_ballot` only while the vote is open and never reaches the
//! op log, the vote record or any file.

use polku_core::{Change, Id, Millis, OpError, Vote};

use crate::db::{to_json, vals, Db, DbRow};
use crate::library::{write, Library, Lock};
use crate::ops::{history, log, replay, require_workshop, Applied, Kind};
use crate::records::{self, Stored};
use crate::StoreError;

impl Stored for Vote {
    const COLUMNS: &'static str = "r.id, r.board_id, r.fields, r.version";
    const IN_WORKSHOP: &'static str = "FROM vote r WHERE r.workshop_id = ?1";
    const ORDER: &'static str = "r.id";

    fn from_row(r: &dyn DbRow) -> Result<Self, StoreError> {
        Ok(Vote { id: r.id(0)?, board_id: r.id(1)?, fields: r.json(2, "vote fields")?, version: r.i64(3)? })
    }

    fn upsert(&self, db: &dyn Db, workshop: Id) -> Result<(), StoreError> {
        db.exec(
            "INSERT INTO vote (id, workshop_id, board_id, fields, version) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT(id) DO UPDATE SET board_id = ?3, fields = ?4, version = ?5",
            vals![self.id, workshop, self.board_id, to_json(&self.fields)?, self.version],
        )?;
        // Who gave which dot is forgotten when the vote ends (SQLite overwrites the freed pages:
        // `secure_delete` is on for the library's connection).
        if !self.is_open() {
            db.exec("DELETE FROM vote_ballot WHERE vote_id = ?1", vals![self.id])?;
        }
        Ok(())
    }
}

#[derive(Debug, Clone)]
pub struct Cast<'a> {
    pub workshop_id: Id,
    pub vote_id: Id,
    pub target_id: Id,
    pub delta: i32,
    pub op_id: Id,
    /// Who the op log says did it: a screen's client id, or `participants` for the phones.
    pub client_id: &'a str,
    /// The opaque key the limit is kept under; None: a free tally, no limit and no ballot.
    pub voter: Option<&'a str>,
}

/// What one voter has given in one vote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ballot {
    pub used: u32,
    pub on: Vec<(Id, u32)>,
}

pub(crate) fn cast<L: Library + ?Sized>(lib: &mut L, cast: &Cast, now: Millis) -> Result<Applied, StoreError> {
    let request = serde_json::json!({ "type": "cast_vote", "vote_id": cast.vote_id, "target_id": cast.target_id, "delta": cast.delta }).to_string();
    write(lib, Lock::Workshop(cast.workshop_id), |db| {
        if let Some(done) = replay(db, cast.op_id, &request)? {
            return Ok(done);
        }
        require_workshop(db, cast.workshop_id)?;
        let before: Vote = records::one(db, cast.workshop_id, cast.vote_id)?.ok_or(StoreError::NotFound { entity: "vote", id: cast.vote_id })?;
        if !before.is_open() {
            return Err(OpError::invalid("ended", "this vote has ended").into());
        }
        if !before.fields.targets.contains(&cast.target_id) || !(cast.delta == 1 || cast.delta == -1) {
            return Err(OpError::invalid("target", "is not one of this vote's").into());
        }
        if let Some(voter) = cast.voter {
            check_ballot(db, &before, cast, voter)?;
        } else if cast.delta < 0 && before.count_of(cast.target_id) == 0 {
            return Err(OpError::invalid("target", "has no dots to take").into());
        }
        let after = before.counted(cast.target_id, cast.delta);
        after.upsert(db, cast.workshop_id)?;
        let changes = vec![Change::Vote { id: cast.vote_id, before: Some(before), after: Some(after) }];
        let seq = log(db, cast.workshop_id, cast.op_id, cast.client_id, Kind::Do, &request, &changes, now)?;
        let history = history(db, cast.workshop_id, cast.client_id)?;
        Ok(Applied { seq, op_id: cast.op_id, workshop_id: cast.workshop_id, client_id: cast.client_id.to_string(), changes, history, replayed: false })
    })
}

/// Refuses a dot past the voter's limit (or one to take back that they never gave), and writes
/// their ballot.
fn check_ballot(db: &dyn Db, vote: &Vote, cast: &Cast, voter: &str) -> Result<(), StoreError> {
    let ballot = ballot_in(db, cast.vote_id, voter)?;
    let here = ballot.on.iter().find(|(t, _)| *t == cast.target_id).map_or(0, |(_, n)| *n);
    let s = &vote.fields.settings;
    if cast.delta > 0 && ballot.used >= s.dots {
        return Err(OpError::invalid("dots_left", format!("all {} dots are given", s.dots)).into());
    }
    if cast.delta > 0 && here > 0 && !s.several_per_target {
        return Err(OpError::invalid("several", "one dot per note in this vote").into());
    }
    if cast.delta < 0 && here == 0 {
        return Err(OpError::invalid("target", "no dot of yours is there").into());
    }
    set_ballot(db, cast.vote_id, voter, cast.target_id, here.saturating_add_signed(cast.delta))
}

pub(crate) fn vote(db: &dyn Db, workshop: Id, id: Id) -> Result<Vote, StoreError> {
    crate::deleted::require_live(db, workshop)?;
    records::one(db, workshop, id)?.ok_or(StoreError::NotFound { entity: "vote", id })
}

pub(crate) fn ballot_in(db: &dyn Db, vote: Id, voter: &str) -> Result<Ballot, StoreError> {
    let on = db.all("SELECT target_id, dots FROM vote_ballot WHERE vote_id = ?1 AND voter = ?2 ORDER BY target_id", vals![vote, voter], |r| {
        Ok((r.id(0)?, r.u32(1)?))
    })?;
    Ok(Ballot { used: on.iter().map(|(_, n)| n).sum(), on })
}

fn set_ballot(db: &dyn Db, vote: Id, voter: &str, target: Id, dots: u32) -> Result<(), StoreError> {
    if dots == 0 {
        db.exec("DELETE FROM vote_ballot WHERE vote_id = ?1 AND voter = ?2 AND target_id = ?3", vals![vote, voter, target])?;
    } else {
        db.exec(
            "INSERT INTO vote_ballot (vote_id, voter, target_id, dots) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(vote_id, voter, target_id) DO UPDATE SET dots = ?4",
            vals![vote, voter, target, dots],
        )?;
    }
    Ok(())
}
