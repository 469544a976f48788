//! Named steps that bring an older `.polku` file up to the current version, one version each.
//! They work on the JSON as read, before it is checked, and use the layout numbers of the version
//! they read, not today's, so an old file always lands where it was drawn.

use serde_json::{json, Map, Value};

/// v1 layout: station columns at x = 160 + 260 × index, lanes from y = 230, 268 units high.
const V1_FIRST_X: f64 = 160.0;
const V1_STEP_X: f64 = 260.0;
const V1_LANES_TOP: f64 = 230.0;
const V1_LANE_H: f64 = 268.0;

/// v1 → v2: phases become named rows of each board (the three defaults, in the workshop's
/// language), touchpoints get a description and the side-station flag, lanes a height, notes a
/// kind, and note positions become relative to their touchpoint's column and lane.
pub(crate) fn v1_cells_and_phases(mut file: Value) -> Result<Value, String> {
    let language = file.pointer("/workshop/language").and_then(Value::as_str).unwrap_or("en").to_string();
    let boards = file
        .pointer_mut("/workshop/boards")
        .and_then(Value::as_array_mut)
        .ok_or("workshop.boards is missing or not a list")?;
    for (bi, board) in boards.iter_mut().enumerate() {
        let board = board.as_object_mut().ok_or(format!("workshop.boards[{bi}] is not an object"))?;
        let board_id = board.get("id").cloned().unwrap_or(Value::Null);
        let phases: Vec<(String, Value)> = ["before", "during", "after"]
            .iter()
            .enumerate()
            .map(|(i, key)| {
                let id = uuid::Uuid::now_v7().to_string();
                let phase = json!({ "id": id, "board_id": board_id, "position": i, "label": phase_label(key, &language), "version": 1 });
                (key.to_string(), phase)
            })
            .collect();
        let columns = ranks(board.get("touchpoints"));
        let rows = ranks(board.get("lanes"));
        if let Some(list) = board.get_mut("touchpoints").and_then(Value::as_array_mut) {
            for t in list.iter_mut().filter_map(Value::as_object_mut) {
                let key = t.remove("phase");
                let phase_id = key
                    .as_ref()
                    .and_then(Value::as_str)
                    .and_then(|k| phases.iter().find(|(pk, _)| pk == k))
                    .map(|(_, p)| p["id"].clone())
                    .unwrap_or(Value::Null);
                t.insert("description".into(), Value::from(""));
                t.insert("phase_id".into(), phase_id);
                t.insert("side_station".into(), Value::from(false));
            }
        }
        if let Some(list) = board.get_mut("lanes").and_then(Value::as_array_mut) {
            for l in list.iter_mut().filter_map(Value::as_object_mut) {
                l.insert("height".into(), Value::from(V1_LANE_H));
            }
        }
        if let Some(list) = board.get_mut("notes").and_then(Value::as_array_mut) {
            for n in list.iter_mut().filter_map(Value::as_object_mut) {
                n.insert("kind".into(), Value::from("observation"));
                shift(n, "touchpoint_id", "x", &columns, |i| V1_FIRST_X + i as f64 * V1_STEP_X);
                shift(n, "lane_id", "y", &rows, |i| V1_LANES_TOP + i as f64 * V1_LANE_H);
            }
        }
        board.insert("phases".into(), Value::Array(phases.into_iter().map(|(_, p)| p).collect()));
    }
    Ok(file)
}

/// Each id's index when the list is sorted as the board draws it (position, then id).
fn ranks(list: Option<&Value>) -> Vec<String> {
    let mut items: Vec<(i64, String)> = list
        .and_then(Value::as_array)
        .map(|l| {
            l.iter()
                .filter_map(|v| Some((v.get("position")?.as_i64()?, v.get("id")?.as_str()?.to_string())))
                .collect()
        })
        .unwrap_or_default();
    items.sort();
    items.into_iter().map(|(_, id)| id).collect()
}

/// Makes `field` relative to the cell `key` names; a note naming nothing known stays as it is
/// (the check that follows refuses an unknown id with its path).
fn shift(n: &mut Map<String, Value>, key: &str, field: &str, ranks: &[String], origin: impl Fn(usize) -> f64) {
    let Some(index) = n.get(key).and_then(Value::as_str).and_then(|id| ranks.iter().position(|r| r == id)) else { return };
    if let Some(v) = n.get(field).and_then(Value::as_f64) {
        n.insert(field.into(), Value::from(v - origin(index)));
    }
}

fn phase_label(key: &str, language: &str) -> &'static str {
    match (key, language) {
        ("before", "fi") => "Ennen palvelua",
        ("during", "fi") => "Palvelun aikana",
        ("after", "fi") => "Palvelun jälkeen",
        ("before", "sv") => "Före tjänsten",
        ("during", "sv") => "Under tjänsten",
        ("after", "sv") => "Efter tjänsten",
        ("before", _) => "Before the service",
        ("during", _) => "During the service",
        _ => "After the service",
    }
}

