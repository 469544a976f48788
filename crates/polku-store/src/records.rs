//! How each kind of record is kept in the library database. Every table is read with the alias
//! `r`; `IN_WORKSHOP` scopes a query to one workshop (`?1`), so no query can reach into another
//! workshop by naming a foreign id.

use polku_core::{BoardInfo, Change, Id, Session, SessionFields, Lane, Note, NoteKind, Persona, PersonaFields, Phase, Record, Sentiment, StepRecord, Touchpoint, WalkStep, Walkthrough, Workshop};
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::rows::{board_kind, id, named, opt_id, opt_sentiment, opt_str};

/// The ordering rule of `polku_core::order`, in SQL.
const BY_POSITION: &str = "r.position, r.id";
const BY_ID: &str = "r.id";

/// A record kind's table (named by `Record::ENTITY`) and how its rows become values.
pub(crate) trait Stored: Record {
    /// What `from_row` reads, in order.
    const COLUMNS: &'static str;
    /// `FROM <table> r … WHERE <r is in workshop ?1>`.
    const IN_WORKSHOP: &'static str;
    /// How a list of them is sorted (as the core sorts it).
    const ORDER: &'static str;
    fn from_row(r: &Row) -> rusqlite::Result<Self>;
    /// Inserts or replaces the row whole; `workshop` is where a workshop-level record belongs.
    fn upsert(&self, conn: &Connection, workshop: Id) -> rusqlite::Result<()>;
}

impl Stored for BoardInfo {
    const COLUMNS: &'static str = "r.id, r.kind, r.title, r.position, r.version, r.live";
    const IN_WORKSHOP: &'static str = "FROM board r WHERE r.workshop_id = ?1";
    const ORDER: &'static str = BY_POSITION;

    fn from_row(r: &Row) -> rusqlite::Result<Self> {
        let live = r.get::<_, Option<String>>(5)?.map(|json| serde_json::from_str(&json)).transpose().map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(5, rusqlite::types::Type::Text, format!("board live: {e}").into())
        })?;
        Ok(BoardInfo { id: id(r, 0)?, kind: board_kind(r, 1)?, title: r.get(2)?, position: r.get(3)?, version: r.get(4)?, live: live.unwrap_or_default() })
    }

    fn upsert(&self, conn: &Connection, workshop: Id) -> rusqlite::Result<()> {
        // The usual board, neither covered nor written on privately, keeps no value.
        let live = (self.live != polku_core::BoardLive::default()).then(|| to_json(&self.live)).transpose()?;
        conn.prepare_cached(
            "INSERT INTO board (id, workshop_id, kind, title, position, version, live) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT(id) DO UPDATE SET kind = ?3, title = ?4, position = ?5, version = ?6, live = ?7",
        )?
        .execute(params![self.id.to_string(), workshop.to_string(), self.kind.as_str(), self.title, self.position, self.version, live])?;
        Ok(())
    }
}

impl Stored for Session {
    const COLUMNS: &'static str = "r.id, r.position, r.fields, r.version, r.run";
    const IN_WORKSHOP: &'static str = "FROM session r WHERE r.workshop_id = ?1";
    const ORDER: &'static str = BY_POSITION;

    fn from_row(r: &Row) -> rusqlite::Result<Self> {
        let json: String = r.get(2)?;
        let fields: SessionFields = serde_json::from_str(&json).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(2, rusqlite::types::Type::Text, format!("session fields: {e}").into())
        })?;
        let run = r.get::<_, Option<String>>(4)?.map(|json| serde_json::from_str(&json)).transpose().map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(4, rusqlite::types::Type::Text, format!("session run: {e}").into())
        })?;
        Ok(Session { id: id(r, 0)?, position: r.get(1)?, fields, run, version: r.get(3)? })
    }

    fn upsert(&self, conn: &Connection, workshop: Id) -> rusqlite::Result<()> {
        let fields = to_json(&self.fields)?;
        let run = self.run.as_ref().map(to_json).transpose()?;
        conn.prepare_cached(
            "INSERT INTO session (id, workshop_id, position, fields, version, run) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT(id) DO UPDATE SET position = ?3, fields = ?4, version = ?5, run = ?6",
        )?
        .execute(params![self.id.to_string(), workshop.to_string(), self.position, fields, self.version, run])?;
        Ok(())
    }
}

