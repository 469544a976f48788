//! This run's key. Binding 127.0.0.1 keeps other machines out, but not other users of this one:
//! any local process could call the API. So `polku serve` makes a random key each run and prints
//! it in the address it shows (`/?token=…`), as Jupyter does; the page opened from that address
//! gets it as a cookie (HttpOnly, SameSite=Strict) and the address is cleaned of it. Scripts send
//! it as the `x-polku-token` header. Without it a page gets a short explanation, the API a 403.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use polku_api::{ApiError, ErrorCode};
use polku_core::Language;

use crate::guard::error_response;

/// The header scripts send the key in.
pub const TOKEN_HEADER: &str = "x-polku-token";
/// The query parameter the printed address carries it in.
pub const TOKEN_PARAM: &str = "token";
/// Sets the key instead of a random one (a development server that proxies to a fixed one).
pub const TOKEN_ENV: &str = "POLKU_SERVE_TOKEN";

/// The key every request must carry.
#[derive(Clone)]
pub struct Access {
    token: Arc<str>,
}

impl Access {
    /// A fresh random key, or `POLKU_SERVE_TOKEN` when set to a usable one (16–128 letters,
    /// digits, `-` or `_`).
    pub fn new() -> Access {
        let given = std::env::var(TOKEN_ENV).ok().filter(|t| usable(t));
        Access::with_token(given.unwrap_or_else(polku_api::access_key))
    }

    pub fn with_token(token: impl Into<String>) -> Access {
        Access { token: Arc::from(token.into()) }
    }

    pub fn token(&self) -> &str {
        &self.token
    }

    fn matches(&self, given: &str) -> bool {
        polku_api::same_secret(given, &self.token)
    }
}

impl Default for Access {
    fn default() -> Self {
        Access::new()
    }
}

fn usable(t: &str) -> bool {
    (16..=128).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The cookie's name carries the port: two `polku serve` runs on one machine (two users, two
/// libraries) each keep their own key in the one browser.
fn cookie_name(headers: &HeaderMap) -> String {
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok()).unwrap_or("");
    let port = host.rsplit_once(':').map(|(_, p)| p).filter(|p| p.bytes().all(|b| b.is_ascii_digit())).unwrap_or("80");
    format!("polku_token_{port}")
}

pub(crate) fn from_cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v)
}

/// The query without the key, and the key when it was there.
fn split_query(query: Option<&str>) -> (Option<String>, Vec<&str>) {
    let mut token = None;
    let mut rest = Vec::new();
    for pair in query.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
        match pair.split_once('=') {
            Some((TOKEN_PARAM, v)) => token = Some(v.to_string()),
            _ => rest.push(pair),
        }
    }
    (token, rest)
}

pub(crate) async fn require(State(access): State<Access>, req: Request, next: Next) -> Response {
    let headers = req.headers();
    let cookie = cookie_name(headers);
    let by_header = headers.get(TOKEN_HEADER).and_then(|v| v.to_str().ok());
    if by_header.or_else(|| from_cookie(headers, &cookie)).is_some_and(|t| access.matches(t)) {
        return next.run(req).await;
    }
    let (by_query, rest) = split_query(req.uri().query());
    let Some(given) = by_query.filter(|t| access.matches(t)) else {
        return refused(&req);
    };
    let page = req.method() == Method::GET && !req.uri().path().starts_with("/api/");
    if !page {
        // A script's WebSocket or download may carry it in the address; nothing to remember.
        return next.run(req).await;
    }
    // The page keeps the key as a cookie and loses it from its address (and its history).
    let clean = if rest.is_empty() { req.uri().path().to_string() } else { format!("{}?{}", req.uri().path(), rest.join("&")) };
    let set = format!("{cookie}={given}; Path=/; HttpOnly; SameSite=Strict");
    let mut res = (StatusCode::SEE_OTHER, [(header::LOCATION, clean)]).into_response();
    if let Ok(v) = HeaderValue::from_str(&set) {
        res.headers_mut().insert(header::SET_COOKIE, v);
    }
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// The reader's language from Accept-Language: the first of Finnish, Swedish and English named.
pub(crate) fn language(headers: &HeaderMap) -> Language {
    let accept = headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).unwrap_or("");
    for tag in accept.split(',').map(|t| t.split(';').next().unwrap_or("").trim().to_ascii_lowercase()) {
        match tag.split('-').next().unwrap_or("") {
            "fi" => return Language::Fi,
            "sv" => return Language::Sv,
            "en" => return Language::En,
            _ => {}
        }
    }
    Language::En
}

fn refused(req: &Request) -> Response {
    if req.uri().path().starts_with("/api/") {
        let e = ApiError::with_field(ErrorCode::Forbidden, "this polku serve needs its key: open the address it printed", "token");
        return error_response(&e);
    }
    let language = language(req.headers());
    let l = polku_export::labels::Labels::new(language);
    let page = format!(
        "<!doctype html><html lang={lang}><meta charset=utf-8><meta name=viewport content=\"width=device-width\"><title>{title}</title>\
         <main style=\"font:1.1rem/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem\">\
         <h1 style=\"font-size:1.4rem\">{title}</h1><p>{body}</p></main>",
        lang = language.as_str(),
        title = l.t("serve.key.title"),
        body = l.t("serve.key.body"),
    );
    (StatusCode::UNAUTHORIZED, [(header::CACHE_CONTROL, "no-store")], Html(page)).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_is_taken_out_of_the_query_and_the_rest_kept() {
        assert_eq!(split_query(Some("token=abc&x=1")), (Some("abc".into()), vec!["x=1"]));
        assert_eq!(split_query(Some("x=1")), (None, vec!["x=1"]));
        assert_eq!(split_query(None), (None, vec![]));
    }

    #[test]
    fn a_given_key_must_be_plain_and_long_enough() {
        assert!(usable("0123456789abcdefXYZ_-"));
        assert!(!usable("short"));
        assert!(!usable("has space in it 123"));
        assert!(!usable("semi;colon;cookie;breaker"));
    }
}
