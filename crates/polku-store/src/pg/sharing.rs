//! Whose each workshop of a team library is, and whom it is shared with: the only facilitators
//! who see it and reach it. Kept beside the accounts, on their connection; the library's own
//! tables know nothing of people.

use std::collections::HashSet;

use polku_core::Id;

use super::accounts::{normal_email, Accounts, Facilitator};
use crate::StoreError;

/// Who has a workshop: its owner (none for one copied in without one), its colleagues, and the
/// groups it is shared with (their names).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sharing {
    pub owner: Option<Facilitator>,
    pub shared_with: Vec<Facilitator>,
    pub groups: Vec<String>,
}

/// Whom a workshop is shared with: a colleague by address, or a group by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareWith<'a> {
    Colleague(&'a str),
    Group(&'a str),
}

fn parse(id: &str) -> Result<Id, StoreError> {
    Id::parse_str(id).map_err(|e| StoreError::Decode(e.to_string()))
}

impl Accounts {
    /// Makes `facilitator` the workshop's owner (a new workshop's maker, or IT's choice).
    pub fn set_owner(&self, workshop: Id, facilitator: Id) -> Result<(), StoreError> {
        self.with(|c| {
            c.execute(
                "INSERT INTO workshop_owner (workshop_id, facilitator_id) VALUES ($1, $2)
                 ON CONFLICT (workshop_id) DO UPDATE SET facilitator_id = $2",
                &[&workshop.to_string(), &facilitator.to_string()],
            )?;
            Ok(())
        })
    }

    /// Whether the facilitator may see and change the workshop: theirs, or shared with them.
    pub fn may_use(&self, facilitator: Id, workshop: Id) -> Result<bool, StoreError> {
        let (f, w) = (facilitator.to_string(), workshop.to_string());
        self.with(|c| {
            let row = c.query_opt(
                "SELECT 1 FROM workshop_owner WHERE workshop_id = $1 AND facilitator_id = $2
                 UNION ALL SELECT 1 FROM workshop_share WHERE workshop_id = $1 AND facilitator_id = $2
                 UNION ALL SELECT 1 FROM workshop_group_share s JOIN group_member m ON m.group_id = s.group_id
                   WHERE s.workshop_id = $1 AND m.facilitator_id = $2
                 LIMIT 1",
                &[&w, &f],
            )?;
            Ok(row.is_some())
        })
    }

    /// Every workshop the facilitator may use.
    pub fn usable(&self, facilitator: Id) -> Result<HashSet<Id>, StoreError> {
        let f = facilitator.to_string();
        self.with(|c| {
            c.query(
                "SELECT workshop_id FROM workshop_owner WHERE facilitator_id = $1
                 UNION SELECT workshop_id FROM workshop_share WHERE facilitator_id = $1
                 UNION SELECT s.workshop_id FROM workshop_group_share s JOIN group_member m ON m.group_id = s.group_id WHERE m.facilitator_id = $1",
                &[&f],
            )?
            .iter()
            .map(|r| parse(r.get::<_, &str>(0)))
            .collect()
        })
    }

    pub fn sharing(&self, workshop: Id) -> Result<Sharing, StoreError> {
        let w = workshop.to_string();
        let owner = self.with(|c| {
            c.query_opt(
                "SELECT f.id, f.email, f.name, f.admin, f.disabled FROM workshop_owner o JOIN facilitator f ON f.id = o.facilitator_id WHERE o.workshop_id = $1",
                &[&w],
            )?
            .as_ref()
            .map(super::accounts::facilitator)
            .transpose()
        })?;
        let shared_with = self.with(|c| {
            c.query(
                "SELECT f.id, f.email, f.name, f.admin, f.disabled FROM workshop_share s JOIN facilitator f ON f.id = s.facilitator_id
                 WHERE s.workshop_id = $1 ORDER BY f.name, f.email",
                &[&w],
            )?
            .iter()
            .map(super::accounts::facilitator)
            .collect()
        })?;
        let groups = self.with(|c| {
            Ok(c.query(
                "SELECT g.name FROM workshop_group_share s JOIN team_group g ON g.id = s.group_id WHERE s.workshop_id = $1 ORDER BY g.name",
                &[&w],
            )?
            .iter()
            .map(|r| r.get(0))
            .collect())
        })?;
        Ok(Sharing { owner, shared_with, groups })
    }

    /// Shares the workshop with a colleague or a group (or takes it back).
    pub fn share(&self, workshop: Id, with: ShareWith, shared: bool) -> Result<Sharing, StoreError> {
        match with {
            ShareWith::Colleague(email) => self.share_with_colleague(workshop, email, shared),
            ShareWith::Group(name) => self.share_with_group(workshop, name, shared),
        }
    }

    fn share_with_group(&self, workshop: Id, name: &str, shared: bool) -> Result<Sharing, StoreError> {
        let group = self.group_id(name)?;
        let w = workshop.to_string();
        self.with(|c| {
            if shared {
                c.execute("INSERT INTO workshop_group_share (workshop_id, group_id) VALUES ($1, $2) ON CONFLICT DO NOTHING", &[&w, &group])?;
            } else {
                c.execute("DELETE FROM workshop_group_share WHERE workshop_id = $1 AND group_id = $2", &[&w, &group])?;
            }
            Ok(())
        })?;
        self.sharing(workshop)
    }

    /// Shares the workshop with the colleague at `email` (or takes it back). Their own
    /// workshop stays theirs: sharing it with its owner changes nothing.
    fn share_with_colleague(&self, workshop: Id, email: &str, shared: bool) -> Result<Sharing, StoreError> {
        let email = normal_email(email);
        let colleague = self.find(&email)?.ok_or_else(|| polku_core::OpError::invalid("facilitator", format!("no facilitator {email}")))?;
        let (w, f) = (workshop.to_string(), colleague.id.to_string());
        self.with(|c| {
            if shared {
                c.execute(
                    "INSERT INTO workshop_share (workshop_id, facilitator_id)
                     SELECT $1, $2 WHERE NOT EXISTS (SELECT 1 FROM workshop_owner WHERE workshop_id = $1 AND facilitator_id = $2)
                     ON CONFLICT DO NOTHING",
                    &[&w, &f],
                )?;
            } else {
                c.execute("DELETE FROM workshop_share WHERE workshop_id = $1 AND facilitator_id = $2", &[&w, &f])?;
            }
            Ok(())
        })?;
        self.sharing(workshop)
    }
}
