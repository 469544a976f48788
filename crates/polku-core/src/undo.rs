//! Undo re-applies the "before" values of a recorded step as a new op, and redo its "after"
//! values, through each record's [`Record`] ops (see `records.rs`).

use crate::record::{Record, Visit};
use crate::{Change, Id, Op};

/// The ops that take a recorded step back, in the order to apply them.
pub fn undo_ops(changes: &[Change]) -> Vec<Op> {
    changes.iter().rev().filter_map(|c| c.visit(&mut Toward::Back)).collect()
}

/// The ops that do an undone step again.
pub fn redo_ops(changes: &[Change]) -> Vec<Op> {
    changes.iter().filter_map(|c| c.visit(&mut Toward::Forward)).collect()
}

enum Toward {
    Back,
    Forward,
}

impl Visit for Toward {
    /// None when the step changed no field (there is nothing to write back).
    type Out = Option<Op>;

    fn visit<R: Record>(&mut self, id: Id, before: &Option<R>, after: &Option<R>) -> Option<Op> {
        let (from, to) = match self {
            Toward::Back => (after, before),
            Toward::Forward => (before, after),
        };
        match (from, to) {
            (None, None) => None,
            (Some(_), None) => Some(R::delete_op(id)),
            (None, Some(v)) => Some(R::restore_op(v)),
            (Some(f), Some(t)) => R::update_op(f, t),
        }
    }
}

/// What one client can do next with its own history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub struct History {
    pub can_undo: bool,
    pub can_redo: bool,
}
