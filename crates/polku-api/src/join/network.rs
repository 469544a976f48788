//! Where joining meets the network. polku-api stays free of sockets: the transport that can
//! listen on the room's network (polku-server, which the desktop app embeds too) installs a
//! [`JoinNetwork`] in the [`Host`], and opening or closing a join starts or stops its listener.
//! Without one (the API's own tests, a host that serves no phones) a join opens in memory only
//! and has no URL.

use std::net::{IpAddr, SocketAddr};

use polku_core::Id;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{ApiError, ErrorCode};

/// What the transport does for joining. Called without any of the host's locks held, so an
/// implementation may take its time binding a socket.
pub trait JoinNetwork: Send + Sync {
    /// This machine's addresses phones in the room could reach, the preselected one first.
    fn addresses(&self) -> Vec<JoinAddress>;
    /// Listens for `workshop_id`'s phones on `ip` (a port of its own choosing); answers the
    /// address bound. Listening already on `ip`, it keeps that socket, so the link stays; on
    /// another address, the old socket is closed only once the new one is bound.
    fn listen(&self, workshop_id: Id, ip: IpAddr) -> Result<SocketAddr, ApiError>;
    /// Closes `workshop_id`'s listener, if any, and every connection on it.
    fn stop(&self, workshop_id: Id);
    /// The same without waiting, for a join that closed by itself, found so by whichever call asked
    /// (perhaps one of this listener's own requests, which `stop` would wait for): the listener is
    /// no longer `workshop_id`'s when this returns, so joining opened again listens anew, and it
    /// closes meanwhile.
    fn retire(&self, workshop_id: Id) {
        self.stop(workshop_id);
    }
    /// A team server's address (`https://polku.kunta.fi`): every join's phones come there,
    /// from anywhere, so no room address is chosen or listened on.
    fn public_url(&self) -> Option<String> {
        None
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct JoinAddressesRequest {}

/// One address the facilitator may open joining on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct JoinAddress {
    /// The IP as text; IPv6 without brackets.
    pub address: String,
    /// The interface it belongs to ("wlp2s0"), so the Wi-Fi can be told from a cable or a VPN.
    pub interface: String,
    /// The one to offer first: the usual Wi-Fi address.
    pub preselected: bool,
}

/// The address to listen on: the one asked for if it is offered, else the preselected one.
pub(crate) fn choose(offered: &[JoinAddress], asked: Option<&str>) -> Result<IpAddr, ApiError> {
    let chosen = match asked {
        Some(asked) => offered.iter().find(|a| a.address == asked.trim()).ok_or_else(|| {
            ApiError::with_field(ErrorCode::Validation, "that is not one of this machine's addresses in the room", "address")
        })?,
        None => offered.iter().find(|a| a.preselected).or(offered.first()).ok_or_else(|| {
            ApiError::with_field(ErrorCode::Conflict, "this machine is on no network that phones could reach", "no_network")
        })?,
    };
    chosen.address.parse().map_err(|_| ApiError::internal("an offered address is not an IP address"))
}

/// The same at a team server's address: the code is typed at `/j/` there, since `/` is the
/// facilitators'.
pub(crate) fn public_urls(public: &str, token: &str) -> (String, String) {
    (format!("{public}/j/{token}"), format!("{public}/j/"))
}

/// The phone's link and the page a code is typed on, for a listener bound to `addr`.
pub(crate) fn urls(addr: SocketAddr, token: &str) -> (String, String) {
    // SocketAddr writes IPv6 in brackets, as a URL needs it.
    (format!("http://{addr}/j/{token}"), format!("http://{addr}/"))
}
