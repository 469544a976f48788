//! Signing in to a team server, instead of the laptop's per-run key. A facilitator signs in on
//! `/signin` (a plain form, in the reader's language, that works without the app); the browser
//! then holds a random secret in a `__Host-` cookie (Secure, HttpOnly, SameSite=Lax), which every
//! instance checks against the database. Without it a page is sent to `/signin` and the API
//! answers 401 with field `signed_out`. `POST /signout` ends the sign-in.

use std::sync::Arc;

use axum::extract::{Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use axum::{Extension, Form, Json};
use polku_api::{ApiError, ErrorCode};
use crate::now;
use polku_store::{Accounts, Facilitator, Refused, SignedIn};
use serde::Deserialize;

use crate::access::{from_cookie, language};
use crate::guard::error_response;
use crate::guard::PublicUrl;
use crate::oidc::Oidc;

/// The cookie a signed-in browser holds: `__Host-` keeps it to this host, over HTTPS, path `/`.
pub const SESSION_COOKIE: &str = "__Host-polku_session";
/// The same on a team server with no public address: it answers loopback only (a test, IT
/// trying it on the machine itself), over plain HTTP, where a browser may keep no Secure cookie
/// (WebKit does not count 127.0.0.1 as secure), and only this machine reaches it.
pub const LOOPBACK_SESSION_COOKIE: &str = "polku_session";

/// The team server's gate: the library's facilitators and their sign-ins, and the
/// organisation's OpenID provider when there is one.
#[derive(Clone)]
pub struct SignIn {
    accounts: Arc<Accounts>,
    oidc: Option<Oidc>,
    /// The organisation's proxy's address; none: loopback only.
    public: Option<PublicUrl>,
}

impl SignIn {
    pub fn new(accounts: Arc<Accounts>) -> SignIn {
        SignIn { accounts, oidc: None, public: None }
    }

    /// Reached at `public` (set by the team router): cookies are Secure there, and the
    /// organisation's provider sends people back there, whatever Host the proxy passes on.
    pub(crate) fn reached_at(self, public: Option<PublicUrl>) -> SignIn {
        SignIn { public, ..self }
    }

    /// The origin browsers use: the public address, else this loopback one.
    pub(crate) fn origin(&self, headers: &HeaderMap) -> String {
        match &self.public {
            Some(public) => public.origin().to_string(),
            None => format!("http://{}", headers.get(header::HOST).and_then(|v| v.to_str().ok()).unwrap_or("127.0.0.1")),
        }
    }

    /// Whether cookies must be Secure: behind the proxy (HTTPS), yes; loopback-only, no.
    pub(crate) fn secure(&self) -> bool {
        self.public.is_some()
    }

    /// The session cookie's name and attributes, but its value.
    fn session_cookie(&self) -> (&'static str, &'static str) {
        if self.secure() {
            (SESSION_COOKIE, "Path=/; Secure; HttpOnly; SameSite=Lax")
        } else {
            (LOOPBACK_SESSION_COOKIE, "Path=/; HttpOnly; SameSite=Lax")
        }
    }

    fn secret(&self, headers: &HeaderMap) -> Option<String> {
        from_cookie(headers, self.session_cookie().0).filter(|v| v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit())).map(str::to_string)
    }

    /// Offers signing in through the organisation's provider, beside the password form.
    pub fn with_oidc(self, oidc: Oidc) -> SignIn {
        SignIn { oidc: Some(oidc), ..self }
    }

    pub(crate) fn oidc(&self) -> Option<&Oidc> {
        self.oidc.as_ref()
    }

    pub(crate) fn accounts(&self) -> &Arc<Accounts> {
        &self.accounts
    }
}


/// Who the request's cookie signs in, asked of the database (off the async threads).
async fn who(gate: &SignIn, headers: &HeaderMap) -> Option<Facilitator> {
    let secret = gate.secret(headers)?;
    let accounts = gate.accounts.clone();
    tokio::task::spawn_blocking(move || accounts.signed_in(&secret, now())).await.ok()?.ok()?
}