fn to_json(value: &impl serde::Serialize) -> rusqlite::Result<String> {
    serde_json::to_string(value).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
}

impl Stored for Persona {
    const COLUMNS: &'static str = "r.id, r.fields, r.version, r.created_at, r.updated_at";
    const IN_WORKSHOP: &'static str = "FROM persona r WHERE r.workshop_id = ?1";
    const ORDER: &'static str = BY_ID;

    fn from_row(r: &Row) -> rusqlite::Result<Self> {
        let json: String = r.get(1)?;
        let fields: PersonaFields = serde_json::from_str(&json).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(1, rusqlite::types::Type::Text, format!("persona fields: {e}").into())
        })?;
        Ok(Persona { id: id(r, 0)?, fields, version: r.get(2)?, created_at: r.get(3)?, updated_at: r.get(4)? })
    }

    fn upsert(&self, conn: &Connection, workshop: Id) -> rusqlite::Result<()> {
        let fields = serde_json::to_string(&self.fields).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
        conn.prepare_cached(
            "INSERT INTO persona (id, workshop_id, fields, version, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT(id) DO UPDATE SET fields = ?3, version = ?4, created_at = ?5, updated_at = ?6",
        )?
        .execute(rusqlite::params![self.id.to_string(), workshop.to_string(), fields, self.version, self.created_at, self.updated_at])?;
        Ok(())
    }
}

impl Stored for Phase {
    const COLUMNS: &'static str =
        "r.id, r.board_id, r.position, r.label, r.version, r.stacked, r.caption, r.original_label, r.original_caption";
    const IN_WORKSHOP: &'static str = "FROM phase r JOIN board b ON b.id = r.board_id WHERE b.workshop_id = ?1";
    const ORDER: &'static str = BY_POSITION;

    fn from_row(r: &Row) -> rusqlite::Result<Self> {
        Ok(Phase {
            id: id(r, 0)?,
            board_id: id(r, 1)?,
            position: r.get(2)?,
            label: r.get(3)?,
            version: r.get(4)?,
            stacked: r.get(5)?,
            caption: r.get(6)?,
            original_label: r.get(7)?,
            original_caption: r.get(8)?,
        })
    }

    fn upsert(&self, conn: &Connection, _workshop: Id) -> rusqlite::Result<()> {
        conn.prepare_cached(
            "INSERT INTO phase (id, board_id, position, label, version, stacked, caption, original_label, original_caption)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT(id) DO UPDATE SET board_id = ?2, position = ?3, label = ?4, version = ?5, stacked = ?6,
               caption = ?7, original_label = ?8, original_caption = ?9",
        )?
        .execute(rusqlite::params![
            self.id.to_string(),
            self.board_id.to_string(),
            self.position,
            self.label,
            self.version,
            self.stacked,
            self.caption,
            self.original_label,
            self.original_caption
        ])?;
        Ok(())
    }
}

impl Stored for Touchpoint {
    const COLUMNS: &'static str =
        "r.id, r.board_id, r.position, r.label, r.description, r.phase_id, r.side_station, r.version, r.original_label";
    const IN_WORKSHOP: &'static str = "FROM touchpoint r JOIN board b ON b.id = r.board_id WHERE b.workshop_id = ?1";
    const ORDER: &'static str = BY_POSITION;

    fn from_row(r: &Row) -> rusqlite::Result<Self> {
        Ok(Touchpoint {
            id: id(r, 0)?,
            board_id: id(r, 1)?,
            position: r.get(2)?,
            label: r.get(3)?,
            description: r.get(4)?,
            phase_id: opt_id(r, 5)?,
            side_station: r.get(6)?,
            version: r.get(7)?,
            original_label: r.get(8)?,
        })
    }

