//! Dots given on the shared screen: in turns (each turn is a voter with the vote's dots) or as a
//! free tally like dots on paper. The phones vote through `join/voting.rs`.

use polku_core::{Id, ScreenVoting, Vote};
use polku_store::Cast;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::handlers::announce;
use crate::{ApiError, ErrorCode, Host, OpResult};

/// One dot more (`delta` 1) or less (−1) on a target of a vote, from the shared screen.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct CastVoteRequest {
    pub workshop_id: Id,
    pub vote_id: Id,
    pub target_id: Id,
    pub delta: i32,
    pub op_id: Id,
    pub client_id: String,
}

/// The voter a turn on the shared screen is kept under.
pub(crate) fn turn_voter(vote: &Vote) -> String {
    format!("turn:{}", vote.fields.turn)
}

pub(crate) fn cast_vote(host: &Host, req: CastVoteRequest) -> Result<OpResult, ApiError> {
    polku_core::validate_client_id(&req.client_id).map_err(|e| ApiError::with_field(ErrorCode::Validation, e.to_string(), "client_id"))?;
    let applied = {
        let mut store = host.store()?;
        let vote = store.vote(req.workshop_id, req.vote_id)?;
        let voter = match vote.fields.settings.screen {
            ScreenVoting::Turns => Some(turn_voter(&vote)),
            ScreenVoting::Tally => None,
            ScreenVoting::Off => return Err(ApiError::with_field(ErrorCode::Forbidden, "in this vote only the phones vote", "screen")),
        };
        let cast = Cast {
            workshop_id: req.workshop_id,
            vote_id: req.vote_id,
            target_id: req.target_id,
            delta: req.delta,
            op_id: req.op_id,
            client_id: &req.client_id,
            voter: voter.as_deref(),
        };
        store.cast_vote(&cast, host.now())?
    };
    Ok(announce(host, applied))
}

/// What a turn on the shared screen has given, for its "dots left".
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct VoteTurnRequest {
    pub workshop_id: Id,
    pub vote_id: Id,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct VoteTurn {
    pub turn: u32,
    pub used: u32,
    /// Dots of this turn per target.
    pub on: Vec<polku_core::VoteCount>,
}

pub(crate) fn vote_turn(host: &Host, req: VoteTurnRequest) -> Result<VoteTurn, ApiError> {
    let store = host.store()?;
    let vote = store.vote(req.workshop_id, req.vote_id)?;
    let ballot = store.ballot(vote.id, &turn_voter(&vote))?;
    let on = ballot.on.into_iter().map(|(target_id, count)| polku_core::VoteCount { target_id, count }).collect();
    Ok(VoteTurn { turn: vote.fields.turn, used: ballot.used, on })
}
