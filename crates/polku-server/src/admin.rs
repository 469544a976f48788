//! A team server's admins manage its facilitators from the app (as IT does with `polku
//! facilitators`): `GET /api/team/facilitators` lists them, `POST` adds one, `POST
//! /api/team/facilitators/update` disables, enables, makes or unmakes an admin, or sets a new
//! password. Anyone else is refused (403, field `admin`); an admin cannot lock themselves out.

use std::sync::Arc;

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use polku_api::{ApiError, ErrorCode};
use polku_store::{Accounts, Facilitator, StoreError};
use serde::Deserialize;

use crate::guard::error_response;

#[derive(Clone)]
pub struct Admin {
    accounts: Arc<Accounts>,
}

impl Admin {
    pub fn new(accounts: Arc<Accounts>) -> Admin {
        Admin { accounts }
    }
}

fn refused(field: &str, message: &str) -> Response {
    error_response(&ApiError::with_field(ErrorCode::Forbidden, message, field))
}

fn row(f: &Facilitator) -> serde_json::Value {
    serde_json::json!({ "email": f.email, "name": f.name, "admin": f.admin, "disabled": f.disabled })
}

pub(crate) async fn run(admin: &Admin, me: &Facilitator, work: impl FnOnce(&Accounts) -> Result<serde_json::Value, StoreError> + Send + 'static) -> Response {
    if !me.admin {
        return refused("admin", "only an admin manages facilitators");
    }
    let accounts = admin.accounts.clone();
    match tokio::task::spawn_blocking(move || work(&accounts)).await {
        Ok(Ok(v)) => Json(v).into_response(),
        Ok(Err(e)) => error_response(&ApiError::from(e)),
        Err(_) => error_response(&ApiError::internal("the change failed unexpectedly; nothing was changed")),
    }
}

pub(crate) async fn list(State(admin): State<Admin>, Extension(me): Extension<Facilitator>) -> Response {
    run(&admin, &me, |a| Ok(serde_json::Value::Array(a.list()?.iter().map(row).collect()))).await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct NewFacilitator {
    email: String,
    name: String,
    /// None or empty: they sign in only through the organisation's OpenID provider.
    #[serde(default)]
    password: Option<String>,
    #[serde(default)]
    admin: bool,
}

pub(crate) async fn add(State(admin): State<Admin>, Extension(me): Extension<Facilitator>, Json(new): Json<NewFacilitator>) -> Response {
    let password = new.password.filter(|p| !p.is_empty());
    run(&admin, &me, move |a| Ok(row(&a.add(&new.email, &new.name, password.as_deref(), new.admin, crate::now())?))).await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Update {
    email: String,
    #[serde(default)]
    disabled: Option<bool>,
    #[serde(default)]
    admin: Option<bool>,
    #[serde(default)]
    password: Option<String>,
}

pub(crate) async fn update(State(admin): State<Admin>, Extension(me): Extension<Facilitator>, Json(u): Json<Update>) -> Response {
    let own = polku_store::accounts::normal_email(&u.email) == me.email;
    if own && (u.disabled == Some(true) || u.admin == Some(false)) {
        return refused("self", "an admin cannot disable themselves or give up being an admin here");
    }
    run(&admin, &me, move |a| {
        if let Some(d) = u.disabled {
            a.set_disabled(&u.email, d)?;
        }
        if let Some(x) = u.admin {
            a.set_admin(&u.email, x)?;
        }
        if let Some(p) = &u.password {
            a.set_password(&u.email, p)?;
        }
        let f = a.find(&u.email)?.ok_or_else(|| polku_core::OpError::invalid("facilitator", "no such facilitator"))?;
        Ok(row(&f))
    })
    .await
}