/// Lets a signed-in facilitator through (named in the request for the handlers); sends anyone
/// else to sign in.
pub(crate) async fn require(State(gate): State<SignIn>, mut req: Request, next: Next) -> Response {
    let Some(facilitator) = who(&gate, req.headers()).await else {
        if req.uri().path().starts_with("/api/") {
            let mut refused = error_response(&ApiError::with_field(ErrorCode::Forbidden, "sign in first", "signed_out"));
            *refused.status_mut() = StatusCode::UNAUTHORIZED;
            return refused;
        }
        // A page comes back after signing in (the desktop app's hand-off, say).
        let back = req.uri().path_and_query().map(|p| p.as_str()).filter(|p| *p != "/").map(|p| format!("?next={}", encode(p)));
        return see_other(&format!("/signin{}", back.unwrap_or_default()), None);
    };
    req.extensions_mut().insert(facilitator);
    next.run(req).await
}

pub(crate) fn see_other(to: &str, cookie: Option<String>) -> Response {
    let mut res = (StatusCode::SEE_OTHER, [(header::LOCATION, to.to_string())]).into_response();
    if let Some(v) = cookie.and_then(|c| HeaderValue::from_str(&c).ok()) {
        res.headers_mut().insert(header::SET_COOKIE, v);
    }
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// Text for an HTML page: what could be markup is escaped.
pub(crate) fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Where to go after signing in: a path of this server, else the app.
pub(crate) fn safe_next(next: Option<&str>) -> &str {
    next.filter(|n| n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') && n.len() <= 2048 && n.bytes().all(|b| b.is_ascii_graphic()))
        .unwrap_or("/")
}

pub(crate) fn encode(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, percent_encoding::NON_ALPHANUMERIC).to_string()
}

/// The organisation's provider's button, above the password form.
fn provider_button(gate: &SignIn, l: &polku_export::labels::Labels, next: &str) -> String {
    let Some(oidc) = gate.oidc() else { return String::new() };
    let provider = oidc.name().map(str::to_string).unwrap_or_else(|| l.t("signin.oidc_provider"));
    let href = if next == "/" { "/signin/oidc".to_string() } else { format!("/signin/oidc?next={}", encode(next)) };
    format!(
        "<p><a href=\"{}\" style=\"display:block;text-align:center;font-weight:600;min-height:44px;line-height:44px;border-radius:8px;background:#2b5b84;color:#fff;text-decoration:none\">{}</a></p>\
         <p style=\"text-align:center;color:#555;margin:1.5rem 0 .5rem\">{}</p>",
        escape(&href),
        escape(&l.tf("signin.oidc", &[("provider", &provider)])),
        escape(&l.t("signin.or_password")),
    )
}

/// The sign-in form, with `problem` (already worded) above it and the address kept.
pub(crate) fn form(gate: &SignIn, headers: &HeaderMap, problem: Option<String>, email: &str, status: StatusCode) -> Response {
    form_then(gate, headers, problem, email, "/", status)
}

/// The same, going on to `next` once signed in.
fn form_then(gate: &SignIn, headers: &HeaderMap, problem: Option<String>, email: &str, next: &str, status: StatusCode) -> Response {
    let language = language(headers);
    let l = polku_export::labels::Labels::new(language);
    let problem = problem.map(|p| format!("<p role=alert style=\"color:#9b1c1c;font-weight:600\">{}</p>", escape(&p))).unwrap_or_default();
    let provider = provider_button(gate, &l, next);
    let field = "display:block;width:100%;box-sizing:border-box;font:inherit;padding:.6rem;margin:.3rem 0 1rem;border:1px solid #888;border-radius:8px";
    let page = format!(
        "<!doctype html><html lang={lang}><meta charset=utf-8><meta name=viewport content=\"width=device-width\"><title>{title}</title>\
         <main style=\"font:1.1rem/1.5 system-ui,sans-serif;max-width:26rem;margin:4rem auto;padding:0 1rem\">\
         <h1 style=\"font-size:1.4rem\">{title}</h1><p>{intro}</p>{problem}{provider}\
         <form method=post action=/signin><input type=hidden name=next value=\"{next}\">\
         <label for=email>{email_label}</label><input id=email name=email type=email autocomplete=username required value=\"{email}\" style=\"{field}\">\
         <label for=password>{password_label}</label><input id=password name=password type=password autocomplete=current-password required style=\"{field}\">\
         <button style=\"font:inherit;font-weight:600;min-height:44px;padding:.5rem 1.4rem;border-radius:8px;{button}\">{submit}</button>\
         </form></main>",
        lang = language.as_str(),
        title = escape(&l.t("signin.title")),
        intro = escape(&l.t(if gate.oidc().is_some() { "signin.intro_oidc" } else { "signin.intro" })),
        email_label = escape(&l.t("signin.email")),
        password_label = escape(&l.t("signin.password")),
        submit = escape(&l.t("signin.submit")),
        // Beside the provider's button, the password is the second way in.
        button = if gate.oidc().is_some() { "border:2px solid #2b5b84;background:#fff;color:#2b5b84" } else { "border:0;background:#2b5b84;color:#fff" },
        email = escape(email),
        next = escape(next),
    );
    (status, [(header::CACHE_CONTROL, "no-store")], Html(page)).into_response()
}

#[derive(Deserialize)]
pub(crate) struct Then {
    next: Option<String>,
}

/// `GET /signin`: the form, or the app (or `next`) for who is signed in already.
pub(crate) async fn page(State(gate): State<SignIn>, headers: HeaderMap, Query(then): Query<Then>) -> Response {
    let next = safe_next(then.next.as_deref());
    if who(&gate, &headers).await.is_some() {
        return see_other(next, None);
    }
    form_then(&gate, &headers, None, "", next, StatusCode::OK)
}

#[derive(Deserialize)]
pub(crate) struct Credentials {
    email: String,
    password: String,
    next: Option<String>,
}

/// `POST /signin`: signed in and sent to the app, or the form again saying why not.
pub(crate) async fn submit(State(gate): State<SignIn>, headers: HeaderMap, Form(c): Form<Credentials>) -> Response {
    if c.email.len() > 254 || c.password.len() > 1024 {
        return form(&gate, &headers, None, "", StatusCode::BAD_REQUEST);
    }
    let next = safe_next(c.next.as_deref()).to_string();
    let accounts = gate.accounts.clone();
    let (email, password) = (c.email.clone(), c.password);
    let answer = tokio::task::spawn_blocking(move || accounts.sign_in(&email, &password, now())).await;
    let l = polku_export::labels::Labels::new(language(&headers));
    match answer {
        Ok(Ok(Ok(signed))) => signed_in(&gate, &signed, &next),
        Ok(Ok(Err(Refused::Wrong))) => form_then(&gate, &headers, Some(l.t("signin.wrong")), &c.email, &next, StatusCode::UNAUTHORIZED),
        Ok(Ok(Err(Refused::Wait(ms)))) => {
            let minutes = ((ms + 59_999) / 60_000).to_string();
            form_then(&gate, &headers, Some(l.tf("signin.wait", &[("minutes", &minutes)])), &c.email, &next, StatusCode::TOO_MANY_REQUESTS)
        }
        _ => form_then(&gate, &headers, Some(l.t("signin.unavailable")), &c.email, &next, StatusCode::SERVICE_UNAVAILABLE),
    }
}

/// To the app (or `next`), the browser holding its new sign-in, which it forgets when the
/// database does.
pub(crate) fn signed_in(gate: &SignIn, signed: &SignedIn, next: &str) -> Response {
    let max_age = polku_store::accounts::SIGN_IN_MS / 1000;
    let (name, attributes) = gate.session_cookie();
    let cookie = format!("{name}={}; {attributes}; Max-Age={max_age}", signed.secret);
    see_other(safe_next(Some(next)), Some(cookie))
}

/// `POST /signout`: this browser's sign-in ended, its cookie cleared.
pub(crate) async fn sign_out(State(gate): State<SignIn>, headers: HeaderMap) -> Response {
    if let Some(secret) = gate.secret(&headers) {
        let accounts = gate.accounts.clone();
        let _ = tokio::task::spawn_blocking(move || accounts.sign_out(&secret)).await;
    }
    let (name, attributes) = gate.session_cookie();
    see_other("/signin", Some(format!("{name}=; {attributes}; Max-Age=0")))
}

/// `GET /api/me`: who is signed in, for the app's header; `provider` says whether facilitators
/// may sign in through the organisation's (so an admin may add one without a password).
pub(crate) async fn me(State(gate): State<SignIn>, Extension(f): Extension<Facilitator>) -> Json<serde_json::Value> {
    Json(serde_json::json!({ "name": f.name, "email": f.email, "admin": f.admin, "provider": gate.oidc().is_some() }))
}
