//! Open joins of a team library, shared by every instance: a phone's requests may reach any of
//! them. The API keeps each workshop's join as one JSON document (this module does not read it,
//! beyond its `token` and `code` for finding a join by link or code); a change to it runs under
//! the workshop's join lock, read, changed and written in one transaction, so two instances
//! changing one join take turns.

use polku_core::{Id, Millis};
use postgres::Config;

use super::lazy::Lazy;
use crate::StoreError;

/// The advisory locks' first key for joins ('JOIN'); the second is the workshop id's hash.
const JOIN_LOCK: i32 = 0x4A4F_494E;

/// What to do with a join's row after a change.
pub enum JoinWrite {
    Keep,
    Put(String),
    Delete,
}

pub struct JoinRows {
    connection: Lazy,
}

impl JoinRows {
    pub(crate) fn new(config: Config) -> JoinRows {
        JoinRows { connection: Lazy::new(config) }
    }

    /// Runs `change` on the workshop's join document (None: not open), holding its lock, and
    /// writes what it answers before the lock is let go.
    pub fn with<T, E: From<StoreError>>(&self, workshop_id: Id, now: Millis, change: impl FnOnce(Option<String>) -> Result<(T, JoinWrite), E>) -> Result<T, E> {
        let id = workshop_id.to_string();
        let mut change = Some(change);
        let mut answer = None;
        self.connection.with(|c| {
            let mut tx = c.transaction()?;
            tx.execute("SELECT pg_advisory_xact_lock($1, hashtext($2))", &[&JOIN_LOCK, &id])?;
            let state: Option<String> = tx.query_opt("SELECT state::text FROM participant_join WHERE workshop_id = $1", &[&id])?.map(|r| r.get(0));
            let Some(change) = change.take() else { return Ok(()) };
            let (value, write) = match change(state) {
                Ok(done) => done,
                Err(e) => {
                    answer = Some(Err(e));
                    return Ok(());
                }
            };
            match write {
                JoinWrite::Keep => {}
                JoinWrite::Put(state) => {
                    tx.execute(
                        "INSERT INTO participant_join (workshop_id, state, updated_at) VALUES ($1, $2::text::jsonb, $3)
                         ON CONFLICT (workshop_id) DO UPDATE SET state = EXCLUDED.state, updated_at = EXCLUDED.updated_at",
                        &[&id, &state, &now],
                    )?;
                }
                JoinWrite::Delete => {
                    tx.execute("DELETE FROM participant_join WHERE workshop_id = $1", &[&id])?;
                }
            }
            tx.commit()?;
            answer = Some(Ok(value));
            Ok(())
        })?;
        answer.unwrap_or_else(|| Err(StoreError::Decode("a join change did not run".into()).into()))
    }

    /// The workshop whose open join has this link `token` or short `code`.
    pub fn find(&self, token: &str, code: &str) -> Result<Option<Id>, StoreError> {
        self.connection.with(|c| {
            let row = c.query_opt(
                "SELECT workshop_id FROM participant_join WHERE state->>'token' = $1 OR state->>'code' = $2 LIMIT 1",
                &[&token, &code],
            )?;
            row.map(|r| Id::parse_str(r.get::<_, &str>(0)).map_err(|e| StoreError::Decode(e.to_string()))).transpose()
        })
    }

    /// Counts a wrong code; at `limit` within `window_ms`, every join's code stops working (the
    /// facilitator makes a new one). Answers whether that happened.
    pub fn code_failed(&self, now: Millis, window_ms: Millis, limit: usize) -> Result<bool, StoreError> {
        self.connection.with(|c| {
            let mut tx = c.transaction()?;
            tx.execute("SELECT pg_advisory_xact_lock($1, 0)", &[&JOIN_LOCK])?;
            tx.execute("DELETE FROM join_code_failure WHERE at <= $1", &[&(now - window_ms)])?;
            tx.execute("INSERT INTO join_code_failure (at) VALUES ($1)", &[&now])?;
            let failures: i64 = tx.query_one("SELECT count(*) FROM join_code_failure", &[])?.get(0);
            let spent = failures as usize >= limit;
            if spent {
                tx.execute("UPDATE participant_join SET state = jsonb_set(state, '{code}', 'null'), updated_at = $1", &[&now])?;
                tx.execute("DELETE FROM join_code_failure", &[])?;
            }
            tx.commit()?;
            Ok(spent)
        })
    }
}
