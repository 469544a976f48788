use axum::http::{header, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use rust_embed::RustEmbed;

/// The built web UI (`npm --prefix ui run build`). Debug builds read it from disk, release
/// builds carry it inside the binary.
#[derive(RustEmbed)]
#[folder = "../../ui/dist"]
#[allow_missing = true]
pub(crate) struct Ui;

pub(crate) async fn serve(uri: Uri) -> Response {
    let path = uri.path().trim_start_matches('/');
    let path = if path.is_empty() { "index.html" } else { path };
    if let Some(file) = Ui::get(path) {
        let mime = file.metadata.mimetype().to_string();
        // index.html must be fetched fresh so a new build is picked up; hashed assets may be cached.
        let cache = if path == "index.html" { "no-cache" } else { "public, max-age=31536000, immutable" };
        return ([(header::CONTENT_TYPE, mime), (header::CACHE_CONTROL, cache.to_string())], file.data).into_response();
    }
    if Ui::get("index.html").is_none() {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "The Polku web UI has not been built. Run `make ui` (npm --prefix ui run build), then reload.\n",
        )
            .into_response();
    }
    (StatusCode::NOT_FOUND, "not found\n").into_response()
}
