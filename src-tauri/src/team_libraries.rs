//! Team libraries in the desktop app: a team server's own pages in a window of their own, its
//! address and name in the title, beside the main window's library on this computer (which
//! opens whether or not the server answers). Signing in happens in the system browser, where
//! the organisation's sign-in lives (RFC 8252): when the team window would show the sign-in page,
//! the app listens on a loopback port, opens the server's `/signin/desktop` in the browser with
//! the SHA-256 of a fresh verifier, takes the one-time code the browser brings back, and lets the
//! window trade it (with the verifier) for a sign-in of its own. The team window's page gets no
//! IPC: capabilities are the main window's only.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use polku_api::{ApiError, ErrorCode};
use polku_store::secret::{random_hex, sha256_hex};
use tauri::webview::PageLoadEvent;
use tauri::{AppHandle, Manager, Url, WebviewUrl, WebviewWindowBuilder};

/// The file under the data folder that remembers the team libraries opened.
const REMEMBERED: &str = "team-libraries.json";
/// Most team libraries remembered.
const MAX_REMEMBERED: usize = 20;
/// How long the app waits for the browser to come back signed in.
const SIGN_IN_WAIT: Duration = Duration::from_secs(600);
/// The program that opens the sign-in instead of the system's default browser.
pub const BROWSER_ENV: &str = "POLKU_BROWSER";

pub struct TeamLibraries {
    file: PathBuf,
}

impl TeamLibraries {
    pub fn new(data_dir: PathBuf) -> TeamLibraries {
        TeamLibraries { file: data_dir.join(REMEMBERED) }
    }

    fn read(&self) -> Vec<String> {
        let text = std::fs::read_to_string(&self.file).unwrap_or_default();
        let listed: Vec<String> = serde_json::from_str(&text).unwrap_or_default();
        listed.into_iter().filter_map(|u| origin(&u).ok()).take(MAX_REMEMBERED).collect()
    }

    fn write(&self, list: &[String]) -> Result<(), ApiError> {
        let text = serde_json::to_string_pretty(list).map_err(|e| ApiError::internal(e.to_string()))?;
        std::fs::write(&self.file, text).map_err(|e| ApiError::internal(format!("cannot remember the team library: {e}")))
    }
}

fn invalid_url() -> ApiError {
    ApiError::with_field(ErrorCode::Validation, "give the team library's address, like https://polku.kunta.fi", "team_url")
}

/// A team server's origin from what was typed: `https://` (plain `http://` only on loopback, a
/// test server), no path; `polku.kunta.fi` alone means https.
pub(crate) fn origin(typed: &str) -> Result<String, ApiError> {
    let typed = typed.trim();
    let with_scheme = if typed.contains("://") { typed.to_string() } else { format!("https://{typed}") };
    let url = Url::parse(&with_scheme).map_err(|_| invalid_url())?;
    let host = url.host_str().ok_or_else(invalid_url)?;
    let loopback = matches!(host, "127.0.0.1" | "localhost" | "[::1]");
    let allowed = url.scheme() == "https" || (url.scheme() == "http" && loopback);
    if !allowed || !url.username().is_empty() || url.password().is_some() || typed.len() > 300 {
        return Err(invalid_url());
    }
    Ok(url.origin().ascii_serialization())
}

/// The team libraries opened before, the last opened first.
#[tauri::command]
pub fn team_libraries(libraries: tauri::State<'_, TeamLibraries>) -> Vec<String> {
    libraries.read()
}

#[tauri::command]
pub fn forget_team_library(libraries: tauri::State<'_, TeamLibraries>, url: String) -> Result<Vec<String>, ApiError> {
    let gone = origin(&url)?;
    let list: Vec<String> = libraries.read().into_iter().filter(|u| *u != gone).collect();
    libraries.write(&list)?;
    Ok(list)
}

/// Opens (or brings forward) the team library at `url` in its window, and remembers it.
#[tauri::command]
pub fn open_team_library(app: AppHandle, libraries: tauri::State<'_, TeamLibraries>, url: String) -> Result<Vec<String>, ApiError> {
    let origin = origin(&url)?;
    let mut list = libraries.read();
    list.retain(|u| *u != origin);
    list.insert(0, origin.clone());
    list.truncate(MAX_REMEMBERED);
    libraries.write(&list)?;
    let label = window_label(&origin);
    if let Some(window) = app.get_webview_window(&label) {
        let _ = window.show();
        let _ = window.set_focus();
        return Ok(list);
    }
    let start = Url::parse(&format!("{origin}/")).map_err(|_| invalid_url())?;
    let host = Url::parse(&origin).ok().and_then(|u| u.host_str().map(str::to_string)).unwrap_or_default();
    let signing = SignIn { app: app.clone(), label: label.clone(), origin: origin.clone(), busy: Arc::default(), traded: Arc::default() };
    let landed = signing.clone();
    WebviewWindowBuilder::new(&app, label.clone(), WebviewUrl::External(start))
        .title(format!("Polku — {host}"))
        .inner_size(1280.0, 820.0)
        .min_inner_size(640.0, 480.0)
        .on_navigation(move |to| signing.allowed(to))
        // A redirect to the sign-in page (signed out, or the sign-in expired) lands without a
        // navigation the page asked for: caught when it starts loading.
        .on_page_load(move |_, page| {
            if page.event() == PageLoadEvent::Started && is_sign_in(page.url()) {
                let _ = landed.start();
            }
        })
        .build()
        .map_err(|e| ApiError::internal(format!("cannot open the team library's window: {e}")))?;
    Ok(list)
}

