use serde::{Deserialize, Deserializer, Serialize};
use ts_rs::TS;

use crate::run::RunStep;
use crate::{
    BoardInfo, BoardKind, Session, SessionFields, SessionPatch, Id, Lane, Note, NoteKind, Persona, PersonaFields, PersonaPatch, Phase, Sentiment, StepRecord, Touchpoint,
    Walkthrough,
};

/// One change a client asks for. Ops name the values they want, never deltas, so that a retry or a
/// replay lands on the same state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Op {
    /// A new board at `index` in the workshop's order (the ones from there on shift right),
    /// blank, laid out from a template, or a copy of another board.
    CreateBoard {
        board: NewBoard,
    },
    UpdateBoard {
        id: Id,
        patch: BoardPatch,
    },
    MoveBoard {
        id: Id,
        index: u32,
    },
    /// Removes a board with everything on it (and the walks along it); undo brings it all back.
    /// The last board of a workshop stays.
    DeleteBoard {
        id: Id,
    },
    /// Brings back a deleted board's own row; what was on it comes back by its own restores.
    RestoreBoard {
        board: BoardInfo,
    },
    /// A new session at `index` in the programme (the ones from there on shift right).
    CreateSession {
        session: NewSession,
    },
    UpdateSession {
        id: Id,
        patch: SessionPatch,
    },
    MoveSession {
        id: Id,
        index: u32,
    },
    /// Removes a session; notes written in it stay, in no session.
    DeleteSession {
        id: Id,
    },
    RestoreSession {
        session: Session,
    },
    /// Turns every face-down note of the board up at once and ends its private writing.
    RevealNotes {
        board_id: Id,
    },
    /// Starts a dot vote on a board.
    CreateVote {
        vote: crate::NewVote,
    },
    UpdateVote {
        id: Id,
        patch: crate::VotePatch,
    },
    /// Ends a vote: its counts are final and its voters' dots forgotten.
    EndVote {
        id: Id,
    },
    DeleteVote {
        id: Id,
    },
    RestoreVote {
        vote: crate::Vote,
    },
    /// A step of running the session live (`run.rs`): start, end, an item, the timer.
    RunSession {
        id: Id,
        step: RunStep,
    },
    CreateNote {
        note: NewNote,
    },
    UpdateNote {
        id: Id,
        patch: NotePatch,
    },
    DeleteNote {
        id: Id,
    },
    /// Brings a deleted note back whole (its creation time, persona and all); what undo of a delete
    /// and redo of a create send.
    RestoreNote {
        note: Note,
    },
    /// A new touchpoint at `index` in path order (the ones from there on shift right).
    CreateTouchpoint {
        touchpoint: NewTouchpoint,
    },
    UpdateTouchpoint {
        id: Id,
        patch: TouchpointPatch,
    },
    /// Puts the touchpoint at `index` in path order; its notes go with it.
    MoveTouchpoint {
        id: Id,
        index: u32,
    },
    /// Removes a touchpoint. Its notes are never dropped: they move to the touchpoint
    /// `move_notes_to` (same offset in the new column), or stay where they are on the board,
    /// attached to no touchpoint, when it is null.
    DeleteTouchpoint {
        id: Id,
        move_notes_to: Option<Id>,
    },
    RestoreTouchpoint {
        touchpoint: Touchpoint,
    },
    CreateLane {
        lane: NewLane,
    },
    UpdateLane {
        id: Id,
        patch: LanePatch,
    },
    MoveLane {
        id: Id,
        index: u32,
    },
    /// Removes a lane; its notes move to the lane `move_notes_to`, or stay where they are on the
    /// board in no lane when it is null.
    DeleteLane {
        id: Id,
        move_notes_to: Option<Id>,
    },
    RestoreLane {
        lane: Lane,
    },
    CreatePhase {
        phase: NewPhase,
    },
    UpdatePhase {
        id: Id,
        patch: PhasePatch,
    },
    /// Removes a phase; its touchpoints stay, in no phase.
    DeletePhase {
        id: Id,
    },
    RestorePhase {
        phase: Phase,
    },
    /// Puts back the labels a board's template gave its periods, boxes, columns, rows and lines
    /// (what a facilitator renamed); what a person added keeps its name.
    ResetLabels {
        board_id: Id,
    },
    CreatePersona {
        persona: NewPersona,
    },
    UpdatePersona {
        id: Id,
        patch: PersonaPatch,
    },
    /// Removes a persona with its walkthroughs; notes linked to it stay, unlinked.
    DeletePersona {
        id: Id,
    },
    RestorePersona {
        persona: Persona,
    },
    CreateWalkthrough {
        walkthrough: NewWalkthrough,
    },
    /// Moves the persona's token to a station (null: off the path).
    MoveWalkthrough {
        id: Id,
        at_touchpoint_id: Option<Id>,
    },
    DeleteWalkthrough {
        id: Id,
    },
    RestoreWalkthrough {
        walkthrough: Walkthrough,
    },
    /// Records what happened at one station of a walk, whole; replaces what was recorded there.
    SetWalkStep {
        step: NewWalkStep,
    },
    DeleteWalkStep {
        id: Id,
    },
    /// Several ops as one: all apply or none, and they are one step of undo (moving, recolouring
    /// or deleting a selection). Each op sees the ones before it. Batches do not nest.
    Batch {
        ops: Vec<Op>,
    },
}

/// Whether an op becomes a step of its client's undo history. Required on every op, so that no
/// caller can forget to decide it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum UndoMode {
    Record,
    Skip,
}

