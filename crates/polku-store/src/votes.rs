//! Dot votes in the library: the vote record's table, and casting a dot, which checks the voter's
//! dots left and writes the count in one transaction, so voters at the same moment never get past
//! their limit. A voter is an opaque key the caller picks (a phone's per-vote key, a turn on the
//! shared screen); it is kept in `vote_ballot` only while the vote is open and never reaches the
//! op log, the vote record or any file.

use polku_core::{Change, Id, Millis, OpError, Vote, VoteFields};
use rusqlite::{params, Connection, Row, TransactionBehavior};

use crate::ops::{history, log, replay, require_workshop, Applied, Kind};
use crate::records::{self, Stored};
use crate::rows::id;
use crate::{Store, StoreError};

impl Stored for Vote {
    const COLUMNS: &'static str = "r.id, r.board_id, r.fields, r.version";
    const IN_WORKSHOP: &'static str = "FROM vote r WHERE r.workshop_id = ?1";
    const ORDER: &'static str = "r.id";

    fn from_row(r: &Row) -> rusqlite::Result<Self> {
        let json: String = r.get(2)?;
        let fields: VoteFields = serde_json::from_str(&json).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(2, rusqlite::types::Type::Text, format!("vote fields: {e}").into())
        })?;
        Ok(Vote { id: id(r, 0)?, board_id: id(r, 1)?, fields, version: r.get(3)? })
    }

    fn upsert(&self, conn: &Connection, workshop: Id) -> rusqlite::Result<()> {
        let fields = serde_json::to_string(&self.fields).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
        conn.prepare_cached(
            "INSERT INTO vote (id, workshop_id, board_id, fields, version) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT(id) DO UPDATE SET board_id = ?3, fields = ?4, version = ?5",
        )?
        .execute(params![self.id.to_string(), workshop.to_string(), self.board_id.to_string(), fields, self.version])?;
        // Ended: the counts are final, and who gave which dot is needed no longer. Overwritten,
        // not just unlinked, so the file keeps no page with the voters' keys.
        if !self.is_open() {
            conn.pragma_update(None, "secure_delete", true)?;
            let gone = conn.prepare_cached("DELETE FROM vote_ballot WHERE vote_id = ?1")?.execute([self.id.to_string()]);
            conn.pragma_update(None, "secure_delete", false)?;
            gone?;
        }
        Ok(())
    }
}

/// One dot given (`delta` 1) or taken back (−1) by one voter.
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

impl Store {
    pub fn cast_vote(&mut self, cast: &Cast, now: Millis) -> Result<Applied, StoreError> {
        // The op log keeps what was done, never by whom: no voter key in the request.
        let request = serde_json::json!({ "type": "cast_vote", "vote_id": cast.vote_id, "target_id": cast.target_id, "delta": cast.delta }).to_string();
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        if let Some(done) = replay(&tx, cast.op_id, &request)? {
            return Ok(done);
        }
        require_workshop(&tx, cast.workshop_id)?;
        let w = cast.workshop_id.to_string();
        let before: Vote = records::one(&tx, &w, cast.vote_id)?.ok_or(StoreError::NotFound { entity: "vote", id: cast.vote_id })?;
        if !before.is_open() {
            return Err(OpError::invalid("ended", "this vote has ended").into());
        }
        if !before.fields.targets.contains(&cast.target_id) || !(cast.delta == 1 || cast.delta == -1) {
            return Err(OpError::invalid("target", "is not one of this vote's").into());
        }
        if let Some(voter) = cast.voter {
            let ballot = ballot_in(&tx, cast.vote_id, voter)?;
            let here = ballot.on.iter().find(|(t, _)| *t == cast.target_id).map_or(0, |(_, n)| *n);
            let s = &before.fields.settings;
            if cast.delta > 0 && ballot.used >= s.dots {
                return Err(OpError::invalid("dots_left", format!("all {} dots are given", s.dots)).into());
            }
            if cast.delta > 0 && here > 0 && !s.several_per_target {
                return Err(OpError::invalid("several", "one dot per note in this vote").into());
            }
            if cast.delta < 0 && here == 0 {
                return Err(OpError::invalid("target", "no dot of yours is there").into());
            }
            set_ballot(&tx, cast.vote_id, voter, cast.target_id, here.saturating_add_signed(cast.delta))?;
        } else if cast.delta < 0 && before.count_of(cast.target_id) == 0 {
            return Err(OpError::invalid("target", "has no dots to take").into());
        }
        let after = before.counted(cast.target_id, cast.delta);
        after.upsert(&tx, cast.workshop_id)?;
        let changes = vec![Change::Vote { id: cast.vote_id, before: Some(before), after: Some(after) }];
        let seq = log(&tx, cast.workshop_id, cast.op_id, cast.client_id, Kind::Do, &request, &changes, now)?;
        let history = history(&tx, cast.workshop_id, cast.client_id)?;
        tx.commit()?;
        Ok(Applied { seq, op_id: cast.op_id, workshop_id: cast.workshop_id, client_id: cast.client_id.to_string(), changes, history, replayed: false })
    }

    /// One vote of a workshop.
    pub fn vote(&self, workshop: Id, id: Id) -> Result<Vote, StoreError> {
        crate::deleted::require_live(&self.conn, workshop)?;
        records::one(&self.conn, &workshop.to_string(), id)?.ok_or(StoreError::NotFound { entity: "vote", id })
    }

    /// What `voter` has given in a vote (nothing once it ended).
    pub fn ballot(&self, vote: Id, voter: &str) -> Result<Ballot, StoreError> {
        ballot_in(&self.conn, vote, voter)
    }
}

fn ballot_in(conn: &Connection, vote: Id, voter: &str) -> Result<Ballot, StoreError> {
    let mut stmt = conn.prepare_cached("SELECT target_id, dots FROM vote_ballot WHERE vote_id = ?1 AND voter = ?2 ORDER BY target_id")?;
    let on = stmt.query_map(params![vote.to_string(), voter], |r| Ok((id(r, 0)?, r.get::<_, u32>(1)?)))?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Ballot { used: on.iter().map(|(_, n)| n).sum(), on })
}

fn set_ballot(conn: &Connection, vote: Id, voter: &str, target: Id, dots: u32) -> Result<(), StoreError> {
    let key = params![vote.to_string(), voter, target.to_string()];
    if dots == 0 {
        conn.prepare_cached("DELETE FROM vote_ballot WHERE vote_id = ?1 AND voter = ?2 AND target_id = ?3")?.execute(key)?;
    } else {
        conn.prepare_cached(
            "INSERT INTO vote_ballot (vote_id, voter, target_id, dots) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(vote_id, voter, target_id) DO UPDATE SET dots = ?4",
        )?
        .execute(params![vote.to_string(), voter, target.to_string(), dots])?;
    }
    Ok(())
}