/// v2 → v3: a persona's fields move under `fields` with the new ones empty (a sun avatar on sky,
/// no age group or skills given), and the workshop gets its walkthroughs and their steps (none).
pub(crate) fn v2_people(mut file: Value) -> Result<Value, String> {
    let workshop = file.get_mut("workshop").and_then(Value::as_object_mut).ok_or("workshop is missing or not an object")?;
    if let Some(list) = workshop.get_mut("personas").and_then(Value::as_array_mut) {
        for (i, p) in list.iter_mut().enumerate() {
            let p = p.as_object_mut().ok_or(format!("workshop.personas[{i}] is not an object"))?;
            let name = p.remove("name").unwrap_or(Value::Null);
            let fields = json!({
                "name": name,
                "avatar": { "symbol": "sun", "colour": "sky" },
                "age_group": null,
                "life_situation": "", "goals": "", "needs": "", "fears": "",
                "channels": [],
                "digital_skills": null,
                "languages": [],
                "quote": "", "notes": ""
            });
            p.insert("fields".into(), fields);
            p.insert("created_at".into(), Value::from(0));
            p.insert("updated_at".into(), Value::from(0));
        }
    }
    workshop.insert("walkthroughs".into(), Value::Array(Vec::new()));
    workshop.insert("walk_steps".into(), Value::Array(Vec::new()));
    Ok(file)
}

/// v3 → v4: boards are records with a version of their own, like everything on them.
pub(crate) fn v3_board_versions(mut file: Value) -> Result<Value, String> {
    let boards = file
        .pointer_mut("/workshop/boards")
        .and_then(Value::as_array_mut)
        .ok_or("workshop.boards is missing or not a list")?;
    for (i, board) in boards.iter_mut().enumerate() {
        let board = board.as_object_mut().ok_or(format!("workshop.boards[{i}] is not an object"))?;
        board.insert("version".into(), Value::from(1));
    }
    Ok(file)
}

/// v4 → v5: a workshop has sessions (its meetings); a file from before has none.
pub(crate) fn v4_sessions(mut file: Value) -> Result<Value, String> {
    let workshop = file.get_mut("workshop").and_then(Value::as_object_mut).ok_or("workshop is missing or not an object")?;
    workshop.insert("sessions".into(), Value::Array(Vec::new()));
    Ok(file)
}

/// v5 → v6: each note names the session it was written in; notes from before name none.
pub(crate) fn v5_note_sessions(mut file: Value) -> Result<Value, String> {
    let boards = file
        .pointer_mut("/workshop/boards")
        .and_then(Value::as_array_mut)
        .ok_or("workshop.boards is missing or not a list")?;
    for (bi, board) in boards.iter_mut().enumerate() {
        let notes = board.get_mut("notes").and_then(Value::as_array_mut).ok_or(format!("workshop.boards[{bi}].notes is missing or not a list"))?;
        for (i, n) in notes.iter_mut().enumerate() {
            let n = n.as_object_mut().ok_or(format!("workshop.boards[{bi}].notes[{i}] is not an object"))?;
            n.insert("session_id".into(), Value::Null);
        }
    }
    Ok(file)
}

/// v6 → v7: boards of other kinds. A period may stack boxes and carry a caption, a row may name
/// the line above it, and labels remember their template's words; a file from before has none of
/// that, so its originals are empty (nothing to go back to).
pub(crate) fn v6_board_kinds(mut file: Value) -> Result<Value, String> {
    let phase = [
        ("stacked", Value::Bool(false)),
        ("caption", "".into()),
        ("original_label", "".into()),
        ("original_caption", "".into()),
    ];
    add_fields(&mut file, "phases", &phase)?;
    add_fields(&mut file, "touchpoints", &[("original_label", "".into())])?;
    add_fields(&mut file, "lanes", &[("line_above", "".into()), ("original_label", "".into()), ("original_line", "".into())])?;
    Ok(file)
}

/// v7 → v8: sessions run live (a session's run: item on screen, times, timer), boards covered or
/// written on privately, notes face down until revealed or signed with a nickname, dot votes;
/// none of it happened before.
pub(crate) fn v7_live_sessions(mut file: Value) -> Result<Value, String> {
    let sessions = file.pointer_mut("/workshop/sessions").and_then(Value::as_array_mut).ok_or("workshop.sessions is missing or not a list")?;
    for (i, s) in sessions.iter_mut().enumerate() {
        let s = s.as_object_mut().ok_or(format!("workshop.sessions[{i}] is not an object"))?;
        s.insert("run".into(), Value::Null);
    }
    let boards = file.pointer_mut("/workshop/boards").and_then(Value::as_array_mut).ok_or("workshop.boards is missing or not a list")?;
    for (i, b) in boards.iter_mut().enumerate() {
        let b = b.as_object_mut().ok_or(format!("workshop.boards[{i}] is not an object"))?;
        b.insert("live".into(), json!({ "covered": false, "writing": null }));
    }
    add_fields(&mut file, "notes", &[("face_down", Value::Bool(false)), ("author", Value::Null)])?;
    let workshop = file.get_mut("workshop").and_then(Value::as_object_mut).ok_or("workshop is missing or not an object")?;
    workshop.insert("votes".into(), Value::Array(Vec::new()));
    Ok(file)
}

/// Sets `fields` on every record of the list `list` on every board.
fn add_fields(file: &mut Value, list: &str, fields: &[(&str, Value)]) -> Result<(), String> {
    let boards = file
        .pointer_mut("/workshop/boards")
        .and_then(Value::as_array_mut)
        .ok_or("workshop.boards is missing or not a list")?;
    for (bi, board) in boards.iter_mut().enumerate() {
        let records =
            board.get_mut(list).and_then(Value::as_array_mut).ok_or(format!("workshop.boards[{bi}].{list} is missing or not a list"))?;
        for (i, r) in records.iter_mut().enumerate() {
            let r = r.as_object_mut().ok_or(format!("workshop.boards[{bi}].{list}[{i}] is not an object"))?;
            for (k, v) in fields {
                r.insert((*k).into(), v.clone());
            }
        }
    }
    Ok(())
}
