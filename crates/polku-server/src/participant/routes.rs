//! What a phone may ask of the participant listener: the page, the invite and the join that sets
//! its device cookie, the participant commands, and its own events. The facilitator's API is not
//! here; a participant's cookie reaches only `Host::call_as(Caller::Participant)`, which refuses
//! every facilitator command.

use std::sync::{Arc, Weak};

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use polku_api::{ApiError, Caller, ErrorCode, Host, JoinInviteRequest, JoinRequest, JoinedDevice};
use polku_core::Id;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::limit::DeviceOf;
use super::{events, page, placeholder_routes};
use crate::guard::{error_response, is_json};

/// The cookie that holds a device's secret.
pub const DEVICE_COOKIE: &str = "polku_device";

/// What a listener serves: one workshop's join of the host. The host is weak, so a phone's open
/// connection does not keep a quit app's host.
#[derive(Clone)]
pub(crate) struct Phone {
    pub host: Weak<Host>,
    /// Each join has its own listener; a key or a device of another workshop's join is refused
    /// on this one. None on a team server, where phones of every join come to one address: the
    /// key says which join, and the device's cookie names its workshop.
    pub workshop_id: Option<Id>,
    /// The device's cookie is Secure: a team server behind the organisation's HTTPS proxy.
    pub secure: bool,
}

/// The participants' routes of the join of `workshop_id` in `host`, the "ask for the link"
/// answer for anything else.
pub fn routes(host: Weak<Host>, workshop_id: Id) -> Router {
    Router::new()
        .route("/", get(page::page))
        .route("/assets/{*file}", get(page::asset))
        .merge(phone_page_and_api())
        .with_state(Phone { host, workshop_id: Some(workshop_id), secure: false })
        .merge(placeholder_routes())
}

/// A team server's participants' routes, for every join of `host`: the phone page at `/j/TOKEN`
/// (and `/j/` to type a code), the same API under `/p/`. Mounted beside the facilitators' routes
/// and outside their sign-in.
pub fn team_routes(host: Weak<Host>, secure: bool) -> Router {
    Router::new().route("/j/", get(page::page)).merge(phone_page_and_api()).with_state(Phone { host, workshop_id: None, secure })
}

/// The page at the link and the phone's API, the same on the room's network and a team server.
fn phone_page_and_api() -> Router<Phone> {
    Router::new()
        .route("/j/{token}", get(page::page))
        // The page at /j/<token> names its files relative to itself ("./assets/…"): the build is
        // shared with the desktop, which needs relative paths, and the CSP forbids a <base>.
        .route("/j/assets/{*file}", get(page::asset))
        .route("/p/invite", post(invite))
        .route("/p/join", post(join))
        .route("/p/api/{command}", post(call))
        .route("/p/events", get(events::upgrade))
}

/// The budget key of a request: the device its cookie names, if that device is in a join.
pub(crate) fn device_of(host: Weak<Host>, workshop_id: Option<Id>) -> DeviceOf {
    Arc::new(move |headers: &HeaderMap| {
        let (at, secret) = device_secret(headers, workshop_id)?;
        Some(host.upgrade()?.device(&secret, at)?.device.device_id)
    })
}

/// The workshop and the secret in the request's `polku_device` cookie, if it sent one: on a
/// listener of one workshop's join the cookie is the secret; on a team server it is
/// `WORKSHOP.SECRET`.
pub(crate) fn device_secret(headers: &HeaderMap, listener: Option<Id>) -> Option<(Id, String)> {
    let prefix = format!("{DEVICE_COOKIE}=");
    let value = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|pair| pair.trim().strip_prefix(&prefix).map(str::to_string))
        .filter(|s| !s.is_empty())?;
    match listener {
        Some(at) => Some((at, value)),
        None => {
            let (at, secret) = value.split_once('.')?;
            Some((Id::parse_str(at).ok()?, secret.to_string()))
        }
    }
}

/// The cookie a joined device keeps (see [`join`]).
fn device_cookie(phone: &Phone, joined: &polku_api::Joined) -> String {
    let attributes = "HttpOnly; SameSite=Strict; Path=/p";
    if phone.workshop_id.is_some() {
        return format!("{DEVICE_COOKIE}={}; {attributes}", joined.secret);
    }
    let secure = if phone.secure { "; Secure" } else { "" };
    format!("{DEVICE_COOKIE}={}.{}; {attributes}{secure}", joined.workshop_id, joined.secret)
}

