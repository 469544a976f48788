//! The team server's schema: numbered migrations like the laptop's, applied at start in one
//! transaction under an advisory lock (instances started together take turns), the version kept
//! in `polku_schema`. A database with other tables and no `polku_schema` is not ours; one written
//! by a newer Polku is refused, so an older instance never writes what it does not understand.

use std::path::PathBuf;

use postgres::Client;

use crate::StoreError;

const MIGRATIONS: &[(&str, &str)] = &[
    ("0001_library", include_str!("../../migrations/postgres/0001_library.sql")),
    ("0002_facilitators", include_str!("../../migrations/postgres/0002_facilitators.sql")),
    ("0003_sharing", include_str!("../../migrations/postgres/0003_sharing.sql")),
    ("0004_groups", include_str!("../../migrations/postgres/0004_groups.sql")),
    ("0005_joins", include_str!("../../migrations/postgres/0005_joins.sql")),
    ("0006_desktop_handoff", include_str!("../../migrations/postgres/0006_desktop_handoff.sql")),
];

/// The schema this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// 'POLK' as a number: the advisory lock migrations hold.
const MIGRATION_LOCK: i64 = 0x504F_4C4B;

pub(crate) fn migrate(client: &mut Client, location: &str) -> Result<(), StoreError> {
    let mut tx = client.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])?;
    let ours: Option<String> = tx.query_one("SELECT to_regclass('polku_schema')::text", &[])?.get(0);
    let version: i64 = if ours.is_some() {
        tx.query_one("SELECT version FROM polku_schema", &[])?.get(0)
    } else {
        let tables: i64 = tx
            .query_one("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()", &[])?
            .get(0);
        if tables > 0 {
            return Err(StoreError::NotPolku {
                path: PathBuf::from(location),
                reason: format!("the database has {tables} tables of another program"),
            });
        }
        tx.batch_execute("CREATE TABLE polku_schema (version BIGINT NOT NULL); INSERT INTO polku_schema VALUES (0);")?;
        0
    };
    if version > SCHEMA_VERSION {
        return Err(StoreError::NewerDatabase { path: PathBuf::from(location), found: version, supported: SCHEMA_VERSION });
    }
    for (i, (name, sql)) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        tx.batch_execute(sql).map_err(|e| StoreError::Io { path: PathBuf::from(location), message: format!("migration {name} failed: {e}") })?;
        tx.execute("UPDATE polku_schema SET version = $1", &[&(i as i64 + 1)])?;
    }
    tx.commit()?;
    Ok(())
}
