//! How each kind of record is kept in the library database. Every table is read with the alias
//! `r`; `IN_WORKSHOP` scopes a query to one workshop (`?1`), so no query can reach into another
//! workshop by naming a foreign id.

use polku_core::{BoardInfo, Change, Id, Session, Lane, Note, NoteKind, Persona, Phase, Record, Sentiment, StepRecord, Touchpoint, WalkStep, Walkthrough, Workshop};

use crate::db::{matches, to_json, vals, Db, DbRow};
use crate::StoreError;

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
    fn from_row(r: &dyn DbRow) -> Result<Self, StoreError>;
    /// Inserts or replaces the row whole; `workshop` is where a workshop-level record belongs.
    fn upsert(&self, db: &dyn Db, workshop: Id) -> Result<(), StoreError>;
}

impl Stored for BoardInfo {
    const COLUMNS: &'static str = "r.id, r.kind, r.title, r.position, r.version, r.live";
    const IN_WORKSHOP: &'static str = "FROM board r WHERE r.workshop_id = ?1";
    const ORDER: &'static str = BY_POSITION;

    fn from_row(r: &dyn DbRow) -> Result<Self, StoreError> {
        let live = r.opt_json(5, "board live")?;
        Ok(BoardInfo { id: r.id(0)?, kind: r.board_kind(1)?, title: r.str(2)?, position: r.i64(3)?, version: r.i64(4)?, live: live.unwrap_or_default() })
    }

    fn upsert(&self, db: &dyn Db, workshop: Id) -> Result<(), StoreError> {
        // The usual board, neither covered nor written on privately, keeps no value.
        let live = (self.live != polku_core::BoardLive::default()).then(|| to_json(&self.live)).transpose()?;
        db.exec(
            "INSERT INTO board (id, workshop_id, kind, title, position, version, live) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT(id) DO UPDATE SET kind = ?3, title = ?4, position = ?5, version = ?6, live = ?7",
            vals![self.id, workshop, self.kind.as_str(), self.title, self.position, self.version, live])?;
        Ok(())
    }
}

impl Stored for Session {
    const COLUMNS: &'static str = "r.id, r.position, r.fields, r.version, r.run";
    const IN_WORKSHOP: &'static str = "FROM session r WHERE r.workshop_id = ?1";
    const ORDER: &'static str = BY_POSITION;

    fn from_row(r: &dyn DbRow) -> Result<Self, StoreError> {
        let fields = r.json(2, "session fields")?;
        let run = r.opt_json(4, "session run")?;
        Ok(Session { id: r.id(0)?, position: r.i64(1)?, fields, run, version: r.i64(3)? })
    }

    fn upsert(&self, db: &dyn Db, workshop: Id) -> Result<(), StoreError> {
        let fields = to_json(&self.fields)?;
        let run = self.run.as_ref().map(to_json).transpose()?;
        db.exec(
            "INSERT INTO session (id, workshop_id, position, fields, version, run) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT(id) DO UPDATE SET position = ?3, fields = ?4, version = ?5, run = ?6",
            vals![self.id, workshop, self.position, fields, self.version, run])?;
        Ok(())
    }
}


impl Stored for Persona {
    const COLUMNS: &'static str = "r.id, r.fields, r.version, r.created_at, r.updated_at";
    const IN_WORKSHOP: &'static str = "FROM persona r WHERE r.workshop_id = ?1";
    const ORDER: &'static str = BY_ID;

    fn from_row(r: &dyn DbRow) -> Result<Self, StoreError> {
        let fields = r.json(1, "persona fields")?;
        Ok(Persona { id: r.id(0)?, fields, version: r.i64(2)?, created_at: r.i64(3)?, updated_at: r.i64(4)? })
    }

    fn upsert(&self, db: &dyn Db, workshop: Id) -> Result<(), StoreError> {
        let fields = to_json(&self.fields)?;
        db.exec(
            "INSERT INTO persona (id, workshop_id, fields, version, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT(id) DO UPDATE SET fields = ?3, version = ?4, created_at = ?5, updated_at = ?6",
            vals![self.id, workshop, fields, self.version, self.created_at, self.updated_at])?;
        Ok(())
    }
}

impl Stored for Phase {
    const COLUMNS: &'static str =
        "r.id, r.board_id, r.position, r.label, r.version, r.stacked, r.caption, r.original_label, r.original_caption";
    const IN_WORKSHOP: &'static str = "FROM phase r JOIN board b ON b.id = r.board_id WHERE b.workshop_id = ?1";
    const ORDER: &'static str = BY_POSITION;

    fn from_row(r: &dyn DbRow) -> Result<Self, StoreError> {
        Ok(Phase {
            id: r.id(0)?,
            board_id: r.id(1)?,
            position: r.i64(2)?,
            label: r.str(3)?,
            version: r.i64(4)?,
            stacked: r.bool(5)?,
            caption: r.str(6)?,
            original_label: r.str(7)?,
            original_caption: r.str(8)?,
        })
    }

