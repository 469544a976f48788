use std::path::{Path, PathBuf};

/// Overrides where the library lives, for the CLI and the desktop app alike.
pub const DATA_DIR_ENV: &str = "POLKU_DATA_DIR";
pub const DATABASE_FILE: &str = "polku.sqlite3";
/// The same folder the desktop app's identifier gives it, so the CLI sees the app's workshops.
const APP_IDENTIFIER: &str = "fi.polku.studio";

/// `POLKU_DATA_DIR` if set, else the platform's app-data folder (e.g. ~/.local/share/fi.polku.studio).
pub fn default_data_dir() -> PathBuf {
    match std::env::var_os(DATA_DIR_ENV) {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => dirs::data_dir().unwrap_or_else(|| PathBuf::from(".")).join(APP_IDENTIFIER),
    }
}

pub fn database_path(data_dir: &Path) -> PathBuf {
    data_dir.join(DATABASE_FILE)
}

/// `path` with `suffix` added to its file name (`polku.sqlite3` → `polku.sqlite3-wal`).
pub(crate) fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}
