//! Opening a library that cannot be written. SQLite reads a WAL-mode file only with its shared
//! memory index beside it; on a read-only disk that index cannot be made, so the file is opened
//! as immutable (nothing else can change it there either) when a plain read-only open fails.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use crate::{migrations, StoreError};

/// `path` as an SQLite URI: the characters a URI gives meaning to are escaped.
fn uri(path: &Path, query: &str) -> String {
    let mut out = String::from("file:");
    for c in path.to_string_lossy().chars() {
        match c {
            '%' | '?' | '#' => out.push_str(&format!("%{:02X}", c as u32)),
            c => out.push(c),
        }
    }
    format!("{out}?{query}")
}

pub(crate) fn open(path: &Path) -> Result<Connection, StoreError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
    let mut last = None;
    for query in ["mode=ro", "immutable=1"] {
        let tried = Connection::open_with_flags(uri(path, query), flags)
            .map_err(|e| StoreError::from_open(path, e))
            .and_then(|conn| migrations::check_ours(&conn, path).map(|_| conn));
        match tried {
            Ok(conn) => return Ok(conn),
            Err(e @ StoreError::Io { .. }) => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| StoreError::Io { path: path.to_path_buf(), message: "cannot be read".into() }))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_path_becomes_a_uri_that_means_the_same_file() {
        let p = std::path::Path::new("/tmp/a?b#c%d/polku.sqlite3");
        assert_eq!(super::uri(p, "mode=ro"), "file:/tmp/a%3Fb%23c%25d/polku.sqlite3?mode=ro");
    }
}
