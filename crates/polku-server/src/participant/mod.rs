//! The participants' listener: a second socket, bound to the LAN address the facilitator picked,
//! that serves only what phones may reach. The facilitator's surface (`/api/*` of [`crate::router`])
//! is never mounted here, so it cannot leak whatever the guard lets through. Opening joining
//! starts one with [`start`]; closing joining is [`JoinListener::close`], which closes the socket
//! and cuts every open connection at once.

mod events;
mod guard;
mod limit;
mod network;
mod page;
mod routes;

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::time::Duration;

use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{header, StatusCode};
use axum::middleware::{from_fn, from_fn_with_state, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::{self, JoinHandle, JoinSet};

pub use guard::Allowed;
pub use limit::{Budget, Peer};
use limit::{Budgets, DeviceOf};
pub use network::{LanJoinNetwork, JOIN_PORT};
pub use routes::{routes, team_routes, DEVICE_COOKIE};

/// What a participant's request may cost. The defaults suit a room of 20–50 phones writing notes.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub per_device: Budget,
    pub room: Budget,
    /// A participant sends a note (2,000 characters at most) and little else.
    pub max_body_bytes: usize,
    /// Open connections at once; past it new ones are closed unanswered.
    pub max_connections: usize,
    /// Open connections from one device: a phone needs a handful, so one device cannot hold the
    /// whole room's share open.
    pub max_connections_per_device: usize,
    /// A phone that opens a connection and sends its headers slower than this is cut off.
    pub header_timeout: Duration,
}

const fn nz(v: u32) -> NonZeroU32 {
    match NonZeroU32::new(v) {
        Some(v) => v,
        None => NonZeroU32::MIN,
    }
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            per_device: Budget { per_second: nz(10), burst: nz(40) },
            room: Budget { per_second: nz(400), burst: nz(800) },
            max_body_bytes: 16 * 1024,
            max_connections: 512,
            max_connections_per_device: 32,
            header_timeout: Duration::from_secs(10),
        }
    }
}

/// The text a phone sees without a valid link. The phone page's own words come from the UI's
/// i18n files once it exists.
pub const ASK_FOR_THE_LINK: &str = "Ask the facilitator for the link.\n";

/// What the listener serves until joining has real routes: every address, whatever the method,
/// says to ask for the link. It is only a fallback, so join routes merge with it
/// (`join_routes.merge(placeholder_routes())`) and a wrong or old link still gets this answer.
pub fn placeholder_routes() -> Router {
    Router::new().fallback(ask_for_the_link)
}

async fn ask_for_the_link() -> Response {
    (StatusCode::NOT_FOUND, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], ASK_FOR_THE_LINK).into_response()
}

/// `routes` behind the participant listener's gate, budgets and limits, answering as `addr`.
/// The outermost layer runs first: headers on every answer, then budgets (a flood is turned away
/// before anything else is looked at), then Host and Origin, then the body's size.
pub fn wrap(routes: Router, addr: SocketAddr, limits: &Limits) -> Router {
    wrap_keyed(routes, addr, limits, None)
}

/// [`wrap`], budgeting a joined device by what `device_of` finds in its headers.
fn wrap_keyed(routes: Router, addr: SocketAddr, limits: &Limits, device_of: Option<DeviceOf>) -> Router {
    let max = limits.max_body_bytes;
    routes
        .layer(DefaultBodyLimit::max(max))
        .layer(from_fn(move |req: Request, next: Next| declared_size(max, req, next)))
        .layer(from_fn_with_state(Allowed::for_addr(addr), guard::admit))
        .layer(from_fn_with_state(Budgets::new(limits.per_device, limits.room, device_of), limit::within_budget))
        .layer(from_fn(guard::secure_headers))
}

/// A team server's participants' routes behind their budgets and limits. Host and Origin are
/// the team router's to check (loopback and the public address), as for the facilitators;
/// `secure`: the devices' cookies are Secure (the server is reached over HTTPS).
pub fn wrap_team(host: &std::sync::Arc<polku_api::Host>, limits: &Limits, secure: bool) -> Router {
    let max = limits.max_body_bytes;
    let device_of = routes::device_of(std::sync::Arc::downgrade(host), None);
    team_routes(std::sync::Arc::downgrade(host), secure)
        .layer(DefaultBodyLimit::max(max))
        .layer(from_fn(move |req: Request, next: Next| declared_size(max, req, next)))
        .layer(from_fn_with_state(Budgets::asking_a_database(limits.per_device, limits.room, device_of), limit::within_budget))
        .layer(from_fn(guard::secure_headers))
}

/// Where a team server's phones come: its one public address, from anywhere. No address is
/// chosen and nothing is listened on when a join opens.
pub struct TeamJoinNetwork {
    public: String,
}

impl TeamJoinNetwork {
    /// `public`: the origin phones open (`https://polku.kunta.fi`, or loopback's in tests).
    pub fn new(public: String) -> TeamJoinNetwork {
        TeamJoinNetwork { public }
    }
}

impl polku_api::JoinNetwork for TeamJoinNetwork {
    fn addresses(&self) -> Vec<polku_api::JoinAddress> {
        Vec::new()
    }

    fn listen(&self, _: polku_core::Id, ip: IpAddr) -> Result<SocketAddr, polku_api::ApiError> {
        Err(polku_api::ApiError::with_field(polku_api::ErrorCode::Conflict, format!("a team server does not listen on {ip} for phones"), "listen"))
    }

    fn stop(&self, _: polku_core::Id) {}

    fn public_url(&self) -> Option<String> {
        Some(self.public.clone())
    }
}

