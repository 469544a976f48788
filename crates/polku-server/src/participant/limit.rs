//! Request budgets for the participant listener: one per device, so a phone stuck in a loop (or
//! someone's script) slows only itself, and one for the whole room, so the facilitator's machine
//! stays responsive whatever reaches it. A request over either budget gets 429 and does nothing.
//!
//! A joined phone is budgeted by its device (its cookie names it), so phones behind one address
//! do not share a budget; anything else by its IP address. A cookie that names no device counts as
//! none, so inventing cookies does not buy fresh budgets.

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use governor::{DefaultDirectRateLimiter, DefaultKeyedRateLimiter, Quota};
use polku_core::Id;

/// How many requests a second, and how many at once after a quiet spell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    pub per_second: NonZeroU32,
    pub burst: NonZeroU32,
}

impl Budget {
    fn quota(self) -> Quota {
        Quota::per_second(self.per_second).allow_burst(self.burst)
    }
}

/// Where a request came from, put on every request by the listener when the connection is
/// accepted; handlers take it as `Extension<Peer>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Peer(pub IpAddr);

/// Past this many devices remembered, the ones whose budgets are full again are forgotten, so a
/// sweep of spoofed IPv6 addresses cannot grow the table without end.
const FORGET_AFTER: usize = 4096;

/// Whose budget a request spends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Spender {
    Device(Id),
    Address(IpAddr),
}

/// The joined device a request's headers name, if any.
pub type DeviceOf = Arc<dyn Fn(&HeaderMap) -> Option<Id> + Send + Sync>;

pub(crate) struct Budgets {
    per_device: DefaultKeyedRateLimiter<Spender>,
    room: DefaultDirectRateLimiter,
    device_of: Option<DeviceOf>,
    /// Finding the device asks a team library's database: off the async threads then. (On the
    /// laptop it is a look in memory, done in place.)
    off_thread: bool,
}

impl Budgets {
    pub(crate) fn new(per_device: Budget, room: Budget, device_of: Option<DeviceOf>) -> Arc<Budgets> {
        Budgets::with(per_device, room, device_of, false)
    }

    /// The same where finding a device asks the database.
    pub(crate) fn asking_a_database(per_device: Budget, room: Budget, device_of: DeviceOf) -> Arc<Budgets> {
        Budgets::with(per_device, room, Some(device_of), true)
    }

    fn with(per_device: Budget, room: Budget, device_of: Option<DeviceOf>, off_thread: bool) -> Arc<Budgets> {
        Arc::new(Budgets {
            per_device: governor::RateLimiter::keyed(per_device.quota()),
            room: governor::RateLimiter::direct(room.quota()),
            device_of,
            off_thread,
        })
    }

    fn allows(&self, device: Spender) -> bool {
        if self.per_device.len() > FORGET_AFTER {
            self.per_device.retain_recent();
        }
        self.per_device.check_key(&device).is_ok() && self.room.check().is_ok()
    }
}

pub(crate) async fn within_budget(State(budgets): State<Arc<Budgets>>, req: Request, next: Next) -> Response {
    let named = match budgets.device_of.clone() {
        Some(of) if budgets.off_thread => {
            let headers = req.headers().clone();
            tokio::task::spawn_blocking(move || of(&headers)).await.ok().flatten()
        }
        Some(of) => of(req.headers()),
        None => None,
    };
    let device = match named {
        Some(id) => Some(Spender::Device(id)),
        // Behind a team server's proxy every phone has the proxy's address: a phone not yet
        // joined spends the room's budget only.
        None => req.extensions().get::<Peer>().map(|p| Spender::Address(p.0)),
    };
    let allowed = match device {
        Some(device) => budgets.allows(device),
        None => budgets.room.check().is_ok(),
    };
    if !allowed {
        let mut res = (StatusCode::TOO_MANY_REQUESTS, "Too many requests, wait a moment\n").into_response();
        res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        return res;
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::Ipv4Addr;

    fn n(v: u32) -> NonZeroU32 {
        NonZeroU32::new(v).unwrap()
    }

    #[test]
    fn one_device_over_its_budget_does_not_spend_anothers() {
        let b = Budgets::new(Budget { per_second: n(1), burst: n(3) }, Budget { per_second: n(100), burst: n(100) }, None);
        let a = Spender::Address("10.0.0.2".parse().unwrap());
        let other = Spender::Address("10.0.0.3".parse().unwrap());
        assert_eq!((0..5).filter(|_| b.allows(a)).count(), 3);
        assert!(b.allows(other));
    }

    #[test]
    fn the_room_has_a_budget_of_its_own() {
        let b = Budgets::new(Budget { per_second: n(100), burst: n(100) }, Budget { per_second: n(1), burst: n(4) }, None);
        let allowed = (0..10u8).filter(|i| b.allows(Spender::Address(IpAddr::V4(Ipv4Addr::new(10, 0, 0, *i))))).count();
        assert_eq!(allowed, 4);
    }
}
