//! A team server's groups (a team, a unit) that workshops are shared with as a whole, managed
//! by its admins from the app as IT does with `polku facilitators add-group` and the rest:
//! `GET /api/team/groups` lists them with their members and shared workshops,
//! `POST /api/team/groups {name}` adds one, `POST /api/team/groups/rename {group, name}` renames
//! it, `POST /api/team/groups/remove {group}` removes it, and
//! `POST /api/team/groups/member {group, email, member}` puts a facilitator in or takes them out.
//! Each answers every group as it is now. Anyone else is refused (403, field `admin`).

use axum::extract::State;
use axum::response::Response;
use axum::{Extension, Json};
use polku_store::{Facilitator, TeamGroup};
use serde::Deserialize;

use polku_store::{Accounts, StoreError};

use crate::admin::{run, Admin};

fn listed(groups: Vec<TeamGroup>) -> serde_json::Value {
    groups.into_iter().map(|g| serde_json::json!({ "id": g.id, "name": g.name, "members": g.members, "workshops": g.workshops })).collect()
}

pub(crate) async fn list(State(admin): State<Admin>, Extension(me): Extension<Facilitator>) -> Response {
    run(&admin, &me, |a| Ok(listed(a.groups()?))).await
}

/// An admin's change to the groups, answered with every group as it is after it.
async fn change(admin: &Admin, me: &Facilitator, change: impl FnOnce(&Accounts) -> Result<(), StoreError> + Send + 'static) -> Response {
    run(admin, me, move |a| {
        change(a)?;
        Ok(listed(a.groups()?))
    })
    .await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct NewGroup {
    name: String,
}

pub(crate) async fn add(State(admin): State<Admin>, Extension(me): Extension<Facilitator>, Json(new): Json<NewGroup>) -> Response {
    change(&admin, &me, move |a| a.add_group(&new.name, crate::now())).await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Rename {
    group: String,
    name: String,
}

pub(crate) async fn rename(State(admin): State<Admin>, Extension(me): Extension<Facilitator>, Json(r): Json<Rename>) -> Response {
    change(&admin, &me, move |a| a.rename_group(&r.group, &r.name)).await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Removal {
    group: String,
}

pub(crate) async fn remove(State(admin): State<Admin>, Extension(me): Extension<Facilitator>, Json(r): Json<Removal>) -> Response {
    change(&admin, &me, move |a| a.remove_group(&r.group)).await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Membership {
    group: String,
    email: String,
    member: bool,
}

pub(crate) async fn member(State(admin): State<Admin>, Extension(me): Extension<Facilitator>, Json(m): Json<Membership>) -> Response {
    change(&admin, &me, move |a| a.set_member(&m.group, &m.email, m.member)).await
}
