//! Applying ops: validate with the core, write the change, the op-log row and the undo step in
//! one transaction, and answer only after it commits.

use polku_core::{plan, redo_ops, undo_ops, validate_client_id, Change, History, Id, Millis, Op, UndoMode};
use rusqlite::{params, OptionalExtension, Transaction, TransactionBehavior};
use serde::Serialize;

use crate::records;
use crate::txdoc::TxDoc;
use crate::{Store, StoreError};

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

impl Store {
    pub fn apply(&mut self, env: &Envelope, now: Millis) -> Result<Applied, StoreError> {
        validate_client_id(&env.client_id)?;
        let request = serde_json::to_string(env).map_err(|e| StoreError::Decode(e.to_string()))?;
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        if let Some(done) = replay(&tx, env.op_id, &request)? {
            return Ok(done);
        }
        require_workshop(&tx, env.workshop_id)?;
        let doc = TxDoc { conn: &tx, workshop: env.workshop_id.to_string() };
        let changes = plan(&env.op, &doc, now)?;
        write_changes(&tx, env.workshop_id, &changes)?;
        let seq = log(&tx, env.workshop_id, env.op_id, &env.client_id, Kind::Do, &request, &changes, now)?;
        // A step that changed nothing (a touchpoint moved to where it already was) would make
        // the next undo seem to do nothing.
        if env.undo == UndoMode::Record && !changes.is_empty() && !env.op.never_undone() {
            push_step(&tx, env.workshop_id, &env.client_id, seq)?;
        }
        let history = history(&tx, env.workshop_id, &env.client_id)?;
        tx.commit()?;
        Ok(Applied { seq, op_id: env.op_id, workshop_id: env.workshop_id, client_id: env.client_id.clone(), changes, history, replayed: false })
    }

    /// Takes back this client's most recent step that is still done.
    pub fn undo(&mut self, workshop: Id, client: &str, op_id: Id, now: Millis) -> Result<Applied, StoreError> {
        self.step(workshop, client, op_id, now, Kind::Undo)
    }

    /// Does again this client's most recently undone step.
    pub fn redo(&mut self, workshop: Id, client: &str, op_id: Id, now: Millis) -> Result<Applied, StoreError> {
        self.step(workshop, client, op_id, now, Kind::Redo)
    }

    pub fn history(&self, workshop: Id, client: &str) -> Result<History, StoreError> {
        validate_client_id(client)?;
        history(&self.conn, workshop, client)
    }