/// A body announced as too large is refused before a byte of it is read; one sent in chunks
/// is cut by `DefaultBodyLimit` when a handler reads it.
async fn declared_size(max: usize, req: Request, next: Next) -> Response {
    let declared = req.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > max as u64) {
        return (StatusCode::PAYLOAD_TOO_LARGE, "Too large\n").into_response();
    }
    next.run(req).await
}

#[derive(Debug, thiserror::Error)]
pub enum JoinListenerError {
    #[error("cannot listen on {addr}: {source}")]
    Bind { addr: SocketAddr, source: std::io::Error },
}

/// A running participant listener. Dropping it closes it too, so a join that is forgotten (the
/// workshop closed, the app quit) does not stay open.
#[derive(Debug)]
pub struct JoinListener {
    addr: SocketAddr,
    task: JoinHandle<()>,
}

impl JoinListener {
    /// The address and port phones connect to (the real port when 0 was asked for).
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// Closes the socket and every connection on it; when this returns, a new connection is
    /// refused and no request on an old one is answered.
    pub async fn close(mut self) {
        self.task.abort();
        // Ends once the accept loop, with its socket and connections, has been dropped.
        let _ = (&mut self.task).await;
    }
}

impl JoinListener {
    /// [`JoinListener::close`] for code that is not async: waits (a moment at most) until the
    /// socket is closed, so a phone that connects after this returns is refused.
    pub(crate) fn close_now(self, runtime: &tokio::runtime::Handle) {
        let (done, closed) = std::sync::mpsc::channel();
        runtime.spawn(async move {
            self.close().await;
            let _ = done.send(());
        });
        let _ = closed.recv_timeout(Duration::from_secs(2));
    }
}

impl Drop for JoinListener {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Binds `addr` (port 0: a free port) and serves `routes`, wrapped by [`wrap`], until closed.
pub async fn start(addr: SocketAddr, routes: Router, limits: Limits) -> Result<JoinListener, JoinListenerError> {
    let listener = TcpListener::bind(addr).await.map_err(|source| JoinListenerError::Bind { addr, source })?;
    let bound = listener.local_addr().map_err(|source| JoinListenerError::Bind { addr, source })?;
    let app = wrap(routes, bound, &limits);
    let task = tokio::spawn(accept_loop(listener, app, limits));
    Ok(JoinListener { addr: bound, task })
}

/// [`start`] on a socket already bound, from code that is not async (a command handler), on
/// `runtime`; `device_of` keys the budgets by joined device.
pub(crate) fn start_bound(
    socket: std::net::TcpListener,
    routes: Router,
    limits: Limits,
    device_of: DeviceOf,
    runtime: &tokio::runtime::Handle,
) -> Result<JoinListener, std::io::Error> {
    let bound = socket.local_addr()?;
    socket.set_nonblocking(true)?;
    let _entered = runtime.enter();
    let listener = TcpListener::from_std(socket)?;
    let app = wrap_keyed(routes, bound, &limits, Some(device_of));
    let task = runtime.spawn(accept_loop(listener, app, limits));
    Ok(JoinListener { addr: bound, task })
}

/// Its own loop rather than `axum::serve`: aborting it drops the `JoinSet`, which aborts every
/// connection's task, where axum's graceful shutdown would wait for the slowest phone.
async fn accept_loop(listener: TcpListener, app: Router, limits: Limits) {
    let mut connections = JoinSet::new();
    let mut open = OpenConnections::default();
    loop {
        tokio::select! {
            Some(ended) = connections.join_next_with_id(), if !connections.is_empty() => {
                open.ended(ended.map_or_else(|e| e.id(), |(id, ())| id));
            }
            accepted = listener.accept() => match accepted {
                Ok((stream, peer)) if open.admits(peer.ip(), &limits) => {
                    let task = connections.spawn(serve_connection(stream, peer, app.clone(), limits.header_timeout));
                    open.started(task.id(), peer.ip());
                }
                // Dropping the stream closes it unanswered.
                Ok(_) => {}
                // Out of file descriptors and the like: pause rather than spin.
                Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
            },
        }
    }
}

/// Which device each open connection's task serves.
#[derive(Default)]
struct OpenConnections {
    by_task: HashMap<task::Id, IpAddr>,
    per_device: HashMap<IpAddr, usize>,
}

impl OpenConnections {
    fn admits(&self, device: IpAddr, limits: &Limits) -> bool {
        self.by_task.len() < limits.max_connections && self.per_device.get(&device).copied().unwrap_or(0) < limits.max_connections_per_device
    }

    fn started(&mut self, task: task::Id, device: IpAddr) {
        self.by_task.insert(task, device);
        *self.per_device.entry(device).or_default() += 1;
    }

    fn ended(&mut self, task: task::Id) {
        let Some(device) = self.by_task.remove(&task) else { return };
        if let Some(n) = self.per_device.get_mut(&device) {
            *n -= 1;
            if *n == 0 {
                self.per_device.remove(&device);
            }
        }
    }
}

async fn serve_connection(stream: TcpStream, peer: SocketAddr, app: Router, header_timeout: Duration) {
    let service = hyper::service::service_fn(move |mut req: Request<hyper::body::Incoming>| {
        req.extensions_mut().insert(Peer(peer.ip()));
        tower::ServiceExt::oneshot(app.clone(), req.map(axum::body::Body::new))
    });
    let _ = hyper::server::conn::http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(header_timeout)
        .serve_connection(TokioIo::new(stream), service)
        .with_upgrades()
        .await;
}