    fn upsert(&self, conn: &Connection, _workshop: Id) -> rusqlite::Result<()> {
        conn.prepare_cached(
            "INSERT INTO touchpoint (id, board_id, position, label, description, phase_id, side_station, version, original_label)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT(id) DO UPDATE SET board_id = ?2, position = ?3, label = ?4, description = ?5, phase_id = ?6,
               side_station = ?7, version = ?8, original_label = ?9",
        )?
        .execute(rusqlite::params![
            self.id.to_string(),
            self.board_id.to_string(),
            self.position,
            self.label,
            self.description,
            opt_str(self.phase_id),
            self.side_station,
            self.version,
            self.original_label
        ])?;
        Ok(())
    }
}

impl Stored for Lane {
    const COLUMNS: &'static str =
        "r.id, r.board_id, r.position, r.label, r.height, r.version, r.line_above, r.original_label, r.original_line";
    const IN_WORKSHOP: &'static str = "FROM lane r JOIN board b ON b.id = r.board_id WHERE b.workshop_id = ?1";
    const ORDER: &'static str = BY_POSITION;

    fn from_row(r: &Row) -> rusqlite::Result<Self> {
        Ok(Lane {
            id: id(r, 0)?,
            board_id: id(r, 1)?,
            position: r.get(2)?,
            label: r.get(3)?,
            height: r.get(4)?,
            version: r.get(5)?,
            line_above: r.get(6)?,
            original_label: r.get(7)?,
            original_line: r.get(8)?,
        })
    }

    fn upsert(&self, conn: &Connection, _workshop: Id) -> rusqlite::Result<()> {
        conn.prepare_cached(
            "INSERT INTO lane (id, board_id, position, label, height, version, line_above, original_label, original_line)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT(id) DO UPDATE SET board_id = ?2, position = ?3, label = ?4, height = ?5, version = ?6,
               line_above = ?7, original_label = ?8, original_line = ?9",
        )?
        .execute(rusqlite::params![
            self.id.to_string(),
            self.board_id.to_string(),
            self.position,
            self.label,
            self.height,
            self.version,
            self.line_above,
            self.original_label,
            self.original_line
        ])?;
        Ok(())
    }
}

impl Stored for Note {
    const COLUMNS: &'static str = "r.id, r.board_id, r.touchpoint_id, r.lane_id, r.persona_id, r.kind, r.sentiment, r.text, r.x, r.y, r.version, r.created_at, r.updated_at, r.session_id, r.face_down, r.author";
    const IN_WORKSHOP: &'static str = "FROM note r JOIN board b ON b.id = r.board_id WHERE b.workshop_id = ?1";
    const ORDER: &'static str = BY_ID;

    fn from_row(r: &Row) -> rusqlite::Result<Self> {
        Ok(Note {
            id: id(r, 0)?,
            board_id: id(r, 1)?,
            touchpoint_id: opt_id(r, 2)?,
            lane_id: opt_id(r, 3)?,
            persona_id: opt_id(r, 4)?,
            kind: named(r, 5, NoteKind::parse)?,
            sentiment: opt_sentiment(r, 6)?,
            text: r.get(7)?,
            x: r.get(8)?,
            y: r.get(9)?,
            version: r.get(10)?,
            created_at: r.get(11)?,
            updated_at: r.get(12)?,
            session_id: opt_id(r, 13)?,
            face_down: r.get(14)?,
            author: r.get(15)?,
        })
    }

