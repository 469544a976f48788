//! `GET /healthz`: whether this instance can reach its library, for a load balancer or a
//! monitor. It carries no key (a monitor has none) and tells nothing about what the library
//! holds: only `ok` and which kind of library, or 503 with `unavailable`.

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use polku_api::Host;
use serde_json::json;

pub(crate) async fn check(State(host): State<Arc<Host>>) -> Response {
    let library = if host.is_team() { "team" } else { "local" };
    let reached = tokio::task::spawn_blocking(move || host.reachable()).await.is_ok_and(|r| r.is_ok());
    if reached {
        (StatusCode::OK, Json(json!({ "status": "ok", "library": library }))).into_response()
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, Json(json!({ "status": "unavailable", "library": library }))).into_response()
    }
}
