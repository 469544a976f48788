//! Workshop files the system hands the app instead of the page asking for one: a `.polku` file
//! double-clicked in the file manager (its path is the app's argument; on macOS an "opened" event)
//! and a file dropped on the window. The shell keeps the path until the page takes it, so a file is
//! not lost when the page loads after the shell; the page gets the file's name and text, never a
//! path. Drops open a file only while the page says it receives them (the workshop list shows):
//! a file dropped on a board is not imported behind the user's back, the page says where to drop.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use polku_api::ApiError;
use serde_json::json;
use tauri::{DragDropEvent, Emitter, Manager, Runtime};

use crate::workshop_files::read_handed;

/// What the page hears of files handed over (see `ui/src/lib/backend/openedFiles.ts`).
const NEWS: &str = "polku://opened-file";

enum News {
    /// A file waits for `take_opened_file`.
    Waiting,
    /// A file was dropped while the page does not receive drops.
    Elsewhere,
    /// A file is being dragged over the window (or no longer).
    Hover { over: bool },
}

#[derive(Default)]
struct Held {
    path: Option<PathBuf>,
    /// Whether `path` came by a drop: such a file is only for the page that received it.
    dropped: bool,
    receiving: bool,
}

/// The file waiting for the page, and whether the page receives drops now.
#[derive(Default)]
pub struct Inbox(Mutex<Held>);

impl Inbox {
    /// The inbox at start-up, holding the file the app was started to open.
    pub fn launched(path: Option<PathBuf>) -> Self {
        Inbox(Mutex::new(Held { path, ..Held::default() }))
    }

    fn held(&self) -> MutexGuard<'_, Held> {
        // Nothing panics while holding it; were it poisoned, what it holds is still whole.
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

fn tell<R: Runtime>(app: &tauri::AppHandle<R>, news: News) {
    let payload = match news {
        News::Waiting => json!({ "kind": "waiting" }),
        News::Elsewhere => json!({ "kind": "elsewhere" }),
        News::Hover { over } => json!({ "kind": "hover", "over": over }),
    };
    let _ = app.emit(NEWS, payload);
}

/// A file the system asked the running app to open (macOS sends these after start-up too).
#[cfg_attr(not(target_os = "macos"), allow(dead_code))]
pub fn opened<R: Runtime>(app: &tauri::AppHandle<R>, path: PathBuf) {
    let Some(inbox) = app.try_state::<Inbox>() else { return };
    {
        let mut held = inbox.held();
        held.path = Some(path);
        held.dropped = false;
    }
    tell(app, News::Waiting);
}

/// The window's drag-and-drop of files from outside: the first dropped file is the one opened,
/// as in a browser.
pub fn drag_drop<R: Runtime>(app: &tauri::AppHandle<R>, event: &DragDropEvent) {
    let Some(inbox) = app.try_state::<Inbox>() else { return };
    match event {
        DragDropEvent::Enter { .. } => tell(app, News::Hover { over: true }),
        DragDropEvent::Leave => tell(app, News::Hover { over: false }),
        DragDropEvent::Drop { paths, .. } => {
            tell(app, News::Hover { over: false });
            let Some(first) = paths.first() else { return };
            let mut held = inbox.held();
            if held.receiving {
                *held = Held { path: Some(first.clone()), dropped: true, receiving: true };
                drop(held);
                tell(app, News::Waiting);
            } else {
                drop(held);
                tell(app, News::Elsewhere);
            }
        }
        _ => {}
    }
}

/// The page receives dropped files from now on (`on`), or no longer: a dropped file it did not take
/// meanwhile is forgotten, never opened later somewhere else.
#[tauri::command]
pub fn receive_opened_files(inbox: tauri::State<'_, Inbox>, on: bool) {
    let mut held = inbox.held();
    held.receiving = on;
    if !on && held.dropped {
        *held = Held::default();
    }
}

/// The waiting file's name and text (read bounded, like a picked one), or None when none waits.
#[tauri::command]
pub async fn take_opened_file(inbox: tauri::State<'_, Inbox>) -> Result<Option<(String, String)>, ApiError> {
    let path = {
        let mut held = inbox.held();
        held.dropped = false;
        held.path.take()
    };
    match path {
        Some(path) => read_handed(path).await.map(Some),
        None => Ok(None),
    }
}
