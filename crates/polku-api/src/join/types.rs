//! What the join commands take and answer. Nothing here is written to the database or a file.

use polku_core::{BoardKind, Id, Language, Millis, NoteKind, Sentiment};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::QrPicture;

/// Opens joining for one workshop (or, when it is open, changes its choices and keeps its link).
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct OpenJoinRequest {
    pub workshop_id: Id,
    /// The board on the facilitator's screen: what participants see when `boards` is empty.
    pub board_id: Id,
    /// The boards participants see and add to; empty: `board_id` only.
    #[serde(default)]
    #[ts(optional, as = "Option<Vec<Id>>")]
    pub boards: Vec<Id>,
    /// "Ask me before someone joins": a device waits until the facilitator answers.
    #[serde(default)]
    #[ts(optional, as = "Option<bool>")]
    pub ask_first: bool,
    /// Whether participants see what others wrote, or only their own notes.
    #[serde(default)]
    #[ts(optional, as = "Option<bool>")]
    pub show_others: bool,
    /// The address phones reach it on, one of `join_addresses`; left out: the preselected one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub address: Option<String>,
    /// How long the join stays open before it closes by itself, 1–168 hours; left out: 12 for a
    /// new join, and an open one keeps its time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub open_hours: Option<u32>,
}

/// More time for an open join: it closes `hours` (1–168) from now instead.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ExtendJoinRequest {
    pub workshop_id: Id,
    pub hours: u32,
}

/// One workshop's join, by workshop.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct WorkshopJoinRequest {
    pub workshop_id: Id,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct RemoveDeviceRequest {
    pub workshop_id: Id,
    pub device_id: Id,
}

/// The facilitator's answer to a device waiting to join: declined, it is removed.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct AnswerJoinRequest {
    pub workshop_id: Id,
    pub device_id: Id,
    pub accept: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SetJoinBoardsRequest {
    pub workshop_id: Id,
    /// At least one board of the workshop.
    pub boards: Vec<Id>,
    pub show_others: bool,
    /// Of `boards`, those participants see but may no longer change (their own notes included).
    pub locked: Vec<Id>,
}

/// "Participants follow my board": their screens show `board_id`, which becomes one of the
/// boards they see if it was not; null lets each choose among them.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct FollowBoardRequest {
    pub workshop_id: Id,
    pub board_id: Option<Id>,
}

/// "Bring everyone here": every screen of the workshop (phones, the facilitator's other tabs and
/// windows) goes to this board, and to this touchpoint or box when one is named. Once: whoever
/// moves away afterwards stays where they went.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct BringEveryoneRequest {
    pub workshop_id: Id,
    pub board_id: Id,
    pub touchpoint_id: Option<Id>,
    /// The facilitator's client: its own screen is already there.
    pub client_id: String,
}

/// The latest "bring everyone here", as a phone sees it; `n` grows with each, so a phone moves
/// once per bring and not again on every refetch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PhoneBring {
    pub n: u32,
    pub board_id: Id,
    pub touchpoint_id: Option<Id>,
}

/// Whether notes written from now on keep their writer's nickname (shown in exports).
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SetNoteNamesRequest {
    pub workshop_id: Id,
    pub names: bool,
}

/// A workshop's join as the facilitator sees it. Closed: `open` is false and the rest empty.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct JoinStatus {
    pub workshop_id: Id,
    pub open: bool,
    /// The link's secret; the link is `link` on the join server's address.
    pub token: Option<String>,
    /// `/j/<token>`.
    pub link: Option<String>,
    /// The short code as read aloud ("K7P4-QX2M"); null after too many wrong tries, until
    /// `renew_join_code`.
    pub code: Option<String>,
    pub ask_first: bool,
    pub show_others: bool,
    pub boards: Vec<Id>,
    /// Boards participants see but may no longer change.
    pub locked: Vec<Id>,
    pub follow: Option<Id>,
    /// Notes written from phones keep their writer's nickname, for exports that show it. Off by
    /// default: notes are anonymous.
    pub names: bool,
    /// In the order they came.
    pub devices: Vec<JoinDevice>,
    /// Devices let in, and devices waiting for an answer.
    pub joined: u32,
    pub waiting: u32,
    /// The link a phone opens (`http://192.168.1.23:4871/j/<token>`); null when closed or when
    /// this host listens on no network.
    pub url: Option<String>,
    /// `url` as a QR code.
    pub qr: Option<QrPicture>,
    /// The address and port phones connect to (`192.168.1.23:4871`, `[fd00::5]:4871`).
    pub address: Option<String>,
    /// Where a phone that cannot scan types the short code (`http://192.168.1.23:4871/`).
    pub code_url: Option<String>,
    /// When the join closes by itself (ms since the epoch); null when closed.
    #[ts(type = "number | null")]
    pub closes_at: Option<Millis>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct JoinDevice {
    pub id: Id,
    pub nickname: String,
    #[ts(type = "number")]
    pub joined_at: Millis,
    /// Waiting for the facilitator's answer ("ask me before someone joins").
    pub pending: bool,
}

/// What a phone holding the link or the code is shown before it joins.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct JoinInviteRequest {
    /// The link's token or the short code.
    pub key: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct JoinInvite {
    pub title: String,
    pub language: Language,
    /// A friendly nickname in the workshop's language that nobody here has yet.
    pub nickname: String,
}

/// Exchanges the link's token or the short code for a device of its own.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct JoinRequest {
    pub key: String,
    pub nickname: String,
}

