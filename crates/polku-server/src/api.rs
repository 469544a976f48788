use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::Extension;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use polku_api::{ApiError, Caller, ErrorCode, Host};
use polku_store::Facilitator;

use crate::guard::{error_response, is_json};

/// `POST /api/<command>`: the body is the request as JSON; the answer is the response as JSON or
/// `{"error": {...}}` with a 4xx status. Nothing is changed unless the answer is 200.
pub(crate) async fn call(
    State(host): State<Arc<Host>>,
    signed: Option<Extension<Facilitator>>,
    Path(command): Path<String>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    run(host, caller(signed), command, headers, body).await
}

/// `POST /api/import_workshop`: the same, with room for a whole workshop file in the body.
pub(crate) async fn import_workshop(State(host): State<Arc<Host>>, signed: Option<Extension<Facilitator>>, headers: HeaderMap, body: Result<Bytes, BytesRejection>) -> Response {
    run(host, caller(signed), "import_workshop".into(), headers, body).await
}

/// `POST /api/import_template`: the same, with room for a whole template file in the body.
pub(crate) async fn import_template(State(host): State<Arc<Host>>, signed: Option<Extension<Facilitator>>, headers: HeaderMap, body: Result<Bytes, BytesRejection>) -> Response {
    run(host, caller(signed), "import_template".into(), headers, body).await
}

/// Who calls: on a team server the signed-in facilitator (the sign-in gate named them), on the
/// laptop its one facilitator.
pub(crate) fn caller(signed: Option<Extension<Facilitator>>) -> Caller {
    match signed {
        Some(Extension(f)) => Caller::TeamFacilitator(f.id),
        None => Caller::Facilitator,
    }
}

async fn run(host: Arc<Host>, caller: Caller, command: String, headers: HeaderMap, body: Result<Bytes, BytesRejection>) -> Response {
    if !is_json(&headers) {
        return error_response(&ApiError::new(ErrorCode::Forbidden, "Content-Type must be application/json"));
    }
    let body = match body {
        Ok(b) => b,
        Err(rejection) => {
            let e = if rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::new(ErrorCode::TooLarge, "the request is over the size this command takes")
            } else {
                ApiError::bad_request(rejection.body_text())
            };
            return error_response(&e);
        }
    };
    let args: serde_json::Value = match serde_json::from_slice(&body) {
        Ok(v) => v,
        Err(e) => return error_response(&ApiError::bad_request(format!("the body is not valid JSON: {e}"))),
    };
    // SQLite work blocks; keep it off the async workers.
    let answer = tokio::task::spawn_blocking(move || host.call_as(&caller, &command, args)).await;
    match answer {
        Ok(Ok(value)) => axum::Json(value).into_response(),
        Ok(Err(e)) => error_response(&e),
        Err(_) => error_response(&ApiError::internal("the command failed unexpectedly; nothing was changed")),
    }
}