pub(crate) fn host_of(phone: &Phone) -> Result<Arc<Host>, ApiError> {
    phone.host.upgrade().ok_or_else(|| ApiError::new(ErrorCode::LibraryUnavailable, "Polku is closing"))
}

/// The answer as JSON, or the refusal; a device over its write rate is told to slow down as
/// HTTP says it.
fn respond(answer: Result<Response, ApiError>) -> Response {
    answer.unwrap_or_else(|e| phone_error(&e))
}

fn phone_error(e: &ApiError) -> Response {
    if e.code == ErrorCode::TooLarge && e.field.as_deref() == Some("rate") {
        let mut res = (StatusCode::TOO_MANY_REQUESTS, axum::Json(e.to_body())).into_response();
        res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        return res;
    }
    error_response(e)
}

/// The request as JSON, with a JSON content type as on the facilitator's surface.
fn json_body(headers: &HeaderMap, body: Result<Bytes, BytesRejection>) -> Result<Value, ApiError> {
    if !is_json(headers) {
        return Err(ApiError::new(ErrorCode::Forbidden, "Content-Type must be application/json"));
    }
    let body = body.map_err(|r| {
        if r.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(ErrorCode::TooLarge, "the request is too large")
        } else {
            ApiError::bad_request(r.body_text())
        }
    })?;
    serde_json::from_slice(&body).map_err(|e| ApiError::bad_request(format!("the body is not valid JSON: {e}")))
}

fn parse<T: DeserializeOwned>(headers: &HeaderMap, body: Result<Bytes, BytesRejection>) -> Result<T, ApiError> {
    serde_json::from_value(json_body(headers, body)?).map_err(ApiError::bad_request)
}

/// Runs blocking host work (SQLite) off the async workers.
async fn blocking<T: Send + 'static>(host: Arc<Host>, work: impl FnOnce(&Host) -> Result<T, ApiError> + Send + 'static) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(move || work(&host))
        .await
        .map_err(|_| ApiError::internal("the request failed unexpectedly; nothing was changed"))?
}

fn to_json(value: impl serde::Serialize) -> Result<Response, ApiError> {
    serde_json::to_value(value).map(|v| axum::Json(v).into_response()).map_err(|e| ApiError::internal(e.to_string()))
}

/// `POST /p/invite {key}`: the workshop's title and language and a nickname to offer.
async fn invite(State(phone): State<Phone>, headers: HeaderMap, body: Result<Bytes, BytesRejection>) -> Response {
    let run = async {
        let req: JoinInviteRequest = parse(&headers, body)?;
        let at = phone.workshop_id;
        to_json(blocking(host_of(&phone)?, move |h| h.join_invite(at, &req)).await?)
    };
    respond(run.await)
}

/// `POST /p/join {key, nickname}`: the device's secret goes into a cookie, never into the
/// page's script. No `Secure` flag on the room's network: it is plain http (a phone would not
/// keep a Secure cookie from it); HttpOnly keeps it from scripts and SameSite=Strict from other
/// sites, and `Path=/p` sends it only to the API, not with the page or its files.
async fn join(State(phone): State<Phone>, headers: HeaderMap, body: Result<Bytes, BytesRejection>) -> Response {
    let run = async {
        let req: JoinRequest = parse(&headers, body)?;
        let at = phone.workshop_id;
        let joined = blocking(host_of(&phone)?, move |h| h.join(at, &req)).await?;
        let cookie = device_cookie(&phone, &joined);
        let cookie = HeaderValue::from_str(&cookie).map_err(|_| ApiError::internal("a device secret is not cookie text"))?;
        Ok(([(header::SET_COOKIE, cookie)], axum::Json(JoinedDevice::from(&joined))).into_response())
    };
    respond(run.await)
}

/// `POST /p/api/{command}`: a participant command as the device the cookie names.
async fn call(State(phone): State<Phone>, Path(command): Path<String>, headers: HeaderMap, body: Result<Bytes, BytesRejection>) -> Response {
    let run = async {
        let (at, secret) =
            device_secret(&headers, phone.workshop_id).ok_or_else(|| ApiError::with_field(ErrorCode::Forbidden, "this phone has not joined", "device"))?;
        let args = json_body(&headers, body)?;
        let caller = Caller::Participant { secret, at };
        to_json(blocking(host_of(&phone)?, move |h| h.call_as(&caller, &command, args)).await?)
    };
    respond(run.await)
}
