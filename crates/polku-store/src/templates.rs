//! The library's own templates: boards and workshops a facilitator saved as their structure,
//! kept as their template files. They belong to the library, not to a workshop, so deleting a
//! workshop keeps the templates made from it, and a board made from one stays when it goes.

use polku_core::own_template::is_own_id;
use polku_core::template::{parse, Template, TemplateKind};
use polku_core::{Millis, OpError};

use crate::db::{vals, Db};
use crate::StoreError;

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
pub(crate) fn read(db: &dyn Db, id: &str) -> Result<Option<Template>, StoreError> {
    let json = db.one("SELECT json FROM own_template WHERE id = ?1", vals![id], |r| r.str(0))?;
    json.map(|j| decode(id, &j)).transpose()
}

/// Refuses what cannot be saved as an own template, before any write.
pub(crate) fn check_new(t: &Template) -> Result<(), StoreError> {
    if !is_own_id(&t.id) {
        return Err(OpError::invalid("template", format!("{:?} is not an own template's id", t.id)).into());
    }
    Ok(())
}

pub(crate) fn save(db: &dyn Db, t: &Template, now: Millis) -> Result<(), StoreError> {
    if db.exists("SELECT 1 FROM own_template WHERE id = ?1", vals![t.id])? {
        return Err(OpError::Conflict(format!("template {} already exists", t.id)).into());
    }
    db.exec("INSERT INTO own_template (id, kind, json, created_at) VALUES (?1, ?2, ?3, ?4)", vals![t.id, kind_str(t.kind), t.to_json(), now])?;
    Ok(())
}

pub(crate) fn list(db: &dyn Db) -> Result<Vec<Template>, StoreError> {
    let rows = db.all("SELECT id, json FROM own_template ORDER BY created_at, id", &[], |r| Ok((r.str(0)?, r.str(1)?)))?;
    rows.iter().map(|(id, json)| decode(id, json)).collect()
}

pub(crate) fn delete(db: &dyn Db, id: &str) -> Result<(), StoreError> {
    if db.exec("DELETE FROM own_template WHERE id = ?1", vals![id])? == 0 {
        return Err(StoreError::NoTemplate(id.chars().take(64).collect()));
    }
    Ok(())
}
