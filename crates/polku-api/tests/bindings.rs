//! The committed TypeScript bindings must match what the Rust types generate now.
//! `UPDATE_BINDINGS=1 cargo test -p polku-api --test bindings` rewrites them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn read_dir(dir: &Path) -> BTreeMap<String, String> {
    let Ok(entries) = std::fs::read_dir(dir) else { return BTreeMap::new() };
    entries
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "ts"))
        .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read_to_string(e.path()).unwrap()))
        .collect()
}

#[test]
fn typescript_bindings_are_fresh() {
    let committed_dir: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(polku_api::BINDINGS_DIR);
    let fresh = tempfile::tempdir().unwrap();
    polku_api::export_bindings(fresh.path()).unwrap();
    let generated = read_dir(fresh.path());
    assert!(generated.contains_key("commands.ts") && generated.contains_key("Note.ts"));
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        let _ = std::fs::remove_dir_all(&committed_dir);
        std::fs::create_dir_all(&committed_dir).unwrap();
        for (name, text) in &generated {
            std::fs::write(committed_dir.join(name), text).unwrap();
        }
        return;
    }
    let committed = read_dir(&committed_dir);
    let stale: Vec<_> = generated
        .keys()
        .chain(committed.keys())
        .filter(|k| generated.get(*k) != committed.get(*k))
        .collect();
    assert!(
        stale.is_empty(),
        "TypeScript bindings in {} are stale: {stale:?}. Run `UPDATE_BINDINGS=1 cargo test -p polku-api --test bindings` and commit.",
        committed_dir.display()
    );
}

#[test]
fn a_library_that_cannot_be_opened_is_explained_by_code() {
    let dir = tempfile::tempdir().unwrap();
    drop(polku_api::Host::open(dir.path()).unwrap());
    let db = dir.path().join("polku.sqlite3");
    let mut bytes = std::fs::read(&db).unwrap();
    bytes[60..64].copy_from_slice(&99u32.to_be_bytes()); // user_version, as a newer Polku leaves it
    std::fs::write(&db, bytes).unwrap();
    let err = polku_api::Host::open(dir.path()).err().expect("a newer library is refused");
    let api = polku_api::ApiError::library_unavailable(&err);
    assert_eq!((api.code, api.field.as_deref()), (polku_api::ErrorCode::LibraryUnavailable, Some("newer")));
    assert_eq!(api.code.http_status(), 503);
}
