//! Reads of a few notes rather than the whole workshop: what a phone's view and the placing of
//! its note need, so their cost stays flat as a room's notes pile up.

use polku_core::{Id, Note, Workshop};
use rusqlite::params;

use crate::records::{self, Stored};
use crate::rows::{id, opt_id, opt_str};
use crate::{deleted, Store, StoreError};

/// Newest first: note ids are UUIDv7, so their order is the order they were made.
const NEWEST_FIRST: &str = "r.id DESC";

impl Store {
    /// The workshop with its boards' structure (touchpoints, lanes, phases …) but no notes.
    pub fn load_workshop_outline(&self, id: Id) -> Result<Workshop, StoreError> {
        deleted::require_live(&self.conn, id)?;
        let mut ws = self.workshop_head(id)?;
        records::fill_outline(&self.conn, &mut ws)?;
        Ok(ws)
    }

    /// The lowest bottom edge (`y` + `height`) of the notes in one cell of a board: a
    /// touchpoint's (or box's or column's) in one lane, or in none. None when the cell is empty.
    pub fn cell_bottom(&self, workshop: Id, board: Id, touchpoint: Id, lane: Option<Id>, height: f64) -> Result<Option<f64>, StoreError> {
        let sql = "SELECT max(r.y) FROM note r JOIN board b ON b.id = r.board_id
                   WHERE b.workshop_id = ?1 AND r.board_id = ?2 AND r.touchpoint_id = ?3 AND r.lane_id IS ?4";
        let lowest: Option<f64> = self.conn.prepare_cached(sql)?.query_row(
            params![workshop.to_string(), board.to_string(), touchpoint.to_string(), opt_str(lane)],
            |r| r.get(0),
        )?;
        Ok(lowest.map(|y| y + height))
    }

    /// A board's newest `limit` notes face up, newest first, leaving out `except`; and how many
    /// older notes of the board, face up and not in `except`, were left out.
    pub fn latest_notes(&self, workshop: Id, board: Id, limit: usize, except: &[Id]) -> Result<(Vec<Note>, u32), StoreError> {
        // At most `limit` past the ones left out: `note_by_board_id` hands them over in order.
        let sql = format!("SELECT {} {} AND r.board_id = ?2 AND r.face_down = 0 ORDER BY {} LIMIT ?3", Note::COLUMNS, Note::IN_WORKSHOP, NEWEST_FIRST);
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let most = (limit + except.len()) as i64;
        let mut rows = stmt.query(params![workshop.to_string(), board.to_string(), most])?;
        let mut out = Vec::new();
        while out.len() < limit {
            let Some(row) = rows.next()? else { break };
            let note = Note::from_row(row)?;
            if !except.contains(&note.id) {
                out.push(note);
            }
        }
        drop(rows);
        // Fewer than asked for: nothing older was left out, and counting would cost as much again.
        let Some(oldest) = out.last().filter(|_| out.len() == limit).map(|n| n.id) else { return Ok((out, 0)) };
        let older: u32 = self
            .conn
            .prepare_cached("SELECT count(*) FROM note WHERE board_id = ?1 AND id < ?2 AND face_down = 0")?
            .query_row([board.to_string(), oldest.to_string()], |r| r.get(0))?;
        // A note of `except` the facilitator has deleted is not counted in `older` either.
        let excepted = except.iter().filter(|&&id| id < oldest).count() as u32;
        Ok((out, older.saturating_sub(excepted)))
    }

    /// How many of a board's notes are face down, per place (touchpoint, box or column; None for
    /// notes at none), leaving out `except`: what a phone shows of others' private writing.
    pub fn face_down_counts(&self, workshop: Id, board: Id, except: &[Id]) -> Result<Vec<(Option<Id>, u32)>, StoreError> {
        // `note_face_down` holds only the face-down rows, so this costs what private writing made.
        let sql = "SELECT r.id, r.touchpoint_id FROM note r JOIN board b ON b.id = r.board_id
                   WHERE b.workshop_id = ?1 AND r.board_id = ?2 AND r.face_down = 1";
        let mut stmt = self.conn.prepare_cached(sql)?;
        let mut rows = stmt.query(params![workshop.to_string(), board.to_string()])?;
        let mut counts: Vec<(Option<Id>, u32)> = Vec::new();
        while let Some(row) = rows.next()? {
            if except.contains(&id(row, 0)?) {
                continue;
            }
            let place = opt_id(row, 1)?;
            match counts.iter_mut().find(|(p, _)| *p == place) {
                Some((_, n)) => *n += 1,
                None => counts.push((place, 1)),
            }
        }
        Ok(counts)
    }

    /// Those of `ids` that are notes of the workshop, sorted by id.
    pub fn notes_by_id(&self, workshop: Id, ids: &[Id]) -> Result<Vec<Note>, StoreError> {
        let mut out = Vec::with_capacity(ids.len());
        for &id in ids {
            if let Some(note) = records::one::<Note>(&self.conn, &workshop.to_string(), id)? {
                out.push(note);
            }
        }
        out.sort_by_key(|n| n.id);
        Ok(out)
    }
}
