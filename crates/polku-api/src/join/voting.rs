//! Dot voting from a phone: the votes open on the boards a device may see (and the latest ended
//! one, with its results), and one dot given or taken back. Each device votes under a key of its
//! own per vote (`DeviceState::voters`), so the store keeps it to its dots without learning
//! which phone it is; the op log knows the dot only as `participants`'.

use polku_store::Library;
use std::collections::HashMap;

use polku_core::{Id, Vote, VoteOn, Workshop};
use polku_store::Cast;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::participant::{store_op_id, PARTICIPANTS};
use super::{Device, Tone};
use crate::handlers::announce;
use crate::{ApiError, ErrorCode, Host};

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ParticipantVoteRequest {
    pub op_id: Id,
    pub vote_id: Id,
    pub target_id: Id,
    /// 1 gives a dot, −1 takes one back.
    pub delta: i32,
    /// A random value the phone keeps (32 hex digits): its dots in a vote are kept under a key made
    /// from it and the vote, so a phone that joins again after Polku restarted still has the dots
    /// it gave. Only a device's first dot in a vote sets the key; later values change nothing.
    #[serde(default)]
    #[ts(optional)]
    pub voter: Option<String>,
}

/// A vote as a phone sees it: what may be voted on, this phone's dots, and the counts once they
/// may be shown (at once, or at the end when the facilitator hid them).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PhoneVote {
    pub id: Id,
    pub board_id: Id,
    pub open: bool,
    pub dots: u32,
    pub several_per_target: bool,
    /// Counts hidden until the end.
    pub hidden: bool,
    /// This phone's dots given.
    pub used: u32,
    pub keep_top: Option<u32>,
    pub targets: Vec<PhoneVoteTarget>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PhoneVoteTarget {
    pub id: Id,
    /// The note's text, or the touchpoint's (box's, column's) name.
    pub text: String,
    /// A note's colour and symbol; null for a touchpoint.
    pub tone: Option<Tone>,
    /// This phone's dots on it.
    pub mine: u32,
    /// All dots on it, with its rank; null while hidden.
    pub count: Option<u32>,
    pub rank: Option<u32>,
}

/// The votes of the boards a device sees: every open one, and each board's latest ended one.
pub(crate) fn phone_votes(store: &dyn Library, w: &Workshop, boards: &[Id], voters: &HashMap<Id, String>) -> Result<Vec<PhoneVote>, ApiError> {
    let mut out = Vec::new();
    for &b in boards {
        let on_board: Vec<&Vote> = w.votes.iter().filter(|v| v.board_id == b).collect();
        let last_ended = on_board.iter().filter(|v| !v.is_open()).max_by_key(|v| v.fields.ended_at).copied();
        for v in on_board.iter().copied().filter(|v| v.is_open()).chain(last_ended) {
            out.push(phone_vote(store, w, v, voters.get(&v.id).map(String::as_str))?);
        }
    }
    Ok(out)
}

fn phone_vote(store: &dyn Library, w: &Workshop, v: &Vote, voter: Option<&str>) -> Result<PhoneVote, ApiError> {
    let ballot = match voter {
        Some(key) if v.is_open() => store.ballot(v.id, key)?,
        _ => Default::default(),
    };
    let shown = !v.fields.settings.hidden || !v.is_open();
    let ranks: HashMap<Id, u32> = v.ranked().into_iter().map(|(r, t, _)| (t, r)).collect();
    let labels: HashMap<Id, (String, Option<Tone>)> = if v.fields.settings.on == VoteOn::Touchpoints {
        w.board(v.board_id).map(|b| b.touchpoints.iter().map(|t| (t.id, (t.label.clone(), None))).collect()).unwrap_or_default()
    } else {
        store.notes_by_id(w.id, &v.fields.targets)?.into_iter().map(|n| (n.id, (n.text.clone(), Some(Tone::of(n.kind, n.sentiment))))).collect()
    };
    let targets = v
        .fields
        .targets
        .iter()
        .filter_map(|t| labels.get(t).map(|(text, tone)| (t, text, tone)))
        .map(|(&id, text, tone)| PhoneVoteTarget {
            id,
            text: text.clone(),
            tone: *tone,
            mine: ballot.on.iter().find(|(x, _)| *x == id).map_or(0, |(_, n)| *n),
            count: shown.then(|| v.count_of(id)),
            rank: shown.then(|| ranks.get(&id).copied()).flatten(),
        })
        .collect();
    let s = &v.fields.settings;
    Ok(PhoneVote {
        id: v.id,
        board_id: v.board_id,
        open: v.is_open(),
        dots: s.dots,
        several_per_target: s.several_per_target,
        hidden: s.hidden,
        used: ballot.used,
        keep_top: v.fields.keep_top,
        targets,
    })
}

/// The key a phone's dots in a vote are kept under: made from the phone's own random value and the
/// vote (so its keys in two votes cannot be put together), or random when it sent none.
fn voter_key(vote: Id, seed: Option<&str>) -> String {
    match seed.filter(|s| s.len() == 32 && s.bytes().all(|b| b.is_ascii_hexdigit())) {
        Some(seed) => format!("p:{}", Id::new_v5(&vote, seed.to_ascii_lowercase().as_bytes())),
        None => format!("p:{}", Id::now_v7()),
    }
}

pub(crate) fn participant_vote(host: &Host, device: &Device, req: ParticipantVoteRequest) -> Result<PhoneVote, ApiError> {
    let vote = host.store()?.vote(device.workshop_id, req.vote_id)?;
    let now = host.now();
    let voter = host.with_joins(device.workshop_id, |joins| {
        let allowed = joins.get_mut(device.workshop_id)?.boards.contains(&vote.board_id);
        if !allowed {
            return Err(ApiError::with_field(ErrorCode::Forbidden, "this board is not open to participants", "board"));
        }
        let d = joins.device_mut(device)?;
        d.spend(now)?;
        Ok(d.voters.entry(vote.id).or_insert_with(|| voter_key(vote.id, req.voter.as_deref())).clone())
    })?;
    let cast = Cast {
        workshop_id: device.workshop_id,
        vote_id: req.vote_id,
        target_id: req.target_id,
        delta: req.delta,
        op_id: store_op_id(device, req.op_id),
        client_id: PARTICIPANTS,
        voter: Some(&voter),
    };
    let applied = host.store()?.cast_vote(&cast, host.now())?;
    announce(host, applied);
    let store = host.store()?;
    let w = store.load_workshop_outline(device.workshop_id)?;
    let v = w.votes.iter().find(|v| v.id == req.vote_id).ok_or_else(|| ApiError::internal("the vote went away"))?;
    phone_vote(&**store, &w, v, Some(&voter))
}
