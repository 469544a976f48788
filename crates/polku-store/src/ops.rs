//! Applying ops: validate with the core, write the change, the op-log row and the undo step in
//! one transaction, and answer only after it commits.

use polku_core::{plan, redo_ops, undo_ops, validate_client_id, Change, History, Id, Millis, Op, UndoMode};
use serde::Serialize;

use crate::db::{vals, Db, Engine};
use crate::library::{write, Library, Lock};
use crate::records;
use crate::txdoc::TxDoc;
use crate::StoreError;

/// How many recorded steps each client keeps per workshop.
const UNDO_DEPTH: i64 = 500;

/// One op as a client sent it.
#[derive(Debug, Clone, Serialize)]
pub struct Envelope {
    pub workshop_id: Id,
    pub op_id: Id,
    pub client_id: String,
    pub undo: UndoMode,
    pub op: Op,
}

/// An op as the op log keeps it: what a client that missed it needs to catch up.
#[derive(Debug, Clone, PartialEq)]
pub struct Logged {
    pub seq: i64,
    pub workshop_id: Id,
    pub op_id: Id,
    pub client_id: String,
    pub changes: Vec<Change>,
}

/// What a committed op did.
#[derive(Debug, Clone, PartialEq)]
pub struct Applied {
    pub seq: i64,
    pub op_id: Id,
    pub workshop_id: Id,
    pub client_id: String,
    pub changes: Vec<Change>,
    pub history: History,
    /// True when this op id had been applied before and the first result was returned.
    pub replayed: bool,
}

#[derive(Clone, Copy)]
pub(crate) enum Kind {
    Do,
    Undo,
    Redo,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Do => "do",
            Kind::Undo => "undo",
            Kind::Redo => "redo",
        }
    }
}

pub(crate) fn apply<L: Library + ?Sized>(lib: &mut L, env: &Envelope, now: Millis) -> Result<Applied, StoreError> {
    validate_client_id(&env.client_id)?;
    let request = serde_json::to_string(env).map_err(|e| StoreError::Decode(e.to_string()))?;
    write(lib, Lock::Workshop(env.workshop_id), |db| {
        if let Some(done) = replay(db, env.op_id, &request)? {
            return Ok(done);
        }
        require_workshop(db, env.workshop_id)?;
        let doc = TxDoc { db, workshop: env.workshop_id };
        let changes = plan(&env.op, &doc, now)?;
        write_changes(db, env.workshop_id, &changes)?;
        let seq = log(db, env.workshop_id, env.op_id, &env.client_id, Kind::Do, &request, &changes, now)?;
        // A step that changed nothing (a touchpoint moved to where it already was) would make
        // the next undo seem to do nothing.
        if env.undo == UndoMode::Record && !changes.is_empty() && !env.op.never_undone() {
            push_step(db, env.workshop_id, &env.client_id, seq)?;
        }
        let history = history(db, env.workshop_id, &env.client_id)?;
        Ok(Applied { seq, op_id: env.op_id, workshop_id: env.workshop_id, client_id: env.client_id.clone(), changes, history, replayed: false })
    })
}

/// An undo or a redo of this client's own steps.
pub(crate) fn step<L: Library + ?Sized>(lib: &mut L, workshop: Id, client: &str, op_id: Id, now: Millis, kind: Kind) -> Result<Applied, StoreError> {
    validate_client_id(client)?;
    let request = serde_json::json!({ "workshop_id": workshop, "op_id": op_id, "client_id": client, "kind": kind.as_str() })
        .to_string();
    write(lib, Lock::Workshop(workshop), |db| {
        if let Some(done) = replay(db, op_id, &request)? {
            return Ok(done);
        }
        require_workshop(db, workshop)?;
        let (state, order, next_state, empty) = match kind {
            Kind::Undo => ("done", "DESC", "undone", StoreError::NothingToUndo),
            _ => ("undone", "ASC", "done", StoreError::NothingToRedo),
        };
        let pick = format!(
            "SELECT s.seq, l.changes FROM undo_step s JOIN op_log l ON l.seq = s.seq
             WHERE s.workshop_id = ?1 AND s.client_id = ?2 AND s.state = ?3 ORDER BY s.seq {order} LIMIT 1"
        );
        loop {
            let found = db.one(&pick, vals![workshop, client, state], |r| Ok((r.i64(0)?, r.str(1)?)))?;
            let Some((step_seq, recorded)) = found else { return Err(empty) };
            let recorded: Vec<Change> = serde_json::from_str(&recorded).map_err(|e| StoreError::Decode(e.to_string()))?;
            let ops = match kind {
                Kind::Undo => undo_ops(&recorded),
                _ => redo_ops(&recorded),
            };
            db.exec("SAVEPOINT step", &[])?;
            match apply_all(db, workshop, &ops, now) {
                Ok(changes) => {
                    db.exec("RELEASE SAVEPOINT step", &[])?;
                    db.exec(
                        "UPDATE undo_step SET state = ?4 WHERE workshop_id = ?1 AND client_id = ?2 AND seq = ?3",
                        vals![workshop, client, step_seq, next_state],
                    )?;
                    let seq = log(db, workshop, op_id, client, kind, &request, &changes, now)?;
                    let history = history(db, workshop, client)?;
                    return Ok(Applied { seq, op_id, workshop_id: workshop, client_id: client.to_string(), changes, history, replayed: false });
                }
                // Someone else has since made this step impossible (say, deleted the note it
                // moved): drop it from this client's history and try the one before it.
                Err(StoreError::Op(_)) => {
                    db.exec("ROLLBACK TO SAVEPOINT step", &[])?;
                    db.exec("RELEASE SAVEPOINT step", &[])?;
                    db.exec(
                        "DELETE FROM undo_step WHERE workshop_id = ?1 AND client_id = ?2 AND seq = ?3",
                        vals![workshop, client, step_seq],
                    )?;
                }
                Err(e) => return Err(e),
            }
        }
    })
}

