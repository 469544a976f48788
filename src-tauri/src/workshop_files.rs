//! A `.polku` workshop file someone sent, picked through the system's open dialog. The shell
//! reads it (bounded) and hands its text to the page, which checks and imports it through the
//! command surface like a browser does; the page never holds a path.

use std::path::PathBuf;

use polku_api::{ApiError, ErrorCode};
use polku_export::handed::{self, HandedError, HandedFile};
use tauri_plugin_dialog::DialogExt;

use crate::save::{chosen_path, Ask};

/// The page's "why" for a file that cannot be opened: too large, or what is wrong with it.
fn refused(e: HandedError) -> ApiError {
    let code = if matches!(e, HandedError::TooLarge { .. }) { ErrorCode::TooLarge } else { ErrorCode::Validation };
    ApiError { code, message: e.to_string(), field: Some("workshop_file".into()) }
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