    fn upsert(&self, conn: &Connection, _workshop: Id) -> rusqlite::Result<()> {
        conn.prepare_cached(
            "INSERT INTO note (id, board_id, touchpoint_id, lane_id, persona_id, kind, sentiment, text, x, y, version, created_at, updated_at, session_id, face_down, author)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
             ON CONFLICT(id) DO UPDATE SET board_id = ?2, touchpoint_id = ?3, lane_id = ?4, persona_id = ?5,
               kind = ?6, sentiment = ?7, text = ?8, x = ?9, y = ?10, version = ?11, created_at = ?12, updated_at = ?13,
               session_id = ?14, face_down = ?15, author = ?16",
        )?
        .execute(rusqlite::params![
            self.id.to_string(),
            self.board_id.to_string(),
            opt_str(self.touchpoint_id),
            opt_str(self.lane_id),
            opt_str(self.persona_id),
            self.kind.as_str(),
            self.sentiment.map(Sentiment::as_str),
            self.text,
            self.x,
            self.y,
            self.version,
            self.created_at,
            self.updated_at,
            opt_str(self.session_id),
            self.face_down,
            self.author
        ])?;
        Ok(())
    }
}

impl Stored for Walkthrough {
    const COLUMNS: &'static str = "r.id, r.persona_id, r.board_id, r.at_touchpoint_id, r.version, r.created_at, r.updated_at";
    const IN_WORKSHOP: &'static str = "FROM walkthrough r JOIN persona p ON p.id = r.persona_id WHERE p.workshop_id = ?1";
    const ORDER: &'static str = BY_ID;

    fn from_row(r: &Row) -> rusqlite::Result<Self> {
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

    fn upsert(&self, conn: &Connection, _workshop: Id) -> rusqlite::Result<()> {
        conn.prepare_cached(
            "INSERT INTO walkthrough (id, persona_id, board_id, at_touchpoint_id, version, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT(id) DO UPDATE SET persona_id = ?2, board_id = ?3, at_touchpoint_id = ?4, version = ?5,
               created_at = ?6, updated_at = ?7",
        )?
        .execute(rusqlite::params![
            self.id.to_string(),
            self.persona_id.to_string(),
            self.board_id.to_string(),
            opt_str(self.at_touchpoint_id),
            self.version,
            self.created_at,
            self.updated_at
        ])?;
        Ok(())
    }
}

impl Stored for WalkStep {
    const COLUMNS: &'static str = "r.id, r.walkthrough_id, r.touchpoint_id, r.emotion, r.happens, r.barriers, r.ideas, r.skipped, r.version, r.updated_at";
    const IN_WORKSHOP: &'static str = "FROM walk_step r JOIN walkthrough w ON w.id = r.walkthrough_id JOIN persona p ON p.id = w.persona_id WHERE p.workshop_id = ?1";
    const ORDER: &'static str = BY_ID;

