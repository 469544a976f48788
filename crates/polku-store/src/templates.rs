//! The library's own templates: boards and workshops a facilitator saved as their structure,
//! kept as their template files. They belong to the library, not to a workshop, so deleting a
//! workshop keeps the templates made from it, and a board made from one stays when it goes.

use polku_core::own_template::is_own_id;
use polku_core::template::{parse, Template, TemplateKind};
use polku_core::{Millis, OpError};
use rusqlite::{params, Connection, OptionalExtension};

use crate::{Store, StoreError};

fn kind_str(kind: TemplateKind) -> &'static str {
    match kind {
        TemplateKind::Workshop => "workshop",
        TemplateKind::Board => "board",
    }
}

/// A stored file read back. It was checked when it was saved, so a failure here is a damaged row.
fn decode(id: &str, json: &str) -> Result<Template, StoreError> {
    parse(json).map_err(|e| StoreError::Decode(format!("own template {id}: {e}")))
}

/// An own template by id, for the planner inside a write transaction as for the library.
pub(crate) fn read(conn: &Connection, id: &str) -> Result<Option<Template>, StoreError> {
    let json: Option<String> = conn
        .prepare_cached("SELECT json FROM own_template WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?;
    json.map(|j| decode(id, &j)).transpose()
}

impl Store {
    /// Keeps a template the core has checked (`own_template::check`) under its own id, which
    /// must be an own template's and not yet taken.
    pub fn save_template(&mut self, t: &Template, now: Millis) -> Result<(), StoreError> {
        if !is_own_id(&t.id) {
            return Err(OpError::invalid("template", format!("{:?} is not an own template's id", t.id)).into());
        }
        if self.template_exists(&t.id)? {
            return Err(OpError::Conflict(format!("template {} already exists", t.id)).into());
        }
        self.conn.execute(
            "INSERT INTO own_template (id, kind, json, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![t.id, kind_str(t.kind), t.to_json(), now],
        )?;
        Ok(())
    }

    /// The own templates, in the order they were saved.
    pub fn list_templates(&self) -> Result<Vec<Template>, StoreError> {
        let mut stmt = self.conn.prepare("SELECT id, json FROM own_template ORDER BY created_at, id")?;
        let rows: Vec<(String, String)> = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?;
        rows.iter().map(|(id, json)| decode(id, json)).collect()
    }

    pub fn own_template(&self, id: &str) -> Result<Template, StoreError> {
        read(&self.conn, id)?.ok_or_else(|| StoreError::NoTemplate(id.chars().take(64).collect()))
    }

    pub fn template_exists(&self, id: &str) -> Result<bool, StoreError> {
        let n: i64 = self.conn.query_row("SELECT count(*) FROM own_template WHERE id = ?1", [id], |r| r.get(0))?;
        Ok(n > 0)
    }

    /// Removes an own template. Boards made from it stay as they are.
    pub fn delete_template(&mut self, id: &str) -> Result<(), StoreError> {
        let n = self.conn.execute("DELETE FROM own_template WHERE id = ?1", [id])?;
        if n == 0 {
            return Err(StoreError::NoTemplate(id.chars().take(64).collect()));
        }
        Ok(())
    }
}
