//! Planning ops on a workshop's boards. A new board is blank, laid out from a template (built in
//! or the library's own), or a copy of another board; deleting one takes everything on it (and
//! the walks along it) in the same step, so undo brings the board back whole. Boards keep
//! positions 0, 1, 2 … like touchpoints do.

use std::collections::HashMap;

use crate::order::{moved, order_with, renumber};
use crate::people::walk_removal;
use crate::sessions::unlink_board;
use crate::plan::{DocRead, NoteFilter};
use crate::record::Record;
use crate::validate::validate_title;
use crate::{Board, BoardInfo, BoardSource, Change, Id, Millis, NewBoard, Note, Op, OpError};

/// A workshop holds at most this many boards (a five-session programme needs about ten).
pub const MAX_BOARDS: usize = 100;

fn not_found(id: Id) -> OpError {
    OpError::NotFound { entity: "board", id }
}

pub(crate) fn plan(op: &Op, doc: &dyn DocRead, now: Millis) -> Result<Vec<Change>, OpError> {
    match op {
        Op::CreateBoard { board } => create(board, doc, now),
        Op::UpdateBoard { id, patch } => {
            if patch.is_empty() {
                return Err(OpError::invalid("patch", "names nothing to change"));
            }
            let before = doc.board_info(*id).ok_or(not_found(*id))?;
            let mut after = before.clone();
            if let Some(title) = &patch.title {
                validate_title(title)?;
                after.title = title.clone();
            }
            if let Some(position) = patch.position {
                after.position = position;
            }
            if let Some(covered) = patch.covered {
                after.live.covered = covered;
            }
            if let Some(writing) = &patch.writing {
                crate::writing::check_writing(*id, writing, doc)?;
                after.live.writing = writing.clone();
            }
            after.version += 1;
            Ok(vec![Change::Board { id: *id, before: Some(before), after: Some(after) }])
        }
        Op::MoveBoard { id, index } => {
            doc.board_info(*id).ok_or(not_found(*id))?;
            let list = doc.boards();
            Ok(moved(&list, *id, *index))
        }
        Op::DeleteBoard { id } => delete(*id, doc),
        Op::RestoreBoard { board } => {
            if doc.board_info(board.id).is_some() {
                return Err(OpError::Conflict(format!("board {} already exists", board.id)));
            }
            room_for_one(doc)?;
            validate_title(&board.title)?;
            let after = BoardInfo { version: board.version + 1, ..board.clone() };
            Ok(vec![Change::Board { id: board.id, before: None, after: Some(after) }])
        }
        _ => unreachable!("boards::plan is only called with board ops"),
    }
}

fn room_for_one(doc: &dyn DocRead) -> Result<(), OpError> {
    if doc.boards().len() >= MAX_BOARDS {
        return Err(OpError::invalid("boards", format!("a workshop holds at most {MAX_BOARDS} boards")));
    }
    Ok(())
}

fn create(new: &NewBoard, doc: &dyn DocRead, now: Millis) -> Result<Vec<Change>, OpError> {
    if doc.board_info(new.id).is_some() {
        return Err(OpError::Conflict(format!("board {} already exists", new.id)));
    }
    room_for_one(doc)?;
    validate_title(&new.title)?;
    let list = doc.boards();
    let (order, at) = order_with(&list, new.id, new.index);
    let mut made = match &new.from {
        BoardSource::Blank { kind } => Board::from_info(&BoardInfo { id: new.id, kind: *kind, title: String::new(), position: 0, version: 1, live: Default::default() }),
        BoardSource::Template { template } => {
            let t = doc.template(template).ok_or_else(|| OpError::invalid("template", format!("there is no template {template:?}")))?;
            let [bt] = t.boards.as_slice() else {
                return Err(OpError::invalid("template", "makes several boards: create a workshop from it instead"));
            };
            let mut n = 0u128;
            bt.lay_out(new.id, 0, doc.language(), &mut || {
                n += 1;
                derived(new.id, Id::from_u128(n))
            })
        }
        BoardSource::Copy { board_id, with_notes } => copy(doc, *board_id, new.id, *with_notes, now)?,
    };
    made.title = new.title.clone();
    made.position = at as i64;
    made.version = 1;
    let mut changes = vec![Change::Board { id: new.id, before: None, after: Some(made.info()) }];
    changes.extend(renumber(&list, &order));
    changes.extend(contents(&made, doc)?);
    Ok(changes)
}

