//! Reads of a few notes rather than the whole workshop: what a phone's view and the placing of
//! its note need, so their cost stays flat as a room's notes pile up.

use polku_core::{Id, Note};

use crate::db::{matches, vals, Db};
use crate::records::{self, Stored};
use crate::StoreError;

/// Newest first: note ids are UUIDv7, so their order is the order they were made.
const NEWEST_FIRST: &str = "r.id DESC";

pub(crate) fn cell_bottom(db: &dyn Db, workshop: Id, board: Id, touchpoint: Id, lane: Option<Id>, height: f64) -> Result<Option<f64>, StoreError> {
    let sql = format!(
        "SELECT max(r.y) FROM note r JOIN board b ON b.id = r.board_id
         WHERE b.workshop_id = ?1 AND r.board_id = ?2 AND r.touchpoint_id = ?3 AND {}",
        matches("r.lane_id", 4, lane)
    );
    let lowest = db.one(&sql, vals![workshop, board, touchpoint, lane], |r| r.real(0))?.flatten();
    Ok(lowest.map(|y| y + height))
}

pub(crate) fn latest(db: &dyn Db, workshop: Id, board: Id, limit: usize, except: &[Id]) -> Result<(Vec<Note>, u32), StoreError> {
    // At most `limit` past the ones left out: `note_by_board_id` hands them over in order.
    let sql = format!(
        "SELECT {} {} AND r.board_id = ?2 AND r.face_down = {} ORDER BY {} LIMIT ?3",
        Note::COLUMNS,
        Note::IN_WORKSHOP,
        db.flag(false),
        NEWEST_FIRST
    );
    let most = (limit + except.len()) as i64;
    let mut out = Vec::new();
    db.each(&sql, vals![workshop, board, most], &mut |row| {
        let note = Note::from_row(row)?;
        if !except.contains(&note.id) {
            out.push(note);
        }
        Ok(out.len() < limit)
    })?;
    // Fewer than asked for: nothing older was left out, and counting would cost as much again.
    let Some(oldest) = out.last().filter(|_| out.len() == limit).map(|n| n.id) else { return Ok((out, 0)) };
    let sql = format!("SELECT count(*) FROM note WHERE board_id = ?1 AND id < ?2 AND face_down = {}", db.flag(false));
    let older = db.number(&sql, vals![board, oldest])?;
    // A note of `except` the facilitator has deleted is not counted in `older` either.
    let excepted = except.iter().filter(|&&id| id < oldest).count() as i64;
    Ok((out, u32::try_from(older.saturating_sub(excepted).max(0)).unwrap_or(u32::MAX)))
}

pub(crate) fn face_down_counts(db: &dyn Db, workshop: Id, board: Id, except: &[Id]) -> Result<Vec<(Option<Id>, u32)>, StoreError> {
    // `note_face_down` holds only the face-down rows, so this costs what private writing made.
    let sql = format!(
        "SELECT r.id, r.touchpoint_id FROM note r JOIN board b ON b.id = r.board_id
         WHERE b.workshop_id = ?1 AND r.board_id = ?2 AND r.face_down = {}",
        db.flag(true)
    );
    let mut counts: Vec<(Option<Id>, u32)> = Vec::new();
    db.each(&sql, vals![workshop, board], &mut |row| {
        if except.contains(&row.id(0)?) {
            return Ok(true);
        }
        let place = row.opt_id(1)?;
        match counts.iter_mut().find(|(p, _)| *p == place) {
            Some((_, n)) => *n += 1,
            None => counts.push((place, 1)),
        }
        Ok(true)
    })?;
    Ok(counts)
}

pub(crate) fn by_id(db: &dyn Db, workshop: Id, ids: &[Id]) -> Result<Vec<Note>, StoreError> {
    let mut out = Vec::with_capacity(ids.len());
    for &id in ids {
        if let Some(note) = records::one::<Note>(db, workshop, id)? {
            out.push(note);
        }
    }
    out.sort_by_key(|n| n.id);
    Ok(out)
}
