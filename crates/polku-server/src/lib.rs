//! The command surface over HTTP: `POST /api/<command>` and the change stream on
//! `GET /api/events` (WebSocket), finished exports on `GET /api/exports/<job>` and own templates'
//! files on `GET /api/templates/<id>`, plus the web UI itself. Binds 127.0.0.1 only: that is the facilitator's surface.
//!
//! Participants' phones reach a second listener of their own ([`participant`]), bound to a LAN
//! address ([`lan`] lists them) only while joining is open, with none of these routes on it.

mod access;
mod admin;
mod api;
mod assets;
mod download;
mod events;
mod groups;
mod guard;
mod handoff;
mod health;
mod oidc;
mod signin;
pub mod lan;
pub mod participant;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;
use polku_api::Host;

pub use access::{Access, TOKEN_ENV, TOKEN_HEADER, TOKEN_PARAM};
pub use admin::Admin;
pub use guard::PublicUrl;
pub use oidc::{Oidc, OidcConfig};
pub use signin::{SignIn, LOOPBACK_SESSION_COOKIE, SESSION_COOKIE};

/// The wall clock, for what the server and the CLI stamp themselves (a sign-in, a new account).
pub fn now() -> polku_core::Millis {
    use std::time::{SystemTime, UNIX_EPOCH};
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as polku_core::Millis).unwrap_or(0)
}

/// The largest request body: a note of 2,000 characters is ~8 KB of JSON, so this is generous
/// while refusing junk before it is parsed.
pub const MAX_BODY_BYTES: usize = 256 * 1024;
/// A template file's text inside a JSON string: every quote and line break escaped, at most twice
/// the file's size.
/// A whole `.polku` file as a JSON string: every quote in it escaped, at worst twice its size.
pub const MAX_WORKSHOP_BODY_BYTES: usize = 2 * polku_export::workshop_file::MAX_FILE_BYTES + 1024;
pub const MAX_IMPORT_BODY_BYTES: usize = 2 * polku_core::own_template::MAX_TEMPLATE_BYTES + 1024;

/// The facilitator's routes, before the gate that lets requests in.
fn routes() -> Router<Arc<Host>> {
    Router::new()
        .route("/api/events", get(events::upgrade))
        .route("/api/exports/{job}", get(download::file))
        .route("/api/templates/{id}", get(download::template))
        .route("/api/import_template", post(api::import_template).layer(DefaultBodyLimit::max(MAX_IMPORT_BODY_BYTES)))
        .route("/api/import_workshop", post(api::import_workshop).layer(DefaultBodyLimit::max(MAX_WORKSHOP_BODY_BYTES)))
        .route("/api/{command}", post(api::call))
        .fallback(get(assets::serve))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
}

/// The laptop's server: every request must carry `access`'s key (see [`access`]).
pub fn router(host: Arc<Host>, access: Access) -> Router {
    routes()
        // The key is checked after the Host and Origin checks (a layer added later runs first).
        .layer(axum::middleware::from_fn_with_state(access, access::require))
        // A monitor has no key; the health check tells it only whether the library answers.
        .route("/healthz", get(health::check))
        .layer(axum::middleware::from_fn(guard::local_only))
        .with_state(host)
}

/// A team server: facilitators sign in (see [`signin`]); the same routes once they have. Reached
/// on loopback, and at `public` (the organisation's proxy's address) when given. Participants'
/// phones reach the joins' routes (`/j/…`, `/p/…`) here too, without signing in.
pub fn team_router(host: Arc<Host>, gate: SignIn, admin: Admin, public: Option<PublicUrl>) -> Router {
    let gate = gate.reached_at(public.clone());
    let phones = participant::wrap_team(&host, &participant::Limits::default(), gate.secure());
    routes()
        .route("/api/me", get(signin::me).with_state(gate.clone()))
        .route("/api/team/facilitators", get(admin::list).post(admin::add).with_state(admin.clone()))
        .route("/api/team/facilitators/update", post(admin::update).with_state(admin.clone()))
        .route("/api/team/groups", get(groups::list).post(groups::add).with_state(admin.clone()))
        .route("/api/team/groups/rename", post(groups::rename).with_state(admin.clone()))
        .route("/api/team/groups/remove", post(groups::remove).with_state(admin.clone()))
        .route("/api/team/groups/member", post(groups::member).with_state(admin))
        .route("/signin/desktop", get(handoff::confirm).post(handoff::hand_off).with_state(gate.clone()))
        .layer(axum::middleware::from_fn_with_state(gate.clone(), signin::require))
        .route("/signin/desktop/finish", get(handoff::finish).with_state(gate.clone()))
        .route("/signin/desktop/done", get(handoff::done))
        .route("/signin", get(signin::page).post(signin::submit).with_state(gate.clone()))
        .route("/signin/oidc", get(oidc::start).with_state(gate.clone()))
        .route("/signin/oidc/callback", get(oidc::callback).with_state(gate.clone()))
        .route("/signout", post(signin::sign_out).with_state(gate))
        .route("/healthz", get(health::check))
        .with_state(host)
        .merge(phones)
        .layer(axum::middleware::from_fn_with_state(public, guard::public_or_local))
}

/// Binds 127.0.0.1:`port` (0 = any free port) and answers until `shutdown` resolves; `on_ready`
/// gets the address to open, this run's key in it.
pub async fn serve(
    host: Arc<Host>,
    port: u16,
    access: Access,
    on_ready: impl FnOnce(String),
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    let addr: SocketAddr = listener.local_addr()?;
    on_ready(format!("http://{addr}/?{TOKEN_PARAM}={}", access.token()));
    axum::serve(listener, router(host, access)).with_graceful_shutdown(shutdown).await
}

/// Where a team server listens and is reached.
pub struct TeamAddress {
    /// What to bind: 127.0.0.1 and a port by default; another address only with `public`.
    pub listen: SocketAddr,
    pub public: Option<PublicUrl>,
}

/// The same for a team server: `on_ready` gets the address facilitators sign in at.
pub async fn serve_team(
    host: Arc<Host>,
    address: TeamAddress,
    gate: SignIn,
    admin: Admin,
    on_ready: impl FnOnce(String),
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(address.listen).await?;
    let addr: SocketAddr = listener.local_addr()?;
    // Phones come where facilitators do: the proxy's address, or this one on loopback.
    let phones = address.public.as_ref().map_or_else(|| format!("http://{addr}"), |p| p.origin().to_string());
    host.set_join_network(Arc::new(participant::TeamJoinNetwork::new(phones)));
    match &address.public {
        Some(public) => on_ready(format!("{}/signin (proxied to {addr})", public.origin())),
        None => on_ready(format!("http://{addr}/signin")),
    }
    axum::serve(listener, team_router(host, gate, admin, address.public)).with_graceful_shutdown(shutdown).await
}
