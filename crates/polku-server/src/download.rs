//! Files as downloads: `GET /api/exports/<job>`, the file an export job made, and
//! `GET /api/templates/<id>`, an own template's `.polku-template` file. The job id is random and
//! unguessable; the guard already refuses other sites and other host names.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::Extension;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};
use polku_api::{ApiError, ExportFile, Host};
use polku_core::Id;

use crate::guard::error_response;

pub(crate) async fn file(State(host): State<Arc<Host>>, signed: Option<Extension<polku_store::Facilitator>>, Path(job): Path<String>) -> Response {
    let Ok(id) = Id::parse_str(&job) else {
        return error_response(&ApiError::bad_request(format!("{job:?} is not an export id")));
    };
    // On a team server, only someone who may use the workshop downloads its file.
    let caller = crate::api::caller(signed);
    match tokio::task::spawn_blocking(move || host.export_file_as(&caller, id)).await {
        Ok(file) => attachment(file),
        Err(_) => error_response(&ApiError::internal("reading the export failed unexpectedly")),
    }
}

pub(crate) async fn template(State(host): State<Arc<Host>>, Path(id): Path<String>) -> Response {
    // The store's lock may be held by a command: wait for it off the async workers.
    match tokio::task::spawn_blocking(move || host.template_file(&id)).await {
        Ok(file) => attachment(file),
        Err(_) => error_response(&ApiError::internal("reading the template failed unexpectedly")),
    }
}

fn attachment(file: Result<ExportFile, ApiError>) -> Response {
    match file {
        Ok(f) => {
            // An ASCII name for old clients, the real one (RFC 5987) for the rest.
            let ascii: String = f.file_name.chars().map(|c| if c.is_ascii_graphic() && c != '"' && c != '\\' { c } else { '_' }).collect();
            let disposition =
                format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{}", utf8_percent_encode(&f.file_name, NON_ALPHANUMERIC));
            (
                [
                    (header::CONTENT_TYPE, f.mime.to_string()),
                    (header::CONTENT_DISPOSITION, disposition),
                    (header::CACHE_CONTROL, "no-store".to_string()),
                ],
                f.bytes.as_ref().clone(),
            )
                .into_response()
        }
        Err(e) => error_response(&e),
    }
}
