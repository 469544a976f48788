//! Only this machine's own pages may talk to the API. The server binds 127.0.0.1, but a web page
//! from elsewhere could still make the browser send requests to it, or reach it through a DNS name
//! that resolves to 127.0.0.1; these checks refuse both.

use axum::extract::Request;
use axum::http::{header, HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use polku_api::{ApiError, ErrorCode};

pub(crate) fn error_response(e: &ApiError) -> Response {
    let status = StatusCode::from_u16(e.code.http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, axum::Json(e.to_body())).into_response()
}

fn is_local_host(host: &str) -> bool {
    let name = host.rsplit_once(':').map_or(host, |(name, port)| if port.chars().all(|c| c.is_ascii_digit()) { name } else { host });
    matches!(name, "127.0.0.1" | "localhost" | "[::1]")
}

fn header_str(headers: &HeaderMap, name: header::HeaderName) -> Option<&str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

pub(crate) async fn local_only(req: Request, next: Next) -> Response {
    let headers = req.headers();
    let host = header_str(headers, header::HOST).unwrap_or("");
    if !is_local_host(host) {
        return error_response(&ApiError::new(ErrorCode::Forbidden, "requests must be addressed to 127.0.0.1 or localhost"));
    }
    if let Some(origin) = header_str(headers, header::ORIGIN) {
        // Any page of this machine's own (the UI, or its dev server on another port) may call.
        let local = origin.strip_prefix("http://").is_some_and(is_local_host);
        if !local {
            return error_response(&ApiError::new(ErrorCode::Forbidden, "requests from other sites are refused"));
        }
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    #[test]
    fn local_hosts() {
        assert!(super::is_local_host("127.0.0.1:4870"));
        assert!(super::is_local_host("localhost"));
        assert!(!super::is_local_host("evil.example:4870"));
        assert!(!super::is_local_host("127.0.0.1.evil.example"));
    }
}
