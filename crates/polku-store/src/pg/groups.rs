//! A team library's groups of facilitators (a team, a unit) that workshops are shared with as a
//! whole: whoever is in a group when they ask reaches its workshops (`sharing.rs`). Admins add,
//! rename and remove groups and put facilitators in and out.

use polku_core::{Id, Millis, OpError};

use super::accounts::{normal_email, Accounts};
use crate::StoreError;

/// The longest name a group may have, in characters.
pub const MAX_GROUP_NAME: usize = 200;

/// A group as its admins see it: its members' addresses, and how many workshops (not deleted)
/// are shared with it, which its members lose if it is removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamGroup {
    /// Stays through a rename (the page keeps its place in the list by it).
    pub id: String,
    pub name: String,
    pub members: Vec<String>,
    pub workshops: u64,
}

/// A group's name as kept: trimmed, 1–200 characters, on one line.
fn group_name(name: &str) -> Result<&str, StoreError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > MAX_GROUP_NAME || name.chars().any(char::is_control) {
        return Err(OpError::invalid("group_name", format!("a name of 1–{MAX_GROUP_NAME} characters on one line")).into());
    }
    Ok(name)
}

fn taken(name: &str) -> StoreError {
    OpError::invalid("group_taken", format!("there is a group {name:?} already")).into()
}

impl Accounts {
    pub(crate) fn group_id(&self, name: &str) -> Result<String, StoreError> {
        let name = name.trim().to_string();
        self.with(|c| {
            c.query_opt("SELECT id FROM team_group WHERE name = $1", &[&name])?
                .map(|r| r.get::<_, String>(0))
                .ok_or_else(|| OpError::invalid("group", format!("no group {name:?}")).into())
        })
    }

    /// The groups by name, each with its members' addresses and its shared workshops.
    pub fn groups(&self) -> Result<Vec<TeamGroup>, StoreError> {
        self.with(|c| {
            let mut out: Vec<TeamGroup> = c
                .query(
                    "SELECT g.id, g.name, (SELECT count(*) FROM workshop_group_share s JOIN workshop w ON w.id = s.workshop_id
                                     WHERE s.group_id = g.id AND w.deleted_at IS NULL)
                     FROM team_group g ORDER BY g.name",
                    &[],
                )?
                .iter()
                .map(|r| TeamGroup { id: r.get(0), name: r.get(1), members: Vec::new(), workshops: r.get::<_, i64>(2).max(0) as u64 })
                .collect();
            let members = c.query(
                "SELECT m.group_id, f.email FROM group_member m JOIN facilitator f ON f.id = m.facilitator_id ORDER BY f.email",
                &[],
            )?;
            for r in members {
                let (id, email): (String, String) = (r.get(0), r.get(1));
                if let Some(g) = out.iter_mut().find(|g| g.id == id) {
                    g.members.push(email);
                }
            }
            Ok(out)
        })
    }

    /// A new group of facilitators to share workshops with.
    pub fn add_group(&self, name: &str, now: Millis) -> Result<(), StoreError> {
        let name = group_name(name)?;
        self.with(|c| {
            let added = c.execute(
                "INSERT INTO team_group (id, name, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING",
                &[&Id::now_v7().to_string(), &name, &now],
            )?;
            if added == 0 {
                return Err(taken(name));
            }
            Ok(())
        })
    }

    /// Gives the group `name` the name `to`; its members and its workshops stay with it.
    pub fn rename_group(&self, name: &str, to: &str) -> Result<(), StoreError> {
        let id = self.group_id(name)?;
        let to = group_name(to)?;
        self.with(|c| {
            let clash = c.query_opt("SELECT 1 FROM team_group WHERE name = $1 AND id <> $2", &[&to, &id])?;
            if clash.is_some() {
                return Err(taken(to));
            }
            // A rename racing another to the same name meets the unique index instead.
            c.execute("UPDATE team_group SET name = $1 WHERE id = $2", &[&to, &id]).map_err(|e| match e.code() {
                Some(&postgres::error::SqlState::UNIQUE_VIOLATION) => taken(to),
                _ => e.into(),
            })?;
            Ok(())
        })
    }

    /// Removes the group: no one is in it any more, and the workshops shared with it are no
    /// longer shared with its members (unless shared with them otherwise). The workshops stay.
    pub fn remove_group(&self, name: &str) -> Result<(), StoreError> {
        let id = self.group_id(name)?;
        // The group's memberships and shares go with it (ON DELETE CASCADE, 0004_groups.sql).
        self.with(|c| {
            c.execute("DELETE FROM team_group WHERE id = $1", &[&id])?;
            Ok(())
        })
    }

    /// Puts a facilitator in a group (or takes them out).
    pub fn set_member(&self, group: &str, email: &str, member: bool) -> Result<(), StoreError> {
        let group = self.group_id(group)?;
        let email = normal_email(email);
        let f = self.find(&email)?.ok_or_else(|| OpError::invalid("facilitator", format!("no facilitator {email}")))?;
        self.with(|c| {
            if member {
                c.execute("INSERT INTO group_member (group_id, facilitator_id) VALUES ($1, $2) ON CONFLICT DO NOTHING", &[&group, &f.id.to_string()])?;
            } else {
                c.execute("DELETE FROM group_member WHERE group_id = $1 AND facilitator_id = $2", &[&group, &f.id.to_string()])?;
            }
            Ok(())
        })
    }
}
