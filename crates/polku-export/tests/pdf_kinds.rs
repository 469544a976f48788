//! Each kind of board prints true to its kind: a programme made from the five-session template
//! (two grids, a service path, a journey canvas) with a blueprint added and notes in canvas boxes,
//! journey columns, blueprint rows and channel rows, read back with poppler's tools.

mod common;

use common::{collapse, keep, page_sizes, page_words, pages, words, A3_LANDSCAPE};
use polku_core::layout::LANES_TOP;
use polku_core::template::built_in;
use polku_core::{Board, BoardKind, Id, Language, Note, NoteKind, Sentiment, Workshop};
use polku_export::pdf;
use polku_export::PdfOptions;

const NOW: i64 = 1_795_000_000_000;

fn note(board: &Board, tp: Option<Id>, lane: Option<Id>, text: &str, sentiment: Option<Sentiment>, (x, y): (f64, f64)) -> Note {
    Note {
        id: Id::now_v7(),
        board_id: board.id,
        touchpoint_id: tp,
        lane_id: lane,
        persona_id: None,
        session_id: None,
        kind: if sentiment.is_some() { NoteKind::Observation } else { NoteKind::Idea },
        sentiment,
        text: text.into(),
        x,
        y,
        version: 1,
        created_at: NOW,
        updated_at: NOW,
    }
}

fn board(w: &Workshop, kind: BoardKind) -> &Board {
    w.boards.iter().find(|b| b.kind == kind).unwrap()
}

fn board_mut(w: &mut Workshop, kind: BoardKind) -> &mut Board {
    w.boards.iter_mut().find(|b| b.kind == kind).unwrap()
}

/// The five-session programme with a blueprint added and a few notes on the canvas, the
/// blueprint and the channel grid.
fn programme(lang: Language) -> Workshop {
    let mut w = built_in("co-development-five-sessions").unwrap().instantiate("Kehittäjäryhmä", lang, NOW, &mut Id::now_v7);
    let blueprint = built_in("blueprint").unwrap().boards[0].lay_out(Id::now_v7(), w.boards.len() as i64, lang, &mut Id::now_v7);
    w.boards.push(blueprint);
    let canvas = board(&w, BoardKind::JourneyCanvas).clone();
    let tones = [Some(Sentiment::Negative), Some(Sentiment::Neutral), Some(Sentiment::Positive), None];
    let mut notes = Vec::new();
    for (i, tp) in canvas.touchpoints.iter().enumerate() {
        let stacked = canvas.phases.iter().any(|p| p.stacked && Some(p.id) == tp.phase_id);
        let at = if stacked { (-208.0, 16.0) } else { (-100.0, LANES_TOP + 16.0) };
        notes.push(note(&canvas, Some(tp.id), None, &format!("Kanvaksen lappu {}", i + 1), tones[i % 4], at));
    }
    let first = canvas.touchpoints[0].id;
    notes.push(note(&canvas, Some(first), None, "Toinen lappu samassa laatikossa", Some(Sentiment::Negative), (8.0, 16.0)));
    let long = "Pitkä kuvaus siitä, miten asiakas kuuli palvelusta ensimmäistä kertaa ja mitä hän silloin ajatteli. ".repeat(6);
    notes.push(note(&canvas, Some(first), None, &long, Some(Sentiment::Positive), (-208.0, 142.0)));
    board_mut(&mut w, BoardKind::JourneyCanvas).notes = notes;

    let bp = board(&w, BoardKind::Blueprint).clone();
    let notes = bp.lanes.iter().enumerate().map(|(i, lane)| note(&bp, Some(bp.touchpoints[i % 4].id), Some(lane.id), &format!("Piirustuksen rivi {}", i + 1), tones[i % 4], (-100.0, 16.0))).collect();
    board_mut(&mut w, BoardKind::Blueprint).notes = notes;

    let channels = w.boards.iter().find(|b| b.kind == BoardKind::Grid && !b.lanes.is_empty()).unwrap().clone();
    let notes = vec![
        note(&channels, Some(channels.touchpoints[0].id), Some(channels.lanes[0].id), "Saa ihmisen kiinni heti", Some(Sentiment::Positive), (-100.0, 16.0)),
        note(&channels, Some(channels.touchpoints[1].id), Some(channels.lanes[0].id), "Jonot ovat pitkiä", Some(Sentiment::Negative), (-100.0, 16.0)),
    ];
    w.boards.iter_mut().find(|b| b.id == channels.id).unwrap().notes = notes;
    w
}

