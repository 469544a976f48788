//! The core's view of one workshop, read from inside the write transaction. Every read is scoped
//! to the workshop, so an op cannot reach into another workshop by naming a foreign id.

use polku_core::{DocRead, Id, Lane, Note, Touchpoint};
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

    fn persona_exists(&self, id: Id) -> bool {
        self.one("SELECT 1 FROM persona WHERE id = ?1 AND workshop_id = ?2", id, |_| Ok(())).is_some()
    }
}
