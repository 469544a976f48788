//! Planning ops on a workshop's sessions. Sessions keep positions 0, 1, 2 … in programme order,
//! like boards do. Deleting a session keeps the notes written in it, in no session, and undo
//! puts them back in it.

use crate::order::{moved, order_with, renumber};
use crate::plan::DocRead;
use crate::{Change, Id, Millis, Note, Op, OpError, Session, SessionFields};

/// A programme of many meetings still fits; a runaway client does not.
pub const MAX_SESSIONS: usize = 100;

fn not_found(id: Id) -> OpError {
    OpError::NotFound { entity: "session", id }
}

fn check(fields: &SessionFields, doc: &dyn DocRead) -> Result<(), OpError> {
    fields.check(&|b| doc.board_exists(b))
}

pub(crate) fn plan(op: &Op, doc: &dyn DocRead, now: Millis) -> Result<Vec<Change>, OpError> {
    match op {
        Op::CreateSession { session: new } => {
            if doc.session(new.id).is_some() {
                return Err(OpError::Conflict(format!("session {} already exists", new.id)));
            }
            let list = doc.sessions();
            if list.len() >= MAX_SESSIONS {
                return Err(OpError::invalid("sessions", format!("a workshop holds at most {MAX_SESSIONS} sessions")));
            }
            check(&new.fields, doc)?;
            let (order, at) = order_with(&list, new.id, new.index);
            let made = Session { id: new.id, position: at as i64, fields: new.fields.clone(), run: None, version: 1 };
            let mut changes = vec![Change::Session { id: new.id, before: None, after: Some(made) }];
            changes.extend(renumber(&list, &order));
            Ok(changes)
        }
        Op::UpdateSession { id, patch } => {
            if patch.is_empty() {
                return Err(OpError::invalid("patch", "names nothing to change"));
            }
            let before = doc.session(*id).ok_or(not_found(*id))?;
            let mut after = before.clone();
            patch.apply(&mut after.fields);
            if let Some(position) = patch.position {
                after.position = position;
            }
            check(&after.fields, doc)?;
            crate::run::fitted(&mut after);
            after.version += 1;
            Ok(vec![Change::Session { id: *id, before: Some(before), after: Some(after) }])
        }
        Op::MoveSession { id, index } => {
            doc.session(*id).ok_or(not_found(*id))?;
            let list = doc.sessions();
            Ok(moved(&list, *id, *index))
        }
        Op::DeleteSession { id } => {
            let before = doc.session(*id).ok_or(not_found(*id))?;
            let mut changes: Vec<Change> = doc
                .session_notes(*id)
                .into_iter()
                .map(|n| {
                    let after = Note { session_id: None, version: n.version + 1, updated_at: now, ..n.clone() };
                    Change::Note { id: n.id, before: Some(n), after: Some(after) }
                })
                .collect();
            changes.push(Change::Session { id: *id, before: Some(before), after: None });
            Ok(changes)
        }
        Op::RestoreSession { session } => {
            if doc.session(session.id).is_some() {
                return Err(OpError::Conflict(format!("session {} already exists", session.id)));
            }
            check(&session.fields, doc)?;
            crate::run::check_run(session)?;
            let after = Session { version: session.version + 1, ..session.clone() };
            Ok(vec![Change::Session { id: session.id, before: None, after: Some(after) }])
        }
        _ => unreachable!("sessions::plan is only called with session ops"),
    }
}

/// The changes that take a board out of every agenda that names it (the items stay).
pub(crate) fn unlink_board(doc: &dyn DocRead, board: Id) -> Vec<Change> {
    doc.sessions()
        .into_iter()
        .filter(|s| s.fields.agenda.iter().any(|i| i.board_id == Some(board)))
        .map(|before| {
            let mut after = before.clone();
            for item in after.fields.agenda.iter_mut().filter(|i| i.board_id == Some(board)) {
                item.board_id = None;
            }
            after.version += 1;
            Change::Session { id: before.id, before: Some(before), after: Some(after) }
        })
        .collect()
}
