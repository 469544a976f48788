//! `polku delete ID`, `polku list --deleted`, `polku restore ID`, `polku erase ID`: the library's "Recently deleted",
//! where `delete_workshop` puts a workshop for 30 days.

use polku_api::{DeletedWorkshop, Host};

use super::{rfc3339, workshop_id};

/// The deleted workshops, the most recently deleted first.
pub(super) fn list(host: &Host, json: bool) -> Result<(), String> {
    let answer = host.call("list_deleted_workshops", serde_json::json!({})).map_err(|e| e.message)?;
    let list: Vec<DeletedWorkshop> = serde_json::from_value(answer).map_err(|e| e.to_string())?;
    if json {
        let rows: Vec<_> = list
            .iter()
            .map(|w| {
                serde_json::json!({ "id": w.id, "title": w.title, "deleted_at": rfc3339(w.deleted_at), "notes": w.notes, "days_left": w.days_left })
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&rows).map_err(|e| e.to_string())?);
        return Ok(());
    }
    if list.is_empty() {
        println!("No recently deleted workshops.");
    }
    for w in list {
        println!("{}  deleted {}  {:>5} notes  {:>2} days left  {}", w.id, rfc3339(w.deleted_at), w.notes, w.days_left, w.title);
    }
    Ok(())
}

/// Moves a workshop to Recently deleted.
pub(super) fn delete(host: &Host, id: &str) -> Result<(), String> {
    act(host, "delete_workshop", "delete", id, "Moved {id} to Recently deleted for 30 days (`polku restore {id}` brings it back)")
}

/// Brings a deleted workshop back whole.
pub(super) fn restore(host: &Host, id: &str) -> Result<(), String> {
    act(host, "restore_workshop", "restore", id, "Restored {id}")
}

/// Erases a deleted workshop for good, from the database file and the backups too.
pub(super) fn erase(host: &Host, id: &str) -> Result<(), String> {
    let id = workshop_id(id)?;
    let erased = host.call("erase_workshop", serde_json::json!({ "id": id })).map_err(|e| format!("cannot erase {id}: {}", e.message))?;
    println!("Erased {id} for good, from the library file and from {} backups", erased["backups"]);
    Ok(())
}

/// Runs `command` on the workshop `id` and prints `done` with `{id}` filled in.
fn act(host: &Host, command: &str, verb: &str, id: &str, done: &str) -> Result<(), String> {
    let id = workshop_id(id)?;
    host.call(command, serde_json::json!({ "id": id })).map_err(|e| format!("cannot {verb} {id}: {}", e.message))?;
    println!("{}", done.replace("{id}", &id.to_string()));
    Ok(())
}