    fn step(&mut self, workshop: Id, client: &str, op_id: Id, now: Millis, kind: Kind) -> Result<Applied, StoreError> {
        validate_client_id(client)?;
        let request = serde_json::json!({ "workshop_id": workshop, "op_id": op_id, "client_id": client, "kind": kind.as_str() })
            .to_string();
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        if let Some(done) = replay(&tx, op_id, &request)? {
            return Ok(done);
        }
        require_workshop(&tx, workshop)?;
        let (state, order, next_state, empty) = match kind {
            Kind::Undo => ("done", "DESC", "undone", StoreError::NothingToUndo),
            _ => ("undone", "ASC", "done", StoreError::NothingToRedo),
        };
        let pick = format!(
            "SELECT s.seq, l.changes FROM undo_step s JOIN op_log l ON l.seq = s.seq
             WHERE s.workshop_id = ?1 AND s.client_id = ?2 AND s.state = ?3 ORDER BY s.seq {order} LIMIT 1"
        );
        loop {
            let found: Option<(i64, String)> = tx
                .query_row(&pick, params![workshop.to_string(), client, state], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            let Some((step_seq, recorded)) = found else { return Err(empty) };
            let recorded: Vec<Change> = serde_json::from_str(&recorded).map_err(|e| StoreError::Decode(e.to_string()))?;
            let ops = match kind {
                Kind::Undo => undo_ops(&recorded),
                _ => redo_ops(&recorded),
            };
            tx.execute("SAVEPOINT step", [])?;
            match apply_all(&tx, workshop, &ops, now) {
                Ok(changes) => {
                    tx.execute("RELEASE step", [])?;
                    tx.execute(
                        "UPDATE undo_step SET state = ?4 WHERE workshop_id = ?1 AND client_id = ?2 AND seq = ?3",
                        params![workshop.to_string(), client, step_seq, next_state],
                    )?;
                    let seq = log(&tx, workshop, op_id, client, kind, &request, &changes, now)?;
                    let history = history(&tx, workshop, client)?;
                    tx.commit()?;
                    return Ok(Applied { seq, op_id, workshop_id: workshop, client_id: client.to_string(), changes, history, replayed: false });
                }
                // Someone else has since made this step impossible (say, deleted the note it
                // moved): drop it from this client's history and try the one before it.
                Err(StoreError::Op(_)) => {
                    tx.execute("ROLLBACK TO step", [])?;
                    tx.execute("RELEASE step", [])?;
                    tx.execute(
                        "DELETE FROM undo_step WHERE workshop_id = ?1 AND client_id = ?2 AND seq = ?3",
                        params![workshop.to_string(), client, step_seq],
                    )?;
                }
                Err(e) => return Err(e),
            }
        }
    }
}

fn apply_all(tx: &Transaction, workshop: Id, ops: &[Op], now: Millis) -> Result<Vec<Change>, StoreError> {
    let mut all = Vec::new();
    for op in ops {
        let doc = TxDoc { conn: tx, workshop: workshop.to_string() };
        let changes = plan(op, &doc, now)?;
        write_changes(tx, workshop, &changes)?;
        all.extend(changes);
    }
    Ok(all)
}

pub(crate) fn require_workshop(tx: &Transaction, id: Id) -> Result<(), StoreError> {
    crate::deleted::require_live(tx, id)
}

/// The first result again when this op id was applied before; a refusal when the id was used for
/// something else.
pub(crate) fn replay(tx: &Transaction, op_id: Id, request: &str) -> Result<Option<Applied>, StoreError> {
    let row: Option<(i64, String, String, String, String)> = tx
        .query_row(
            "SELECT seq, workshop_id, client_id, request, changes FROM op_log WHERE op_id = ?1",
            [op_id.to_string()],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?;
    let Some((seq, workshop, client, stored, changes)) = row else { return Ok(None) };
    if stored != request {
        return Err(StoreError::OpIdReused(op_id));
    }
    let workshop_id = Id::parse_str(&workshop).map_err(|e| StoreError::Decode(e.to_string()))?;
    let changes = serde_json::from_str(&changes).map_err(|e| StoreError::Decode(e.to_string()))?;
    let history = history(tx, workshop_id, &client)?;
    Ok(Some(Applied { seq, op_id, workshop_id, client_id: client, changes, history, replayed: true }))
}

/// Writes the changes in order; `workshop` is where new workshop-level records belong.
fn write_changes(tx: &Transaction, workshop: Id, changes: &[Change]) -> Result<(), StoreError> {
    for change in changes {
        records::write_change(tx, workshop, change)?;
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn log(
    tx: &Transaction,
    workshop: Id,
    op_id: Id,
    client: &str,
    kind: Kind,
    request: &str,
    changes: &[Change],
    now: Millis,
) -> Result<i64, StoreError> {
    let changes = serde_json::to_string(changes).map_err(|e| StoreError::Decode(e.to_string()))?;
    tx.prepare_cached(
        "INSERT INTO op_log (op_id, workshop_id, client_id, kind, request, changes, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![op_id.to_string(), workshop.to_string(), client, kind.as_str(), request, changes, now])?;
    let seq = tx.last_insert_rowid();
    tx.prepare_cached("UPDATE workshop SET updated_at = ?2 WHERE id = ?1")?.execute(params![workshop.to_string(), now])?;
    Ok(seq)
}

/// A new recorded step ends the redo chain and may push the oldest step out.
fn push_step(tx: &Transaction, workshop: Id, client: &str, seq: i64) -> Result<(), StoreError> {
    let w = workshop.to_string();
    tx.prepare_cached("DELETE FROM undo_step WHERE workshop_id = ?1 AND client_id = ?2 AND state = 'undone'")?
        .execute(params![w, client])?;
    tx.prepare_cached("INSERT INTO undo_step (workshop_id, client_id, seq, state) VALUES (?1, ?2, ?3, 'done')")?
        .execute(params![w, client, seq])?;
    tx.prepare_cached(
        "DELETE FROM undo_step WHERE workshop_id = ?1 AND client_id = ?2 AND seq <= (
            SELECT seq FROM undo_step WHERE workshop_id = ?1 AND client_id = ?2 ORDER BY seq DESC LIMIT 1 OFFSET ?3)",
    )?
    .execute(params![w, client, UNDO_DEPTH])?;
    Ok(())
}

pub(crate) fn history(conn: &rusqlite::Connection, workshop: Id, client: &str) -> Result<History, StoreError> {
    let (done, undone): (i64, i64) = conn
        .prepare_cached(
            "SELECT coalesce(sum(state = 'done'), 0), coalesce(sum(state = 'undone'), 0)
             FROM undo_step WHERE workshop_id = ?1 AND client_id = ?2",
        )?
        .query_row(params![workshop.to_string(), client], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(History { can_undo: done > 0, can_redo: undone > 0 })
}

