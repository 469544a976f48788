//! A `.polku` workshop file someone sent, picked through the system's open dialog. The shell
//! reads it (bounded) and hands its text to the page, which checks and imports it through the
//! command surface like a browser does; the page never holds a path.

use polku_api::{ApiError, ErrorCode, FileProblem};
use polku_export::workshop_file::MAX_FILE_BYTES;
use tauri_plugin_dialog::DialogExt;

use crate::save::{chosen_path, Ask};

/// The picked file's name and text, or None when the user closed the dialog.
#[tauri::command]
pub async fn pick_workshop_file(app: tauri::AppHandle, title: Option<String>) -> Result<Option<(String, String)>, ApiError> {
    let dialog = app.dialog().file().add_filter("Polku", &["polku", "json"]);
    let Some(path) = chosen_path(dialog, title, Ask::Open).await? else { return Ok(None) };
    let read = tauri::async_runtime::spawn_blocking(move || {
        let cannot = |e: std::io::Error| {
            ApiError::workshop_file(ErrorCode::Validation, format!("cannot read {}: {e}", path.display()), FileProblem::Unreadable)
        };
        let size = std::fs::metadata(&path).map_err(cannot)?.len();
        if size > MAX_FILE_BYTES as u64 {
            let message = format!("{} is {size} bytes, at most {MAX_FILE_BYTES} are read", path.display());
            return Err(ApiError::workshop_file(ErrorCode::TooLarge, message, FileProblem::TooLarge));
        }
        let text = String::from_utf8(std::fs::read(&path).map_err(cannot)?)
            .map_err(|_| ApiError::workshop_file(ErrorCode::Validation, "the file is not UTF-8 text", FileProblem::Foreign))?;
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        Ok((name, text))
    })
    .await
    .map_err(|_| ApiError::internal("reading the file failed unexpectedly"))??;
    Ok(Some(read))
}
