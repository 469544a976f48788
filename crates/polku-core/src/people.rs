//! Planning ops on personas and their walkthroughs. Deleting a persona takes its walkthroughs
//! with it but never a note: notes posted for it stay on the board, unlinked. Undo brings all of
//! it back, because every one of those changes is in the step.

use crate::plan::{DocRead, StepFilter};
use crate::{Change, Id, Millis, NewPersona, NewWalkStep, NewWalkthrough, Note, Op, OpError, Persona, WalkStep, Walkthrough};

fn not_found(entity: &'static str, id: Id) -> OpError {
    OpError::NotFound { entity, id }
}

/// The changes that remove a walkthrough: its steps first, so undo restores the walk before them.
pub(crate) fn walk_removal(doc: &dyn DocRead, w: Walkthrough) -> Vec<Change> {
    let mut changes: Vec<Change> = doc
        .walk_steps(StepFilter::Walkthrough(w.id))
        .into_iter()
        .map(|s| Change::WalkStep { id: s.id, before: Some(s), after: None })
        .collect();
    changes.push(Change::Walkthrough { id: w.id, before: Some(w), after: None });
    changes
}

/// A station the walk may stand on: a touchpoint of the walk's own board.
fn check_station(doc: &dyn DocRead, board: Id, at: Option<Id>) -> Result<(), OpError> {
    if let Some(tp) = at {
        let t = doc.touchpoint(tp).ok_or(not_found("touchpoint", tp))?;
        if t.board_id != board {
            return Err(OpError::invalid("at_touchpoint_id", "is on another board"));
        }
    }
    Ok(())
}

pub(crate) fn plan(op: &Op, doc: &dyn DocRead, now: Millis) -> Result<Vec<Change>, OpError> {
    match op {
        Op::CreatePersona { persona } => create_persona(persona, doc, now),
        Op::UpdatePersona { id, patch } => {
            if patch.is_empty() {
                return Err(OpError::invalid("patch", "names nothing to change"));
            }
            let before = doc.persona(*id).ok_or(not_found("persona", *id))?;
            let mut after = before.clone();
            patch.apply(&mut after.fields);
            after.fields.check()?;
            after.version += 1;
            after.updated_at = now;
            Ok(vec![Change::Persona { id: *id, before: Some(before), after: Some(after) }])
        }
        Op::DeletePersona { id } => delete_persona(id, doc, now),
        Op::RestorePersona { persona } => {
            if doc.persona(persona.id).is_some() {
                return Err(OpError::Conflict(format!("persona {} already exists", persona.id)));
            }
            persona.fields.check()?;
            let after = Persona { version: persona.version + 1, updated_at: now, ..persona.clone() };
            Ok(vec![Change::Persona { id: after.id, before: None, after: Some(after) }])
        }
        Op::CreateWalkthrough { walkthrough: new } => create_walkthrough(new, doc, now),
        Op::MoveWalkthrough { id, at_touchpoint_id } => {
            let before = doc.walkthrough(*id).ok_or(not_found("walkthrough", *id))?;
            check_station(doc, before.board_id, *at_touchpoint_id)?;
            let after = Walkthrough {
                at_touchpoint_id: *at_touchpoint_id,
                version: before.version + 1,
                updated_at: now,
                ..before.clone()
            };
            Ok(vec![Change::Walkthrough { id: *id, before: Some(before), after: Some(after) }])
        }
        Op::DeleteWalkthrough { id } => {
            let before = doc.walkthrough(*id).ok_or(not_found("walkthrough", *id))?;
            Ok(walk_removal(doc, before))
        }
        Op::RestoreWalkthrough { walkthrough } => restore_walkthrough(walkthrough, doc, now),
        Op::SetWalkStep { step } => set_walk_step(step, doc, now),
        Op::DeleteWalkStep { id } => {
            let before = doc.walk_step(*id).ok_or(not_found("walk step", *id))?;
            Ok(vec![Change::WalkStep { id: *id, before: Some(before), after: None }])
        }
        _ => Err(OpError::invalid("type", "is not a persona or walkthrough op")),
    }
}

