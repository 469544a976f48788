//! The participant listener's gate. It answers phones on the room's network, so it trusts
//! nothing a browser could be talked into sending: the request must be addressed to the very
//! address and port joining was opened on (a DNS name that someone points at this machine is not
//! it, nor loopback, which is the facilitator's), and a page that sends an Origin must come from
//! there too. Values are compared whole, byte for byte.

use std::net::SocketAddr;

use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::guard::single;

/// The Host values and Origin values this listener answers to.
#[derive(Debug, Clone)]
pub struct Allowed {
    hosts: Vec<String>,
    origins: Vec<String>,
}

impl Allowed {
    /// `addr` as the listener is bound. Browsers write IPv6 in brackets, lower case and
    /// compressed, as `SocketAddr` displays it; they leave out port 80.
    pub fn for_addr(addr: SocketAddr) -> Allowed {
        let mut hosts = vec![addr.to_string()];
        if addr.port() == 80 {
            hosts.push(match addr {
                SocketAddr::V4(a) => a.ip().to_string(),
                SocketAddr::V6(a) => format!("[{}]", a.ip()),
            });
        }
        let origins = hosts.iter().map(|h| format!("http://{h}")).collect();
        Allowed { hosts, origins }
    }

    fn host(&self, value: &str) -> bool {
        self.hosts.iter().any(|h| h == value)
    }

    fn origin(&self, value: &str) -> bool {
        self.origins.iter().any(|o| o == value)
    }

    /// Whether a request with these parts may be answered at all.
    pub fn admits(&self, req: &Request) -> bool {
        let headers = req.headers();
        let host_ok = matches!(single(headers, &header::HOST), Ok(Some(h)) if self.host(h));
        let target_ok = req.uri().authority().is_none_or(|a| self.host(a.as_str()));
        let origin_ok = match single(headers, &header::ORIGIN) {
            Ok(None) => true,
            Ok(Some(o)) => self.origin(o),
            Err(()) => false,
        };
        host_ok && target_ok && origin_ok
    }
}

pub(crate) async fn admit(axum::extract::State(allowed): axum::extract::State<Allowed>, req: Request, next: Next) -> Response {
    if !allowed.admits(&req) {
        return (StatusCode::FORBIDDEN, "Forbidden\n").into_response();
    }
    next.run(req).await
}

/// No script but the page's own files, never framed (clickjacking a phone's "send"), nothing
/// sniffed, no address sent on to other sites, nothing kept by a shared phone's cache.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

pub(crate) async fn secure_headers(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert("cross-origin-resource-policy", HeaderValue::from_static("same-origin"));
    // A route that serves cacheable files (the phone page's bundle) sets its own.
    h.entry(header::CACHE_CONTROL).or_insert(HeaderValue::from_static("no-store"));
    res
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;

    fn req(host: Option<&str>, origin: Option<&str>) -> Request {
        let mut b = Request::get("/j/x");
        if let Some(h) = host {
            b = b.header("host", h);
        }
        if let Some(o) = origin {
            b = b.header("origin", o);
        }
        b.body(Body::empty()).unwrap()
    }

    #[test]
    fn only_the_exact_address_and_port() {
        let a = Allowed::for_addr("192.168.1.5:4871".parse().unwrap());
        assert!(a.admits(&req(Some("192.168.1.5:4871"), None)));
        assert!(a.admits(&req(Some("192.168.1.5:4871"), Some("http://192.168.1.5:4871"))));
        for host in [
            "192.168.1.5:48710",
            "192.168.1.5:4871.evil.example",
            "192.168.1.5:4871@evil",
            "192.168.1.5",
            "192.168.1.5:04871",
            "127.0.0.1:4871",
            "localhost:4871",
            "192.168.1.50:4871",
            " 192.168.1.5:4871",
            "evil.example",
        ] {
            assert!(!a.admits(&req(Some(host), None)), "host {host}");
        }
        assert!(!a.admits(&req(None, None)), "no Host");
        for origin in [
            "http://192.168.1.5:4871.evil.example",
            "http://192.168.1.5:48710",
            "http://192.168.1.5:4871/",
            "http://192.168.1.5:4871@evil",
            "HTTP://192.168.1.5:4871",
            "https://192.168.1.5:4871",
            "http://192.168.1.5",
            "http://localhost:4871",
            "null",
            "",
        ] {
            assert!(!a.admits(&req(Some("192.168.1.5:4871"), Some(origin))), "origin {origin}");
        }
    }

    #[test]
    fn a_repeated_host_or_origin_is_refused() {
        let a = Allowed::for_addr("10.0.0.2:5000".parse().unwrap());
        let two_hosts = Request::get("/").header("host", "10.0.0.2:5000").header("host", "evil").body(Body::empty()).unwrap();
        assert!(!a.admits(&two_hosts));
        let two_origins = Request::get("/")
            .header("host", "10.0.0.2:5000")
            .header("origin", "http://10.0.0.2:5000")
            .header("origin", "http://evil")
            .body(Body::empty())
            .unwrap();
        assert!(!a.admits(&two_origins));
    }

    #[test]
    fn ipv6_in_brackets_as_browsers_write_it() {
        let a = Allowed::for_addr("[fd00::5]:4871".parse().unwrap());
        assert!(a.admits(&req(Some("[fd00::5]:4871"), Some("http://[fd00::5]:4871"))));
        for host in ["[FD00::5]:4871", "fd00::5:4871", "[fd00:0::5]:4871", "[fd00::5]:4871]", "[fd00::5]"] {
            assert!(!a.admits(&req(Some(host), None)), "{host}");
        }
    }

    #[test]
    fn port_80_may_be_left_out() {
        let a = Allowed::for_addr("10.0.0.2:80".parse().unwrap());
        assert!(a.admits(&req(Some("10.0.0.2"), Some("http://10.0.0.2"))));
        assert!(a.admits(&req(Some("10.0.0.2:80"), Some("http://10.0.0.2:80"))));
    }

    #[test]
    fn an_absolute_target_must_name_the_address_too() {
        let a = Allowed::for_addr("10.0.0.2:5000".parse().unwrap());
        let r = Request::get("http://evil.example/j/x").header("host", "10.0.0.2:5000").body(Body::empty()).unwrap();
        assert!(!a.admits(&r));
    }
}
