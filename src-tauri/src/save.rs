//! Saving a finished export where the user chooses, through the system's own save dialog. The
//! webview never sees a path it could write to: it names a job, and only its file is written.

use polku_api::{ApiError, ErrorCode};
use tauri_plugin_dialog::DialogExt;

use crate::Desktop;

/// The longest dialog title taken from the page.
const MAX_TITLE_CHARS: usize = 200;

/// Asks where to save the export's file and writes it there, under `title` (the UI's words for
/// it, in the user's language). Answers the path written, or None when the user closed the dialog.
#[tauri::command]
pub async fn save_export(
    app: tauri::AppHandle,
    state: tauri::State<'_, Desktop>,
    job_id: String,
    title: Option<String>,
) -> Result<Option<String>, ApiError> {
    let host = state.host.clone()?;
    let id = polku_core::Id::parse_str(&job_id).map_err(|_| ApiError::bad_request(format!("{job_id:?} is not an export id")))?;
    let file = host.export_file(id)?;
    let ext = file.file_name.rsplit('.').next().unwrap_or_default().to_string();
    let (tx, rx) = tauri::async_runtime::channel(1);
    let mut dialog = app.dialog().file().set_file_name(&file.file_name).add_filter(ext.to_uppercase(), &[ext.as_str()]);
    if let Some(title) = title.filter(|t| !t.trim().is_empty()) {
        let title: String = title.chars().filter(|c| !c.is_control()).take(MAX_TITLE_CHARS).collect();
        dialog = dialog.set_title(title);
    }
    dialog.save_file(move |path| {
        let _ = tx.try_send(path);
    });
    let mut rx = rx;
    let Some(Some(path)) = rx.recv().await else { return Ok(None) };
    let path = path.into_path().map_err(|e| ApiError::new(ErrorCode::BadRequest, e.to_string()))?;
    let bytes = file.bytes.clone();
    let target = path.clone();
    tauri::async_runtime::spawn_blocking(move || polku_export::write_file(&target, &bytes))
        .await
        .map_err(|_| ApiError::internal("saving failed unexpectedly"))?
        .map_err(|e| ApiError { code: ErrorCode::Forbidden, message: format!("cannot write {}: {e}", path.display()), field: Some("path".into()) })?;
    Ok(Some(path.display().to_string()))
}