impl Op {
    /// Steps that are no edit of the group's work, so never an undo step whatever the client
    /// asks: Ctrl+Z must not make the room's timer jump.
    pub fn never_undone(&self) -> bool {
        match self {
            // An ended vote's voters are forgotten: it cannot be opened again by undo.
            Op::RunSession { .. } | Op::EndVote { .. } => true,
            Op::Batch { ops } => ops.iter().all(Op::never_undone),
            _ => false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct NewSession {
    pub id: Id,
    pub index: u32,
    pub fields: SessionFields,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct NewBoard {
    pub id: Id,
    pub index: u32,
    pub title: String,
    pub from: BoardSource,
}

/// What a new board starts with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum BoardSource {
    /// Nothing on it yet.
    Blank { kind: BoardKind },
    /// The board of a one-board template (by its id: built in, or the library's own), labelled in
    /// the workshop's language.
    Template { template: String },
    /// Everything on another board of this workshop, its notes too when `with_notes`.
    Copy { board_id: Id, with_notes: bool },
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct BoardPatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub title: Option<String>,
    /// "Cover the board" on or off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub covered: Option<bool>,
    /// Starts private writing (on the whole board or one place), or ends it without a reveal
    /// (null): what was written stays face down until revealed.
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub writing: Option<Option<crate::PrivateWriting>>,
    /// Raw order key; clients reorder with `move_board`, undo writes positions back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "number")]
    pub position: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct NewNote {
    pub id: Id,
    pub board_id: Id,
    pub touchpoint_id: Option<Id>,
    pub lane_id: Option<Id>,
    /// The persona an idea or barrier was posted for in a walkthrough.
    pub persona_id: Option<Id>,
    /// The session in progress when it was written; absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "string | null")]
    pub session_id: Option<Id>,
    pub kind: NoteKind,
    pub sentiment: Option<Sentiment>,
    pub text: String,
    pub x: f64,
    pub y: f64,
    /// Its writer's nickname, for exports that show them (see `Note::author`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "string | null")]
    pub author: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct NewPersona {
    pub id: Id,
    pub fields: PersonaFields,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct NewWalkthrough {
    pub id: Id,
    pub persona_id: Id,
    pub board_id: Id,
    pub at_touchpoint_id: Option<Id>,
}

/// A station's record; `id` is used when the station has none yet, else the existing one is kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct NewWalkStep {
    pub id: Id,
    pub walkthrough_id: Id,
    pub touchpoint_id: Id,
    pub record: StepRecord,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct NewTouchpoint {
    pub id: Id,
    pub board_id: Id,
    pub index: u32,
    pub label: String,
    pub description: String,
    pub phase_id: Option<Id>,
    pub side_station: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct TouchpointPatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub description: Option<String>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "string | null")]
    pub phase_id: Option<Option<Id>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub side_station: Option<bool>,
    /// Raw order key; clients reorder with `move_touchpoint`, undo writes positions back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "number")]
    pub position: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct NewLane {
    pub id: Id,
    pub board_id: Id,
    pub index: u32,
    pub label: String,
    /// The name of a line drawn above the new row (a blueprint's); empty for none.
    #[serde(default)]
    #[ts(as = "Option<String>", optional)]
    pub line_above: String,
    /// For a board's first row while notes are already on it: the label of a row of their own
    /// that takes them (made first, above the new one), so the new row starts empty. Without it
    /// the new row takes them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub existing: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct LanePatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub height: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub line_above: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "number")]
    pub position: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct NewPhase {
    pub id: Id,
    pub board_id: Id,
    pub index: u32,
    pub label: String,
    /// Its touchpoints are boxes stacked top-down (only on a board that has boxes).
    #[serde(default)]
    #[ts(as = "Option<bool>", optional)]
    pub stacked: bool,
    #[serde(default)]
    #[ts(as = "Option<String>", optional)]
    pub caption: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct PhasePatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub caption: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "number")]
    pub position: Option<i64>,
}

/// The fields an update sets; an absent field stays as it is. `touchpoint_id: null` detaches the
/// note, which is why those two are double options.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct NotePatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub kind: Option<NoteKind>,
    /// Null for an idea or a question.
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub sentiment: Option<Option<Sentiment>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub x: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub y: Option<f64>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "string | null")]
    pub touchpoint_id: Option<Option<Id>>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "string | null")]
    pub lane_id: Option<Option<Id>>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "string | null")]
    pub persona_id: Option<Option<Id>>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "string | null")]
    pub session_id: Option<Option<Id>>,
    /// What undo of a reveal sets back; a screen turns notes up with `reveal_notes`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub face_down: Option<bool>,
}

macro_rules! empty_check {
    ($($t:ty),*) => {$(
        impl $t {
            pub fn is_empty(&self) -> bool {
                self == &<$t>::default()
            }
        }
    )*};
}
empty_check!(BoardPatch, NotePatch, TouchpointPatch, LanePatch, PhasePatch);

/// Tells "absent" (outer None, by `default`) from "null" (Some(None)).
pub(crate) fn double_option<'de, D, T>(de: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(de).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patch_tells_null_from_absent() {
        let p: NotePatch = serde_json::from_str(r#"{"touchpoint_id": null}"#).unwrap();
        assert_eq!(p.touchpoint_id, Some(None));
        assert_eq!(p.lane_id, None);
        let back = serde_json::to_string(&p).unwrap();
        assert_eq!(back, r#"{"touchpoint_id":null}"#);
    }

    #[test]
    fn op_refuses_unknown_fields_and_types() {
        let bad = r#"{"type":"delete_note","id":"0191e5a0-0000-7000-8000-000000000001","x":1}"#;
        assert!(serde_json::from_str::<Op>(bad).is_err());
        let bad = r#"{"type":"explode_note","id":"0191e5a0-0000-7000-8000-000000000001"}"#;
        assert!(serde_json::from_str::<Op>(bad).is_err());
    }
}
