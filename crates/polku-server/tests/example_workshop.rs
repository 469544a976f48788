//! `workshops/examples/aikuissosiaalityo.polku` is built from the real workshop in
//! `workshops/examples/seed-workshop.json`. This test rebuilds it in memory and checks the
//! committed file is exactly that; `UPDATE_EXAMPLE=1` rewrites the file.

mod common;

use common::*;
use polku_core::*;
use serde_json::Value;

use polku_core::layout::{LANES_TOP, NOTE_GAP, NOTE_H, NOTE_W};

/// Notes sit centred under their station (x is measured from the station's column), in rows.
const ROW: f64 = NOTE_H + NOTE_GAP;
/// 2025-03-01: the example keeps fixed times and ids so that rebuilding it changes nothing.
const CREATED: Millis = 1_740_787_200_000;

fn ids() -> impl FnMut() -> Id {
    let mut n: u16 = 0;
    move || {
        n += 1;
        let mut bytes = [0u8; 10];
        bytes[8..].copy_from_slice(&n.to_be_bytes());
        uuid::Builder::from_unix_timestamp_millis(CREATED as u64, &bytes).into_uuid()
    }
}

fn build() -> Workshop {
    let seed: Value = serde_json::from_str(include_str!("../../../workshops/examples/seed-workshop.json")).unwrap();
    let mut new_id = ids();
    let board_id = new_id();
    let phases: Vec<Phase> = [("before", "Ennen palvelua"), ("during", "Palvelun aikana"), ("after", "Palvelun jälkeen")]
        .iter()
        .enumerate()
        .map(|(i, (_, label))| Phase {
            id: new_id(),
            board_id,
            position: i as i64,
            label: (*label).into(),
            stacked: false,
            caption: String::new(),
            original_label: (*label).into(),
            original_caption: String::new(),
            version: 1,
        })
        .collect();
    let phase_id = |key: &str| ["before", "during", "after"].iter().position(|k| *k == key).map(|i| phases[i].id);
    let touchpoints: Vec<Touchpoint> = seed["touchpoints"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .map(|(i, t)| Touchpoint {
            id: new_id(),
            board_id,
            position: i as i64,
            label: t["label"].as_str().unwrap().into(),
            description: String::new(),
            phase_id: phase_id(t["phase"].as_str().unwrap()),
            // The seed says of the pause: "may come between any two stations".
            side_station: t["key"] == "pause",
            original_label: t["label"].as_str().unwrap().into(),
            version: 1,
        })
        .collect();
    let keys: Vec<&str> = seed["touchpoints"].as_array().unwrap().iter().map(|t| t["key"].as_str().unwrap()).collect();
    let mut rows = vec![0usize; keys.len()];
    let mut notes: Vec<Note> = Vec::new();
    for (k, n) in seed["notes"].as_array().unwrap().iter().enumerate() {
        let col = keys.iter().position(|key| *key == n["at"].as_str().unwrap()).unwrap();
        let t = CREATED + 60_000 * (k as i64 + 1);
        notes.push(Note {
            id: new_id(),
            board_id,
            touchpoint_id: Some(touchpoints[col].id),
            lane_id: None,
            persona_id: None,
            session_id: None,
            kind: NoteKind::Observation,
            sentiment: Sentiment::parse(n["sentiment"].as_str().unwrap()),
            text: n["text"].as_str().unwrap().into(),
            x: -NOTE_W / 2.0,
            y: LANES_TOP + rows[col] as f64 * ROW,
            version: 1,
            created_at: t,
            updated_at: t,
        });
        rows[col] += 1;
    }
    notes.sort_by_key(|n| n.id);
    let updated = notes.iter().map(|n| n.updated_at).max().unwrap_or(CREATED);
    let workshop_id = new_id();
    let personas = example_personas(&mut new_id, updated);
    let sessions = example_sessions(&seed, &mut new_id, board_id);
    Workshop {
        id: workshop_id,
        title: seed["title"].as_str().unwrap().into(),
        language: Language::Fi,
        created_at: CREATED,
        updated_at: updated,
        boards: vec![Board {
            id: board_id,
            kind: BoardKind::ServicePath,
            title: "Palvelupolku".into(),
            position: 0,
            version: 1,
            phases,
            touchpoints,
            lanes: vec![],
            notes,
        }],
        personas,
        sessions,
        walkthroughs: vec![],
        walk_steps: vec![],
    }
}

/// The five meetings of the programme the seed workshop came from, by their own titles; the
/// service path was made in the third and worked on in the fourth and fifth.
fn example_sessions(seed: &Value, new_id: &mut impl FnMut() -> Id, path: Id) -> Vec<Session> {
    let titles = seed["programme"].as_array().unwrap();
    titles
        .iter()
        .enumerate()
        .map(|(i, title)| {
            let title = title.as_str().unwrap().to_string();
            let agenda = vec![AgendaItem {
                id: new_id(),
                title: title.clone(),
                minutes: Some(90),
                instructions: String::new(),
                board_id: (i >= 2).then_some(path),
            }];
            let fields = SessionFields { agenda, ..SessionFields::titled(&title) };
            Session { id: new_id(), position: i as i64, fields, version: 1 }
        })
        .collect()
}

/// The two young adult clients of the seed workshop as personas, in its own words: one new client
/// who found help through a school curator, one long-term client in a closer relationship.
fn example_personas(new_id: &mut impl FnMut() -> Id, at: Millis) -> Vec<Persona> {
    let strings = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let aino = PersonaFields {
        name: "Aino, 19".into(),
        avatar: Avatar { symbol: "bird".into(), colour: "teal".into() },
        age_group: Some(AgeGroup::From18To29),
        life_situation: "Muutti juuri omaan asuntoon. Opinnot ovat kesken, ja rahat loppuvat ennen kuun loppua.".into(),
        goals: "Saada asunto- ja raha-asiat kuntoon ja jatkaa opintoja.".into(),
        needs: "Selkeät ohjeet, yksi tuttu työntekijä ja yhteydenpito tekstiviestillä.".into(),
        fears: "Ei tiedä, mistä apua haetaan. Pelkää, mitä muut ajattelevat sossusta.".into(),
        channels: strings(&["Koulukuraattori", "Tekstiviesti / WhatsApp", "Puhelin"]),
        digital_skills: Some(DigitalSkills::SomeSkills),
        languages: strings(&["suomi"]),
        quote: "En tiennyt, että tällaista apua on olemassa.".into(),
        notes: "Uusi asiakas: ohjautui palveluun kuraattorin kautta.".into(),
    };
    let janne = PersonaFields {
        name: "Janne, 27".into(),
        avatar: Avatar { symbol: "owl".into(), colour: "indigo".into() },
        age_group: Some(AgeGroup::From18To29),
        life_situation: "Ollut asiakkaana pitkään. Asuu yksin, ja asunto on liian kallis.".into(),
        goals: "Löytää tasapaino ja pärjätä omillaan, kun asiakkuus päättyy.".into(),
        needs: "Oma sosiaaliohjaaja, intensiivinen lähityö ja ryhmätoiminta.".into(),
        fears: "Että tuki loppuu kuin seinään. Pettymykset.".into(),
        channels: strings(&["Tapaaminen kasvokkain", "Puhelin", "OmaVerkosto / Omapolku"]),
        digital_skills: Some(DigitalSkills::Fluent),
        languages: strings(&["suomi"]),
        quote: "Voin aina soittaa omalle työntekijälle.".into(),
        notes: "Tiiviimpi asiakkuus; seurantatapaaminen 2–4 viikon päästä asiakkuuden päättymisestä.".into(),
    };
    let mut list: Vec<Persona> = [aino, janne]
        .into_iter()
        .map(|fields| Persona { id: new_id(), fields, version: 1, created_at: at, updated_at: at })
        .collect();
    list.sort_by_key(|p| p.id);
    list
}

#[test]
fn the_committed_example_is_the_seed_workshop() {
    let bytes = polku_export::workshop_file::write(&build(), CREATED + 86_400_000);
    if std::env::var_os("UPDATE_EXAMPLE").is_some() {
        std::fs::write(example_file(), &bytes).unwrap();
    }
    let committed = std::fs::read(example_file()).expect("the example file is committed");
    assert!(committed == bytes, "the example is stale: run UPDATE_EXAMPLE=1 cargo test -p polku-server --test example_workshop");
}

#[test]
fn the_example_imports_with_every_seed_note_at_its_touchpoint() {
    let seed: Value = serde_json::from_str(include_str!("../../../workshops/examples/seed-workshop.json")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = polku(dir.path(), &["import", example_file().to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let list = list_json(dir.path());
    let seed_notes = seed["notes"].as_array().unwrap();
    assert_eq!(list[0]["notes"], seed_notes.len());
    assert_eq!(list[0]["title"], seed["title"]);
    let host = polku_api::Host::open(dir.path()).unwrap();
    let w: Workshop = serde_json::from_value(
        host.call("open_workshop", serde_json::json!({ "id": list[0]["id"] })).unwrap(),
    )
    .unwrap();
    let programme: Vec<&str> = seed["programme"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect();
    assert_eq!(w.sessions.iter().map(|s| s.fields.title.as_str()).collect::<Vec<_>>(), programme);
    assert!(w.sessions[2..].iter().all(|s| s.fields.agenda[0].board_id == Some(w.boards[0].id)), "sessions 3–5 work on the path");
    let board = &w.boards[0];
    for n in seed_notes {
        let label = seed["touchpoints"].as_array().unwrap().iter().find(|t| t["key"] == n["at"]).unwrap()["label"].as_str().unwrap();
        let found = board.notes.iter().find(|m| m.text == n["text"].as_str().unwrap()).expect("seed note present");
        assert_eq!(found.sentiment.map(Sentiment::as_str).unwrap_or_default(), n["sentiment"].as_str().unwrap());
        let tp = board.touchpoints.iter().find(|t| Some(t.id) == found.touchpoint_id).unwrap();
        assert_eq!(tp.label, label);
    }
}
