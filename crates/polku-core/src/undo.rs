//! Undo re-applies the "before" values of a recorded step as a new op, and redo its "after"
//! values. Only the fields the step changed are written back, so a later edit by someone else to
//! another field of the same entity survives (last writer wins per field).

use crate::{Change, LanePatch, NewWalkStep, NotePatch, Op, PersonaPatch, PhasePatch, TouchpointPatch};

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

fn set<T: PartialEq + Clone>(a: &T, b: &T) -> Option<T> {
    (a != b).then(|| b.clone())
}

/// None when the step changed no field (there is nothing to write back).
fn toward(change: &Change, dir: Direction) -> Option<Op> {
    fn pick<'a, T>(dir: &Direction, before: &'a Option<T>, after: &'a Option<T>) -> (&'a Option<T>, &'a Option<T>) {
        match dir {
            Direction::Back => (after, before),
            Direction::Forward => (before, after),
        }
    }
    match change {
        Change::Note { id, before, after } => match pick(&dir, before, after) {
            (None, None) => None,
            (Some(_), None) => Some(Op::DeleteNote { id: *id }),
            (None, Some(n)) => Some(Op::RestoreNote { note: n.clone() }),
            (Some(f), Some(t)) => {
                let patch = NotePatch {
                    text: set(&f.text, &t.text),
                    kind: set(&f.kind, &t.kind),
                    sentiment: set(&f.sentiment, &t.sentiment),
                    x: set(&f.x, &t.x),
                    y: set(&f.y, &t.y),
                    touchpoint_id: set(&f.touchpoint_id, &t.touchpoint_id),
                    lane_id: set(&f.lane_id, &t.lane_id),
                    persona_id: set(&f.persona_id, &t.persona_id),
                };
                (!patch.is_empty()).then_some(Op::UpdateNote { id: *id, patch })
            }
        },
        // Taking a touchpoint or lane away again never drops notes someone has put there since:
        // they stay on the board, unattached.
        Change::Touchpoint { id, before, after } => match pick(&dir, before, after) {
            (None, None) => None,
            (Some(_), None) => Some(Op::DeleteTouchpoint { id: *id, move_notes_to: None }),
            (None, Some(t)) => Some(Op::RestoreTouchpoint { touchpoint: t.clone() }),
            (Some(f), Some(t)) => {
                let patch = TouchpointPatch {
                    label: set(&f.label, &t.label),
                    description: set(&f.description, &t.description),
                    phase_id: set(&f.phase_id, &t.phase_id),
                    side_station: set(&f.side_station, &t.side_station),
                    position: set(&f.position, &t.position),
                };
                (!patch.is_empty()).then_some(Op::UpdateTouchpoint { id: *id, patch })
            }
        },
        Change::Lane { id, before, after } => match pick(&dir, before, after) {
            (None, None) => None,
            (Some(_), None) => Some(Op::DeleteLane { id: *id, move_notes_to: None }),
            (None, Some(l)) => Some(Op::RestoreLane { lane: l.clone() }),
            (Some(f), Some(t)) => {
                let patch = LanePatch {
                    label: set(&f.label, &t.label),
                    height: set(&f.height, &t.height),
                    position: set(&f.position, &t.position),
                };
                (!patch.is_empty()).then_some(Op::UpdateLane { id: *id, patch })
            }
        },
        Change::Persona { id, before, after } => match pick(&dir, before, after) {
            (None, None) => None,
            (Some(_), None) => Some(Op::DeletePersona { id: *id }),
            (None, Some(p)) => Some(Op::RestorePersona { persona: p.clone() }),
            (Some(f), Some(t)) => {
                let patch = PersonaPatch::diff(&f.fields, &t.fields);
                (!patch.is_empty()).then_some(Op::UpdatePersona { id: *id, patch })
            }
        },
        Change::Walkthrough { id, before, after } => match pick(&dir, before, after) {
            (None, None) => None,
            (Some(_), None) => Some(Op::DeleteWalkthrough { id: *id }),
            (None, Some(w)) => Some(Op::RestoreWalkthrough { walkthrough: w.clone() }),
            (Some(f), Some(t)) => (f.at_touchpoint_id != t.at_touchpoint_id)
                .then_some(Op::MoveWalkthrough { id: *id, at_touchpoint_id: t.at_touchpoint_id }),
        },
        // A station's record is written whole: it is one answer of the group, not separate fields.
        Change::WalkStep { id, before, after } => match pick(&dir, before, after) {
            (None, None) => None,
            (Some(_), None) => Some(Op::DeleteWalkStep { id: *id }),
            (Some(f), Some(t)) if f.record == t.record => None,
            (_, Some(t)) => Some(Op::SetWalkStep {
                step: NewWalkStep {
                    id: t.id,
                    walkthrough_id: t.walkthrough_id,
                    touchpoint_id: t.touchpoint_id,
                    record: t.record.clone(),
                },
            }),
        },
        Change::Phase { id, before, after } => match pick(&dir, before, after) {
            (None, None) => None,
            (Some(_), None) => Some(Op::DeletePhase { id: *id }),
            (None, Some(p)) => Some(Op::RestorePhase { phase: p.clone() }),
            (Some(f), Some(t)) => {
                let patch = PhasePatch { label: set(&f.label, &t.label), position: set(&f.position, &t.position) };
                (!patch.is_empty()).then_some(Op::UpdatePhase { id: *id, patch })
            }
        },
    }
}

/// What one client can do next with its own history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub struct History {
    pub can_undo: bool,
    pub can_redo: bool,
}
