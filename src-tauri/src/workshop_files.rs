//! A `.polku` workshop file someone sent, picked through the system's open dialog. The shell
//! reads it (bounded) and hands its text to the page, which checks and imports it through the
//! command surface like a browser does; the page never holds a path.

use std::path::PathBuf;

use polku_api::{ApiError, ErrorCode, FileProblem};
use polku_export::handed::{self, HandedError, HandedFile};
use tauri_plugin_dialog::DialogExt;

use crate::save::{chosen_path, Ask};

/// A file that cannot be opened, as the page words it: too large, not text, or not readable.
fn refused(e: HandedError) -> ApiError {
    let (code, problem) = match e {
        HandedError::TooLarge { .. } => (ErrorCode::TooLarge, FileProblem::TooLarge),
        HandedError::NotText { .. } => (ErrorCode::Validation, FileProblem::Foreign),
        HandedError::Unreadable { .. } | HandedError::NotAFile { .. } => (ErrorCode::Validation, FileProblem::Unreadable),
    };
    ApiError::workshop_file(code, e.to_string(), problem)
}

/// Reads a file handed over by its path (picked, double-clicked, dropped) off the window's thread.
pub(crate) async fn read_handed(path: PathBuf) -> Result<(String, String), ApiError> {
    let file = tauri::async_runtime::spawn_blocking(move || handed::read(&path))
        .await
        .map_err(|_| ApiError::internal("reading the file failed unexpectedly"))?
        .map_err(refused)?;
    let HandedFile { name, text } = file;
    Ok((name, text))
}

/// The picked file's name and text, or None when the user closed the dialog.
#[tauri::command]
pub async fn pick_workshop_file(app: tauri::AppHandle, title: Option<String>) -> Result<Option<(String, String)>, ApiError> {
    let dialog = app.dialog().file().add_filter("Polku", &["polku", "json"]);
    let Some(path) = chosen_path(dialog, title, Ask::Open).await? else { return Ok(None) };
    read_handed(path).await.map(Some)
}