fn canvas_labels(w: &Workshop) -> Vec<String> {
    let c = board(w, BoardKind::JourneyCanvas);
    let boxes = |tp: &&polku_core::Touchpoint| c.phases.iter().any(|p| p.stacked && Some(p.id) == tp.phase_id);
    c.touchpoints.iter().filter(boxes).map(|t| collapse(&t.label)).collect()
}

#[test]
fn every_kind_prints_its_own_structure_and_the_canvas_takes_one_a3_page() {
    let w = programme(Language::Fi);
    let dir = tempfile::tempdir().unwrap();
    let file = keep(pdf::render(&w, &PdfOptions::default(), NOW, &mut |_, _| true).unwrap(), dir.path(), "kinds.pdf");
    let text = words(&file);
    let labels = polku_export::labels::Labels::new(Language::Fi);
    let credit = labels.t("canvas.credit");
    assert!(credit.contains("Marc Stickdorn & Jakob Schneider") && credit.contains("CC BY-SA"), "{credit}");
    let labels_of = canvas_labels(&w);
    assert_eq!(labels_of.len(), 7, "four boxes before the service, three after");
    for label in labels_of.iter().chain([&collapse(&credit)]) {
        assert!(text.contains(label.as_str()), "{label:?} is not in the report");
    }
    for s in &w.sessions {
        assert!(text.contains(&collapse(&s.fields.title)), "session {:?} is not on the cover", s.fields.title);
    }
    let bp = board(&w, BoardKind::Blueprint);
    let lines: Vec<&str> = bp.lanes.iter().map(|l| l.line_above.as_str()).filter(|l| !l.is_empty()).collect();
    assert_eq!(lines, ["Vuorovaikutuksen raja", "Näkyvyyden raja", "Sisäisen vuorovaikutuksen raja"]);
    for name in lines.iter().chain(&["Asiakkaan toiminta", "Tukiprosessit"]) {
        assert!(text.contains(name), "{name:?} is not on the blueprint");
    }
    let channels = w.boards.iter().find(|b| b.kind == BoardKind::Grid && !b.lanes.is_empty()).unwrap();
    for lane in &channels.lanes {
        assert!(text.contains(&collapse(&lane.label)), "channel row {:?} is missing", lane.label);
    }
    for n in w.boards.iter().flat_map(|b| &b.notes).filter(|n| n.text.len() < 100) {
        assert!(text.contains(&collapse(&n.text)), "note {:?} is missing", n.text);
    }

    let sizes = page_sizes(&file);
    assert_eq!(sizes.len(), pages(&file));
    let a3: Vec<usize> = sizes.iter().enumerate().filter(|(_, s)| s.as_str() == A3_LANDSCAPE).map(|(i, _)| i + 1).collect();
    assert_eq!(a3.len(), 1, "exactly one A3 page, the canvas: {sizes:?}");
    assert!(sizes.iter().filter(|s| s.as_str() != A3_LANDSCAPE).all(|s| s.contains("(A4)")), "the rest is on the paper chosen: {sizes:?}");
    let canvas_page = page_words(&file, a3[0]);
    assert!(canvas_page.contains(&collapse(&credit)), "the credit is on the canvas's own page");
    assert!(canvas_page.contains("Kanvaksen lappu 1") && canvas_page.contains("Odotukset") && canvas_page.contains("Tyytyväisyys / tyytymättömyys"));
    assert!(canvas_page.contains("Tiedon muokattavuus") && canvas_page.contains("Tiedon uskottavuus"), "the scale along the stacks");
}

