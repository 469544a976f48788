//! Signing the desktop app in to a team server through the system browser, where the
//! organisation's sign-in (and its password manager, its second factor) lives. The app opens
//! `GET /signin/desktop?port=&state=&challenge=` in the browser; once signed in there, the
//! facilitator confirms, and `POST /signin/desktop` sends the browser to the app's loopback port
//! with a one-time code; the app opens `GET /signin/desktop/finish?code=&verifier=` in its own
//! window, which signs that window in. `GET /signin/desktop/done` is the browser's last page.

use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::{Extension, Form};
use polku_store::Facilitator;
use serde::Deserialize;

use crate::access::language;
use crate::now;
use crate::signin::{escape, form, see_other, signed_in, SignIn};

/// What the app sends the browser with.
#[derive(Deserialize)]
pub(crate) struct Asked {
    port: u16,
    state: String,
    challenge: String,
}

impl Asked {
    fn valid(&self) -> bool {
        let plain = |s: &str| !s.is_empty() && s.len() <= 128 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        self.port >= 1024 && plain(&self.state) && polku_store::handoff::valid_challenge(&self.challenge)
    }
}

fn page(headers: &HeaderMap, title: &str, body: &str, status: StatusCode) -> Response {
    let language = language(headers);
    let page = format!(
        "<!doctype html><html lang={lang}><meta charset=utf-8><meta name=viewport content=\"width=device-width\"><title>{title}</title>\
         <main style=\"font:1.1rem/1.5 system-ui,sans-serif;max-width:30rem;margin:4rem auto;padding:0 1rem\">\
         <h1 style=\"font-size:1.4rem\">{title}</h1>{body}</main>",
        lang = language.as_str(),
        title = escape(title),
    );
    (status, [(header::CACHE_CONTROL, "no-store")], Html(page)).into_response()
}

/// `GET /signin/desktop`: asks the signed-in facilitator whether to sign the app in.
pub(crate) async fn confirm(State(gate): State<SignIn>, headers: HeaderMap, Extension(me): Extension<Facilitator>, Query(asked): Query<Asked>) -> Response {
    let l = polku_export::labels::Labels::new(language(&headers));
    if !asked.valid() {
        return page(&headers, &l.t("handoff.title"), &format!("<p>{}</p>", escape(&l.t("handoff.broken"))), StatusCode::BAD_REQUEST);
    }
    let origin = gate.origin(&headers);
    let server = origin.split("://").nth(1).unwrap_or_default();
    let body = format!(
        "<p>{ask}</p><form method=post action=/signin/desktop>\
         <input type=hidden name=port value={port}><input type=hidden name=state value=\"{state}\"><input type=hidden name=challenge value=\"{challenge}\">\
         <button style=\"font:inherit;font-weight:600;min-height:44px;padding:.5rem 1.4rem;border:0;border-radius:8px;background:#2b5b84;color:#fff\">{open}</button></form>\
         <p style=\"color:#555\">{why}</p>",
        ask = escape(&l.tf("handoff.ask", &[("name", &me.name), ("server", server)])),
        port = asked.port,
        state = escape(&asked.state),
        challenge = escape(&asked.challenge),
        open = escape(&l.t("handoff.open")),
        why = escape(&l.t("handoff.why")),
    );
    page(&headers, &l.t("handoff.title"), &body, StatusCode::OK)
}

/// `POST /signin/desktop`: a one-time code, to the app's loopback port.
pub(crate) async fn hand_off(State(gate): State<SignIn>, headers: HeaderMap, Extension(me): Extension<Facilitator>, Form(asked): Form<Asked>) -> Response {
    let l = polku_export::labels::Labels::new(language(&headers));
    if !asked.valid() {
        return page(&headers, &l.t("handoff.title"), &format!("<p>{}</p>", escape(&l.t("handoff.broken"))), StatusCode::BAD_REQUEST);
    }
    let accounts = gate.accounts().clone();
    let challenge = asked.challenge.clone();
    match tokio::task::spawn_blocking(move || accounts.hand_off(&me, &challenge, now())).await {
        Ok(Ok(code)) => see_other(&format!("http://127.0.0.1:{}/polku-signed-in?code={code}&state={}", asked.port, asked.state), None),
        _ => form(&gate, &headers, Some(l.t("signin.unavailable")), "", StatusCode::SERVICE_UNAVAILABLE),
    }
}

#[derive(Deserialize)]
pub(crate) struct Trade {
    code: String,
    verifier: String,
}

/// `GET /signin/desktop/finish`: the app's window, signed in with the code and its verifier.
pub(crate) async fn finish(State(gate): State<SignIn>, headers: HeaderMap, Query(t): Query<Trade>) -> Response {
    let l = polku_export::labels::Labels::new(language(&headers));
    if t.code.len() > 128 || t.verifier.len() > 128 {
        return form(&gate, &headers, Some(l.t("handoff.failed")), "", StatusCode::BAD_REQUEST);
    }
    let accounts = gate.accounts().clone();
    match tokio::task::spawn_blocking(move || accounts.take_hand_off(&t.code, &t.verifier, now())).await {
        Ok(Ok(Some(signed))) => signed_in(&gate, &signed, "/"),
        Ok(Ok(None)) => form(&gate, &headers, Some(l.t("handoff.failed")), "", StatusCode::UNAUTHORIZED),
        _ => form(&gate, &headers, Some(l.t("signin.unavailable")), "", StatusCode::SERVICE_UNAVAILABLE),
    }
}

/// `GET /signin/desktop/done`: the browser's last page; the app has the rest.
pub(crate) async fn done(headers: HeaderMap) -> Response {
    let l = polku_export::labels::Labels::new(language(&headers));
    page(&headers, &l.t("handoff.done.title"), &format!("<p>{}</p>", escape(&l.t("handoff.done.body"))), StatusCode::OK)
}
