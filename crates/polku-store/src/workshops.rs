//! The library: workshops as a whole (list, create, rename, load a snapshot); delete, restore
//! and erase are in `deleted.rs`.

use polku_core::{Id, Millis, Workshop, WorkshopSummary};

use crate::db::{vals, Db, DbRow};
use crate::{deleted, records, StoreError};

const SUMMARY: &str = "SELECT w.id, w.title, w.language, w.created_at, w.updated_at,
        (SELECT count(*) FROM note JOIN board b ON b.id = note.board_id WHERE b.workshop_id = w.id)
     FROM workshop w";

fn summary_row(row: &dyn DbRow) -> Result<WorkshopSummary, StoreError> {
    Ok(WorkshopSummary {
        id: row.id(0)?,
        title: row.str(1)?,
        language: row.language(2)?,
        created_at: row.i64(3)?,
        updated_at: row.i64(4)?,
        notes: row.i64(5)?,
    })
}

pub(crate) fn list(db: &dyn Db) -> Result<Vec<WorkshopSummary>, StoreError> {
    db.all(&format!("{SUMMARY} WHERE w.deleted_at IS NULL ORDER BY w.updated_at DESC, w.id"), &[], summary_row)
}

pub(crate) fn summary(db: &dyn Db, id: Id) -> Result<WorkshopSummary, StoreError> {
    db.one(&format!("{SUMMARY} WHERE w.id = ?1"), vals![id], summary_row)?.ok_or(StoreError::NotFound { entity: "workshop", id })
}

pub(crate) fn ids_taken(db: &dyn Db, w: &Workshop) -> Result<bool, StoreError> {
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
        let sql = format!("SELECT 1 FROM {table} WHERE id = ?1");
        for id in ids {
            if db.exists(&sql, vals![id])? {
                return Ok(true);
            }
        }
    }
    Ok(false)
}

pub(crate) fn rename(db: &dyn Db, id: Id, title: &str, now: Millis) -> Result<WorkshopSummary, StoreError> {
    deleted::require_live(db, id)?;
    db.exec("UPDATE workshop SET title = ?2, updated_at = ?3 WHERE id = ?1", vals![id, title, now])?;
    summary(db, id)
}

/// The workshop as one snapshot, with its notes or (`notes` false) only its structure, whose
/// size does not grow with a room's notes.
pub(crate) fn load(db: &dyn Db, id: Id, notes: bool) -> Result<Workshop, StoreError> {
    deleted::require_live(db, id)?;
    let mut ws = head(db, id)?;
    if notes {
        records::fill(db, &mut ws)?;
    } else {
        records::fill_outline(db, &mut ws)?;
    }
    Ok(ws)
}

/// The workshop's own fields, with no records yet.
pub(crate) fn head(db: &dyn Db, id: Id) -> Result<Workshop, StoreError> {
    let head = db
        .one("SELECT title, language, created_at, updated_at FROM workshop WHERE id = ?1", vals![id], |r| {
            Ok((r.str(0)?, r.language(1)?, r.i64(2)?, r.i64(3)?))
        })?
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

pub(crate) fn insert_snapshot(db: &dyn Db, w: &Workshop) -> Result<(), StoreError> {
    db.exec(
        "INSERT INTO workshop (id, title, language, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        vals![w.id, w.title, w.language.as_str(), w.created_at, w.updated_at],
    )?;
    records::insert_all(db, w)
}
