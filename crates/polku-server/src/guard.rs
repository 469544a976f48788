//! Only this machine's own pages may talk to the API. The server binds 127.0.0.1, but a web page
//! from elsewhere could still make the browser send requests to it, or reach it through a DNS name
//! that resolves to 127.0.0.1; these checks refuse both.
//!
//! Every value is matched whole: a Host or Origin that merely starts with or contains an allowed
//! one (`127.0.0.1.evil.example`, `localhost:4870@evil`) is someone else's.

use axum::extract::Request;
use axum::http::{header, HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use polku_api::{ApiError, ErrorCode};

pub(crate) fn error_response(e: &ApiError) -> Response {
    let status = StatusCode::from_u16(e.code.http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, axum::Json(e.to_body())).into_response()
}

/// Whether the request says its body is JSON. A page of another site cannot send that without a
/// CORS preflight, which is never answered: both listeners require it of every command.
pub(crate) fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(';').next().is_some_and(|m| m.trim().eq_ignore_ascii_case("application/json")))
}

/// A port as a browser writes it: 1–5 digits, no sign, no spaces, within range.
fn is_port(s: &str) -> bool {
    !s.is_empty() && s.len() <= 5 && s.bytes().all(|b| b.is_ascii_digit()) && s.parse::<u16>().is_ok_and(|p| p != 0)
}

/// `127.0.0.1`, `localhost` or `[::1]`, on any port or none: the UI's dev server runs on another
/// loopback port than the server and may call it, and its proxy forwards its own Host.
fn is_local_host(host: &str) -> bool {
    // `port` is empty or `:` and the digits.
    let (name, port) = match host.strip_prefix("[::1]") {
        Some(rest) => ("[::1]", rest),
        None => host.find(':').map_or((host, ""), |i| host.split_at(i)),
    };
    let port_ok = port.is_empty() || port.strip_prefix(':').is_some_and(is_port);
    matches!(name, "127.0.0.1" | "localhost" | "[::1]") && port_ok
}

/// The one value of a header that must not be repeated, or `Err` when it is: two Host headers
/// leave it to each proxy which one counts.
pub(crate) fn single<'h>(headers: &'h HeaderMap, name: &header::HeaderName) -> Result<Option<&'h str>, ()> {
    let mut all = headers.get_all(name).iter();
    let first = all.next();
    if all.next().is_some() {
        return Err(());
    }
    first.map(|v| v.to_str().map_err(|_| ())).transpose()
}

fn refused(message: &str) -> Response {
    error_response(&ApiError::new(ErrorCode::Forbidden, message))
}

pub(crate) async fn local_only(req: Request, next: Next) -> Response {
    check(None, req, next).await
}

/// The address a team server is reached at through the organisation's proxy: its host and its
/// origin, matched whole as the loopback ones are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicUrl {
    host: String,
    origin: String,
}

impl PublicUrl {
    /// `https://polku.example.fi` (a port allowed, no path): the browser's origin for it. Plain
    /// `http://` is refused, since the sign-in cookie is only sent over HTTPS.
    pub fn parse(url: &str) -> Result<PublicUrl, String> {
        let rest = url.strip_prefix("https://").ok_or_else(|| format!("{url:?}: the public address must start with https://"))?;
        let host = rest.strip_suffix('/').unwrap_or(rest);
        let valid = !host.is_empty()
            && host.len() <= 253
            && host.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-' || b == b':')
            && host.split(':').nth(1).is_none_or(is_port)
            && host.matches(':').count() <= 1;
        if !valid {
            return Err(format!("{url:?}: give the address as https://NAME or https://NAME:PORT, with no path"));
        }
        let host = host.to_ascii_lowercase();
        Ok(PublicUrl { origin: format!("https://{host}"), host })
    }
}

impl PublicUrl {
    pub fn origin(&self) -> &str {
        &self.origin
    }
}

/// The team server's guard: loopback as the laptop's, and the public address when there is one.
pub(crate) async fn public_or_local(axum::extract::State(public): axum::extract::State<Option<PublicUrl>>, req: Request, next: Next) -> Response {
    check(public.as_ref(), req, next).await
}

async fn check(public: Option<&PublicUrl>, req: Request, next: Next) -> Response {
    let ours = |host: &str| is_local_host(host) || public.is_some_and(|p| p.host == host);
    let headers = req.headers();
    let host_ok = match single(headers, &header::HOST) {
        Ok(Some(host)) => ours(host),
        _ => false,
    };
    // An absolute request target (`GET http://evil.example/ …`) names the host a proxy would use.
    let target_ok = req.uri().authority().is_none_or(|a| ours(a.as_str()));
    if !host_ok || !target_ok {
        return refused("requests must be addressed to 127.0.0.1 or localhost");
    }
    match single(headers, &header::ORIGIN) {
        Ok(None) => {}
        // Any page of this machine's own (the UI, or its dev server on another port) may call.
        Ok(Some(origin)) if origin.strip_prefix("http://").is_some_and(is_local_host) => {}
        Ok(Some(origin)) if public.is_some_and(|p| p.origin == origin) => {}
        _ => return refused("requests from other sites are refused"),
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::{is_local_host, PublicUrl};

    #[test]
    fn public_addresses() {
        let p = PublicUrl::parse("https://Polku.Kunta.fi/").unwrap();
        assert_eq!((p.host.as_str(), p.origin.as_str()), ("polku.kunta.fi", "https://polku.kunta.fi"));
        assert_eq!(PublicUrl::parse("https://polku.kunta.fi:8443").unwrap().origin, "https://polku.kunta.fi:8443");
        for bad in ["http://polku.kunta.fi", "https://", "https://polku.kunta.fi/app", "https://a b", "https://x:99999", "https://user@x", "polku.kunta.fi"] {
            assert!(PublicUrl::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn local_hosts() {
        for ok in ["127.0.0.1:4870", "localhost", "localhost:5173", "127.0.0.1", "[::1]", "[::1]:4870", "127.0.0.1:65535"] {
            assert!(is_local_host(ok), "{ok}");
        }
        for bad in [
            "evil.example:4870",
            "127.0.0.1.evil.example",
            "localhost.evil.example:4870",
            "localhost:",
            "localhost:4870@evil",
            "localhost:4870:1",
            "127.0.0.1:+80",
            "127.0.0.1:65536",
            "127.0.0.1:0",
            "127.0.0.1:000004870",
            "LOCALHOST:4870",
            "[::1]evil",
            "[::1]:",
            "[::1]::4870",
            "[::2]:4870",
            "127.0.0.2:4870",
            "",
            " localhost",
            "localhost/",
        ] {
            assert!(!is_local_host(bad), "{bad}");
        }
    }
}
