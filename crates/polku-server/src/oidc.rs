//! Signing in through the organisation's OpenID provider (Entra ID, Keycloak …): the
//! authorization-code flow with PKCE, a state and a nonce. `GET /signin/oidc` sends the browser to
//! the provider; `GET /signin/oidc/callback` takes the code back, exchanges it and checks the ID
//! token's signature, issuer, audience, expiry and nonce before trusting who it names. The flow's
//! secrets wait in a short-lived `__Host-` cookie rather than one instance's memory, so the
//! callback may reach any instance. Then the facilitator is signed in as with a password.

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreProviderMetadata, CoreUserInfoClaims};
use openidconnect::{
    AuthorizationCode, ClientId, ClientSecret, CsrfToken, EndpointMaybeSet, EndpointNotSet, EndpointSet, IssuerUrl, Nonce,
    OAuth2TokenResponse, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, Scope, TokenResponse,
};
use polku_store::{Identity, NotLetIn};
use serde::Deserialize;

use crate::access::{from_cookie, language};
use crate::now;
use crate::signin::{form, safe_next, see_other, signed_in, SignIn};

/// The cookie that carries one sign-in's state, nonce and PKCE verifier to the callback.
const FLOW_COOKIE: &str = "__Host-polku_oidc";
/// Long enough to type a password and answer a second factor at the provider.
const FLOW_SECONDS: u64 = 600;
/// The provider's metadata and keys are fetched again after this, so rotated keys are learnt.
const METADATA_KEPT: Duration = Duration::from_secs(300);
const CALLBACK_PATH: &str = "/signin/oidc/callback";

/// How the team server reaches the organisation's provider.
#[derive(Clone, Debug)]
pub struct OidcConfig {
    /// The issuer, e.g. `https://login.microsoftonline.com/TENANT/v2.0`.
    pub issuer: String,
    pub client_id: String,
    pub client_secret: Option<String>,
    /// What the sign-in button names: "Sign in with {name}".
    pub name: Option<String>,
    /// Lets anyone the provider signs in become a facilitator; otherwise an admin adds them first.
    pub add_new: bool,
}

/// The provider, its metadata fetched when first needed and kept a while.
#[derive(Clone)]
pub struct Oidc {
    inner: Arc<Inner>,
}

struct Inner {
    config: OidcConfig,
    issuer: IssuerUrl,
    http: openidconnect::reqwest::Client,
    metadata: tokio::sync::Mutex<Option<(Instant, CoreProviderMetadata)>>,
}

type Client = CoreClient<EndpointSet, EndpointNotSet, EndpointNotSet, EndpointNotSet, EndpointMaybeSet, EndpointMaybeSet>;

impl Oidc {
    /// Checks the configuration; the provider itself is first asked at the first sign-in, so a
    /// server starts while the provider is down. Its issuer must be HTTPS (plain HTTP only on
    /// this machine's loopback, for a test provider).
    pub fn new(config: OidcConfig) -> Result<Oidc, String> {
        let issuer = IssuerUrl::new(config.issuer.clone()).map_err(|e| format!("--oidc-issuer {:?}: {e}", config.issuer))?;
        let url = issuer.url();
        let loopback = matches!(url.host_str(), Some("127.0.0.1" | "localhost" | "[::1]"));
        if url.scheme() != "https" && !(url.scheme() == "http" && loopback) {
            return Err(format!("--oidc-issuer {:?}: the provider must be reached over https://", config.issuer));
        }
        if config.client_id.trim().is_empty() {
            return Err("--oidc-client-id: give the client id the provider registered for Polku".into());
        }
        // The provider's answers are never followed elsewhere (a redirect could carry the code on).
        let http = openidconnect::reqwest::ClientBuilder::new()
            .redirect(openidconnect::reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(15))
            .build()
            .map_err(|e| format!("cannot prepare HTTPS for the OpenID provider: {e}"))?;
        Ok(Oidc { inner: Arc::new(Inner { config, issuer, http, metadata: tokio::sync::Mutex::new(None) }) })
    }

    pub fn name(&self) -> Option<&str> {
        self.inner.config.name.as_deref()
    }

    async fn metadata(&self, fresh: bool) -> Result<CoreProviderMetadata, String> {
        let mut kept = self.inner.metadata.lock().await;
        if let Some((_, m)) = kept.as_ref().filter(|(at, _)| !fresh && at.elapsed() < METADATA_KEPT) {
            return Ok(m.clone());
        }
        let m = CoreProviderMetadata::discover_async(self.inner.issuer.clone(), &self.inner.http).await.map_err(|e| format!("discovery: {e}"))?;
        *kept = Some((Instant::now(), m.clone()));
        Ok(m)
    }

    /// The client, the provider sending people back to `origin` (the public address).
    async fn client(&self, origin: &str, fresh: bool) -> Result<Client, String> {
        let c = &self.inner.config;
        let redirect = RedirectUrl::new(format!("{origin}{CALLBACK_PATH}")).map_err(|e| e.to_string())?;
        let metadata = self.metadata(fresh).await?;
        Ok(CoreClient::from_provider_metadata(metadata, ClientId::new(c.client_id.clone()), c.client_secret.clone().map(ClientSecret::new)).set_redirect_uri(redirect))
    }