fn create_persona(persona: &NewPersona, doc: &dyn DocRead, now: Millis) -> Result<Vec<Change>, OpError> {
    if doc.persona(persona.id).is_some() {
        return Err(OpError::Conflict(format!("persona {} already exists", persona.id)));
    }
    persona.fields.check()?;
    let after = Persona {
        id: persona.id,
        fields: persona.fields.clone(),
        version: 1,
        created_at: now,
        updated_at: now,
    };
    Ok(vec![Change::Persona { id: persona.id, before: None, after: Some(after) }])
}

fn delete_persona(id: &Id, doc: &dyn DocRead, now: Millis) -> Result<Vec<Change>, OpError> {
    let before = doc.persona(*id).ok_or(not_found("persona", *id))?;
    let mut changes: Vec<Change> = doc
        .persona_notes(*id)
        .into_iter()
        .map(|n| {
            let after = Note { persona_id: None, version: n.version + 1, updated_at: now, ..n.clone() };
            Change::Note { id: n.id, before: Some(n), after: Some(after) }
        })
        .collect();
    for w in doc.walkthroughs_of(*id) {
        changes.extend(walk_removal(doc, w));
    }
    changes.push(Change::Persona { id: *id, before: Some(before), after: None });
    Ok(changes)
}

/// A walkthrough that may come into being: its id free, its persona and its board there.
fn walk_may_start(doc: &dyn DocRead, id: Id, persona: Id, board: Id) -> Result<(), OpError> {
    if doc.walkthrough(id).is_some() {
        return Err(OpError::Conflict(format!("walkthrough {id} already exists")));
    }
    if !doc.persona_exists(persona) {
        return Err(not_found("persona", persona));
    }
    if !doc.board_exists(board) {
        return Err(not_found("board", board));
    }
    Ok(())
}

fn create_walkthrough(new: &NewWalkthrough, doc: &dyn DocRead, now: Millis) -> Result<Vec<Change>, OpError> {
    walk_may_start(doc, new.id, new.persona_id, new.board_id)?;
    check_station(doc, new.board_id, new.at_touchpoint_id)?;
    let after = Walkthrough {
        id: new.id,
        persona_id: new.persona_id,
        board_id: new.board_id,
        at_touchpoint_id: new.at_touchpoint_id,
        version: 1,
        created_at: now,
        updated_at: now,
    };
    Ok(vec![Change::Walkthrough { id: new.id, before: None, after: Some(after) }])
}

fn restore_walkthrough(walkthrough: &Walkthrough, doc: &dyn DocRead, now: Millis) -> Result<Vec<Change>, OpError> {
    walk_may_start(doc, walkthrough.id, walkthrough.persona_id, walkthrough.board_id)?;
    let mut after = Walkthrough { version: walkthrough.version + 1, updated_at: now, ..walkthrough.clone() };
    // Its token's station may have gone meanwhile; the walk still comes back.
    if check_station(doc, after.board_id, after.at_touchpoint_id).is_err() {
        after.at_touchpoint_id = None;
    }
    Ok(vec![Change::Walkthrough { id: after.id, before: None, after: Some(after) }])
}

fn set_walk_step(step: &NewWalkStep, doc: &dyn DocRead, now: Millis) -> Result<Vec<Change>, OpError> {
    let walk = doc.walkthrough(step.walkthrough_id).ok_or(not_found("walkthrough", step.walkthrough_id))?;
    let tp = doc.touchpoint(step.touchpoint_id).ok_or(not_found("touchpoint", step.touchpoint_id))?;
    if tp.board_id != walk.board_id {
        return Err(OpError::invalid("touchpoint_id", "is not on the walk's board"));
    }
    step.record.check()?;
    let here = doc.walk_steps(StepFilter::Walkthrough(walk.id)).into_iter().find(|s| s.touchpoint_id == tp.id);
    match here {
        Some(before) => {
            let after = WalkStep {
                record: step.record.clone(),
                version: before.version + 1,
                updated_at: now,
                ..before.clone()
            };
            Ok(vec![Change::WalkStep { id: before.id, before: Some(before), after: Some(after) }])
        }
        None => {
            if doc.walk_step(step.id).is_some() {
                return Err(OpError::Conflict(format!("walk step {} is recorded at another station", step.id)));
            }
            let after = WalkStep {
                id: step.id,
                walkthrough_id: walk.id,
                touchpoint_id: tp.id,
                record: step.record.clone(),
                version: 1,
                updated_at: now,
            };
            Ok(vec![Change::WalkStep { id: step.id, before: None, after: Some(after) }])
        }
    }
}
