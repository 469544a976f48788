//! Each kind of board prints true to its kind: a programme made from the five-session template
//! (two grids, a service path, a journey canvas) with a blueprint added and notes in canvas boxes,
//! journey columns, blueprint rows and channel rows, read back with poppler's tools. And the blank
//! handouts: a board's structure with no notes, a session's agenda.

mod common;

use common::{collapse, keep, page_sizes, page_words, pages, words, A3_LANDSCAPE};
use polku_core::layout::LANES_TOP;
use polku_core::template::built_in;
use polku_core::{Board, BoardKind, Id, Language, Note, NoteKind, Sentiment, Workshop};
use polku_export::pdf::{self, handout};
use polku_export::{HandoutOf, HandoutOptions, Paper, PdfOptions};

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
        face_down: false,
        author: None,
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
    let fi = polku_export::labels::Labels::new(polku_core::Language::Fi);
    for end in ["canvas.scale.manipulability", "canvas.scale.credibility"] {
        assert!(canvas_page.contains(&collapse(&fi.t(end))), "the scale along the stacks: {end}");
    }
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
fn a_blank_canvas_handout_is_one_a3_page_with_labels_and_credit_and_no_notes() {
    let w = programme(Language::En);
    let canvas = board(&w, BoardKind::JourneyCanvas);
    let opts = HandoutOptions { of: HandoutOf::Board { board_id: canvas.id }, paper: Paper::A4, orientation: None };
    let dir = tempfile::tempdir().unwrap();
    let file = keep(handout::render(&w, &opts, NOW).unwrap(), dir.path(), "blank-canvas.pdf");
    assert_eq!(page_sizes(&file), [A3_LANDSCAPE], "one A3 landscape page, whatever the paper");
    assert_eq!(handout::page_count(&w, &opts, NOW).unwrap(), 1);
    let text = words(&file);
    for label in canvas_labels(&w) {
        assert!(text.contains(&label), "{label:?} is not on the blank canvas");
    }
    for p in &canvas.phases {
        assert!(text.contains(&collapse(&p.label)) && text.contains(&collapse(&p.caption)), "{:?}", p.label);
    }
    assert!(text.contains(&collapse(&polku_export::labels::Labels::new(Language::En).t("canvas.credit"))));
    assert!(!text.contains("Kanvaksen lappu") && !text.contains("Pitkä"), "no note text on a blank");
    assert!(!text.contains("Mood"), "nothing to count on a blank");
}

#[test]
fn a_blank_board_handout_of_each_other_kind_prints_its_structure_on_the_paper_chosen() {
    let w = programme(Language::Fi);
    let dir = tempfile::tempdir().unwrap();
    for b in w.boards.iter().filter(|b| b.kind != BoardKind::JourneyCanvas) {
        let opts = HandoutOptions { of: HandoutOf::Board { board_id: b.id }, paper: Paper::A3, orientation: None };
        let file = keep(handout::render(&w, &opts, NOW).unwrap(), dir.path(), &format!("blank-{}.pdf", b.position));
        assert_eq!(page_sizes(&file), [A3_LANDSCAPE], "{}", b.title);
        let text = words(&file);
        for label in b.touchpoints.iter().map(|t| &t.label).chain(b.lanes.iter().map(|l| &l.label)) {
            assert!(text.contains(&collapse(label)), "{label:?} is not on the blank {}", b.title);
        }
        assert!(b.notes.iter().all(|n| !text.contains(&n.text)), "no notes on the blank {}", b.title);
    }
}

#[test]
fn a_blank_agenda_has_the_session_its_items_and_room_for_notes() {
    let mut w = programme(Language::Fi);
    w.sessions[1].fields.starts_at = Some("2025-03-18T13:00".into());
    w.sessions[1].fields.place = "Kirjaston ryhmätila".into();
    let s = w.sessions[1].clone();
    let opts = HandoutOptions { of: HandoutOf::Session { session_id: s.id }, paper: Paper::A4, orientation: None };
    let dir = tempfile::tempdir().unwrap();
    let file = keep(handout::render(&w, &opts, NOW).unwrap(), dir.path(), "agenda.pdf");
    assert!(page_sizes(&file).iter().all(|p| p == "595.276 x 841.89 pts (A4)"), "an agenda is portrait by default");
    let text = words(&file);
    assert!(text.contains(&collapse(&s.fields.title)) && text.contains(&collapse(&s.fields.goal)));
    assert!(text.contains("18.3.2025 klo 13.00") && text.contains("Kirjaston ryhmätila"));
    for (item, span) in s.fields.agenda.iter().zip(["13.00–14.00 · 60 min", "14.00–14.20 · 20 min"]) {
        assert!(text.contains(&collapse(&item.title)) && text.contains(&collapse(&item.instructions)), "{:?}", item.title);
        assert!(text.contains(span), "{span} in {text}");
    }
    assert!(text.contains("Ohjelma · 80 min") && text.contains("Muistiinpanot"), "{text}");
    assert!(text.contains("Taulu: Kanava-analyysi"), "the board an item uses");
}