fn apply_all(db: &dyn Db, workshop: Id, ops: &[Op], now: Millis) -> Result<Vec<Change>, StoreError> {
    let mut all = Vec::new();
    for op in ops {
        let doc = TxDoc { db, workshop };
        let changes = plan(op, &doc, now)?;
        write_changes(db, workshop, &changes)?;
        all.extend(changes);
    }
    Ok(all)
}

pub(crate) fn require_workshop(db: &dyn Db, id: Id) -> Result<(), StoreError> {
    crate::deleted::require_live(db, id)
}

/// The first result again when this op id was applied before; a refusal when the id was used for
/// something else.
pub(crate) fn replay(db: &dyn Db, op_id: Id, request: &str) -> Result<Option<Applied>, StoreError> {
    let row = db.one("SELECT seq, workshop_id, client_id, request, changes FROM op_log WHERE op_id = ?1", vals![op_id], |r| {
        Ok((r.i64(0)?, r.id(1)?, r.str(2)?, r.str(3)?, r.str(4)?))
    })?;
    let Some((seq, workshop_id, client, stored, changes)) = row else { return Ok(None) };
    if stored != request {
        return Err(StoreError::OpIdReused(op_id));
    }
    let changes = serde_json::from_str(&changes).map_err(|e| StoreError::Decode(e.to_string()))?;
    let history = history(db, workshop_id, &client)?;
    Ok(Some(Applied { seq, op_id, workshop_id, client_id: client, changes, history, replayed: true }))
}

/// Writes the changes in order; `workshop` is where new workshop-level records belong.
fn write_changes(db: &dyn Db, workshop: Id, changes: &[Change]) -> Result<(), StoreError> {
    for change in changes {
        records::write_change(db, workshop, change)?;
    }
    Ok(())
}

/// Appends the op to the log; its sequence number, which grows in the order ops on one workshop
/// are applied (they hold the workshop's lock from before this until they commit).
#[allow(clippy::too_many_arguments)]
pub(crate) fn log(
    db: &dyn Db,
    workshop: Id,
    op_id: Id,
    client: &str,
    kind: Kind,
    request: &str,
    changes: &[Change],
    now: Millis,
) -> Result<i64, StoreError> {
    let changes = serde_json::to_string(changes).map_err(|e| StoreError::Decode(e.to_string()))?;
    let seq = db.number(
        "INSERT INTO op_log (op_id, workshop_id, client_id, kind, request, changes, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING seq",
        vals![op_id, workshop, client, kind.as_str(), request, changes, now],
    )?;
    db.exec("UPDATE workshop SET updated_at = ?2 WHERE id = ?1", vals![workshop, now])?;
    // Every instance of a team server hears of it when (and only if) it commits.
    if db.engine() == Engine::Postgres {
        db.one("SELECT pg_notify('polku_changes', ?1)", vals![format!("{workshop} {seq}")], |_| Ok(()))?;
    }
    Ok(seq)
}

/// The workshop's ops after `after`, in the order they were applied; at most `limit`.
pub(crate) fn after(db: &dyn Db, workshop: Id, after: i64, limit: usize) -> Result<Vec<Logged>, StoreError> {
    db.all(
        "SELECT seq, op_id, client_id, changes FROM op_log WHERE workshop_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3",
        vals![workshop, after, limit as i64],
        |r| {
            let changes = serde_json::from_str(&r.str(3)?).map_err(|e| StoreError::Decode(e.to_string()))?;
            Ok(Logged { seq: r.i64(0)?, workshop_id: workshop, op_id: r.id(1)?, client_id: r.str(2)?, changes })
        },
    )
}

/// A new recorded step ends the redo chain and may push the oldest step out.
fn push_step(db: &dyn Db, workshop: Id, client: &str, seq: i64) -> Result<(), StoreError> {
    db.exec("DELETE FROM undo_step WHERE workshop_id = ?1 AND client_id = ?2 AND state = 'undone'", vals![workshop, client])?;
    db.exec("INSERT INTO undo_step (workshop_id, client_id, seq, state) VALUES (?1, ?2, ?3, 'done')", vals![workshop, client, seq])?;
    db.exec(
        "DELETE FROM undo_step WHERE workshop_id = ?1 AND client_id = ?2 AND seq <= (
            SELECT seq FROM undo_step WHERE workshop_id = ?1 AND client_id = ?2 ORDER BY seq DESC LIMIT 1 OFFSET ?3)",
        vals![workshop, client, UNDO_DEPTH],
    )?;
    Ok(())
}

pub(crate) fn history(db: &dyn Db, workshop: Id, client: &str) -> Result<History, StoreError> {
    let counts = db.one(
        "SELECT coalesce(sum(CASE WHEN state = 'done' THEN 1 ELSE 0 END), 0), coalesce(sum(CASE WHEN state = 'undone' THEN 1 ELSE 0 END), 0)
         FROM undo_step WHERE workshop_id = ?1 AND client_id = ?2",
        vals![workshop, client],
        |r| Ok((r.i64(0)?, r.i64(1)?)),
    )?;
    let (done, undone) = counts.unwrap_or((0, 0));
    Ok(History { can_undo: done > 0, can_redo: undone > 0 })
}
