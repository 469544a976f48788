//! The library: workshops as a whole (list, create, rename, load a snapshot); delete, restore
//! and erase are in `deleted.rs`.

use polku_core::{validate_title, Id, Millis, Workshop, WorkshopSummary};
use rusqlite::{params, OptionalExtension, Transaction};

use crate::{deleted, records, rows};
use crate::{Store, StoreError};

const SUMMARY: &str = "SELECT w.id, w.title, w.language, w.created_at, w.updated_at,
        (SELECT count(*) FROM note JOIN board b ON b.id = note.board_id WHERE b.workshop_id = w.id)
     FROM workshop w";

fn summary(row: &rusqlite::Row) -> rusqlite::Result<WorkshopSummary> {
    Ok(WorkshopSummary {
        id: rows::id(row, 0)?,
        title: row.get(1)?,
        language: rows::language(row, 2)?,
        created_at: row.get(3)?,
        updated_at: row.get(4)?,
        notes: row.get(5)?,
    })
}

impl Store {
    /// All workshops but the deleted ones, the most recently changed first.
    pub fn list_workshops(&self) -> Result<Vec<WorkshopSummary>, StoreError> {
        let mut stmt =
            self.conn.prepare(&format!("{SUMMARY} WHERE w.deleted_at IS NULL ORDER BY w.updated_at DESC, w.id"))?;
        let list = stmt.query_map([], summary)?.collect::<Result<_, _>>()?;
        Ok(list)
    }

    pub fn workshop_summary(&self, id: Id) -> Result<WorkshopSummary, StoreError> {
        self.conn
            .query_row(&format!("{SUMMARY} WHERE w.id = ?1"), [id.to_string()], summary)
            .optional()?
            .ok_or(StoreError::NotFound { entity: "workshop", id })
    }

    pub fn workshop_exists(&self, id: Id) -> Result<bool, StoreError> {
        let n: i64 = self.conn.query_row("SELECT count(*) FROM workshop WHERE id = ?1", [id.to_string()], |r| r.get(0))?;
        Ok(n > 0)
    }

    /// Whether any record of `w` (the workshop, or anything in it) has an id already used in the
    /// library: an imported file that does must come in with new ids, or it would overwrite
    /// another workshop's records.
    pub fn ids_taken(&self, w: &Workshop) -> Result<bool, StoreError> {
        let b = &w.boards;
        let lists: [(&str, Vec<Id>); 10] = [
            ("workshop", vec![w.id]),
            ("board", b.iter().map(|x| x.id).collect()),
            ("phase", b.iter().flat_map(|x| x.phases.iter().map(|r| r.id)).collect()),
            ("touchpoint", b.iter().flat_map(|x| x.touchpoints.iter().map(|r| r.id)).collect()),
            ("lane", b.iter().flat_map(|x| x.lanes.iter().map(|r| r.id)).collect()),
            ("note", b.iter().flat_map(|x| x.notes.iter().map(|r| r.id)).collect()),
            ("session", w.sessions.iter().map(|r| r.id).collect()),
            ("persona", w.personas.iter().map(|r| r.id).collect()),
            ("walkthrough", w.walkthroughs.iter().map(|r| r.id).collect()),
            ("walk_step", w.walk_steps.iter().map(|r| r.id).collect()),
        ];
        for (table, ids) in lists {
            // Table names are ours (above), never input.
            let mut q = self.conn.prepare_cached(&format!("SELECT 1 FROM {table} WHERE id = ?1"))?;
            for id in ids {
                if q.exists([id.to_string()])? {
                    return Ok(true);
                }
            }
        }
        Ok(false)
    }

    /// Writes a whole workshop (new from a template, or imported) in one transaction.
    pub fn insert_workshop(&mut self, w: &Workshop) -> Result<(), StoreError> {
        validate_title(&w.title)?;
        let tx = self.conn.transaction()?;
        insert_snapshot(&tx, w)?;
        tx.commit()?;
        Ok(())
    }

    pub fn rename_workshop(&mut self, id: Id, title: &str, now: Millis) -> Result<WorkshopSummary, StoreError> {
        validate_title(title)?;
        deleted::require_live(&self.conn, id)?;
        let n = self.conn.execute(
            "UPDATE workshop SET title = ?2, updated_at = ?3 WHERE id = ?1",
            params![id.to_string(), title, now],
        )?;
        if n == 0 {
            return Err(StoreError::NotFound { entity: "workshop", id });
        }
        self.workshop_summary(id)
    }

    /// The whole workshop as one snapshot; notes sorted by id, everything else by position.
    pub fn load_workshop(&self, id: Id) -> Result<Workshop, StoreError> {
        deleted::require_live(&self.conn, id)?;
        let mut ws = self.workshop_head(id)?;
        records::fill(&self.conn, &mut ws)?;
        Ok(ws)
    }

    /// The workshop's own fields, with no records yet.
    pub(crate) fn workshop_head(&self, id: Id) -> Result<Workshop, StoreError> {
        let key = id.to_string();
        let head = self
            .conn
            .query_row(
                "SELECT title, language, created_at, updated_at FROM workshop WHERE id = ?1",
                [&key],
                |r| Ok((r.get::<_, String>(0)?, rows::language(r, 1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?
            .ok_or(StoreError::NotFound { entity: "workshop", id })?;
        let (title, language, created_at, updated_at) = head;
        Ok(Workshop {
            id,
            title,
            language,
            created_at,
            updated_at,
            boards: Vec::new(),
            sessions: Vec::new(),
            personas: Vec::new(),
            walkthroughs: Vec::new(),
            walk_steps: Vec::new(),
            votes: Vec::new(),
        })
    }
}

pub(crate) fn insert_snapshot(tx: &Transaction, w: &Workshop) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO workshop (id, title, language, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![w.id.to_string(), w.title, w.language.as_str(), w.created_at, w.updated_at],
    )?;
    records::insert_all(tx, w)?;
    Ok(())
}