#[test]
fn a_handout_of_something_not_in_the_workshop_is_refused() {
    let w = programme(Language::Fi);
    for of in [HandoutOf::Board { board_id: Id::now_v7() }, HandoutOf::Session { session_id: Id::now_v7() }] {
        let err = handout::render(&w, &HandoutOptions { of, paper: Paper::A4, orientation: None }, NOW).unwrap_err();
        assert!(matches!(err, polku_export::ExportError::Invalid { field: "handout", .. }), "{err:?}");
    }
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

#[test]
fn labels_of_any_length_are_wrapped_or_cut_and_every_page_renders() {
    let mut w = programme(Language::Sv);
    let long = |what: &str| format!("{what} {}", "Mycket långt namn som en grupp har skrivit utan att tänka på pappret ".repeat(5));
    let word = "Sosiaalihuoltolainmukainenpalvelutarpeenarviointi".repeat(3);
    for b in &mut w.boards {
        b.title = long("Tavla");
        for p in &mut b.phases {
            p.label = long("Period");
            p.caption = word.clone();
        }
        for t in &mut b.touchpoints {
            t.label = long("Kontaktpunkt");
        }
        for (i, l) in b.lanes.iter_mut().enumerate() {
            l.label = if i % 2 == 0 { long("Rad") } else { word.clone() };
            if !l.line_above.is_empty() {
                l.line_above = long("Linje");
            }
        }
    }
    w.sessions[0].fields.title = long("Träff");
    w.sessions[0].fields.agenda[0].title = word.clone();
    let dir = tempfile::tempdir().unwrap();
    let mut files = vec![keep(pdf::render(&w, &PdfOptions::default(), NOW, &mut |_, _| true).unwrap(), dir.path(), "long-labels.pdf")];
    for (i, of) in w.boards.iter().map(|b| HandoutOf::Board { board_id: b.id }).chain([HandoutOf::Session { session_id: w.sessions[0].id }]).enumerate() {
        let opts = HandoutOptions { of, paper: Paper::A4, orientation: None };
        files.push(keep(handout::render(&w, &opts, NOW).unwrap(), dir.path(), &format!("long-{i}.pdf")));
    }
    for file in &files {
        assert!(words(file).contains('…'), "a label too long for its place ends in an ellipsis: {file}");
        let out = dir.path().join("page");
        common::tool("pdftoppm", &["-r", "20", "-png", file, out.to_str().unwrap()]);
    }
    let rendered = std::fs::read_dir(dir.path()).unwrap().flatten().filter(|e| e.file_name().to_string_lossy().starts_with("page")).count();
    assert!(rendered >= files.len());
}

#[test]
fn the_canvas_keeps_its_one_a3_page_when_the_rest_is_tiled_or_portrait() {
    let w = programme(Language::Fi);
    let dir = tempfile::tempdir().unwrap();
    for (i, opts) in [
        PdfOptions { poster: polku_export::PosterFit::Tile, ..PdfOptions::default() },
        PdfOptions { paper: Paper::A3, orientation: polku_export::Orientation::Portrait, ..PdfOptions::default() },
    ]
    .iter()
    .enumerate()
    {
        let file = keep(pdf::render(&w, opts, NOW, &mut |_, _| true).unwrap(), dir.path(), &format!("canvas-{i}.pdf"));
        let sizes = page_sizes(&file);
        assert_eq!(sizes.iter().filter(|s| s.as_str() == A3_LANDSCAPE).count(), 1, "{sizes:?}");
        assert_eq!(sizes.len(), pdf::page_count(&w, opts, NOW).unwrap(), "the dialog's count is the file's");
    }
}
