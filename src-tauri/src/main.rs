// No console window behind the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

//! The desktop shell. Commands are a thin adapter: `call` hands the command name and its JSON
//! request to polku-api, the same handler the HTTP server runs; change events are forwarded as
//! the Tauri event `polku://event`.

mod first_show;
mod opened_files;
mod save;
mod team_libraries;
mod template_files;
mod webkit;
mod workshop_files;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use polku_api::{ApiError, Host};
use tauri::{Emitter, Manager, RunEvent, WindowEvent};

const EVENT: &str = "polku://event";

struct Desktop {
    /// Err when the library could not be opened (say, a database from a newer Polku): the window
    /// still opens and every command answers with the reason, which the UI explains in the
    /// user's language. Nothing is written meanwhile.
    host: Result<Arc<Host>, ApiError>,
    client_id: String,
}

#[tauri::command]
async fn call(
    state: tauri::State<'_, Desktop>,
    command: String,
    args: serde_json::Value,
) -> Result<serde_json::Value, ApiError> {
    let host = state.host.clone()?;
    // SQLite work blocks; keep it off the async runtime that drives the window.
    tauri::async_runtime::spawn_blocking(move || host.call(&command, args))
        .await
        .map_err(|_| ApiError::internal("the command failed unexpectedly; nothing was changed"))?
}

/// This window's client id: kept in the data folder so undo history survives a restart.
#[tauri::command]
fn client_id(state: tauri::State<'_, Desktop>) -> String {
    state.client_id.clone()
}

fn data_dir(app: &tauri::App) -> PathBuf {
    match std::env::var_os(polku_store::DATA_DIR_ENV) {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => app.path().app_data_dir().unwrap_or_else(|_| polku_store::default_data_dir()),
    }
}

fn stored_client_id(dir: &Path) -> std::io::Result<String> {
    let file = dir.join("desktop-client-id");
    if let Ok(id) = std::fs::read_to_string(&file) {
        let id = id.trim();
        if polku_api::is_valid_client_id(id) {
            return Ok(id.to_string());
        }
    }
    let id = format!("desktop-{}", uuid::Uuid::now_v7().simple());
    std::fs::write(&file, &id)?;
    Ok(id)
}

fn setup(app: &mut tauri::App) -> Result<(), Box<dyn std::error::Error>> {
    let dir = data_dir(app);
    let host = Host::open(&dir).map(Arc::new).map_err(|e| {
        eprintln!("Polku: {e}");
        ApiError::library_unavailable(&e)
    });
    // Without a stored id undo history only lasts this run, which beats not starting.
    let client_id = stored_client_id(&dir).unwrap_or_else(|_| format!("desktop-{}", uuid::Uuid::now_v7().simple()));
    if let Ok(host) = &host {
        // The same participant listener as `polku serve`, on Tauri's own tokio runtime.
        polku_server::participant::LanJoinNetwork::install(host, tauri::async_runtime::handle().inner().clone());
        let mut events = host.subscribe();
        let handle = app.handle().clone();
        tauri::async_runtime::spawn(async move {
            loop {
                match events.recv().await {
                    Ok(event) => {
                        let _ = handle.emit(EVENT, event);
                    }
                    Err(polku_api::RecvError::Lagged(_)) => continue,
                    Err(polku_api::RecvError::Closed) => break,
                }
            }
        });
    }
    app.manage(Desktop { host, client_id });
    app.manage(team_libraries::TeamLibraries::new(dir.clone()));
    // A double-clicked `.polku` file: the file manager starts the app with its path (Linux, Windows).
    app.manage(opened_files::Inbox::launched(polku_export::handed::from_args(std::env::args_os().skip(1))));
    Ok(())
}

fn main() {
    webkit::prepare();
    let app = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            first_show::show_anyway_later(app.handle().clone());
            setup(app)
        })
        .on_page_load(first_show::page_loaded)
        .on_window_event(|window, event| {
            if let WindowEvent::DragDrop(files) = event {
                opened_files::drag_drop(window.app_handle(), files);
            }
        })
        .invoke_handler(tauri::generate_handler![
            call,
            client_id,
            save::save_export,
            template_files::save_template_file,
            template_files::open_template_file,
            workshop_files::pick_workshop_file,
            opened_files::receive_opened_files,
            opened_files::take_opened_file,
            team_libraries::team_libraries,
            team_libraries::open_team_library,
            team_libraries::forget_team_library
        ])
        .build(tauri::generate_context!());
    match app {
        Ok(app) => app.run(|app, event| match event {
            // The process ends without running destructors; leave the database file whole.
            RunEvent::Exit => {
                if let Some(Ok(host)) = app.try_state::<Desktop>().map(|d| d.host.clone()) {
                    host.shutdown();
                }
            }
            // macOS hands a double-clicked file to the running app rather than as an argument.
            #[cfg(target_os = "macos")]
            RunEvent::Opened { urls } => {
                if let Some(path) = urls.iter().find_map(|url| url.to_file_path().ok()) {
                    opened_files::opened(app, path);
                }
            }
            _ => {}
        }),
        Err(e) => {
            eprintln!("Polku could not start: {e}");
            std::process::exit(1);
        }
    }
}
