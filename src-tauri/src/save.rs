//! Saving a finished export (or an own template's file) where the user chooses, through the
//! system's own save dialog. The webview never sees a path it could write to: it names a job or a
//! template, and only its file is written.

use std::path::PathBuf;

use polku_api::{ApiError, ErrorCode, ExportFile};
use tauri::Wry;
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder};

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
    save_with_dialog(&app, host.export_file(id)?, title).await
}

/// Which of the system's file dialogs to show.
pub(crate) enum Ask {
    Save,
    Open,
}

/// Shows the file dialog under `title` (the page's words, cleaned) and waits: the path the user
/// chose, or None when they closed it.
pub(crate) async fn chosen_path(mut dialog: FileDialogBuilder<Wry>, title: Option<String>, ask: Ask) -> Result<Option<PathBuf>, ApiError> {
    if let Some(title) = title.filter(|t| !t.trim().is_empty()) {
        dialog = dialog.set_title(title.chars().filter(|c| !c.is_control()).take(MAX_TITLE_CHARS).collect::<String>());
    }
    let (tx, mut rx) = tauri::async_runtime::channel(1);
    let send = move |path| {
        let _ = tx.try_send(path);
    };
    match ask {
        Ask::Save => dialog.save_file(send),
        Ask::Open => dialog.pick_file(send),
    }
    let Some(Some(path)) = rx.recv().await else { return Ok(None) };
    path.into_path().map(Some).map_err(|e| ApiError::new(ErrorCode::BadRequest, e.to_string()))
}

/// Asks where to save `file` with the system's dialog and writes it there; the path written, or
/// None when the user closed the dialog.
pub(crate) async fn save_with_dialog(app: &tauri::AppHandle, file: ExportFile, title: Option<String>) -> Result<Option<String>, ApiError> {
    let ext = file.file_name.rsplit('.').next().unwrap_or_default().to_string();
    let dialog = app.dialog().file().set_file_name(&file.file_name).add_filter(ext.to_uppercase(), &[ext.as_str()]);
    let Some(path) = chosen_path(dialog, title, Ask::Save).await? else { return Ok(None) };
    let bytes = file.bytes.clone();
    let target = path.clone();
    tauri::async_runtime::spawn_blocking(move || polku_export::write_file(&target, &bytes))
        .await
        .map_err(|_| ApiError::internal("saving failed unexpectedly"))?
        .map_err(|e| ApiError::with_field(ErrorCode::Forbidden, format!("cannot write {}: {e}", path.display()), "path"))?;
    Ok(Some(path.display().to_string()))
}
