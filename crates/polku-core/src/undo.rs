//! Undo re-applies the "before" values of a recorded step as a new op, and redo its "after"
//! values. Only the fields the step changed are written back, so a later edit by someone else to
//! another field of the same note survives (last writer wins per field).

use crate::{Change, Note, NotePatch, Op};

/// The ops that take a recorded step back, in the order to apply them.
pub fn undo_ops(changes: &[Change]) -> Vec<Op> {
    changes.iter().rev().filter_map(|c| toward(c, Direction::Back)).collect()
}

/// The ops that do an undone step again.
pub fn redo_ops(changes: &[Change]) -> Vec<Op> {
    changes.iter().filter_map(|c| toward(c, Direction::Forward)).collect()
}

enum Direction {
    Back,
    Forward,
}

/// None when the step changed no field (there is nothing to write back).
fn toward(change: &Change, dir: Direction) -> Option<Op> {
    let Change::Note { id, before, after } = change;
    let (from, to) = match dir {
        Direction::Back => (after, before),
        Direction::Forward => (before, after),
    };
    match (from, to) {
        (None, None) => None,
        (Some(_), None) => Some(Op::DeleteNote { id: *id }),
        (None, Some(n)) => Some(Op::RestoreNote { note: n.clone() }),
        (Some(f), Some(t)) => {
            let patch = diff(f, t);
            (!patch.is_empty()).then_some(Op::UpdateNote { id: *id, patch })
        }
    }
}

/// The patch that turns `from` into `to`, field by field.
fn diff(from: &Note, to: &Note) -> NotePatch {
    fn set<T: PartialEq + Clone>(a: &T, b: &T) -> Option<T> {
        (a != b).then(|| b.clone())
    }
    NotePatch {
        text: set(&from.text, &to.text),
        sentiment: set(&from.sentiment, &to.sentiment),
        x: set(&from.x, &to.x),
        y: set(&from.y, &to.y),
        touchpoint_id: set(&from.touchpoint_id, &to.touchpoint_id),
        lane_id: set(&from.lane_id, &to.lane_id),
    }
}

/// What one client can do next with its own history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub struct History {
    pub can_undo: bool,
    pub can_redo: bool,
}