#[test]
fn a_long_canvas_note_stays_readable_and_continues_in_a_footnote() {
    let w = programme(Language::Fi);
    let canvas = board(&w, BoardKind::JourneyCanvas);
    let poster = pdf::poster::Poster::new(canvas);
    let floor = poster.notes.iter().map(|(_, b)| b.size).fold(f32::INFINITY, f32::min);
    // On the A3 page the canvas is drawn at some fraction of a point per unit; its notes' text
    // never goes under the tiled poster's floor in points.
    let (bw, bh) = poster.size();
    let s = ((1190.55 - 68.0) / bw).min((841.89 - 68.0 - 18.0 - 24.0 - 26.0) / bh).min(1.0);
    assert!(floor * s >= pdf::poster::MIN_NOTE_PT - 0.01, "note text at {} pt", floor * s);
    let long = poster.notes.iter().find(|(n, _)| n.text.starts_with("Pitkä")).unwrap();
    assert!(long.1.continued, "the long note is cut with a marker rather than printed too small");
    let dir = tempfile::tempdir().unwrap();
    let text = words(&keep(pdf::render(&w, &PdfOptions::default(), NOW, &mut |_, _| true).unwrap(), dir.path(), "long.pdf"));
    assert!(text.contains("… jatkuu [1]") && text.contains(&collapse(&long.0.text)), "the whole text in a footnote");
}

#[test]
fn the_summary_reads_each_kind_its_own_way() {
    let w = programme(Language::Fi);
    let only = polku_export::PdfContents { cover: false, boards: false, personas: false, walkthroughs: false, summary: true };
    let dir = tempfile::tempdir().unwrap();
    let text = words(&keep(pdf::render(&w, &PdfOptions { contents: only, ..PdfOptions::default() }, NOW, &mut |_, _| true).unwrap(), dir.path(), "summary.pdf"));
    let after = |from: &str, to: &str| -> String {
        let a = text.find(from).unwrap_or_else(|| panic!("{from:?} not in {text}"));
        let b = text[a..].find(to).map_or(text.len(), |b| a + b);
        text[a..b].to_string()
    };
    // A canvas: per period its counts and mood, per box its counts and every note with its tone.
    let pre = after("Ennen palvelua — Odotukset", "Palvelun aikana — Kokemukset");
    assert!(pre.contains("Kielteisiä 2 · Neutraaleja 1 · Myönteisiä 2 · Tunnelma 0,00"), "{pre}");
    assert!(pre.contains("Mainonta / tiedotus Kielteisiä 2 · Neutraaleja 0 · Myönteisiä 1 Kanvaksen lappu 1 (Kielteinen)"), "{pre}");
    assert!(pre.contains("Aiemmat kokemukset Kielteisiä 0 · Neutraaleja 0 · Myönteisiä 0 Kanvaksen lappu 4 (Idea)"), "{pre}");
    let post = after("Palvelun jälkeen — Tyytyväisyys / tyytymättömyys", "Palvelupiirustus");
    assert!(post.contains("Tunnelma −0,50"), "{post}");
    // A grid with rows: row by row, each cell with its count.
    let phone = after("Kanava-analyysi Puhelin", "Sähköposti");
    assert!(phone.contains("Hyödyt + (1) Saa ihmisen kiinni heti (Myönteinen) Haitat − (1) Jonot ovat pitkiä (Kielteinen)"), "{phone}");
    assert!(text.contains("Sähköposti Ei lappuja"), "an empty row says so once");
    // A blueprint: step by step, its counts and the notes of each row.
    let step = after("1. Ensimmäinen yhteydenotto Kielteisiä", "2. Asiakkuus alkaa");
    assert!(step.contains("Fyysiset todisteet (1) Piirustuksen rivi 1 (Kielteinen)") && step.contains("Tukiprosessit (1)"), "{step}");
    // The path keeps its pain points and ideas per touchpoint.
    assert!(text.contains("1. Ensimmäinen yhteydenotto (Ennen palvelua) Kielteisiä 0 · Neutraaleja 0 · Myönteisiä 0 Kipukohdat (kielteiset laput)"));
}