/// One window per team library, named after its origin.
fn window_label(origin: &str) -> String {
    format!("team-{}", &sha256_hex(origin)[..16])
}

fn is_sign_in(url: &Url) -> bool {
    url.path() == "/signin"
}

/// A team window's sign-in through the browser; one at a time.
#[derive(Clone)]
struct SignIn {
    app: AppHandle,
    label: String,
    origin: String,
    busy: Arc<AtomicBool>,
    /// When the window last traded a code: the sign-in page right after means the trade did not
    /// take, and the window shows that page rather than sending the browser round again.
    traded: Arc<Mutex<Option<Instant>>>,
}

/// How soon after a trade the sign-in page is shown in the window instead.
const RETRADE_AFTER: Duration = Duration::from_secs(30);

impl SignIn {
    /// Whether the team window may go to `to`: its own server's pages, except its sign-in page,
    /// which is done in the system browser instead; anything else opens in the browser.
    fn allowed(&self, to: &Url) -> bool {
        if to.origin().ascii_serialization() != self.origin {
            let _ = open_in_browser(to.as_str());
            return false;
        }
        if !is_sign_in(to) {
            return true;
        }
        !self.start()
    }

    /// Starts the browser's round, unless one is under way or the last trade just failed; says
    /// whether the browser does the sign-in.
    fn start(&self) -> bool {
        let just_traded = self.traded.lock().unwrap_or_else(|p| p.into_inner()).is_some_and(|at| at.elapsed() < RETRADE_AFTER);
        if just_traded {
            return false;
        }
        if self.busy.swap(true, Ordering::SeqCst) {
            return true;
        }
        let me = self.clone();
        std::thread::spawn(move || {
            if let Err(e) = sign_in_through_browser(&me.app, &me.label, &me.origin, &me.traded) {
                eprintln!("Polku: signing in to {} did not finish: {}", me.origin, e.message);
            }
            me.busy.store(false, Ordering::SeqCst);
        });
        true
    }
}

fn open_in_browser(url: &str) -> std::io::Result<()> {
    match std::env::var_os(BROWSER_ENV).filter(|b| !b.is_empty()) {
        Some(program) => std::process::Command::new(program).arg(url).spawn().map(|_| ()),
        None => open::that_detached(url),
    }
}

/// The browser's round trip, then the window's trade of the code for its own sign-in.
fn sign_in_through_browser(app: &AppHandle, label: &str, origin: &str, traded: &Mutex<Option<Instant>>) -> Result<(), ApiError> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| ApiError::internal(format!("cannot listen on loopback: {e}")))?;
    let port = listener.local_addr().map_err(|e| ApiError::internal(e.to_string()))?.port();
    let (state, verifier) = (random_hex(), random_hex());
    let challenge = sha256_hex(&verifier);
    open_in_browser(&format!("{origin}/signin/desktop?port={port}&state={state}&challenge={challenge}"))
        .map_err(|e| ApiError::internal(format!("cannot open the browser: {e}")))?;
    let code = wait_for_code(&listener, &state, origin)?;
    let finish = Url::parse(&format!("{origin}/signin/desktop/finish?code={code}&verifier={verifier}")).map_err(|_| invalid_url())?;
    let window = app.get_webview_window(label).ok_or_else(|| ApiError::internal("the team library's window was closed"))?;
    *traded.lock().unwrap_or_else(|p| p.into_inner()) = Some(Instant::now());
    window.navigate(finish).map_err(|e| ApiError::internal(e.to_string()))?;
    let _ = window.set_focus();
    Ok(())
}

/// Takes connections until one brings this sign-in's state and a code; the browser is sent on
/// to the server's last page. Gives up after `SIGN_IN_WAIT`.
fn wait_for_code(listener: &TcpListener, state: &str, origin: &str) -> Result<String, ApiError> {
    let deadline = std::time::Instant::now() + SIGN_IN_WAIT;
    listener.set_nonblocking(true).map_err(|e| ApiError::internal(e.to_string()))?;
    while std::time::Instant::now() < deadline {
        let Ok((stream, _)) = listener.accept() else {
            std::thread::sleep(Duration::from_millis(100));
            continue;
        };
        let _ = stream.set_nonblocking(false);
        let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
        let mut line = String::new();
        let _ = BufReader::new((&stream).take(4096)).read_line(&mut line);
        let target = line.split(' ').nth(1).unwrap_or("");
        let query = target.strip_prefix("/polku-signed-in?").unwrap_or("");
        let param = |name: &str| query.split('&').find_map(|p| p.strip_prefix(&format!("{name}="))).unwrap_or("").to_string();
        let (code, came) = (param("code"), param("state"));
        let ours = came == state && code.len() == 64 && code.bytes().all(|b| b.is_ascii_hexdigit());
        let reply = if ours {
            format!("HTTP/1.1 303 See Other\r\nLocation: {origin}/signin/desktop/done\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        } else {
            "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_string()
        };
        let _ = (&stream).write_all(reply.as_bytes());
        if ours {
            return Ok(code);
        }
    }
    Err(ApiError::with_field(ErrorCode::Conflict, "the browser did not come back signed in", "sign_in"))
}
