//! Planning ops on a board's structure: touchpoints, lanes and phases. Order is kept as
//! positions 0, 1, 2 … renumbered by the op that inserts or moves, so each reorder changes one
//! field per entity that moved and nothing else; notes follow their cell (see `Note`).

use crate::layout::{lane_top, places, LANES_TOP, LANE_H, MAX_LANE_H, MIN_LANE_H, NOTE_GAP, NOTE_H};
use crate::order::{moved, order_with, renumber};
use crate::plan::{DocRead, NoteFilter, StepFilter};
use crate::validate::{caption, description, label};
use crate::{
    BoardKind, Change, Id, Lane, LanePatch, Millis, NewPhase, NewTouchpoint, Note, Op, OpError, Phase, PhasePatch, Touchpoint,
    TouchpointPatch, Walkthrough,
};

fn not_found(entity: &'static str, id: Id) -> OpError {
    OpError::NotFound { entity, id }
}

fn require_board(doc: &dyn DocRead, id: Id) -> Result<(), OpError> {
    doc.board_exists(id).then_some(()).ok_or(not_found("board", id))
}

fn board_kind(doc: &dyn DocRead, id: Id) -> Result<BoardKind, OpError> {
    doc.board_info(id).map(|b| b.kind).ok_or(not_found("board", id))
}

fn moved_note(n: &Note, now: Millis) -> Note {
    Note { version: n.version + 1, updated_at: now, ..n.clone() }
}

pub(crate) fn plan(op: &Op, doc: &dyn DocRead, now: Millis) -> Result<Vec<Change>, OpError> {
    match op {
        Op::CreateTouchpoint { touchpoint: new } => create_touchpoint(new, doc),
        Op::UpdateTouchpoint { id, patch } => update_touchpoint(id, patch, doc),
        Op::MoveTouchpoint { id, index } => {
            let t = doc.touchpoint(*id).ok_or(not_found("touchpoint", *id))?;
            Ok(moved(&doc.touchpoints(t.board_id), *id, *index))
        }
        Op::DeleteTouchpoint { id, move_notes_to } => delete_touchpoint(id, move_notes_to, doc, now),
        Op::RestoreTouchpoint { touchpoint } => restore_touchpoint(touchpoint, doc),
        Op::CreateLane { lane: new } => create_lane(new, doc, now),
        Op::UpdateLane { id, patch } => update_lane(id, patch, doc),
        Op::MoveLane { id, index } => {
            let l = doc.lane(*id).ok_or(not_found("lane", *id))?;
            Ok(moved(&doc.lanes(l.board_id), *id, *index))
        }
        Op::DeleteLane { id, move_notes_to } => delete_lane(id, move_notes_to, doc, now),
        Op::RestoreLane { lane } => restore_lane(lane, doc),
        Op::CreatePhase { phase: new } => create_phase(new, doc),
        Op::UpdatePhase { id, patch } => update_phase(id, patch, doc),
        Op::DeletePhase { id } => delete_phase(id, doc),
        Op::RestorePhase { phase } => restore_phase(phase, doc),
        _ => Err(OpError::invalid("type", "is not a structure op")),
    }
}

fn create_touchpoint(new: &NewTouchpoint, doc: &dyn DocRead) -> Result<Vec<Change>, OpError> {
    require_board(doc, new.board_id)?;
    if doc.touchpoint(new.id).is_some() {
        return Err(OpError::Conflict(format!("touchpoint {} already exists", new.id)));
    }
    let list = doc.touchpoints(new.board_id);
    let (order, at) = order_with(&list, new.id, new.index);
    let t = Touchpoint {
        id: new.id,
        board_id: new.board_id,
        position: at as i64,
        label: new.label.clone(),
        description: new.description.clone(),
        phase_id: new.phase_id,
        side_station: new.side_station,
        original_label: String::new(),
        version: 1,
    };
    check_touchpoint(&t, doc)?;
    let mut changes = vec![Change::Touchpoint { id: t.id, before: None, after: Some(t) }];
    changes.extend(renumber(&list, &order));
    Ok(changes)
}

fn update_touchpoint(id: &Id, patch: &TouchpointPatch, doc: &dyn DocRead) -> Result<Vec<Change>, OpError> {
    if patch.is_empty() {
        return Err(OpError::invalid("patch", "names nothing to change"));
    }
    let before = doc.touchpoint(*id).ok_or(not_found("touchpoint", *id))?;
    let mut after = before.clone();
    if let Some(v) = &patch.label {
        after.label = v.clone();
    }
    if let Some(v) = &patch.description {
        after.description = v.clone();
    }
    if let Some(v) = patch.phase_id {
        after.phase_id = v;
    }
    if let Some(v) = patch.side_station {
        after.side_station = v;
    }
    if let Some(v) = patch.position {
        after.position = v;
    }
    after.version += 1;
    check_touchpoint(&after, doc)?;
    Ok(vec![Change::Touchpoint { id: *id, before: Some(before), after: Some(after) }])
}

