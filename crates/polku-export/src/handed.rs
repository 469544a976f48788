//! A workshop file a person hands Polku by its path: picked in the system's open dialog,
//! double-clicked in the file manager (the system starts the app with the path as an argument) or
//! dropped on the window. Whatever the path names, at most [`MAX_FILE_BYTES`] are read, so a
//! huge file, a device or a pipe never fills memory or hangs the app; the text is checked later,
//! whole, by the import (`workshop_file::read`).

use std::ffi::OsString;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::workshop_file::MAX_FILE_BYTES;

/// The file as the page imports it: its name (for messages) and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandedFile {
    pub name: String,
    pub text: String,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum HandedError {
    #[error("cannot read {path}: {reason}")]
    Unreadable { path: String, reason: String },
    #[error("{path} is not a file")]
    NotAFile { path: String },
    #[error("{path} is more than {MAX_FILE_BYTES} bytes; a workshop file is never that large")]
    TooLarge { path: String },
    #[error("{path} is not text (a workshop file is UTF-8 JSON)")]
    NotText { path: String },
}

/// Reads the file at `path`, bounded.
pub fn read(path: &Path) -> Result<HandedFile, HandedError> {
    let shown = path.display().to_string();
    let unreadable = |e: std::io::Error| HandedError::Unreadable { path: shown.clone(), reason: e.to_string() };
    // A folder, a device or a named pipe (opening one would wait for a writer) is refused unopened.
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    if !meta.is_file() {
        return Err(HandedError::NotAFile { path: shown });
    }
    if meta.len() > MAX_FILE_BYTES as u64 {
        return Err(HandedError::TooLarge { path: shown });
    }
    // The size said above may be stale (a file still being written): the read is bounded itself.
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_BYTES as u64 + 1).read_to_end(&mut bytes))
        .map_err(unreadable)?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(HandedError::TooLarge { path: shown });
    }
    let text = String::from_utf8(bytes).map_err(|_| HandedError::NotText { path: shown })?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(HandedFile { name, text })
}

/// The file a program's arguments (without the program itself) ask it to open: the first
/// `.polku` file, else the first argument naming an existing file; options (`-…`) are passed over.
/// A file manager passes the double-clicked file this way on Linux and Windows.
pub fn from_args(args: impl IntoIterator<Item = OsString>) -> Option<PathBuf> {
    // A launcher passes a handful; a long list is not a person's double-click.
    const MAX_ARGS: usize = 64;
    let paths: Vec<PathBuf> = args
        .into_iter()
        .take(MAX_ARGS)
        .filter(|a| !a.to_string_lossy().starts_with('-'))
        .map(PathBuf::from)
        .filter(|p| p.is_file())
        .collect();
    let polku = paths.iter().find(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("polku")));
    polku.or(paths.first()).cloned()
}
