//! The core's view of one workshop, read from inside the write transaction. Every read is scoped
//! to the workshop, so an op cannot reach into another workshop by naming a foreign id.

use polku_core::{DocRead, Id, Lane, Note, NoteFilter, Persona, Phase, StepFilter, Touchpoint, WalkStep, Walkthrough};
use rusqlite::{Connection, OptionalExtension};

use crate::rows;

pub(crate) struct TxDoc<'a> {
    pub conn: &'a Connection,
    pub workshop: String,
}

impl TxDoc<'_> {
    /// A failed read here is a broken database, not a user error; the op is then refused as
    /// "not found" and the write transaction that follows reports the real failure.
    fn one<T>(&self, sql: &str, id: Id, f: impl FnOnce(&rusqlite::Row) -> rusqlite::Result<T>) -> Option<T> {
        self.conn
            .prepare_cached(sql)
            .and_then(|mut s| s.query_row([id.to_string(), self.workshop.clone()], f).optional())
            .ok()
            .flatten()
    }
}

/// Walkthroughs joined to their persona, for the workshop check.
const WALKS: &str = "FROM walkthrough w JOIN persona p ON p.id = w.persona_id";
/// Walk steps joined to their walkthrough and persona, for the workshop check.
const STEPS: &str = "FROM walk_step s JOIN walkthrough w ON w.id = s.walkthrough_id JOIN persona p ON p.id = w.persona_id";

impl TxDoc<'_> {
    /// Rows that `key` picks in this workshop (`?1` is the key, `?2` the workshop).
    fn many<T>(&self, sql: &str, key: Id, f: fn(&rusqlite::Row) -> rusqlite::Result<T>) -> Vec<T> {
        self.conn
            .prepare_cached(sql)
            .and_then(|mut s| s.query_map([key.to_string(), self.workshop.clone()], f)?.collect())
            .unwrap_or_default()
    }

    /// The board's rows, when the board is in this workshop; empty otherwise.
    fn list<T>(&self, sql: &str, board: Id, f: fn(&rusqlite::Row) -> rusqlite::Result<T>) -> Vec<T> {
        if !self.board_exists(board) {
            return Vec::new();
        }
        self.conn
            .prepare_cached(sql)
            .and_then(|mut s| s.query_map([board.to_string()], f)?.collect())
            .unwrap_or_default()
    }
}

