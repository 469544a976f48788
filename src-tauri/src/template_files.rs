//! An own template's `.polku-template` file, saved where the user chooses or picked to be
//! imported, through the system's own dialogs. The webview names a template, or asks for a file
//! to be picked; it never holds a path.

use polku_api::{ApiError, ErrorCode};
use polku_core::own_template::{MAX_TEMPLATE_BYTES, TEMPLATE_FILE_EXTENSION};
use tauri_plugin_dialog::DialogExt;

use crate::save::{chosen_path, save_with_dialog, Ask};
use crate::Desktop;

/// Asks where to save the own template `id` as a file and writes it there; the path written, or
/// None when the user closed the dialog.
#[tauri::command]
pub async fn save_template_file(
    app: tauri::AppHandle,
    state: tauri::State<'_, Desktop>,
    id: String,
    title: Option<String>,
) -> Result<Option<String>, ApiError> {
    let host = state.host.clone()?;
    let file = tauri::async_runtime::spawn_blocking(move || host.template_file(&id))
        .await
        .map_err(|_| ApiError::internal("reading the template failed unexpectedly"))??;
    save_with_dialog(&app, file, title).await
}

fn refused(code: ErrorCode, message: String) -> ApiError {
    ApiError::with_field(code, message, "template_file")
}

/// Asks for a template file and imports it (`import_template`); the new template's summary, or
/// None when the user closed the dialog.
#[tauri::command]
pub async fn open_template_file(
    app: tauri::AppHandle,
    state: tauri::State<'_, Desktop>,
    title: Option<String>,
) -> Result<Option<serde_json::Value>, ApiError> {
    let host = state.host.clone()?;
    let dialog = app.dialog().file().add_filter("Polku", &[TEMPLATE_FILE_EXTENSION, "json"]);
    let Some(path) = chosen_path(dialog, title, Ask::Open).await? else { return Ok(None) };
    let summary = tauri::async_runtime::spawn_blocking(move || {
        let size = std::fs::metadata(&path).map_err(|e| refused(ErrorCode::Validation, format!("cannot read {}: {e}", path.display())))?.len();
        if size > MAX_TEMPLATE_BYTES as u64 {
            return Err(refused(ErrorCode::TooLarge, format!("{} is {size} bytes, at most {MAX_TEMPLATE_BYTES} are read", path.display())));
        }
        let bytes = std::fs::read(&path).map_err(|e| refused(ErrorCode::Validation, format!("cannot read {}: {e}", path.display())))?;
        let json = String::from_utf8(bytes).map_err(|_| refused(ErrorCode::Validation, "the file is not UTF-8 text".into()))?;
        host.call("import_template", serde_json::json!({ "json": json }))
    })
    .await
    .map_err(|_| ApiError::internal("importing failed unexpectedly"))??;
    Ok(Some(summary))
}
