//! The server's side of [`JoinNetwork`]: one participant listener per open join, on the address
//! the facilitator picked. `polku serve` and the desktop app both install it in their host.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::sync::{Arc, Mutex, MutexGuard, Weak};

use polku_api::{ApiError, ErrorCode, Host, JoinAddress, JoinNetwork};
use polku_core::Id;
use tokio::runtime::Handle;

use super::{routes, JoinListener, Limits};
use crate::lan;

/// How long the phones get to hear that joining closed before their connections are cut.
const GOODBYE: std::time::Duration = std::time::Duration::from_millis(250);

/// The port joining asks for first: the same every time, so a join closed and opened again (or
/// the next session's) has the same link host, and a phone's history or a printed code page
/// still finds it. Taken (another Polku, another join), any free port does.
pub const JOIN_PORT: u16 = 4871;

pub struct LanJoinNetwork {
    /// Weak: the host holds this network, and a listener must not keep a quit host alive.
    host: Weak<Host>,
    runtime: Handle,
    port: u16,
    /// A fixed list of addresses instead of this machine's; see [`LanJoinNetwork::offering`].
    offered: Option<Vec<JoinAddress>>,
    limits: Limits,
    listening: Mutex<HashMap<Id, (IpAddr, JoinListener)>>,
}

impl LanJoinNetwork {
    /// Offers this machine's LAN addresses (never loopback) and prefers [`JOIN_PORT`].
    pub fn new(host: &Arc<Host>, runtime: Handle) -> LanJoinNetwork {
        LanJoinNetwork {
            host: Arc::downgrade(host),
            runtime,
            port: JOIN_PORT,
            offered: None,
            limits: Limits::default(),
            listening: Mutex::default(),
        }
    }

    /// For tests only: offers exactly `addresses` (loopback, say, on a machine whose tests must
    /// not depend on its network) on any free port. Production code calls [`LanJoinNetwork::new`];
    /// nothing else reaches this, and the listener's Host/Origin gate is the same either way.
    pub fn offering(host: &Arc<Host>, runtime: Handle, addresses: Vec<JoinAddress>) -> LanJoinNetwork {
        LanJoinNetwork { port: 0, offered: Some(addresses), ..LanJoinNetwork::new(host, runtime) }
    }

    /// With other budgets and limits than the defaults.
    pub fn with_limits(self, limits: Limits) -> LanJoinNetwork {
        LanJoinNetwork { limits, ..self }
    }

    /// Installs a network made by [`LanJoinNetwork::new`] in `host`.
    pub fn install(host: &Arc<Host>, runtime: Handle) {
        host.set_join_network(Arc::new(LanJoinNetwork::new(host, runtime)));
    }

    fn listeners(&self) -> MutexGuard<'_, HashMap<Id, (IpAddr, JoinListener)>> {
        // A map insert or remove cannot be left half done by a panic.
        self.listening.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The preferred port, else any free one.
    fn bind(&self, ip: IpAddr) -> Result<TcpListener, ApiError> {
        let refused = |e: std::io::Error| ApiError::with_field(ErrorCode::Conflict, format!("cannot listen on {ip}: {e}"), "listen");
        TcpListener::bind(SocketAddr::new(ip, self.port)).or_else(|_| TcpListener::bind(SocketAddr::new(ip, 0))).map_err(refused)
    }
}

impl JoinNetwork for LanJoinNetwork {
    fn addresses(&self) -> Vec<JoinAddress> {
        if let Some(fixed) = &self.offered {
            return fixed.clone();
        }
        // A machine whose addresses cannot be listed offers none: the dialog says there is no network.
        let found = lan::candidates().unwrap_or_default();
        found.into_iter().map(|c| JoinAddress { address: c.ip.to_string(), interface: c.interface, preselected: c.preselected }).collect()
    }

    fn listen(&self, workshop_id: Id, ip: IpAddr) -> Result<SocketAddr, ApiError> {
        let mut listening = self.listeners();
        if let Some((_, listener)) = listening.get(&workshop_id).filter(|(on, _)| *on == ip) {
            return Ok(listener.local_addr());
        }
        let socket = self.bind(ip)?;
        let started = super::start_bound(socket, routes(self.host.clone(), workshop_id), self.limits, routes::device_of(self.host.clone(), Some(workshop_id)), &self.runtime);
        let listener = started.map_err(|e| ApiError::with_field(ErrorCode::Conflict, format!("cannot listen on {ip}: {e}"), "listen"))?;
        let addr = listener.local_addr();
        if let Some((_, old)) = listening.insert(workshop_id, (ip, listener)) {
            old.close_now(&self.runtime);
        }
        Ok(addr)
    }

    fn stop(&self, workshop_id: Id) {
        let stopped = self.listeners().remove(&workshop_id);
        if let Some((_, listener)) = stopped {
            // The phones' event streams have just been told (JoinChanged): a moment for each to
            // send its closing frame (`events::LEFT`) before every connection is cut.
            std::thread::sleep(GOODBYE);
            listener.close_now(&self.runtime);
        }
    }

    fn retire(&self, workshop_id: Id) {
        let stopped = self.listeners().remove(&workshop_id);
        if let Some((_, listener)) = stopped {
            let runtime = self.runtime.clone();
            std::thread::spawn(move || {
                std::thread::sleep(GOODBYE);
                listener.close_now(&runtime);
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_taken_port_falls_back_to_a_free_one() {
        let runtime = tokio::runtime::Runtime::new().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let host = Arc::new(Host::open(dir.path()).unwrap());
        let taken = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = taken.local_addr().unwrap().port();
        let net = LanJoinNetwork { port, ..LanJoinNetwork::offering(&host, runtime.handle().clone(), Vec::new()) };
        let bound = net.bind("127.0.0.1".parse().unwrap()).expect("binds another port");
        assert_ne!(bound.local_addr().unwrap().port(), port);
        drop(taken);
        let again = net.bind("127.0.0.1".parse().unwrap()).expect("binds");
        assert_eq!(again.local_addr().unwrap().port(), port, "the preferred port once it is free");
    }

    #[test]
    fn an_address_not_on_this_machine_is_a_conflict_on_listen() {
        let runtime = tokio::runtime::Runtime::new().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let host = Arc::new(Host::open(dir.path()).unwrap());
        let net = LanJoinNetwork::offering(&host, runtime.handle().clone(), Vec::new());
        // TEST-NET-3: assigned to no machine.
        let e = net.bind("203.0.113.9".parse().unwrap()).unwrap_err();
        assert_eq!((e.code, e.field.as_deref()), (ErrorCode::Conflict, Some("listen")));
    }
}
