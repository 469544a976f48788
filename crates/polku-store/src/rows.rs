//! Turning rows into core values. Text columns that should hold ids or enum names are checked,
//! so a hand-edited database gives a clear error instead of a panic.

use polku_core::{BoardKind, Id, Lane, Language, Note, NoteKind, Persona, PersonaFields, Phase, Sentiment, StepRecord, Touchpoint, WalkStep, Walkthrough};
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSqlOutput, ValueRef};
use rusqlite::{Row, ToSql};

/// An id column.
pub(crate) struct DbId(pub Id);

impl FromSql for DbId {
    fn column_result(v: ValueRef<'_>) -> FromSqlResult<Self> {
        let s = v.as_str()?;
        Id::parse_str(s).map(DbId).map_err(|e| FromSqlError::Other(Box::new(e)))
    }
}

impl ToSql for DbId {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.0.to_string()))
    }
}

pub(crate) fn id(row: &Row, i: usize) -> rusqlite::Result<Id> {
    row.get::<_, DbId>(i).map(|d| d.0)
}

pub(crate) fn opt_id(row: &Row, i: usize) -> rusqlite::Result<Option<Id>> {
    row.get::<_, Option<DbId>>(i).map(|d| d.map(|d| d.0))
}

pub(crate) fn opt_str(id: Option<Id>) -> Option<String> {
    id.map(|i| i.to_string())
}

fn named<T>(row: &Row, i: usize, parse: fn(&str) -> Option<T>) -> rusqlite::Result<T> {
    let s: String = row.get(i)?;
    parse(&s).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, format!("unknown value {s:?}").into())
    })
}

pub(crate) fn language(row: &Row, i: usize) -> rusqlite::Result<Language> {
    named(row, i, Language::parse)
}

pub(crate) fn board_kind(row: &Row, i: usize) -> rusqlite::Result<BoardKind> {
    named(row, i, BoardKind::parse)
}

fn opt_sentiment(row: &Row, i: usize) -> rusqlite::Result<Option<Sentiment>> {
    let s: Option<String> = row.get(i)?;
    match s {
        None => Ok(None),
        Some(s) => Sentiment::parse(&s).map(Some).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, format!("unknown sentiment {s:?}").into())
        }),
    }
}

/// Columns `touchpoint()` reads, for a query on table alias `t`.
pub(crate) const TOUCHPOINT_COLUMNS: &str =
    "t.id, t.board_id, t.position, t.label, t.description, t.phase_id, t.side_station, t.version";

pub(crate) fn touchpoint(r: &Row) -> rusqlite::Result<Touchpoint> {
    Ok(Touchpoint {
        id: id(r, 0)?,
        board_id: id(r, 1)?,
        position: r.get(2)?,
        label: r.get(3)?,
        description: r.get(4)?,
        phase_id: opt_id(r, 5)?,
        side_station: r.get(6)?,
        version: r.get(7)?,
    })
}

pub(crate) fn upsert_touchpoint(conn: &rusqlite::Connection, t: &Touchpoint) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO touchpoint (id, board_id, position, label, description, phase_id, side_station, version)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT(id) DO UPDATE SET board_id = ?2, position = ?3, label = ?4, description = ?5, phase_id = ?6,
           side_station = ?7, version = ?8",
    )?
    .execute(rusqlite::params![
        t.id.to_string(),
        t.board_id.to_string(),
        t.position,
        t.label,
        t.description,
        opt_str(t.phase_id),
        t.side_station,
        t.version
    ])?;
    Ok(())
}

/// Columns `lane()` reads, for a query on table alias `l`.
pub(crate) const LANE_COLUMNS: &str = "l.id, l.board_id, l.position, l.label, l.height, l.version";

pub(crate) fn lane(r: &Row) -> rusqlite::Result<Lane> {
    Ok(Lane { id: id(r, 0)?, board_id: id(r, 1)?, position: r.get(2)?, label: r.get(3)?, height: r.get(4)?, version: r.get(5)? })
}

pub(crate) fn upsert_lane(conn: &rusqlite::Connection, l: &Lane) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO lane (id, board_id, position, label, height, version) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT(id) DO UPDATE SET board_id = ?2, position = ?3, label = ?4, height = ?5, version = ?6",
    )?
    .execute(rusqlite::params![l.id.to_string(), l.board_id.to_string(), l.position, l.label, l.height, l.version])?;
    Ok(())
}

/// Columns `phase()` reads, for a query on table alias `p`.
pub(crate) const PHASE_COLUMNS: &str = "p.id, p.board_id, p.position, p.label, p.version";

pub(crate) fn phase(r: &Row) -> rusqlite::Result<Phase> {
    Ok(Phase { id: id(r, 0)?, board_id: id(r, 1)?, position: r.get(2)?, label: r.get(3)?, version: r.get(4)? })
}

pub(crate) fn upsert_phase(conn: &rusqlite::Connection, p: &Phase) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO phase (id, board_id, position, label, version) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT(id) DO UPDATE SET board_id = ?2, position = ?3, label = ?4, version = ?5",
    )?
    .execute(rusqlite::params![p.id.to_string(), p.board_id.to_string(), p.position, p.label, p.version])?;
    Ok(())
}

pub(crate) const NOTE_COLUMNS: &str = "note.id, note.board_id, note.touchpoint_id, note.lane_id, note.persona_id, \
     note.kind, note.sentiment, note.text, note.x, note.y, note.version, note.created_at, note.updated_at";

