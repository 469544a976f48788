//! Participants' devices: the facilitator opens joining for a workshop; a phone exchanges the
//! link's token (or the short code) for a device with a secret of its own, and with it may call
//! the participant commands only. Everything here lives in memory in the [`Host`]: closing the
//! app closes joining, and no device or nickname reaches the database or a file.

mod book;
mod facilitator;
mod network;
mod nickname;
mod participant;
mod voting;
pub(crate) mod secret;
mod state;
mod types;

pub(crate) use facilitator::{answer_join, bring_everyone, set_note_names, join_addresses, close_join, extend_join, follow_board, join_status, open_join, remove_device, renew_join_code, set_join_boards};
pub(crate) use participant::{participant_add_note, participant_delete_note, participant_update_note, participant_view};
pub use participant::OTHERS_LISTED;
pub(crate) use book::JoinBook;
pub use state::DEVICE_WRITES_PER_MINUTE;
pub use network::{JoinAddress, JoinAddressesRequest, JoinNetwork};
pub use types::*;
pub use voting::{ParticipantVoteRequest, PhoneVote, PhoneVoteTarget};
pub(crate) use voting::participant_vote;

use polku_core::Id;

use crate::{ApiError, Audience, ErrorCode, Event, Host};

/// Who is calling a command, as the transport knows it.
#[derive(Clone)]
pub enum Caller {
    /// The desktop window or a browser on loopback: every facilitator command.
    Facilitator,
    /// A phone, by the secret its cookie holds, on the listener of workshop `at`; checked on
    /// every call, so a removed device or a closed join is refused at once, and a device of
    /// another workshop's join is refused here.
    Participant { secret: String, at: Id },
    /// A facilitator signed in to a team server: the facilitator's commands, on the workshops
    /// that are theirs or shared with them (any other is answered as if it did not exist).
    TeamFacilitator(Id),
}

/// Never prints a device's secret, so a logged caller cannot be replayed.
impl std::fmt::Debug for Caller {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Caller::Facilitator => f.write_str("Facilitator"),
            Caller::Participant { .. } => f.write_str("Participant { secret: <hidden> }"),
            Caller::TeamFacilitator(id) => write!(f, "TeamFacilitator({id})"),
        }
    }
}

/// A joined device, as its commands see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Device {
    pub workshop_id: Id,
    pub device_id: Id,
}

/// A device as the transport sees it between calls.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceStanding {
    pub device: Device,
    /// Waiting for the facilitator's answer: it may call nothing yet.
    pub pending: bool,
    /// The boards participants see now.
    pub boards: Vec<Id>,
}

/// Most devices one join takes: a big room, with room to spare.
pub const MAX_DEVICES: usize = 200;
/// Most notes one device may have written; a phone is one person, not a script.
pub const MAX_DEVICE_NOTES: usize = 500;
/// Failed short-code tries (over all joins) in a minute before every code stops working.
pub const CODE_FAILURES_PER_MINUTE: usize = 10;
/// How long a join stays open unless the facilitator asks for another time: a day's meeting,
/// and then it closes by itself, so a forgotten one is not a way in for days.
pub const DEFAULT_JOIN_HOURS: u32 = 12;
/// The longest a join may be kept open at once: a week of participants adding from home.
pub const MAX_JOIN_HOURS: u32 = 168;

impl Host {
    /// Whether `caller` may run a command for `audience`: the one place this is decided. A
    /// participant's device comes back for its handler.
    pub(crate) fn admit(&self, caller: &Caller, audience: Audience, command: &str) -> Result<Option<Device>, ApiError> {
        match (caller, audience) {
            (Caller::Facilitator | Caller::TeamFacilitator(_), Audience::Facilitator) => Ok(None),
            (Caller::Participant { .. }, Audience::Facilitator) => Err(ApiError::with_field(
                ErrorCode::Forbidden,
                format!("a participant may not call {command}"),
                "participant",
            )),
            (Caller::Facilitator | Caller::TeamFacilitator(_), Audience::Participant) => {
                Err(ApiError::with_field(ErrorCode::Forbidden, format!("{command} is a joined device's"), "device"))
            }
            (Caller::Participant { secret, at }, Audience::Participant) => self.with_joins(*at, |j| j.authenticate(secret, *at)).map(Some),
        }
    }

    /// What a phone with the link or the code is shown before it joins: the workshop's title and
    /// a nickname to accept or change. `at` is the workshop whose listener the phone reached (a
    /// key of another workshop's join does not open this one); none on a team server, where the
    /// key says which.
    pub fn join_invite(&self, at: Option<Id>, req: &JoinInviteRequest) -> Result<JoinInvite, ApiError> {
        let at = self.where_to(at, &req.key)?;
        let now = self.now();
        let (workshop_id, taken) = self.with_joins(at, |joins| {
            let workshop_id = joins.find(&req.key, at, now)?;
            Ok((workshop_id, joins.nicknames(workshop_id)))
        })?;
        let w = self.store()?.workshop_summary(workshop_id)?;
        let taken: Vec<&str> = taken.iter().map(String::as_str).collect();
        Ok(JoinInvite { title: w.title, language: w.language, nickname: nickname::suggest(w.language, &taken) })
    }

    /// Exchanges the link's token or the short code for a device of its own, waiting for the
    /// facilitator's answer when they asked to be asked.
    pub fn join(&self, at: Option<Id>, req: &JoinRequest) -> Result<Joined, ApiError> {
        let nickname = nickname::check(&req.nickname)?;
        let at = self.where_to(at, &req.key)?;
        let now = self.now();
        let joined = self.with_joins(at, |joins| joins.add_device(&req.key, at, nickname, now))?;
        self.emit(Event::JoinChanged { workshop_id: joined.workshop_id });
        Ok(joined)
    }

    /// Closes the workshop's join, if open: every device and the link stop working, and its
    /// socket closes.
    /// The listener's workshop, or the one the key opens on a team server.
    fn where_to(&self, at: Option<Id>, key: &str) -> Result<Id, ApiError> {
        match at {
            Some(at) => Ok(at),
            None => self.join_at(key)?.ok_or_else(|| ApiError::with_field(ErrorCode::Forbidden, "this link or code does not open any join", "join")),
        }
    }

    pub(crate) fn close_join_of(&self, workshop_id: Id) {
        let closed = self.with_joins(workshop_id, |j| Ok(j.close(workshop_id))).unwrap_or(false);
        // Told before the socket closes: a phone's event stream then says goodbye in words the
        // page understands, rather than the phone seeing only a dropped connection.
        if closed {
            self.emit(Event::JoinChanged { workshop_id });
        }
        // Outside the join lock: stopping waits for the listener, whose requests take that lock.
        if let Some(network) = self.join_network() {
            network.stop(workshop_id);
        }
    }

    /// The device a secret belongs to, if it is in the open join of workshop `at` (let in or
    /// waiting): for a transport that budgets requests per device, or streams a device the
    /// events it may see.
    pub fn device(&self, secret: &str, at: Id) -> Option<DeviceStanding> {
        self.with_joins(at, |j| Ok(j.standing(secret))).ok().flatten().filter(|s| s.device.workshop_id == at)
    }

    /// The same for a device already found by its secret: by id, so a stream that hears every
    /// change of the room does not compare every device's secret for each one.
    pub fn device_again(&self, device: &Device) -> Option<DeviceStanding> {
        self.with_joins(device.workshop_id, |j| Ok(j.standing_of(device))).ok().flatten()
    }
}
