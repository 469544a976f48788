//! A workshop file written by the first release (v1) imports into this one with every note drawn
//! where it was and every touchpoint in its phase.

use polku_core::layout::note_origin;
use polku_core::NoteKind;
use polku_export::workshop_file::{read, write, VERSION};
use serde_json::Value;

const V1: &[u8] = include_bytes!("fixtures/aikuissosiaalityo-v1.polku");

/// Board-unit positions as v1 stored them, by note text.
fn v1_positions() -> Vec<(String, f64, f64)> {
    let v: Value = serde_json::from_slice(V1).unwrap();
    v["workshop"]["boards"][0]["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| (n["text"].as_str().unwrap().to_string(), n["x"].as_f64().unwrap(), n["y"].as_f64().unwrap()))
        .collect()
}

#[test]
fn a_v1_file_keeps_every_note_where_it_was_drawn() {
    let w = read(V1).unwrap();
    let b = &w.boards[0];
    assert_eq!(b.notes.len(), 37);
    for (text, x, y) in v1_positions() {
        let n = b.notes.iter().find(|n| n.text == text).unwrap();
        assert_eq!(note_origin(n, &b.places(), &b.lanes), (x, y), "{text}");
        assert_eq!(n.kind, NoteKind::Observation);
        assert!(n.sentiment.is_some());
    }
    assert!(b.notes.iter().all(|n| n.x == -100.0), "stored from their column now");
}

#[test]
fn a_v1_file_gets_named_phases_in_its_language() {
    let w = read(V1).unwrap();
    let b = &w.boards[0];
    let labels: Vec<_> = b.phases.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(labels, ["Ennen palvelua", "Palvelun aikana", "Palvelun jälkeen"]);
    let phase_of = |i: usize| b.phases.iter().position(|p| Some(p.id) == b.touchpoints[i].phase_id);
    // The seed's first station is "before", the last "after", the rest "during".
    assert_eq!(phase_of(0), Some(0));
    assert_eq!(phase_of(3), Some(1));
    assert_eq!(phase_of(5), Some(2));
}

#[test]
fn a_v1_lane_note_keeps_its_place_too() {
    let mut v: Value = serde_json::from_slice(V1).unwrap();
    let board = &mut v["workshop"]["boards"][0];
    let board_id = board["id"].clone();
    let lane_id = "0195515c-7000-7000-8000-00000000aaaa";
    let second = "0195515c-7000-7000-8000-00000000aaab";
    board["lanes"] = serde_json::json!([
        { "id": second, "board_id": board_id, "position": 1, "label": "Tunteet", "version": 1 },
        { "id": lane_id, "board_id": board_id, "position": 0, "label": "Teot", "version": 1 }
    ]);
    board["notes"][0]["lane_id"] = Value::from(second);
    let (x, y) = (board["notes"][0]["x"].as_f64().unwrap(), 560.0);
    board["notes"][0]["y"] = Value::from(y);
    let w = read(&serde_json::to_vec(&v).unwrap()).unwrap();
    let b = &w.boards[0];
    let text = v["workshop"]["boards"][0]["notes"][0]["text"].as_str().unwrap();
    let n = b.notes.iter().find(|n| n.text == text).unwrap();
    assert_eq!(note_origin(n, &b.places(), &b.lanes), (x, y));
    assert_eq!(n.y, 560.0 - 230.0 - 268.0, "measured from the second lane's top");
}

#[test]
fn files_are_written_at_the_current_version_and_read_back_the_same() {
    let w = read(V1).unwrap();
    let bytes = write(&w, 5);
    let v: Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(v["version"], VERSION);
    assert_eq!(read(&bytes).unwrap(), w);
}

/// Found by `make fuzz`: a position whose shortest decimal form serde_json's default parser reads
/// a unit in the last place off. Written and read again, it must be the same to the last bit.
#[test]
fn a_position_comes_back_from_a_file_to_the_last_bit() {
    let mut w = read(V1).unwrap();
    let tricky = [-99.90000000000009, 0.1 + 0.2, 1e-300, 123456.78901234567, -0.0];
    for (n, x) in w.boards[0].notes.iter_mut().zip(tricky) {
        n.x = x;
    }
    let again = read(&write(&w, 5)).unwrap();
    for (n, x) in again.boards[0].notes.iter().zip(tricky) {
        assert_eq!(n.x.to_bits(), x.to_bits(), "{x:?} came back as {:?}", n.x);
    }
}

const V2: &[u8] = include_bytes!("fixtures/aikuissosiaalityo-v2.polku");

#[test]
fn a_v2_persona_keeps_its_name_and_gets_the_new_fields_empty() {
    let mut v: Value = serde_json::from_slice(V2).unwrap();
    assert_eq!(v["version"], 2);
    v["workshop"]["personas"] = serde_json::json!([{ "id": "0195515c-7000-7000-8000-00000000bbbb", "name": "Aino, 19", "version": 4 }]);
    let w = read(&serde_json::to_vec(&v).unwrap()).unwrap();
    let p = &w.personas[0];
    assert_eq!((p.fields.name.as_str(), p.version), ("Aino, 19", 4));
    assert_eq!((p.fields.avatar.symbol.as_str(), p.fields.avatar.colour.as_str()), ("sun", "sky"));
    assert!(p.fields.channels.is_empty() && p.fields.age_group.is_none() && p.fields.quote.is_empty());
    assert!(w.walkthroughs.is_empty() && w.walk_steps.is_empty());
    assert_eq!(w.boards[0].notes.len(), 37, "the board is untouched by this step");
}

#[test]
fn a_walk_step_naming_a_touchpoint_of_no_board_is_refused_with_its_path() {
    let w = read(V1).unwrap();
    let mut v: Value = serde_json::from_slice(&write(&w, 5)).unwrap();
    let board = v["workshop"]["boards"][0]["id"].clone();
    v["workshop"]["personas"] = serde_json::json!([{ "id": "0195515c-7000-7000-8000-00000000cccc", "fields": {
        "name": "Janne", "avatar": { "symbol": "owl", "colour": "indigo" }, "age_group": "18_29", "life_situation": "",
        "goals": "", "needs": "", "fears": "", "channels": [], "digital_skills": "fluent", "languages": ["suomi"],
        "quote": "", "notes": "" }, "version": 1, "created_at": 0, "updated_at": 0 }]);
    v["workshop"]["walkthroughs"] = serde_json::json!([{ "id": "0195515c-7000-7000-8000-00000000dddd",
        "persona_id": "0195515c-7000-7000-8000-00000000cccc", "board_id": board, "at_touchpoint_id": null,
        "version": 1, "created_at": 0, "updated_at": 0 }]);
    v["workshop"]["walk_steps"] = serde_json::json!([{ "id": "0195515c-7000-7000-8000-00000000eeee",
        "walkthrough_id": "0195515c-7000-7000-8000-00000000dddd", "touchpoint_id": "0195515c-7000-7000-8000-00000000ffff",
        "record": { "emotion": 1, "happens": "", "barriers": "", "ideas": "", "skipped": false },
        "version": 1, "updated_at": 0 }]);
    let err = read(&serde_json::to_vec(&v).unwrap()).unwrap_err().to_string();
    assert!(err.contains("workshop.walk_steps[0].touchpoint_id"), "{err}");
    v["workshop"]["walk_steps"][0]["touchpoint_id"] = v["workshop"]["boards"][0]["touchpoints"][0]["id"].clone();
    v["workshop"]["walk_steps"][0]["record"]["emotion"] = Value::from(5);
    let err = read(&serde_json::to_vec(&v).unwrap()).unwrap_err().to_string();
    assert!(err.contains("emotion"), "{err}");
    v["workshop"]["walk_steps"][0]["record"]["emotion"] = Value::from(-2);
    let back = read(&serde_json::to_vec(&v).unwrap()).unwrap();
    assert_eq!(back.walk_steps[0].record.emotion, Some(-2));
    assert_eq!(back.personas[0].fields.languages, ["suomi"]);
}

const V3: &[u8] = include_bytes!("fixtures/aikuissosiaalityo-v3.polku");

#[test]
fn a_v3_file_gets_board_versions_and_keeps_everything_else() {
    let v: Value = serde_json::from_slice(V3).unwrap();
    assert_eq!(v["version"], 3);
    assert!(v["workshop"]["boards"][0].get("version").is_none());
    let w = read(V3).unwrap();
    assert!(w.boards.iter().all(|b| b.version == 1));
    let notes = v["workshop"]["boards"][0]["notes"].as_array().unwrap().len();
    assert_eq!(w.boards[0].notes.len(), notes);
    assert_eq!(w.personas.len(), v["workshop"]["personas"].as_array().unwrap().len());
}

const V4: &[u8] = include_bytes!("fixtures/aikuissosiaalityo-v4.polku");

#[test]
fn a_v4_file_gets_an_empty_programme_and_keeps_everything_else() {
    let v: Value = serde_json::from_slice(V4).unwrap();
    assert_eq!(v["version"], 4);
    let w = read(V4).unwrap();
    assert!(w.sessions.is_empty());
    assert_eq!(w.boards[0].notes.len(), v["workshop"]["boards"][0]["notes"].as_array().unwrap().len());
}

#[test]
fn a_session_naming_a_board_of_no_workshop_is_refused_with_its_path() {
    let mut v: Value = serde_json::from_slice(&write(&read(V4).unwrap(), 5)).unwrap();
    v["workshop"]["sessions"] = serde_json::json!([{
        "id": "0195515c-7000-7000-8000-00000000cccc", "position": 0, "version": 1,
        "fields": { "title": "Kerta 1", "starts_at": "2025-03-04", "place": "", "goal": "", "summary": "",
                    "attendance": { "clients": 5, "experts_by_experience": null, "workers": 2, "facilitators": 1 },
                    "agenda": [{ "id": "0195515c-7000-7000-8000-00000000cccd", "title": "Polku", "minutes": 60,
                                 "instructions": "", "board_id": "0195515c-7000-7000-8000-00000000ffff" }] }
    }]);
    let err = read(&serde_json::to_vec(&v).unwrap()).unwrap_err().to_string();
    assert!(err.contains("workshop.sessions[0]") && err.contains("board"), "{err}");
    v["workshop"]["sessions"][0]["fields"]["agenda"][0]["board_id"] = v["workshop"]["boards"][0]["id"].clone();
    let w = read(&serde_json::to_vec(&v).unwrap()).unwrap();
    assert_eq!(w.sessions[0].fields.attendance.clients, Some(5));
}

const V5: &[u8] = include_bytes!("fixtures/aikuissosiaalityo-v5.polku");

#[test]
fn a_v5_file_keeps_its_sessions_and_its_notes_name_none() {
    let v: Value = serde_json::from_slice(V5).unwrap();
    assert_eq!(v["version"], 5);
    let w = read(V5).unwrap();
    assert_eq!(w.sessions.len(), 5);
    assert!(w.notes().all(|n| n.session_id.is_none()));
}

const V6: &[u8] = include_bytes!("fixtures/aikuissosiaalityo-v6.polku");

#[test]
fn a_v6_file_is_a_service_path_with_no_boxes_lines_or_originals() {
    let v: Value = serde_json::from_slice(V6).unwrap();
    assert_eq!(v["version"], 6);
    let w = read(V6).unwrap();
    let b = &w.boards[0];
    assert_eq!(b.kind, polku_core::BoardKind::ServicePath);
    assert_eq!(b.notes.len(), 37);
    assert!(b.phases.iter().all(|p| !p.stacked && p.caption.is_empty() && p.original_label.is_empty()));
    assert!(b.touchpoints.iter().all(|t| t.original_label.is_empty()));
    // Nothing to go back to: the labels are the file's own.
    assert!(polku_core::plan(&polku_core::Op::ResetLabels { board_id: b.id }, &w, 1).is_err());
}

const V7: &[u8] = include_bytes!("fixtures/aikuissosiaalityo-v7.polku");

#[test]
fn a_v7_file_has_sessions_never_run() {
    let v: Value = serde_json::from_slice(V7).unwrap();
    assert_eq!(v["version"], 7);
    let w = read(V7).unwrap();
    assert_eq!(w.sessions.len(), 5);
    assert!(w.sessions.iter().all(|s| s.run.is_none()));
}