fn delete_touchpoint(id: &Id, move_notes_to: &Option<Id>, doc: &dyn DocRead, now: Millis) -> Result<Vec<Change>, OpError> {
    let before = doc.touchpoint(*id).ok_or(not_found("touchpoint", *id))?;
    let list = doc.touchpoints(before.board_id);
    let kind = board_kind(doc, before.board_id)?;
    let place = places(kind, &doc.phases(before.board_id), &list).into_iter().find(|p| p.id == *id);
    let notes = doc.notes_in(before.board_id, NoteFilter::Touchpoint(*id));
    let mut changes = match move_notes_to {
        Some(target) => {
            let to = doc.touchpoint(*target).ok_or(not_found("touchpoint", *target))?;
            if to.board_id != before.board_id || to.id == *id {
                return Err(OpError::invalid("move_notes_to", "must be another touchpoint of the same board"));
            }
            let there = doc.notes_in(before.board_id, NoteFilter::Touchpoint(*target));
            stack_under(&notes, &there, now, |n| n.lane_id, |n| n.touchpoint_id = Some(*target))
        }
        None => notes
            .iter()
            .map(|n| {
                // Left where it was drawn: out of its box, the note's y is its own again.
                let x = place.map_or(0.0, |p| p.x) + n.x;
                let y = place.and_then(|p| p.top).map_or(n.y, |top| top + n.y);
                let after = Note { touchpoint_id: None, x, y, ..moved_note(n, now) };
                Change::Note { id: n.id, before: Some(n.clone()), after: Some(after) }
            })
            .collect(),
    };
    // What walks recorded here goes with the station; their tokens step off the path.
    changes.extend(doc.walk_steps(StepFilter::Touchpoint(*id)).into_iter().map(|s| Change::WalkStep {
        id: s.id,
        before: Some(s),
        after: None,
    }));
    changes.extend(doc.walkthroughs_at(*id).into_iter().map(|w| {
        let after =
            Walkthrough { at_touchpoint_id: None, version: w.version + 1, updated_at: now, ..w.clone() };
        Change::Walkthrough { id: w.id, before: Some(w), after: Some(after) }
    }));
    changes.push(Change::Touchpoint { id: *id, before: Some(before), after: None });
    Ok(changes)
}

fn restore_touchpoint(touchpoint: &Touchpoint, doc: &dyn DocRead) -> Result<Vec<Change>, OpError> {
    require_board(doc, touchpoint.board_id)?;
    if doc.touchpoint(touchpoint.id).is_some() {
        return Err(OpError::Conflict(format!("touchpoint {} already exists", touchpoint.id)));
    }
    let mut after = Touchpoint { version: touchpoint.version + 1, ..touchpoint.clone() };
    // Its phase may have gone meanwhile; the touchpoint still comes back, in no phase.
    if after.phase_id.is_some_and(|p| doc.phase(p).is_none_or(|p| p.board_id != after.board_id)) {
        after.phase_id = None;
    }
    check_touchpoint(&after, doc)?;
    Ok(vec![Change::Touchpoint { id: after.id, before: None, after: Some(after) }])
}

fn update_lane(id: &Id, patch: &LanePatch, doc: &dyn DocRead) -> Result<Vec<Change>, OpError> {
    if patch.is_empty() {
        return Err(OpError::invalid("patch", "names nothing to change"));
    }
    let before = doc.lane(*id).ok_or(not_found("lane", *id))?;
    let mut after = before.clone();
    if let Some(v) = &patch.label {
        after.label = v.clone();
    }
    if let Some(v) = patch.height {
        after.height = v;
    }
    if let Some(v) = &patch.line_above {
        after.line_above = v.clone();
    }
    if let Some(v) = patch.position {
        after.position = v;
    }
    after.version += 1;
    check_lane(&after)?;
    Ok(vec![Change::Lane { id: *id, before: Some(before), after: Some(after) }])
}

