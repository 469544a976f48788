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
            face_down: false,
            author: None,
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
    let channels = channel_board(&seed, &mut new_id);
    let sessions = example_sessions(&seed, &mut new_id, board_id, channels.id);
    let (walkthroughs, walk_steps) = example_walks(&personas, board_id, &touchpoints, &keys, &mut new_id);
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
            live: Default::default(),
            phases,
            touchpoints,
            lanes: vec![],
            notes,
        }, channels],
        personas,
        sessions,
        walkthroughs,
        walk_steps,
        votes: Vec::new(),
    }
}

/// Session 2's board: the channel-analysis grid, a row for each channel the group judged and its
/// benefits (+, green) and drawbacks (−, red) as the group put them.
fn channel_board(seed: &Value, new_id: &mut impl FnMut() -> Id) -> Board {
    let mut n = 0u128;
    let mut board = template::built_in("channel-analysis").unwrap().boards[0].lay_out(new_id(), 1, Language::Fi, &mut || {
        n += 1;
        new_id()
    });
    board.title = "Kanava-analyysi".into();
    let columns = [board.touchpoints[0].id, board.touchpoints[1].id];
    let mut lanes = Vec::new();
    let mut notes = Vec::new();
    for (i, c) in seed["channels"].as_array().unwrap().iter().enumerate() {
        let lane = new_id();
        let verdicts = [("plus", Sentiment::Positive), ("minus", Sentiment::Negative)];
        let mut tallest = 0;
        for (col, (key, sentiment)) in verdicts.iter().enumerate() {
            let texts = c[*key].as_array().unwrap();
            tallest = tallest.max(texts.len());
            for (row, text) in texts.iter().enumerate() {
                let t = CREATED - 7 * 86_400_000 + 60_000 * (notes.len() as i64 + 1);
                notes.push(Note {
                    id: new_id(),
                    board_id: board.id,
                    touchpoint_id: Some(columns[col]),
                    lane_id: Some(lane),
                    persona_id: None,
                    session_id: None,
                    kind: NoteKind::Observation,
                    sentiment: Some(*sentiment),
                    text: text.as_str().unwrap().into(),
                    x: -NOTE_W / 2.0,
                    y: NOTE_GAP + row as f64 * ROW,
                    face_down: false,
                    author: None,
                    version: 1,
                    created_at: t,
                    updated_at: t,
                });
            }
        }
        let label = c["channel"].as_str().unwrap().to_string();
        let height = layout::LANE_H.max(NOTE_GAP + tallest as f64 * ROW);
        // The group's own channels, not the template's: nothing to go back to.
        let (line_above, original_label, original_line) = (String::new(), String::new(), String::new());
        lanes.push(Lane { id: lane, board_id: board.id, position: i as i64, label, height, line_above, original_label, original_line, version: 1 });
    }
    notes.sort_by_key(|n| n.id);
    board.lanes = lanes;
    board.notes = notes;
    board
}

/// Session 5's walks of the two personas along the path, from what the report says they brought
/// up: the hard start (benefits, money running out, finding a flat), loneliness and fear, and that
/// every client has a path of their own.
fn example_walks(
    personas: &[Persona],
    board: Id,
    touchpoints: &[Touchpoint],
    keys: &[&str],
    new_id: &mut impl FnMut() -> Id,
) -> (Vec<Walkthrough>, Vec<WalkStep>) {
    let at = |key: &str| touchpoints[keys.iter().position(|k| *k == key).unwrap()].id;
    let step = |emotion: Option<i8>, happens: &str, barriers: &str, ideas: &str, skipped: bool| StepRecord {
        emotion,
        happens: happens.into(),
        barriers: barriers.into(),
        ideas: ideas.into(),
        skipped,
    };
    let aino = vec![
        ("before", step(Some(-2), "Hakee tukia yksin. Rahat loppuvat ennen kuun loppua, eikä asuntoa löydy.", "Ei tiedä, mistä apua haetaan. Yksinäisyys ja pelko.", "Tieto avusta yhdestä paikasta, selkokielellä.", false)),
        ("first_contact", step(Some(-1), "Koulukuraattori ohjaa sosiaalityöhön. Uudet ihmiset jännittävät.", "Ennakkoluulot sossua kohtaan.", "Ensimmäinen yhteydenotto tekstiviestillä, ilman kirjautumista.", false)),
        ("begins", step(Some(1), "Saa oman sosiaalityöntekijän ja yhdessä sovitut tavoitteet.", "Pelkää, ettei viesteihin vastata.", "Kerrotaan etukäteen, milloin työntekijä soittaa.", false)),
        ("pause", step(None, "", "", "", true)),
    ];
    let janne = vec![
        ("before", step(Some(-2), "Asunto on liian kallis ja stressi kasvaa. Apua etsitään ensin Googlesta.", "Asioiden hoito yksin; yksinäisyys.", "", false)),
        ("first_contact", step(Some(0), "Soittaa takaisinsoittojärjestelmään.", "Soittoaika vain aamulla; ei tiedä, milloin työntekijä soittaa.", "", false)),
        ("begins", step(Some(1), "Helpotus ja ymmärrys: asiat alkavat selkiytyä.", "", "", false)),
        ("pause", step(Some(0), "Tauko kestää viikoista kuukausiin; saa selvitä itse.", "", "Työntekijä on tavoitettavissa tarvittaessa.", false)),
        ("closer", step(Some(2), "Intensiivinen lähityö, oma sosiaaliohjaaja ja ryhmätoiminta tuovat turvallisuuden tunteen.", "Pettymykset, kun jokin ei onnistu.", "", false)),
        ("ends", step(Some(-1), "Asiakkuus päättyy.", "Pelko, että tuki loppuu kuin seinään.", "Seurantatapaaminen 2–4 viikon päästä; voi aina soittaa omalle työntekijälle. Jokaisella asiakkaalla on oma polkunsa.", false)),
    ];
    let mut walks = Vec::new();
    let mut steps = Vec::new();
    let start = CREATED + 14 * 86_400_000;
    for (k, (persona, route)) in personas.iter().zip([aino, janne]).enumerate() {
        let id = new_id();
        let t = start + k as i64 * 3_600_000;
        let last = route.iter().rev().find(|(_, r)| !r.skipped).map(|(key, _)| at(key));
        walks.push(Walkthrough { id, persona_id: persona.id, board_id: board, at_touchpoint_id: last, version: 1, created_at: t, updated_at: t });
        for (key, record) in route {
            steps.push(WalkStep { id: new_id(), walkthrough_id: id, touchpoint_id: at(key), record, version: 1, updated_at: t });
        }
    }
    walks.sort_by_key(|w| w.id);
    steps.sort_by_key(|s| s.id);
    (walks, steps)
}