/// A device that joined. `secret` is for an HttpOnly cookie: the page's script never needs it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Joined {
    pub workshop_id: Id,
    pub device_id: Id,
    pub secret: String,
    pub nickname: String,
    pub pending: bool,
}

/// What the phone is answered when it joins: [`Joined`] without the secret, which the transport
/// puts in an HttpOnly cookie instead.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct JoinedDevice {
    pub workshop_id: Id,
    pub device_id: Id,
    pub nickname: String,
    pub pending: bool,
}

impl From<&Joined> for JoinedDevice {
    fn from(j: &Joined) -> JoinedDevice {
        JoinedDevice { workshop_id: j.workshop_id, device_id: j.device_id, nickname: j.nickname.clone(), pending: j.pending }
    }
}

/// What a phone's own event stream carries: never a record, only what to refetch
/// (`participant_view`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum PhoneEvent {
    /// The join changed: let in, removed, closed, or what participants see.
    JoinChanged { workshop_id: Id },
    /// An edit touched these boards the device may see.
    Changed {
        workshop_id: Id,
        #[ts(type = "number")]
        seq: i64,
        board_ids: Vec<Id>,
    },
}

/// A note's colour and symbol as a participant picks it: one of the three sentiments of an
/// observation, an idea or a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Tone {
    Negative,
    Neutral,
    Positive,
    Idea,
    Question,
}

impl Tone {
    pub(crate) fn kind_and_sentiment(self) -> (NoteKind, Option<Sentiment>) {
        match self {
            Tone::Negative => (NoteKind::Observation, Some(Sentiment::Negative)),
            Tone::Neutral => (NoteKind::Observation, Some(Sentiment::Neutral)),
            Tone::Positive => (NoteKind::Observation, Some(Sentiment::Positive)),
            Tone::Idea => (NoteKind::Idea, None),
            Tone::Question => (NoteKind::Question, None),
        }
    }

    pub(crate) fn of(kind: NoteKind, sentiment: Option<Sentiment>) -> Tone {
        match (kind, sentiment) {
            (NoteKind::Idea, _) => Tone::Idea,
            (NoteKind::Question, _) => Tone::Question,
            (NoteKind::Observation, Some(Sentiment::Negative)) => Tone::Negative,
            (NoteKind::Observation, Some(Sentiment::Positive)) => Tone::Positive,
            (NoteKind::Observation, _) => Tone::Neutral,
        }
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ParticipantViewRequest {}

/// The phone's one screen: the boards it may use, their places, and the notes it may see.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ParticipantView {
    pub workshop_id: Id,
    pub title: String,
    pub language: Language,
    pub nickname: String,
    /// The board the facilitator has everyone on, when they chose to.
    pub follow: Option<Id>,
    /// The latest "bring everyone here" while this join is open.
    pub bring: Option<PhoneBring>,
    pub boards: Vec<ParticipantBoard>,
    /// The session being run, when one is: what the room is doing now and its timer.
    pub live: Option<PhoneLive>,
    /// Dot votes on its boards: the open ones, and each board's latest ended one.
    pub votes: Vec<super::PhoneVote>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FaceDownCount {
    /// The touchpoint, box or column; null for notes at none.
    pub touchpoint_id: Option<Id>,
    pub count: u32,
}

/// A running session as the phones see it. `now` is the server's clock when the view was made,
/// so a phone whose clock is off still counts the timer down right.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PhoneLive {
    pub session_title: String,
    /// The agenda item on screen, and what the group is asked to do; empty when none is.
    pub item_title: String,
    pub instructions: String,
    pub timer: polku_core::Timer,
    #[ts(type = "number")]
    pub now: Millis,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ParticipantBoard {
    pub id: Id,
    pub kind: BoardKind,
    pub title: String,
    /// Touchpoints, a canvas's boxes or a grid's columns, in reading order.
    pub places: Vec<ParticipantPlace>,
    /// Rows; empty on a board without them.
    pub lanes: Vec<ParticipantLane>,
    /// This device's own, and when the facilitator shows others' too, the newest
    /// [`OTHERS_LISTED`](super::OTHERS_LISTED) of theirs; sorted by id.
    pub notes: Vec<ParticipantNote>,
    /// Others' notes on the board not listed in `notes` (older than those listed).
    pub earlier: u32,
    /// Others' notes written privately and not yet revealed: how many, per place, never what.
    pub face_down: Vec<FaceDownCount>,
    /// The board is written on privately now: new notes stay face down until the facilitator reveals them.
    pub writing: bool,
    /// The facilitator has locked it: nothing can be added, edited or deleted.
    pub locked: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ParticipantPlace {
    pub id: Id,
    pub label: String,
    /// The phase or period it belongs to.
    pub phase: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ParticipantLane {
    pub id: Id,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ParticipantNote {
    pub id: Id,
    pub board_id: Id,
    pub touchpoint_id: Option<Id>,
    pub lane_id: Option<Id>,
    pub tone: Tone,
    pub text: String,
    /// Written on this device: it may edit and delete it.
    pub mine: bool,
}

/// A note written on a phone; the server places it in the cell below the notes there. `op_id` is
/// made by the phone before the first try: a retry creates nothing new.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ParticipantAddNoteRequest {
    pub op_id: Id,
    pub board_id: Id,
    pub touchpoint_id: Id,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub lane_id: Option<Id>,
    pub tone: Tone,
    pub text: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ParticipantUpdateNoteRequest {
    pub op_id: Id,
    pub note_id: Id,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub tone: Option<Tone>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ParticipantDeleteNoteRequest {
    pub op_id: Id,
    pub note_id: Id,
}
