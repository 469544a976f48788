//! On a team server a workshop is its owner's and its colleagues': the facilitators it is shared
//! with. Every facilitator command declares what it reaches (`commands!`: `in workshop(field)`,
//! `in job(field)`, `in listed`, `in created`, `in library`), and `Host::call_as` checks it for a
//! signed-in facilitator before the request is even read whole: a workshop that is not theirs is
//! answered as one that does not exist (404), lists hold only theirs, and what they make is
//! theirs. The laptop's facilitator reaches everything; participants reach only their join.

use std::collections::HashSet;

use polku_core::{Id, WorkshopSummary};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::deleted::DeletedWorkshop;
use crate::types::ImportedWorkshop;
use crate::{ApiError, Caller, ErrorCode, Host};

/// An answer that is a new workshop: it becomes its maker's.
pub(crate) trait Created {
    fn created(&self) -> Id;
}

impl Created for WorkshopSummary {
    fn created(&self) -> Id {
        self.id
    }
}

impl Created for ImportedWorkshop {
    fn created(&self) -> Id {
        self.id
    }
}

/// An answer that lists workshops: only the caller's are kept.
pub(crate) trait Listed {
    fn keep(self, usable: &HashSet<Id>) -> Self;
}

impl Listed for Vec<WorkshopSummary> {
    fn keep(mut self, usable: &HashSet<Id>) -> Self {
        self.retain(|w| usable.contains(&w.id));
        self
    }
}

impl Listed for Vec<DeletedWorkshop> {
    fn keep(mut self, usable: &HashSet<Id>) -> Self {
        self.retain(|w| usable.contains(&w.id));
        self
    }
}

/// The same answer as for a workshop that does not exist.
fn not_found(id: Id) -> ApiError {
    ApiError::with_field(ErrorCode::NotFound, format!("workshop {id} does not exist"), "workshop")
}

fn accounts(host: &Host) -> Result<&polku_store::Accounts, ApiError> {
    host.team_accounts().ok_or_else(|| ApiError::with_field(ErrorCode::Forbidden, "this library has no accounts", "team_library"))
}

impl Host {
    /// Refuses `caller` a workshop named by the request's `field` that is not theirs.
    pub(crate) fn reach_workshop(&self, caller: &Caller, args: &serde_json::Value, field: &str) -> Result<(), ApiError> {
        let Caller::TeamFacilitator(facilitator) = caller else { return Ok(()) };
        let id = match args.get(field) {
            // A command whose workshop is optional (none named: nothing to reach).
            None | Some(serde_json::Value::Null) => return Ok(()),
            Some(v) => serde_json::from_value::<Id>(v.clone()).map_err(ApiError::bad_request)?,
        };
        if accounts(self)?.may_use(*facilitator, id)? {
            Ok(())
        } else {
            Err(not_found(id))
        }
    }

    /// The same for an export job, by the workshop it exports.
    pub(crate) fn reach_job(&self, caller: &Caller, args: &serde_json::Value, field: &str) -> Result<(), ApiError> {
        let Caller::TeamFacilitator(facilitator) = caller else { return Ok(()) };
        let job: Id = args.get(field).cloned().map(serde_json::from_value).transpose().map_err(ApiError::bad_request)?.ok_or_else(|| ApiError::bad_request(format!("no {field}")))?;
        match self.exports().workshop_of(job) {
            Some(w) if accounts(self)?.may_use(*facilitator, w)? => Ok(()),
            // Another's job is as unknown as a job that never was.
            _ => Err(ApiError::with_field(ErrorCode::NotFound, format!("no export job {job}"), "job")),
        }
    }

    /// Makes a new workshop its maker's.
    pub(crate) fn claim<R: Created>(&self, caller: &Caller, made: &R) -> Result<(), ApiError> {
        if let Caller::TeamFacilitator(facilitator) = caller {
            accounts(self)?.set_owner(made.created(), *facilitator)?;
            // The lists told of it before it had an owner: now it is in its maker's.
            self.emit(crate::Event::LibraryChanged);
        }
        Ok(())
    }

    /// Keeps, of a list of workshops, those the caller may use.
    pub(crate) fn only_theirs<R: Listed>(&self, caller: &Caller, list: R) -> Result<R, ApiError> {
        match caller {
            Caller::TeamFacilitator(facilitator) => Ok(list.keep(&accounts(self)?.usable(*facilitator)?)),
            _ => Ok(list),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct WorkshopSharingRequest {
    pub workshop_id: Id,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ShareWorkshopRequest {
    pub workshop_id: Id,
    /// A colleague's address, as they sign in with…
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub email: Option<String>,
    /// …or a group's name: one of the two.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub group: Option<String>,
    /// True to share, false to take it back.
    pub shared: bool,
}

/// A facilitator as their colleagues see them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Colleague {
    pub name: String,
    pub email: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct WorkshopSharing {
    pub owner: Option<Colleague>,
    pub shared_with: Vec<Colleague>,
    /// Everyone else who may sign in, to share it with.
    pub others: Vec<Colleague>,
    /// The groups it is shared with, by name, and the other groups there are.
    pub groups: Vec<String>,
    pub other_groups: Vec<String>,
}

fn colleague(f: &polku_store::Facilitator) -> Colleague {
    Colleague { name: f.name.clone(), email: f.email.clone() }
}

fn sharing_of(host: &Host, sharing: polku_store::Sharing) -> Result<WorkshopSharing, ApiError> {
    let all = accounts(host)?.list()?;
    let groups = accounts(host)?.groups()?;
    let has = |f: &polku_store::Facilitator| sharing.owner.as_ref().is_some_and(|o| o.id == f.id) || sharing.shared_with.iter().any(|s| s.id == f.id);
    Ok(WorkshopSharing {
        owner: sharing.owner.as_ref().map(colleague),
        shared_with: sharing.shared_with.iter().map(colleague).collect(),
        others: all.iter().filter(|f| !f.disabled && !has(f)).map(colleague).collect(),
        other_groups: groups.into_iter().map(|g| g.name).filter(|g| !sharing.groups.contains(g)).collect(),
        groups: sharing.groups,
    })
}

/// Who has the workshop, and who else could.
pub(crate) fn workshop_sharing(host: &Host, req: WorkshopSharingRequest) -> Result<WorkshopSharing, ApiError> {
    host.store()?.workshop_summary(req.workshop_id)?;
    let sharing = accounts(host)?.sharing(req.workshop_id)?;
    sharing_of(host, sharing)
}

/// Shares the workshop with a colleague, or takes it back; anyone who has it may.
pub(crate) fn share_workshop(host: &Host, req: ShareWorkshopRequest) -> Result<WorkshopSharing, ApiError> {
    host.store()?.workshop_summary(req.workshop_id)?;
    let with = match (&req.email, &req.group) {
        (Some(email), None) => polku_store::ShareWith::Colleague(email),
        (None, Some(group)) => polku_store::ShareWith::Group(group),
        _ => return Err(ApiError::with_field(ErrorCode::Validation, "name a colleague's email or a group, one of the two", "email")),
    };
    let sharing = accounts(host)?.share(req.workshop_id, with, req.shared)?;
    // The colleague's list gains (or loses) it.
    host.emit(crate::Event::LibraryChanged);
    sharing_of(host, sharing)
}