/// The five meetings of the programme the seed workshop came from, by their own titles; the
/// service path was made in the third and worked on in the fourth and fifth.
fn example_sessions(seed: &Value, new_id: &mut impl FnMut() -> Id, path: Id, channels: Id) -> Vec<Session> {
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
                board_id: match i {
                    1 => Some(channels),
                    2.. => Some(path),
                    _ => None,
                },
            }];
            let summary = if i == 4 { WALKS_SUMMARY.to_string() } else { String::new() };
            let fields = SessionFields { agenda, summary, ..SessionFields::titled(&title) };
            Session { id: new_id(), position: i as i64, fields, run: None, version: 1 }
        })
        .collect()
}

const WALKS_SUMMARY: &str = "Persoonien kulku polulla toi esiin polun alun vaikeudet: tukien hakeminen, rahojen \
loppuminen ja asunnon löytäminen, sekä vahvat yksinäisyyden ja pelon tunteet. Jokaisella asiakkaalla on oma polkunsa.";

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
    assert_eq!(list[0]["notes"], common::seed_notes());
    assert_eq!(list[0]["title"], seed["title"]);
    let host = polku_api::Host::open(dir.path()).unwrap();
    let w: Workshop = serde_json::from_value(
        host.call("open_workshop", serde_json::json!({ "id": list[0]["id"] })).unwrap(),
    )
    .unwrap();
    let board = &w.boards[0];
    let programme: Vec<&str> = seed["programme"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect();
    assert_eq!(w.sessions.iter().map(|s| s.fields.title.as_str()).collect::<Vec<_>>(), programme);
    assert!(w.sessions[2..].iter().all(|s| s.fields.agenda[0].board_id == Some(w.boards[0].id)), "sessions 3–5 work on the path");
    // Session 2's channel analysis: each channel a row, its verdicts + in the first column, − in the second.
    let grid = &w.boards[1];
    assert_eq!((grid.kind, w.sessions[1].fields.agenda[0].board_id), (BoardKind::Grid, Some(grid.id)));
    for c in seed["channels"].as_array().unwrap() {
        let lane = grid.lanes.iter().find(|l| l.label == c["channel"].as_str().unwrap()).expect("a row per channel");
        for (key, col, sentiment) in [("plus", 0, Sentiment::Positive), ("minus", 1, Sentiment::Negative)] {
            for text in c[key].as_array().unwrap() {
                let n = grid.notes.iter().find(|n| n.text == text.as_str().unwrap()).expect("every verdict");
                assert_eq!((n.lane_id, n.touchpoint_id, n.sentiment), (Some(lane.id), Some(grid.touchpoints[col].id), Some(sentiment)));
            }
        }
    }
    // Session 5's walks: both personas, the start of the path hard for both.
    assert_eq!(w.walkthroughs.len(), 2);
    let first = board.touchpoints.iter().min_by_key(|t| t.position).unwrap().id;
    let starts: Vec<_> = w.walk_steps.iter().filter(|s| s.touchpoint_id == first).map(|s| s.record.emotion).collect();
    assert_eq!(starts, [Some(-2), Some(-2)]);
    assert!(w.sessions[4].fields.summary.contains("oma polkunsa"));
    for n in seed_notes {
        let label = seed["touchpoints"].as_array().unwrap().iter().find(|t| t["key"] == n["at"]).unwrap()["label"].as_str().unwrap();
        let found = board.notes.iter().find(|m| m.text == n["text"].as_str().unwrap()).expect("seed note present");
        assert_eq!(found.sentiment.map(Sentiment::as_str).unwrap_or_default(), n["sentiment"].as_str().unwrap());
        let tp = board.touchpoints.iter().find(|t| Some(t.id) == found.touchpoint_id).unwrap();
        assert_eq!(tp.label, label);
    }
}
