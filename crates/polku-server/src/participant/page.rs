//! The phone page: `participant.html` and its files from the built UI, embedded like the
//! facilitator's but without the facilitator's own pages (`crate::assets::PhoneUi`). Until the
//! UI has that entry, a short page says so. The page is the same for every address it is served
//! on: it reads the link's token from its own URL and asks the API, so serving it says nothing
//! about whether a token is valid.

use axum::extract::Path;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use rust_embed::RustEmbed;

use crate::assets::PhoneUi;

const ENTRY: &str = "participant.html";

const NOT_BUILT: &str = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Polku</title></head>\
<body><p>Polku: the participants' page is not built.</p></body></html>\n";

/// `GET /` and `GET /j/{token}`.
pub(crate) async fn page() -> Response {
    match <PhoneUi as RustEmbed>::get(ENTRY) {
        // Fetched fresh, so a phone gets the page of the Polku running now.
        Some(file) => ([(header::CONTENT_TYPE, "text/html; charset=utf-8"), (header::CACHE_CONTROL, "no-cache")], file.data).into_response(),
        None => (StatusCode::SERVICE_UNAVAILABLE, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], NOT_BUILT).into_response(),
    }
}

/// `GET /assets/{*file}`: the page's scripts and styles, hashed by the build, so cacheable.
pub(crate) async fn asset(Path(file): Path<String>) -> Response {
    match <PhoneUi as RustEmbed>::get(&format!("assets/{file}")) {
        Some(f) => {
            let mime = f.metadata.mimetype().to_string();
            ([(header::CONTENT_TYPE, mime), (header::CACHE_CONTROL, "public, max-age=31536000, immutable".to_string())], f.data).into_response()
        }
        None => (StatusCode::NOT_FOUND, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], super::ASK_FOR_THE_LINK).into_response(),
    }
}