fn delete_lane(id: &Id, move_notes_to: &Option<Id>, doc: &dyn DocRead, now: Millis) -> Result<Vec<Change>, OpError> {
    let before = doc.lane(*id).ok_or(not_found("lane", *id))?;
    let list = doc.lanes(before.board_id);
    let index = list.iter().position(|l| l.id == *id).unwrap_or(0);
    let notes = doc.notes_in(before.board_id, NoteFilter::Lane(*id));
    let mut changes = match move_notes_to {
        Some(target) => {
            let to = doc.lane(*target).ok_or(not_found("lane", *target))?;
            if to.board_id != before.board_id || to.id == *id {
                return Err(OpError::invalid("move_notes_to", "must be another lane of the same board"));
            }
            let there = doc.notes_in(before.board_id, NoteFilter::Lane(*target));
            stack_under(&notes, &there, now, |n| n.touchpoint_id, |n| n.lane_id = Some(*target))
        }
        None => {
            let top = lane_top(&list, index);
            notes
                .iter()
                .map(|n| {
                    let after = Note { lane_id: None, y: top + n.y, ..moved_note(n, now) };
                    Change::Note { id: n.id, before: Some(n.clone()), after: Some(after) }
                })
                .collect()
        }
    };
    changes.push(Change::Lane { id: *id, before: Some(before), after: None });
    Ok(changes)
}

fn restore_lane(lane: &Lane, doc: &dyn DocRead) -> Result<Vec<Change>, OpError> {
    require_board(doc, lane.board_id)?;
    if doc.lane(lane.id).is_some() {
        return Err(OpError::Conflict(format!("lane {} already exists", lane.id)));
    }
    let after = Lane { version: lane.version + 1, ..lane.clone() };
    check_lane(&after)?;
    Ok(vec![Change::Lane { id: after.id, before: None, after: Some(after) }])
}

fn create_phase(new: &NewPhase, doc: &dyn DocRead) -> Result<Vec<Change>, OpError> {
    if new.stacked && !board_kind(doc, new.board_id)?.has_boxes() {
        return Err(OpError::invalid("stacked", "this kind of board has no boxes"));
    }
    require_board(doc, new.board_id)?;
    if doc.phase(new.id).is_some() {
        return Err(OpError::Conflict(format!("phase {} already exists", new.id)));
    }
    label("label", &new.label)?;
    caption("caption", &new.caption)?;
    let list = doc.phases(new.board_id);
    let (order, at) = order_with(&list, new.id, new.index);
    let p = Phase {
        id: new.id,
        board_id: new.board_id,
        position: at as i64,
        label: new.label.clone(),
        stacked: new.stacked,
        caption: new.caption.clone(),
        original_label: String::new(),
        original_caption: String::new(),
        version: 1,
    };
    let mut changes = vec![Change::Phase { id: p.id, before: None, after: Some(p) }];
    changes.extend(renumber(&list, &order));
    Ok(changes)
}

fn update_phase(id: &Id, patch: &PhasePatch, doc: &dyn DocRead) -> Result<Vec<Change>, OpError> {
    if patch.is_empty() {
        return Err(OpError::invalid("patch", "names nothing to change"));
    }
    let before = doc.phase(*id).ok_or(not_found("phase", *id))?;
    let mut after = before.clone();
    if let Some(v) = &patch.label {
        label("label", v)?;
        after.label = v.clone();
    }
    if let Some(v) = &patch.caption {
        caption("caption", v)?;
        after.caption = v.clone();
    }
    if let Some(v) = patch.position {
        after.position = v;
    }
    after.version += 1;
    Ok(vec![Change::Phase { id: *id, before: Some(before), after: Some(after) }])
}

fn delete_phase(id: &Id, doc: &dyn DocRead) -> Result<Vec<Change>, OpError> {
    let before = doc.phase(*id).ok_or(not_found("phase", *id))?;
    let mut changes: Vec<Change> = doc
        .touchpoints(before.board_id)
        .into_iter()
        .filter(|t| t.phase_id == Some(*id))
        .map(|t| {
            let after = Touchpoint { phase_id: None, version: t.version + 1, ..t.clone() };
            Change::Touchpoint { id: t.id, before: Some(t), after: Some(after) }
        })
        .collect();
    changes.push(Change::Phase { id: *id, before: Some(before), after: None });
    Ok(changes)
}

fn restore_phase(phase: &Phase, doc: &dyn DocRead) -> Result<Vec<Change>, OpError> {
    require_board(doc, phase.board_id)?;
    if doc.phase(phase.id).is_some() {
        return Err(OpError::Conflict(format!("phase {} already exists", phase.id)));
    }
    label("label", &phase.label)?;
    caption("caption", &phase.caption)?;
    let after = Phase { version: phase.version + 1, ..phase.clone() };
    Ok(vec![Change::Phase { id: after.id, before: None, after: Some(after) }])
}