pub(crate) fn note(row: &Row) -> rusqlite::Result<Note> {
    Ok(Note {
        id: id(row, 0)?,
        board_id: id(row, 1)?,
        touchpoint_id: opt_id(row, 2)?,
        lane_id: opt_id(row, 3)?,
        persona_id: opt_id(row, 4)?,
        kind: named(row, 5, NoteKind::parse)?,
        sentiment: opt_sentiment(row, 6)?,
        text: row.get(7)?,
        x: row.get(8)?,
        y: row.get(9)?,
        version: row.get(10)?,
        created_at: row.get(11)?,
        updated_at: row.get(12)?,
    })
}

/// Inserts or replaces a note row whole.
pub(crate) fn upsert_note(conn: &rusqlite::Connection, n: &Note) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO note (id, board_id, touchpoint_id, lane_id, persona_id, kind, sentiment, text, x, y, version, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
         ON CONFLICT(id) DO UPDATE SET board_id = ?2, touchpoint_id = ?3, lane_id = ?4, persona_id = ?5,
           kind = ?6, sentiment = ?7, text = ?8, x = ?9, y = ?10, version = ?11, created_at = ?12, updated_at = ?13",
    )?
    .execute(rusqlite::params![
        n.id.to_string(),
        n.board_id.to_string(),
        opt_str(n.touchpoint_id),
        opt_str(n.lane_id),
        opt_str(n.persona_id),
        n.kind.as_str(),
        n.sentiment.map(Sentiment::as_str),
        n.text,
        n.x,
        n.y,
        n.version,
        n.created_at,
        n.updated_at
    ])?;
    Ok(())
}

/// Columns `persona()` reads, for a query on table alias `p`.
pub(crate) const PERSONA_COLUMNS: &str = "p.id, p.fields, p.version, p.created_at, p.updated_at";

pub(crate) fn persona(r: &Row) -> rusqlite::Result<Persona> {
    let json: String = r.get(1)?;
    let fields: PersonaFields = serde_json::from_str(&json).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(1, rusqlite::types::Type::Text, format!("persona fields: {e}").into())
    })?;
    Ok(Persona { id: id(r, 0)?, fields, version: r.get(2)?, created_at: r.get(3)?, updated_at: r.get(4)? })
}

pub(crate) fn upsert_persona(conn: &rusqlite::Connection, workshop: Id, p: &Persona) -> rusqlite::Result<()> {
    let fields = serde_json::to_string(&p.fields).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    conn.prepare_cached(
        "INSERT INTO persona (id, workshop_id, fields, version, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT(id) DO UPDATE SET fields = ?3, version = ?4, created_at = ?5, updated_at = ?6",
    )?
    .execute(rusqlite::params![p.id.to_string(), workshop.to_string(), fields, p.version, p.created_at, p.updated_at])?;
    Ok(())
}

/// Columns `walkthrough()` reads, for a query on table alias `w`.
pub(crate) const WALKTHROUGH_COLUMNS: &str = "w.id, w.persona_id, w.board_id, w.at_touchpoint_id, w.version, w.created_at, w.updated_at";

pub(crate) fn walkthrough(r: &Row) -> rusqlite::Result<Walkthrough> {
    Ok(Walkthrough {
        id: id(r, 0)?,
        persona_id: id(r, 1)?,
        board_id: id(r, 2)?,
        at_touchpoint_id: opt_id(r, 3)?,
        version: r.get(4)?,
        created_at: r.get(5)?,
        updated_at: r.get(6)?,
    })
}

pub(crate) fn upsert_walkthrough(conn: &rusqlite::Connection, w: &Walkthrough) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO walkthrough (id, persona_id, board_id, at_touchpoint_id, version, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT(id) DO UPDATE SET persona_id = ?2, board_id = ?3, at_touchpoint_id = ?4, version = ?5,
           created_at = ?6, updated_at = ?7",
    )?
    .execute(rusqlite::params![
        w.id.to_string(),
        w.persona_id.to_string(),
        w.board_id.to_string(),
        opt_str(w.at_touchpoint_id),
        w.version,
        w.created_at,
        w.updated_at
    ])?;
    Ok(())
}

/// Columns `walk_step()` reads, for a query on table alias `s`.
pub(crate) const WALK_STEP_COLUMNS: &str =
    "s.id, s.walkthrough_id, s.touchpoint_id, s.emotion, s.happens, s.barriers, s.ideas, s.skipped, s.version, s.updated_at";

pub(crate) fn walk_step(r: &Row) -> rusqlite::Result<WalkStep> {
    Ok(WalkStep {
        id: id(r, 0)?,
        walkthrough_id: id(r, 1)?,
        touchpoint_id: id(r, 2)?,
        record: StepRecord {
            emotion: r.get(3)?,
            happens: r.get(4)?,
            barriers: r.get(5)?,
            ideas: r.get(6)?,
            skipped: r.get(7)?,
        },
        version: r.get(8)?,
        updated_at: r.get(9)?,
    })
}

pub(crate) fn upsert_walk_step(conn: &rusqlite::Connection, s: &WalkStep) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO walk_step (id, walkthrough_id, touchpoint_id, emotion, happens, barriers, ideas, skipped, version, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
         ON CONFLICT(id) DO UPDATE SET walkthrough_id = ?2, touchpoint_id = ?3, emotion = ?4, happens = ?5, barriers = ?6,
           ideas = ?7, skipped = ?8, version = ?9, updated_at = ?10",
    )?
    .execute(rusqlite::params![
        s.id.to_string(),
        s.walkthrough_id.to_string(),
        s.touchpoint_id.to_string(),
        s.record.emotion,
        s.record.happens,
        s.record.barriers,
        s.record.ideas,
        s.record.skipped,
        s.version,
        s.updated_at
    ])?;
    Ok(())
}