    /// Who the callback's code names, the ID token checked; the provider's keys are fetched
    /// again once when its signature does not check (they may have been rotated).
    async fn identity(&self, origin: &str, code: String, flow: &Flow) -> Result<Identity, String> {
        let client = self.client(origin, false).await?;
        let token = client
            .exchange_code(AuthorizationCode::new(code))
            .map_err(|e| e.to_string())?
            .set_pkce_verifier(PkceCodeVerifier::new(flow.verifier.clone()))
            .request_async(&self.inner.http)
            .await
            .map_err(|e| format!("token: {e}"))?;
        let id_token = token.id_token().ok_or("the provider sent no ID token")?;
        let nonce = Nonce::new(flow.nonce.clone());
        let claims = match id_token.claims(&client.id_token_verifier(), &nonce) {
            Ok(claims) => claims.clone(),
            Err(first) => {
                let again = self.client(origin, true).await?;
                let verifier = again.id_token_verifier();
                let claims = id_token.claims(&verifier, &nonce).map_err(|e| format!("ID token: {e} (first: {first})"))?.clone();
                claims
            }
        };
        let mut who = Identity {
            issuer: claims.issuer().to_string(),
            subject: claims.subject().to_string(),
            email: claims.email().map(|e| e.to_string()),
            email_verified: claims.email_verified(),
            name: claims.name().and_then(|n| n.get(None)).map(|n| n.to_string()),
        };
        // Some providers keep the address and name to their UserInfo endpoint in the code flow.
        if who.email.is_none() {
            if let Ok(request) = client.user_info(token.access_token().clone(), Some(claims.subject().clone())) {
                let info: CoreUserInfoClaims = request.request_async(&self.inner.http).await.map_err(|e| format!("userinfo: {e}"))?;
                who.email = info.email().map(|e| e.to_string());
                who.email_verified = info.email_verified();
                who.name = who.name.or_else(|| info.name().and_then(|n| n.get(None)).map(|n| n.to_string()));
            }
        }
        Ok(who)
    }
}

/// One sign-in under way, as its cookie carries it.
struct Flow {
    state: String,
    nonce: String,
    verifier: String,
    /// Where to go once signed in (a path of this server).
    next: String,
}

impl Flow {
    fn cookie(&self) -> String {
        let next = crate::signin::encode(&self.next);
        format!("{FLOW_COOKIE}={}.{}.{}.{next}; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age={FLOW_SECONDS}", self.state, self.nonce, self.verifier)
    }