    fn from_row(r: &Row) -> rusqlite::Result<Self> {
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

    fn upsert(&self, conn: &Connection, _workshop: Id) -> rusqlite::Result<()> {
        conn.prepare_cached(
            "INSERT INTO walk_step (id, walkthrough_id, touchpoint_id, emotion, happens, barriers, ideas, skipped, version, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
             ON CONFLICT(id) DO UPDATE SET walkthrough_id = ?2, touchpoint_id = ?3, emotion = ?4, happens = ?5, barriers = ?6,
               ideas = ?7, skipped = ?8, version = ?9, updated_at = ?10",
        )?
        .execute(rusqlite::params![
            self.id.to_string(),
            self.walkthrough_id.to_string(),
            self.touchpoint_id.to_string(),
            self.record.emotion,
            self.record.happens,
            self.record.barriers,
            self.record.ideas,
            self.record.skipped,
            self.version,
            self.updated_at
        ])?;
        Ok(())
    }
}

/// One record of the workshop by id; None when it is not there or not in this workshop.
pub(crate) fn one<R: Stored>(conn: &Connection, workshop: &str, id: Id) -> rusqlite::Result<Option<R>> {
    let sql = format!("SELECT {} {} AND r.id = ?2", R::COLUMNS, R::IN_WORKSHOP);
    conn.prepare_cached(&sql)?.query_row([workshop, &id.to_string()], R::from_row).optional()
}

/// The workshop's records whose `column` is `key` (null when None), sorted.
pub(crate) fn picked<R: Stored>(conn: &Connection, workshop: &str, column: &str, key: Option<Id>) -> rusqlite::Result<Vec<R>> {
    let sql = format!("SELECT {} {} AND r.{column} IS ?2 ORDER BY {}", R::COLUMNS, R::IN_WORKSHOP, R::ORDER);
    conn.prepare_cached(&sql)?.query_map(params![workshop, opt_str(key)], R::from_row)?.collect()
}

/// Every record of the workshop, sorted.
pub(crate) fn all<R: Stored>(conn: &Connection, workshop: &str) -> rusqlite::Result<Vec<R>> {
    let sql = format!("SELECT {} {} ORDER BY {}", R::COLUMNS, R::IN_WORKSHOP, R::ORDER);
    conn.prepare_cached(&sql)?.query_map([workshop], R::from_row)?.collect()
}

/// The same, on one board only.
pub(crate) fn picked_on<R: Stored>(
    conn: &Connection,
    workshop: &str,
    board: Id,
    column: &str,
    key: Option<Id>,
) -> rusqlite::Result<Vec<R>> {
    let sql = format!("SELECT {} {} AND r.board_id = ?3 AND r.{column} IS ?2 ORDER BY {}", R::COLUMNS, R::IN_WORKSHOP, R::ORDER);
    conn.prepare_cached(&sql)?.query_map(params![workshop, opt_str(key), board.to_string()], R::from_row)?.collect()
}

fn write<R: Stored>(conn: &Connection, workshop: Id, id: Id, after: &Option<R>) -> rusqlite::Result<()> {
    match after {
        Some(v) => v.upsert(conn, workshop),
        None => conn.prepare_cached(&format!("DELETE FROM {} WHERE id = ?1", R::ENTITY))?.execute([id.to_string()]).map(drop),
    }
}

/// Reads every record of this kind in the workshop into the snapshot.
fn fill_kind<R: Stored>(conn: &Connection, ws: &mut Workshop) -> rusqlite::Result<()> {
    let list = all(conn, &ws.id.to_string())?;
    R::fill(ws, list);
    Ok(())
}

fn entity<R: Stored>() -> &'static str {
    R::ENTITY
}

fn insert_kind<R: Stored>(conn: &Connection, ws: &Workshop) -> rusqlite::Result<()> {
    for v in R::all(ws) {
        v.upsert(conn, ws.id)?;
    }
    Ok(())
}

macro_rules! every_kind {
    ($($variant:ident: $t:ty = $entity:literal),* $(,)?) => {
        /// Writes one planned change to its table.
        pub(crate) fn write_change(conn: &Connection, workshop: Id, change: &Change) -> rusqlite::Result<()> {
            match change {
                $(Change::$variant { id, after, .. } => write::<$t>(conn, workshop, *id, after),)*
            }
        }

        /// Fills a snapshot (its own fields already read) with every record of the workshop.
        pub(crate) fn fill(conn: &Connection, ws: &mut Workshop) -> rusqlite::Result<()> {
            $(fill_kind::<$t>(conn, ws)?;)*
            Ok(())
        }

        /// The same without notes: a workshop's structure, whose size does not grow with a room's notes.
        pub(crate) fn fill_outline(conn: &Connection, ws: &mut Workshop) -> rusqlite::Result<()> {
            $(if entity::<$t>() != entity::<Note>() {
                fill_kind::<$t>(conn, ws)?;
            })*
            Ok(())
        }

        /// Writes every record of a snapshot (its workshop row already written), each kind after
        /// the ones it refers to.
        pub(crate) fn insert_all(conn: &Connection, ws: &Workshop) -> rusqlite::Result<()> {
            $(insert_kind::<$t>(conn, ws)?;)*
            Ok(())
        }
    };
}
polku_core::with_records!(every_kind);
