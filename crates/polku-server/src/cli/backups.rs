//! `polku backups` and `polku restore --backup NAME`: the library's rolling backups listed (or one
//! made now), one workshop taken back from a backup, or the whole library put back.

use polku_api::{Backup, BackupOrigin, Host, RestoredLibrary};
use polku_core::WorkshopSummary;

use super::{rfc3339, workshop_id};

fn call<T: serde::de::DeserializeOwned>(host: &Host, command: &str, req: serde_json::Value) -> Result<T, String> {
    let answer = host.call(command, req).map_err(|e| e.message)?;
    serde_json::from_value(answer).map_err(|e| e.to_string())
}

fn line(b: &Backup) -> String {
    let what = match (b.workshops, b.notes) {
        (Some(w), Some(n)) => format!("{w:>3} workshops {n:>6} notes"),
        _ => "cannot be read".into(),
    };
    let aside = if b.origin == BackupOrigin::BeforeRestore { "  (kept aside before a restore)" } else { "" };
    format!("{}  {}  {:>8} KB  {what}{aside}", b.name, rfc3339(b.made_at), b.bytes.div_ceil(1024))
}

/// The backups, the newest first (`--now`: make one first); with a name, the workshops in it.
pub(super) fn list(host: &Host, json: bool, now: bool, name: Option<&str>) -> Result<(), String> {
    if now {
        let made: Backup = call(host, "make_backup", serde_json::json!({}))?;
        eprintln!("Made {}", made.name);
    }
    if let Some(name) = name {
        let list: Vec<WorkshopSummary> = call(host, "backup_workshops", serde_json::json!({ "name": name }))?;
        for w in list {
            println!("{}  {}  {:>5} notes  {}", w.id, rfc3339(w.updated_at), w.notes, w.title);
        }
        return Ok(());
    }
    let list: Vec<Backup> = call(host, "list_backups", serde_json::json!({}))?;
    if json {
        println!("{}", serde_json::to_string_pretty(&list).map_err(|e| e.to_string())?);
        return Ok(());
    }
    if list.is_empty() {
        println!("No backups yet: Polku makes one after changes, at most every 10 minutes, and on exit.");
    }
    for b in &list {
        println!("{}", line(b));
    }
    Ok(())
}

/// One workshop from a backup (a copy, or `replace`), or with no id the whole library.
pub(super) fn restore(host: &Host, name: &str, id: Option<&str>, replace: bool, whole: bool) -> Result<(), String> {
    match (id, whole) {
        (Some(id), false) => {
            let how = if replace { "replace" } else { "copy" };
            let req = serde_json::json!({ "name": name, "id": workshop_id(id)?, "how": how });
            let w: WorkshopSummary = call(host, "restore_from_backup", req)?;
            println!("Restored \"{}\" ({} notes) as {}", w.title, w.notes, w.id);
            Ok(())
        }
        (None, true) => {
            let done: RestoredLibrary = call(host, "restore_library", serde_json::json!({ "name": name }))?;
            match done.kept_aside {
                Some(b) => println!("Restored the library from {name}; the library as it was is in {}", b.name),
                None => println!("Restored the library from {name}; the damaged file was moved aside beside it"),
            }
            Ok(())
        }
        (Some(_), true) => Err("give a workshop id or --whole-library, not both".into()),
        (None, false) => Err(format!(
            "say what to restore from {name}: a workshop id (see `polku backups --show {name}`), or --whole-library"
        )),
    }
}
