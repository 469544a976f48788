//! Numbered migrations, each applied in one transaction together with its `user_version` bump.

use std::path::Path;

use rusqlite::Connection;

use crate::StoreError;

/// 'POLK' as a big-endian integer, set by the first migration.
const APPLICATION_ID: i64 = 0x504F_4C4B;

const MIGRATIONS: &[(&str, &str)] = &[
    ("0001_library", include_str!("../migrations/0001_library.sql")),
    ("0002_board_structure", include_str!("../migrations/0002_board_structure.sql")),
    ("0003_people", include_str!("../migrations/0003_people.sql")),
    ("0004_board_versions", include_str!("../migrations/0004_board_versions.sql")),
    ("0005_sessions", include_str!("../migrations/0005_sessions.sql")),
    ("0006_note_sessions", include_str!("../migrations/0006_note_sessions.sql")),
    ("0007_board_kinds", include_str!("../migrations/0007_board_kinds.sql")),
    ("0008_own_templates", include_str!("../migrations/0008_own_templates.sql")),
    ("0009_recently_deleted", include_str!("../migrations/0009_recently_deleted.sql")),
    ("0010_note_by_board_id", include_str!("../migrations/0010_note_by_board_id.sql")),
    ("0011_session_runs", include_str!("../migrations/0011_session_runs.sql")),
    ("0012_private_writing", include_str!("../migrations/0012_private_writing.sql")),
    ("0013_votes", include_str!("../migrations/0013_votes.sql")),
    ("0014_note_authors", include_str!("../migrations/0014_note_authors.sql")),
];

/// The schema this build writes: `PRAGMA user_version` after all migrations.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Refuses a file that is not ours or is damaged, before anything is written to it.
pub(crate) fn check_ours(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let open_err = |e| StoreError::from_open(path, e);
    let app_id: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0)).map_err(open_err)?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(open_err)?;
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
        .map_err(open_err)?;
    let fresh = app_id == 0 && version == 0 && tables == 0;
    if !fresh && app_id != APPLICATION_ID {
        return Err(StoreError::NotPolku {
            path: path.to_path_buf(),
            reason: "an SQLite database of another program".into(),
        });
    }
    if version > SCHEMA_VERSION {
        return Err(StoreError::NewerDatabase { path: path.to_path_buf(), found: version, supported: SCHEMA_VERSION });
    }
    if !fresh {
        let check: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0)).map_err(open_err)?;
        if check != "ok" {
            return Err(StoreError::Corrupt { path: path.to_path_buf(), reason: check });
        }
    }
    Ok(())
}

pub(crate) fn migrate(conn: &mut Connection, path: &Path) -> Result<(), StoreError> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    for (i, (name, sql)) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql).map_err(|e| StoreError::Io {
            path: path.to_path_buf(),
            message: format!("migration {name} failed: {e}"),
        })?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}