    fn upsert(&self, db: &dyn Db, _workshop: Id) -> Result<(), StoreError> {
        db.exec(
            "INSERT INTO phase (id, board_id, position, label, version, stacked, caption, original_label, original_caption)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT(id) DO UPDATE SET board_id = ?2, position = ?3, label = ?4, version = ?5, stacked = ?6,
               caption = ?7, original_label = ?8, original_caption = ?9",
            vals![
            self.id,
            self.board_id,
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

    fn from_row(r: &dyn DbRow) -> Result<Self, StoreError> {
        Ok(Touchpoint {
            id: r.id(0)?,
            board_id: r.id(1)?,
            position: r.i64(2)?,
            label: r.str(3)?,
            description: r.str(4)?,
            phase_id: r.opt_id(5)?,
            side_station: r.bool(6)?,
            version: r.i64(7)?,
            original_label: r.str(8)?,
        })
    }

    fn upsert(&self, db: &dyn Db, _workshop: Id) -> Result<(), StoreError> {
        db.exec(
            "INSERT INTO touchpoint (id, board_id, position, label, description, phase_id, side_station, version, original_label)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT(id) DO UPDATE SET board_id = ?2, position = ?3, label = ?4, description = ?5, phase_id = ?6,
               side_station = ?7, version = ?8, original_label = ?9",
            vals![
            self.id,
            self.board_id,
            self.position,
            self.label,
            self.description,
            self.phase_id,
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

    fn from_row(r: &dyn DbRow) -> Result<Self, StoreError> {
        Ok(Lane {
            id: r.id(0)?,
            board_id: r.id(1)?,
            position: r.i64(2)?,
            label: r.str(3)?,
            height: r.f64(4)?,
            version: r.i64(5)?,
            line_above: r.str(6)?,
            original_label: r.str(7)?,
            original_line: r.str(8)?,
        })
    }

    fn upsert(&self, db: &dyn Db, _workshop: Id) -> Result<(), StoreError> {
        db.exec(
            "INSERT INTO lane (id, board_id, position, label, height, version, line_above, original_label, original_line)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT(id) DO UPDATE SET board_id = ?2, position = ?3, label = ?4, height = ?5, version = ?6,
               line_above = ?7, original_label = ?8, original_line = ?9",
            vals![
            self.id,
            self.board_id,
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

    fn from_row(r: &dyn DbRow) -> Result<Self, StoreError> {
        Ok(Note {
            id: r.id(0)?,
            board_id: r.id(1)?,
            touchpoint_id: r.opt_id(2)?,
            lane_id: r.opt_id(3)?,
            persona_id: r.opt_id(4)?,
            kind: r.named(5, NoteKind::parse)?,
            sentiment: r.opt_sentiment(6)?,
            text: r.str(7)?,
            x: r.f64(8)?,
            y: r.f64(9)?,
            version: r.i64(10)?,
            created_at: r.i64(11)?,
            updated_at: r.i64(12)?,
            session_id: r.opt_id(13)?,
            face_down: r.bool(14)?,
            author: r.text(15)?,
        })
    }

    fn upsert(&self, db: &dyn Db, _workshop: Id) -> Result<(), StoreError> {
        db.exec(
            "INSERT INTO note (id, board_id, touchpoint_id, lane_id, persona_id, kind, sentiment, text, x, y, version, created_at, updated_at, session_id, face_down, author)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
             ON CONFLICT(id) DO UPDATE SET board_id = ?2, touchpoint_id = ?3, lane_id = ?4, persona_id = ?5,
               kind = ?6, sentiment = ?7, text = ?8, x = ?9, y = ?10, version = ?11, created_at = ?12, updated_at = ?13,
               session_id = ?14, face_down = ?15, author = ?16",
            vals![
            self.id,
            self.board_id,
            self.touchpoint_id,
            self.lane_id,
            self.persona_id,
            self.kind.as_str(),
            self.sentiment.map(Sentiment::as_str),
            self.text,
            self.x,
            self.y,
            self.version,
            self.created_at,
            self.updated_at,
            self.session_id,
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

    fn from_row(r: &dyn DbRow) -> Result<Self, StoreError> {
        Ok(Walkthrough {
            id: r.id(0)?,
            persona_id: r.id(1)?,
            board_id: r.id(2)?,
            at_touchpoint_id: r.opt_id(3)?,
            version: r.i64(4)?,
            created_at: r.i64(5)?,
            updated_at: r.i64(6)?,
        })
    }

    fn upsert(&self, db: &dyn Db, _workshop: Id) -> Result<(), StoreError> {
        db.exec(
            "INSERT INTO walkthrough (id, persona_id, board_id, at_touchpoint_id, version, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT(id) DO UPDATE SET persona_id = ?2, board_id = ?3, at_touchpoint_id = ?4, version = ?5,
               created_at = ?6, updated_at = ?7",
            vals![
            self.id,
            self.persona_id,
            self.board_id,
            self.at_touchpoint_id,
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

    fn from_row(r: &dyn DbRow) -> Result<Self, StoreError> {
        Ok(WalkStep {
            id: r.id(0)?,
            walkthrough_id: r.id(1)?,
            touchpoint_id: r.id(2)?,
            record: StepRecord {
                emotion: r.opt_i8(3)?,
                happens: r.str(4)?,
                barriers: r.str(5)?,
                ideas: r.str(6)?,
                skipped: r.bool(7)?,
            },
            version: r.i64(8)?,
            updated_at: r.i64(9)?,
        })
    }

    fn upsert(&self, db: &dyn Db, _workshop: Id) -> Result<(), StoreError> {
        db.exec(
            "INSERT INTO walk_step (id, walkthrough_id, touchpoint_id, emotion, happens, barriers, ideas, skipped, version, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
             ON CONFLICT(id) DO UPDATE SET walkthrough_id = ?2, touchpoint_id = ?3, emotion = ?4, happens = ?5, barriers = ?6,
               ideas = ?7, skipped = ?8, version = ?9, updated_at = ?10",
            vals![
            self.id,
            self.walkthrough_id,
            self.touchpoint_id,
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
pub(crate) fn one<R: Stored>(db: &dyn Db, workshop: Id, id: Id) -> Result<Option<R>, StoreError> {
    let sql = format!("SELECT {} {} AND r.id = ?2", R::COLUMNS, R::IN_WORKSHOP);
    db.one(&sql, vals![workshop, id], R::from_row)
}

/// The workshop's records whose `column` is `key` (null when None), sorted.
pub(crate) fn picked<R: Stored>(db: &dyn Db, workshop: Id, column: &str, key: Option<Id>) -> Result<Vec<R>, StoreError> {
    let sql = format!("SELECT {} {} AND {} ORDER BY {}", R::COLUMNS, R::IN_WORKSHOP, matches(&format!("r.{column}"), 2, key), R::ORDER);
    db.all(&sql, vals![workshop, key], R::from_row)
}

/// Every record of the workshop, sorted.
pub(crate) fn all<R: Stored>(db: &dyn Db, workshop: Id) -> Result<Vec<R>, StoreError> {
    let sql = format!("SELECT {} {} ORDER BY {}", R::COLUMNS, R::IN_WORKSHOP, R::ORDER);
    db.all(&sql, vals![workshop], R::from_row)
}

/// The same, on one board only.
pub(crate) fn picked_on<R: Stored>(db: &dyn Db, workshop: Id, board: Id, column: &str, key: Option<Id>) -> Result<Vec<R>, StoreError> {
    let sql = format!(
        "SELECT {} {} AND r.board_id = ?3 AND {} ORDER BY {}",
        R::COLUMNS,
        R::IN_WORKSHOP,
        matches(&format!("r.{column}"), 2, key),
        R::ORDER
    );
    db.all(&sql, vals![workshop, key, board], R::from_row)
}

fn write<R: Stored>(db: &dyn Db, workshop: Id, id: Id, after: &Option<R>) -> Result<(), StoreError> {
    match after {
        Some(v) => v.upsert(db, workshop),
        None => db.exec(&format!("DELETE FROM {} WHERE id = ?1", R::ENTITY), vals![id]).map(drop),
    }
}

/// Reads every record of this kind in the workshop into the snapshot.
fn fill_kind<R: Stored>(db: &dyn Db, ws: &mut Workshop) -> Result<(), StoreError> {
    let list = all(db, ws.id)?;
    R::fill(ws, list);
    Ok(())
}

fn entity<R: Stored>() -> &'static str {
    R::ENTITY
}

fn insert_kind<R: Stored>(db: &dyn Db, ws: &Workshop) -> Result<(), StoreError> {
    for v in R::all(ws) {
        v.upsert(db, ws.id)?;
    }
    Ok(())
}

macro_rules! every_kind {
    ($($variant:ident: $t:ty = $entity:literal),* $(,)?) => {
        /// Writes one planned change to its table.
        pub(crate) fn write_change(db: &dyn Db, workshop: Id, change: &Change) -> Result<(), StoreError> {
            match change {
                $(Change::$variant { id, after, .. } => write::<$t>(db, workshop, *id, after),)*
            }
        }

        /// Fills a snapshot (its own fields already read) with every record of the workshop.
        pub(crate) fn fill(db: &dyn Db, ws: &mut Workshop) -> Result<(), StoreError> {
            $(fill_kind::<$t>(db, ws)?;)*
            Ok(())
        }

        /// The same without notes: a workshop's structure, whose size does not grow with a room's notes.
        pub(crate) fn fill_outline(db: &dyn Db, ws: &mut Workshop) -> Result<(), StoreError> {
            $(if entity::<$t>() != entity::<Note>() {
                fill_kind::<$t>(db, ws)?;
            })*
            Ok(())
        }

        /// Writes every record of a snapshot (its workshop row already written), each kind after
        /// the ones it refers to.
        pub(crate) fn insert_all(db: &dyn Db, ws: &Workshop) -> Result<(), StoreError> {
            $(insert_kind::<$t>(db, ws)?;)*
            Ok(())
        }
    };
}
polku_core::with_records!(every_kind);
