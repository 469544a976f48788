//! The main window is made hidden and shown once its page has loaded, or after `SHOW_ANYWAY`
//! whatever happened to the page. WebKitGTK without compositing (no GPU, `webkit.rs`) blocks the
//! window's first draw for up to half a second while its web process is still starting: every
//! other start took 500 ms longer. Once the page has loaded, that process answers at once.

use std::time::Duration;

use tauri::webview::{PageLoadEvent, PageLoadPayload};
use tauri::{AppHandle, Manager, Runtime, Webview};

/// The window `tauri.conf.json` makes (Tauri's default label), with `"visible": false`.
const MAIN: &str = "main";
/// Long past a normal start (about one second on a 2-core machine with a cold disk), so the
/// window never stays hidden because a page failed to load.
const SHOW_ANYWAY: Duration = Duration::from_secs(3);

/// For `Builder::on_page_load`.
pub fn page_loaded<R: Runtime>(webview: &Webview<R>, payload: &PageLoadPayload<'_>) {
    if payload.event() == PageLoadEvent::Finished && webview.label() == MAIN {
        show(webview.app_handle());
    }
}

/// Called at setup: the fallback.
pub fn show_anyway_later<R: Runtime>(app: AppHandle<R>) {
    std::thread::spawn(move || {
        std::thread::sleep(SHOW_ANYWAY);
        show(&app);
    });
}

fn show<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window(MAIN) {
        if !window.is_visible().unwrap_or(false) {
            if let Err(e) = window.show() {
                eprintln!("Polku could not show its window: {e}");
            }
        }
    }
}