/// A new row. The first row of a board that has notes takes them in (so they don't float over
/// the rows), or, when asked with `existing`, a row of their own made above it takes them and
/// the new row starts empty; either row is made tall enough for them.
fn create_lane(new: &crate::NewLane, doc: &dyn DocRead, now: Millis) -> Result<Vec<Change>, OpError> {
    if !board_kind(doc, new.board_id)?.has_lanes() {
        return Err(OpError::invalid("board", "this kind of board has no rows"));
    }
    if doc.lane(new.id).is_some() {
        return Err(OpError::Conflict(format!("lane {} already exists", new.id)));
    }
    label("label", &new.label)?;
    if let Some(existing) = &new.existing {
        label("existing", existing)?;
    }
    let list = doc.lanes(new.board_id);
    let loose = if list.is_empty() { doc.notes_in(new.board_id, NoteFilter::NoLane) } else { Vec::new() };
    let needed = loose.iter().map(|n| n.y - LANES_TOP + NOTE_H + NOTE_GAP).fold(LANE_H, f64::max).min(MAX_LANE_H);
    let lane = |id: Id, position: usize, label: &str, height: f64| Lane {
        id,
        board_id: new.board_id,
        position: position as i64,
        label: label.to_string(),
        height,
        line_above: String::new(),
        original_label: String::new(),
        original_line: String::new(),
        version: 1,
    };
    // The row of the notes already there: derived from the new row's id, so a retry makes the same.
    let holder = match (&new.existing, loose.is_empty()) {
        (Some(name), false) => Some((uuid::Uuid::new_v5(&new.id, b"existing notes"), name.as_str())),
        _ => None,
    };
    let mut changes = Vec::new();
    let index = match holder {
        Some((id, name)) => {
            changes.push(Change::Lane { id, before: None, after: Some(lane(id, 0, name, needed)) });
            1
        }
        None => 0,
    };
    let (order, at) = order_with(&list, new.id, new.index.max(index as u32));
    let height = if holder.is_some() { LANE_H } else { needed };
    let made = Lane { line_above: new.line_above.clone(), ..lane(new.id, at + index, &new.label, height) };
    changes.push(Change::Lane { id: made.id, before: None, after: Some(made) });
    changes.extend(renumber(&list, &order));
    let into = holder.map_or(new.id, |(id, _)| id);
    changes.extend(loose.iter().map(|n| {
        let after = Note { lane_id: Some(into), y: n.y - LANES_TOP, ..moved_note(n, now) };
        Change::Note { id: n.id, before: Some(n.clone()), after: Some(after) }
    }));
    Ok(changes)
}

/// Moves `notes` into another cell below the notes already there (per lane when moving between
/// touchpoints, per touchpoint when moving between lanes), keeping their layout among themselves.
fn stack_under(
    notes: &[Note],
    there: &[Note],
    now: Millis,
    group: fn(&Note) -> Option<Id>,
    attach: impl Fn(&mut Note),
) -> Vec<Change> {
    notes
        .iter()
        .map(|n| {
            let g = group(n);
            let bottom = there.iter().filter(|m| group(m) == g).map(|m| m.y + NOTE_H).fold(f64::NEG_INFINITY, f64::max);
            let top = notes.iter().filter(|m| group(m) == g).map(|m| m.y).fold(f64::INFINITY, f64::min);
            let shift = if bottom.is_finite() { (bottom + NOTE_GAP - top).max(0.0) } else { 0.0 };
            let mut after = Note { y: n.y + shift, ..moved_note(n, now) };
            attach(&mut after);
            Change::Note { id: n.id, before: Some(n.clone()), after: Some(after) }
        })
        .collect()
}

/// The whole-touchpoint rules, on the value an op would leave behind (and on imported ones).
pub fn check_touchpoint(t: &Touchpoint, doc: &dyn DocRead) -> Result<(), OpError> {
    label("label", &t.label)?;
    description(&t.description)?;
    if t.side_station && !board_kind(doc, t.board_id)?.has_path() {
        return Err(OpError::invalid("side_station", "only a service path has side stations"));
    }
    require_board(doc, t.board_id)?;
    if let Some(p) = t.phase_id {
        let phase = doc.phase(p).ok_or(not_found("phase", p))?;
        if phase.board_id != t.board_id {
            return Err(OpError::invalid("phase_id", "is on another board"));
        }
    }
    Ok(())
}

pub fn check_lane(l: &Lane) -> Result<(), OpError> {
    label("label", &l.label)?;
    caption("line_above", &l.line_above)?;
    if !l.height.is_finite() || !(MIN_LANE_H..=MAX_LANE_H).contains(&l.height) {
        return Err(OpError::invalid("height", format!("must be {MIN_LANE_H}–{MAX_LANE_H} board units")));
    }
    Ok(())
}