    fn from(headers: &HeaderMap) -> Option<Flow> {
        let value = from_cookie(headers, FLOW_COOKIE)?;
        let mut parts = value.split('.');
        let (state, nonce, verifier, next) = (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
        let plain = |s: &str| !s.is_empty() && s.len() <= 128 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        let next = percent_encoding::percent_decode_str(next).decode_utf8().ok()?;
        (parts.next().is_none() && plain(state) && plain(nonce) && plain(verifier)).then(|| Flow {
            state: state.into(),
            nonce: nonce.into(),
            verifier: verifier.into(),
            next: safe_next(Some(&next)).to_string(),
        })
    }
}

fn forget_flow() -> String {
    format!("{FLOW_COOKIE}=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0")
}

#[derive(Deserialize)]
pub(crate) struct Then {
    next: Option<String>,
}

/// `GET /signin/oidc`: off to the provider, this sign-in's secrets in the browser's cookie.
pub(crate) async fn start(State(gate): State<SignIn>, headers: HeaderMap, Query(then): Query<Then>) -> Response {
    let Some(oidc) = gate.oidc() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let client = match oidc.client(&gate.origin(&headers), false).await {
        Ok(client) => client,
        Err(e) => return unreachable(&gate, &headers, &e),
    };
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let (url, state, nonce) = client
        .authorize_url(CoreAuthenticationFlow::AuthorizationCode, CsrfToken::new_random, Nonce::new_random)
        .add_scope(Scope::new("email".into()))
        .add_scope(Scope::new("profile".into()))
        .set_pkce_challenge(challenge)
        .url();
    let next = safe_next(then.next.as_deref()).to_string();
    let flow = Flow { state: state.secret().clone(), nonce: nonce.secret().clone(), verifier: verifier.secret().clone(), next };
    see_other(url.as_str(), Some(flow.cookie()))
}

#[derive(Deserialize)]
pub(crate) struct Callback {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

/// `GET /signin/oidc/callback`: signed in and sent to the app, or the sign-in page saying why not.
pub(crate) async fn callback(State(gate): State<SignIn>, headers: HeaderMap, Query(back): Query<Callback>) -> Response {
    let Some(oidc) = gate.oidc().cloned() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let l = polku_export::labels::Labels::new(language(&headers));
    let provider = provider_name(&oidc, &l);
    let said = |key: &str, status| with_forgotten_flow(form(&gate, &headers, Some(l.tf(key, &[("provider", &provider)])), "", status));
    let flow = Flow::from(&headers).filter(|f| back.state.as_deref().is_some_and(|s| polku_api::same_secret(s, &f.state)));
    let Some(flow) = flow else {
        // Another window's, too old, or not started here: nothing from it is trusted.
        return said("signin.oidc_expired", StatusCode::BAD_REQUEST);
    };
    if back.error.is_some() {
        return said("signin.oidc_cancelled", StatusCode::UNAUTHORIZED);
    }
    let Some(code) = back.code.filter(|c| !c.is_empty() && c.len() <= 4096) else {
        return said("signin.oidc_failed", StatusCode::BAD_REQUEST);
    };
    let who = match oidc.identity(&gate.origin(&headers), code, &flow).await {
        Ok(who) => who,
        Err(e) => {
            // The reason, for IT; no names or addresses go to the log.
            eprintln!("polku: an OpenID sign-in failed: {e}");
            return said("signin.oidc_failed", StatusCode::UNAUTHORIZED);
        }
    };
    let shown = who.email.clone().unwrap_or_else(|| "—".into());
    let accounts = gate.accounts().clone();
    let add_new = oidc.inner.config.add_new;
    let answer = tokio::task::spawn_blocking(move || accounts.sign_in_oidc(&who, add_new, now())).await;
    let refused = |key: &str| {
        let text = l.tf(key, &[("provider", &provider), ("email", &shown)]);
        with_forgotten_flow(form(&gate, &headers, Some(text), "", StatusCode::FORBIDDEN))
    };
    match answer {
        Ok(Ok(Ok(signed))) => with_forgotten_flow(signed_in(&gate, &signed, &flow.next)),
        Ok(Ok(Err(NotLetIn::NotFacilitator))) => refused("signin.oidc_unknown"),
        Ok(Ok(Err(NotLetIn::Disabled))) => refused("signin.oidc_disabled"),
        _ => said("signin.unavailable", StatusCode::SERVICE_UNAVAILABLE),
    }
}

fn provider_name(oidc: &Oidc, l: &polku_export::labels::Labels) -> String {
    oidc.name().map(str::to_string).unwrap_or_else(|| l.t("signin.oidc_provider"))
}

/// The provider did not answer: the sign-in page says so and offers the password form.
fn unreachable(gate: &SignIn, headers: &HeaderMap, reason: &str) -> Response {
    eprintln!("polku: the OpenID provider cannot be reached: {reason}");
    let l = polku_export::labels::Labels::new(language(headers));
    let text = l.tf("signin.oidc_unreachable", &[("provider", &gate.oidc().map(|o| provider_name(o, &l)).unwrap_or_default())]);
    form(gate, headers, Some(text), "", StatusCode::BAD_GATEWAY)
}

fn with_forgotten_flow(mut res: Response) -> Response {
    if let Ok(v) = forget_flow().parse() {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_cookie(value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::COOKIE, format!("other=1; {FLOW_COOKIE}={value}").parse().unwrap());
        h
    }

    #[test]
    fn the_flow_cookie_is_read_back_whole_or_not_at_all() {
        let flow = Flow { state: "s-1_A".into(), nonce: "n2".into(), verifier: "v3".into(), next: "/signin/desktop?port=5&state=x".into() };
        let set = flow.cookie();
        let value = set.split(';').next().unwrap().split_once('=').unwrap().1;
        let back = Flow::from(&with_cookie(value)).expect("read back");
        assert_eq!((back.state.as_str(), back.nonce.as_str(), back.verifier.as_str()), ("s-1_A", "n2", "v3"));
        assert_eq!(back.next, "/signin/desktop?port=5&state=x");
        assert!(set.contains("Secure; HttpOnly; SameSite=Lax; Max-Age=600"));
        // Anywhere but this server is the app instead.
        assert_eq!(Flow::from(&with_cookie("s.n.v.%2F%2Fevil%2Eexample")).unwrap().next, "/");
        for bad in ["s.n.v", "s.n.v.%2F.x", "s..v.%2F", "s.n.v<script>.%2F", ""] {
            assert!(Flow::from(&with_cookie(bad)).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn only_an_https_provider_is_trusted_except_on_loopback() {
        let config = |issuer: &str| OidcConfig { issuer: issuer.into(), client_id: "polku".into(), client_secret: None, name: None, add_new: false };
        assert!(Oidc::new(config("https://login.kunta.fi/realms/sote")).is_ok());
        assert!(Oidc::new(config("http://127.0.0.1:9000")).is_ok());
        assert!(Oidc::new(config("http://login.kunta.fi")).err().is_some_and(|e| e.contains("https://")));
        assert!(Oidc::new(config("not a url")).is_err());
        assert!(Oidc::new(OidcConfig { client_id: " ".into(), ..config("https://login.kunta.fi") }).is_err());
    }
}