impl DocRead for TxDoc<'_> {
    fn board_exists(&self, id: Id) -> bool {
        self.one("SELECT 1 FROM board WHERE id = ?1 AND workshop_id = ?2", id, |_| Ok(())).is_some()
    }

    fn note(&self, id: Id) -> Option<Note> {
        let sql = format!(
            "SELECT {} FROM note JOIN board ON board.id = note.board_id WHERE note.id = ?1 AND board.workshop_id = ?2",
            rows::NOTE_COLUMNS
        );
        self.one(&sql, id, rows::note)
    }

    fn touchpoint(&self, id: Id) -> Option<Touchpoint> {
        let sql = format!(
            "SELECT {} FROM touchpoint t JOIN board ON board.id = t.board_id WHERE t.id = ?1 AND board.workshop_id = ?2",
            rows::TOUCHPOINT_COLUMNS
        );
        self.one(&sql, id, rows::touchpoint)
    }

    fn lane(&self, id: Id) -> Option<Lane> {
        let sql = format!(
            "SELECT {} FROM lane l JOIN board ON board.id = l.board_id WHERE l.id = ?1 AND board.workshop_id = ?2",
            rows::LANE_COLUMNS
        );
        self.one(&sql, id, rows::lane)
    }

    fn phase(&self, id: Id) -> Option<Phase> {
        let sql = format!(
            "SELECT {} FROM phase p JOIN board ON board.id = p.board_id WHERE p.id = ?1 AND board.workshop_id = ?2",
            rows::PHASE_COLUMNS
        );
        self.one(&sql, id, rows::phase)
    }

    fn touchpoints(&self, board: Id) -> Vec<Touchpoint> {
        let sql = format!("SELECT {} FROM touchpoint t WHERE t.board_id = ?1 ORDER BY t.position, t.id", rows::TOUCHPOINT_COLUMNS);
        self.list(&sql, board, rows::touchpoint)
    }

    fn lanes(&self, board: Id) -> Vec<Lane> {
        let sql = format!("SELECT {} FROM lane l WHERE l.board_id = ?1 ORDER BY l.position, l.id", rows::LANE_COLUMNS);
        self.list(&sql, board, rows::lane)
    }

    fn phases(&self, board: Id) -> Vec<Phase> {
        let sql = format!("SELECT {} FROM phase p WHERE p.board_id = ?1 ORDER BY p.position, p.id", rows::PHASE_COLUMNS);
        self.list(&sql, board, rows::phase)
    }

    fn notes_in(&self, board: Id, filter: NoteFilter) -> Vec<Note> {
        let (cond, key) = match filter {
            NoteFilter::Touchpoint(t) => ("note.touchpoint_id = ?2", Some(t)),
            NoteFilter::Lane(l) => ("note.lane_id = ?2", Some(l)),
            NoteFilter::NoLane => ("note.lane_id IS NULL AND ?2 IS NULL", None),
        };
        let sql = format!("SELECT {} FROM note WHERE note.board_id = ?1 AND {cond} ORDER BY note.id", rows::NOTE_COLUMNS);
        self.conn
            .prepare_cached(&sql)
            .and_then(|mut s| {
                s.query_map(rusqlite::params![board.to_string(), key.map(|k| k.to_string())], rows::note)?.collect()
            })
            .unwrap_or_default()
    }

    fn persona(&self, id: Id) -> Option<Persona> {
        let sql = format!("SELECT {} FROM persona p WHERE p.id = ?1 AND p.workshop_id = ?2", rows::PERSONA_COLUMNS);
        self.one(&sql, id, rows::persona)
    }

    fn walkthrough(&self, id: Id) -> Option<Walkthrough> {
        let sql = format!("SELECT {} {WALKS} WHERE w.id = ?1 AND p.workshop_id = ?2", rows::WALKTHROUGH_COLUMNS);
        self.one(&sql, id, rows::walkthrough)
    }

    fn walkthroughs_of(&self, persona: Id) -> Vec<Walkthrough> {
        let sql = format!("SELECT {} {WALKS} WHERE w.persona_id = ?1 AND p.workshop_id = ?2 ORDER BY w.id", rows::WALKTHROUGH_COLUMNS);
        self.many(&sql, persona, rows::walkthrough)
    }

    fn walkthroughs_at(&self, touchpoint: Id) -> Vec<Walkthrough> {
        let sql =
            format!("SELECT {} {WALKS} WHERE w.at_touchpoint_id = ?1 AND p.workshop_id = ?2 ORDER BY w.id", rows::WALKTHROUGH_COLUMNS);
        self.many(&sql, touchpoint, rows::walkthrough)
    }

    fn walk_step(&self, id: Id) -> Option<WalkStep> {
        let sql = format!("SELECT {} {STEPS} WHERE s.id = ?1 AND p.workshop_id = ?2", rows::WALK_STEP_COLUMNS);
        self.one(&sql, id, rows::walk_step)
    }

    fn walk_steps(&self, filter: StepFilter) -> Vec<WalkStep> {
        let (column, key) = match filter {
            StepFilter::Walkthrough(w) => ("s.walkthrough_id", w),
            StepFilter::Touchpoint(t) => ("s.touchpoint_id", t),
        };
        let sql = format!("SELECT {} {STEPS} WHERE {column} = ?1 AND p.workshop_id = ?2 ORDER BY s.id", rows::WALK_STEP_COLUMNS);
        self.many(&sql, key, rows::walk_step)
    }

    fn persona_notes(&self, persona: Id) -> Vec<Note> {
        let sql = format!(
            "SELECT {} FROM note JOIN board ON board.id = note.board_id WHERE note.persona_id = ?1 AND board.workshop_id = ?2 ORDER BY note.id",
            rows::NOTE_COLUMNS
        );
        self.many(&sql, persona, rows::note)
    }
}
