//! Where a host keeps its open joins: in memory on the laptop (closing the app closes joining,
//! and nothing of a device reaches a file), in the team library's database on a team server, so
//! a phone's requests may reach any instance and a join outlives the instance it was opened on.

use std::sync::{Mutex, MutexGuard};

use polku_core::Id;
use polku_store::{JoinRows, JoinWrite};

use super::secret;
use super::state::{Join, Joins};
use super::CODE_FAILURES_PER_MINUTE;
use crate::{ApiError, ErrorCode, Host};

/// Wrong codes count against their limit for this long.
const CODE_WINDOW_MS: polku_core::Millis = 60_000;

pub(crate) enum JoinBook {
    Memory(Mutex<Joins>),
    Team(JoinRows),
}

impl Default for JoinBook {
    fn default() -> Self {
        JoinBook::Memory(Mutex::default())
    }
}

fn memory(joins: &Mutex<Joins>) -> MutexGuard<'_, Joins> {
    // No join change calls anything that could panic halfway (a device is pushed whole), so the
    // state is sound after a panic elsewhere.
    joins.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn unreadable(e: serde_json::Error) -> ApiError {
    ApiError::internal(format!("an open join could not be read: {e}"))
}

impl Host {
    /// Runs `change` on the joins that hold `workshop_id`'s. On a team server that is the one
    /// join, read under its lock and written back (when changed) before the lock is let go; a
    /// change that fails writes nothing.
    ///
    /// A join whose time is up is closed first, so `change` never sees it: its link, code and
    /// devices stop working at that moment, whoever asks first (a phone, or the facilitator's
    /// window, which asks at the time it shows).
    pub(crate) fn with_joins<R>(&self, workshop_id: Id, change: impl FnOnce(&mut Joins) -> Result<R, ApiError>) -> Result<R, ApiError> {
        let now = self.now();
        let rows = match self.join_book() {
            JoinBook::Memory(joins) => {
                let (answer, expired) = {
                    let mut joins = memory(joins);
                    let expired = joins.close_if_expired(workshop_id, now);
                    (change(&mut joins), expired)
                };
                if expired {
                    self.after_expiry(workshop_id);
                }
                return answer;
            }
            JoinBook::Team(rows) => rows,
        };
        let public = self.join_network().and_then(|n| n.public_url());
        let mut expired = false;
        let answer = rows.with(workshop_id, now, |state: Option<String>| {
            let before: Option<serde_json::Value> = state.as_deref().map(serde_json::from_str).transpose().map_err(unreadable)?;
            let join: Option<Join> = before.clone().map(serde_json::from_value).transpose().map_err(unreadable)?;
            let mut joins = Joins::single(workshop_id, join, public);
            expired = joins.close_if_expired(workshop_id, now);
            let answer = change(&mut joins);
            // A change refused after the join expired still deletes the expired row.
            let answer = match answer {
                Err(e) if !expired => return Err(e),
                other => other,
            };
            let after = joins.take(workshop_id).map(|j| serde_json::to_value(&j)).transpose().map_err(unreadable)?;
            let write = match (before, after) {
                (None, None) => JoinWrite::Keep,
                (Some(_), None) => JoinWrite::Delete,
                (Some(b), Some(a)) if a == b => JoinWrite::Keep,
                (_, Some(a)) => JoinWrite::Put(a.to_string()),
            };
            Ok((answer, write))
        });
        if expired {
            self.after_expiry(workshop_id);
        }
        answer?
    }

    /// What closing does besides forgetting the join, for one that closed by itself: every
    /// window and phone is told, and the listener is retired (see `JoinNetwork::retire`: the call
    /// that found the join expired may be one of the listener's own requests).
    fn after_expiry(&self, workshop_id: Id) {
        self.emit(crate::Event::JoinChanged { workshop_id });
        if let Some(network) = self.join_network() {
            network.retire(workshop_id);
        }
    }

    /// Whether the joins are a team library's, in its database (asking is blocking work then).
    pub fn joins_in_database(&self) -> bool {
        matches!(self.join_book(), JoinBook::Team(_))
    }

    /// The workshops whose joins this host closes when it quits: the laptop's; a team server's
    /// joins are the library's and stay open for the other instances.
    pub(crate) fn own_open_joins(&self) -> Vec<Id> {
        match self.join_book() {
            JoinBook::Memory(joins) => memory(joins).open_ids(),
            JoinBook::Team(_) => Vec::new(),
        }
    }

    /// The workshop a phone's link or code opens, on a team server, where phones of every join
    /// come to one address. A wrong code counts against every join's codes.
    pub(crate) fn join_at(&self, key: &str) -> Result<Option<Id>, ApiError> {
        let JoinBook::Team(rows) = self.join_book() else { return Ok(None) };
        let token = key.trim();
        let code = secret::normalize_code(token);
        if let Some(at) = rows.find(token, &code)? {
            return Ok(Some(at));
        }
        if secret::looks_like_code(&code) {
            rows.code_failed(self.now(), CODE_WINDOW_MS, CODE_FAILURES_PER_MINUTE)?;
        }
        Err(ApiError::with_field(ErrorCode::Forbidden, "this link or code does not open any join; ask the facilitator for the link", "join"))
    }
}