/// The creations of everything on a new board, each kind after the ones it refers to.
fn contents(b: &Board, doc: &dyn DocRead) -> Result<Vec<Change>, OpError> {
    fn made<R: Record>(list: &[R], exists: impl Fn(Id) -> bool) -> Result<Vec<Change>, OpError> {
        list.iter()
            .map(|v| match exists(v.id()) {
                true => Err(OpError::Conflict(format!("{} {} already exists", R::ENTITY, v.id()))),
                false => Ok(R::change(v.id(), None, Some(v.clone()))),
            })
            .collect()
    }
    let mut out = made(&b.phases, |id| doc.phase(id).is_some())?;
    out.extend(made(&b.touchpoints, |id| doc.touchpoint(id).is_some())?);
    out.extend(made(&b.lanes, |id| doc.lane(id).is_some())?);
    out.extend(made(&b.notes, |id| doc.note(id).is_some())?);
    Ok(out)
}

/// Everything on board `from`, with new ids derived from `to`, the phases, touchpoints and lanes
/// the copies refer to mapped to their own copies.
fn copy(doc: &dyn DocRead, from: Id, to: Id, with_notes: bool, now: Millis) -> Result<Board, OpError> {
    let info = doc.board_info(from).ok_or(not_found(from))?;
    let ids: HashMap<Id, Id> = doc
        .phases(from)
        .iter()
        .map(|p| p.id)
        .chain(doc.touchpoints(from).iter().map(|t| t.id))
        .chain(doc.lanes(from).iter().map(|l| l.id))
        .map(|id| (id, derived(to, id)))
        .collect();
    let new = |id: Id| ids.get(&id).copied().unwrap_or(id);
    let remap = |id: Option<Id>| id.map(new);
    // A copy is a fresh board: not covered, not written on privately.
    let mut b = Board::from_info(&BoardInfo { id: to, live: Default::default(), ..info });
    b.phases = doc.phases(from).into_iter().map(|p| crate::Phase { id: new(p.id), board_id: to, version: 1, ..p }).collect();
    b.touchpoints = doc
        .touchpoints(from)
        .into_iter()
        .map(|t| crate::Touchpoint { id: new(t.id), board_id: to, phase_id: remap(t.phase_id), version: 1, ..t })
        .collect();
    b.lanes = doc.lanes(from).into_iter().map(|l| crate::Lane { id: new(l.id), board_id: to, version: 1, ..l }).collect();
    if with_notes {
        b.notes = doc
            .notes_in(from, NoteFilter::All)
            .into_iter()
            .map(|n| Note {
                id: derived(to, n.id),
                board_id: to,
                touchpoint_id: remap(n.touchpoint_id),
                lane_id: remap(n.lane_id),
                version: 1,
                created_at: now,
                updated_at: now,
                ..n
            })
            .collect();
    }
    Ok(b)
}

/// The changes that remove a board: the walks along it, its notes, touchpoints, lanes and phases,
/// the agenda items that named it, then the board itself, so that undo (which runs them
/// backwards) restores the board first.
fn delete(id: Id, doc: &dyn DocRead) -> Result<Vec<Change>, OpError> {
    let info = doc.board_info(id).ok_or(not_found(id))?;
    if doc.boards().len() <= 1 {
        return Err(OpError::invalid("board", "is the workshop's last board"));
    }
    let mut changes: Vec<Change> = doc.walkthroughs_on(id).into_iter().flat_map(|w| walk_removal(doc, w)).collect();
    changes.extend(doc.notes_in(id, NoteFilter::All).into_iter().map(|n| Change::Note { id: n.id, before: Some(n), after: None }));
    changes.extend(doc.touchpoints(id).into_iter().map(|t| Change::Touchpoint { id: t.id, before: Some(t), after: None }));
    changes.extend(doc.lanes(id).into_iter().map(|l| Change::Lane { id: l.id, before: Some(l), after: None }));
    changes.extend(doc.phases(id).into_iter().map(|p| Change::Phase { id: p.id, before: Some(p), after: None }));
    changes.extend(doc.votes().into_iter().filter(|v| v.board_id == id).map(|v| Change::Vote { id: v.id, before: Some(v), after: None }));
    changes.extend(unlink_board(doc, id));
    changes.push(Change::Board { id, before: Some(info), after: None });
    Ok(changes)
}

/// An id for something a new board is made with, from the board's id and `salt` (the copied
/// record's id, or a counter): the op names everything it makes without the client sending
/// hundreds of ids, and a retry or a replay of the op makes the same ones. A name-based UUID
/// (version 5) in the new board's namespace, so two boards never derive the same ids.
fn derived(board: Id, salt: Id) -> Id {
    Id::new_v5(&board, salt.as_bytes())
}
