use axum::http::{header, HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use rust_embed::RustEmbed;

/// The built web UI (`npm --prefix ui run build`). Debug builds read it from disk, release
/// builds carry it inside the binary.
#[derive(RustEmbed)]
#[folder = "../../ui/dist"]
#[allow_missing = true]
pub(crate) struct Ui;

/// What the participants' listener serves: the same build without the facilitator's pages (the
/// list, the board's chunk) and the licence lists. Phones have no use for them, and the desktop
/// app, which serves only this, would otherwise carry the facilitator's UI twice (Tauri embeds
/// its own copy): about 1 MB of its binary. A chunk the phone page shares with the facilitator's
/// stays, whatever the bundler names it.
#[derive(RustEmbed)]
#[folder = "../../ui/dist"]
#[allow_missing = true]
#[exclude = "index.html"]
#[exclude = "licences/*"]
#[exclude = "assets/main-*"]
#[exclude = "assets/WorkshopPage-*"]
pub(crate) struct PhoneUi;

/// Where the build looked for the UI: a debug build reads it from there, and only finds it when
/// the folder already existed when `polku` was compiled (rust-embed fixes that at compile time).
const UI_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../ui/dist");

/// The page a browser gets when this `polku` has no UI, saying what helps: building the UI, or
/// (when it was built after this program) building the program again.
fn no_ui(headers: &HeaderMap) -> Response {
    let built_later = std::path::Path::new(UI_DIR).join("index.html").is_file();
    let key = if built_later { "serve.noUi.rebuild" } else { "serve.noUi.missing" };
    let l = polku_export::labels::Labels::new(crate::access::language(headers));
    (StatusCode::SERVICE_UNAVAILABLE, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], format!("{}\n", l.t(key))).into_response()
}

pub(crate) async fn serve(uri: Uri, headers: HeaderMap) -> Response {
    let path = uri.path().trim_start_matches('/');
    let path = if path.is_empty() { "index.html" } else { path };
    if let Some(file) = Ui::get(path) {
        let mime = file.metadata.mimetype().to_string();
        // index.html must be fetched fresh so a new build is picked up; hashed assets may be cached.
        let cache = if path == "index.html" { "no-cache" } else { "public, max-age=31536000, immutable" };
        return ([(header::CONTENT_TYPE, mime), (header::CACHE_CONTROL, cache.to_string())], file.data).into_response();
    }
    if Ui::get("index.html").is_none() {
        return no_ui(&headers);
    }
    (StatusCode::NOT_FOUND, "not found\n").into_response()
}
