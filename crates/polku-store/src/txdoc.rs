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
        self.one(
            "SELECT t.id, t.board_id, t.position, t.label, t.phase, t.version FROM touchpoint t
             JOIN board ON board.id = t.board_id WHERE t.id = ?1 AND board.workshop_id = ?2",
            id,
            |r| {
                Ok(Touchpoint {
                    id: rows::id(r, 0)?,
                    board_id: rows::id(r, 1)?,
                    position: r.get(2)?,
                    label: r.get(3)?,
                    phase: rows::phase(r, 4)?,
                    version: r.get(5)?,
                })
            },
        )
    }

    fn lane(&self, id: Id) -> Option<Lane> {
        self.one(
            "SELECT l.id, l.board_id, l.position, l.label, l.version FROM lane l
             JOIN board ON board.id = l.board_id WHERE l.id = ?1 AND board.workshop_id = ?2",
            id,
            |r| {
                Ok(Lane {
                    id: rows::id(r, 0)?,
                    board_id: rows::id(r, 1)?,
                    position: r.get(2)?,
                    label: r.get(3)?,
                    version: r.get(4)?,
                })
            },
        )
    }

    fn persona_exists(&self, id: Id) -> bool {
        self.one("SELECT 1 FROM persona WHERE id = ?1 AND workshop_id = ?2", id, |_| Ok(())).is_some()
    }
}
