//! Private writing and a covered board: what a board shows of its notes while people write.
//!
//! While a board is written on privately, every note made on it (or in the part chosen) is made
//! face down: its author's screen shows it, every other screen a blank card, counted per place.
//! Revealing turns them all at once and ends the writing, one undo step, so a mistaken reveal
//! can be taken back. Covering hides every text on the shared screen while a group writes on
//! paper; it is the board's state, so the room's other screens cover too.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::plan::{DocRead, NoteFilter};
use crate::{Change, Id, Millis, Note, OpError};

/// What a board shows of its notes now; all off for a board never run live.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct BoardLive {
    /// Every note's text hidden on screen ("cover the board").
    pub covered: bool,
    /// New notes are made face down until revealed.
    pub writing: Option<PrivateWriting>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct PrivateWriting {
    #[ts(type = "number")]
    pub since: Millis,
    /// One touchpoint, box or column of the board; null: the whole board.
    pub touchpoint_id: Option<Id>,
}

impl PrivateWriting {
    /// Whether a note made at this place now is made face down.
    pub fn covers(&self, touchpoint: Option<Id>) -> bool {
        self.touchpoint_id.is_none() || self.touchpoint_id == touchpoint
    }
}

/// The changes of a reveal: every face-down note of the board turned up, and the writing ended.
pub(crate) fn reveal(board: Id, doc: &dyn DocRead, now: Millis) -> Result<Vec<Change>, OpError> {
    let before = doc.board_info(board).ok_or(OpError::NotFound { entity: "board", id: board })?;
    let mut changes: Vec<Change> = doc
        .notes_in(board, NoteFilter::All)
        .into_iter()
        .filter(|n| n.face_down)
        .map(|n| {
            let after = Note { face_down: false, version: n.version + 1, updated_at: now, ..n.clone() };
            Change::Note { id: n.id, before: Some(n), after: Some(after) }
        })
        .collect();
    if before.live.writing.is_some() {
        let mut after = before.clone();
        after.live.writing = None;
        after.version += 1;
        changes.push(Change::Board { id: board, before: Some(before), after: Some(after) });
    }
    if changes.is_empty() {
        return Err(OpError::Conflict("nothing on this board is face down".into()));
    }
    Ok(changes)
}

/// Private writing of a part names a place of this board.
pub(crate) fn check_writing(board: Id, writing: &Option<PrivateWriting>, doc: &dyn DocRead) -> Result<(), OpError> {
    match writing.as_ref().and_then(|w| w.touchpoint_id) {
        Some(t) if doc.touchpoint(t).is_none_or(|tp| tp.board_id != board) => Err(OpError::NotFound { entity: "touchpoint", id: t }),
        _ => Ok(()),
    }
}
