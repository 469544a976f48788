//! The report of a programme: the cover lists its sessions (when and where, the goal, the agenda,
//! how many took part by role), read back with pdftotext. Needs poppler-utils.

use std::process::Command;

use polku_core::{Attendance, Workshop};
use polku_export::pdf;
use polku_export::{workshop_file, PdfContents, PdfOptions};

fn example() -> Workshop {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../workshops/examples/aikuissosiaalityo.polku");
    workshop_file::read(&std::fs::read(path).unwrap()).unwrap()
}

/// The cover's text alone, whitespace collapsed.
fn cover_text(w: &Workshop) -> String {
    text_of(w, PdfContents { cover: true, boards: false, personas: false, walkthroughs: false, summary: false })
}

/// The text of the report with these parts, whitespace collapsed.
fn text_of(w: &Workshop, contents: PdfContents) -> String {
    let dir = tempfile::tempdir().unwrap();
    let opts = PdfOptions { contents, ..PdfOptions::default() };
    let path = dir.path().join("report.pdf");
    std::fs::write(&path, pdf::render(w, &opts, 1_795_000_000_000, &mut |_, _| true).unwrap()).unwrap();
    let out = Command::new("pdftotext").args(["-raw", "-enc", "UTF-8", path.to_str().unwrap(), "-"]).output().expect("pdftotext (poppler-utils)");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap().split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_cover_lists_every_session_of_the_programme_in_order() {
    let w = example();
    let text = cover_text(&w);
    assert!(text.contains("Ohjelma"), "{text}");
    let mut at = 0;
    for (i, s) in w.sessions.iter().enumerate() {
        let line = format!("{}. {}", i + 1, s.fields.title);
        let found = text[at..].find(&line).unwrap_or_else(|| panic!("{line:?} missing or out of order in {text}"));
        at += found + line.len();
    }
    assert_eq!(w.sessions.len(), 5);
}

#[test]
fn a_session_prints_its_time_place_goal_and_counts_in_the_workshops_language() {
    let mut w = example();
    let s = &mut w.sessions[2].fields;
    s.starts_at = Some("2025-03-18T09:05".into());
    s.place = "Kirjaston ryhmätila".into();
    s.goal = "Valitaan kosketuspisteet yhdessä".into();
    s.attendance = Attendance { clients: Some(4), experts_by_experience: None, workers: Some(3), facilitators: Some(1) };
    let text = cover_text(&w);
    for expected in ["18.3.2025 klo 9.05 · Kirjaston ryhmätila", "Tavoite: Valitaan kosketuspisteet yhdessä", "Osallistujia: asiakkaita 4 · työntekijöitä 3 · fasilitaattoreita 1", "ohjelmakohtia 1 · 90 min"] {
        assert!(text.contains(expected), "{expected:?} not in {text}");
    }
    assert!(!text.contains("kokemusasiantuntijoita"), "a role nobody counted is left out");
    w.language = polku_core::Language::En;
    let text = cover_text(&w);
    assert!(text.contains("18 Mar 2025, 09:05") && text.contains("Taking part: clients 4 · workers 3 · facilitators 1"), "{text}");
}

/// The example with an ended dot vote on its path: two notes tied first, one with a dot, the top kept.
fn voted() -> (Workshop, Vec<String>) {
    let mut w = example();
    let board = &w.boards[0];
    let notes: Vec<&polku_core::Note> = board.notes.iter().take(4).collect();
    let texts = notes.iter().map(|n| n.text.clone()).collect();
    let counts = [(0, 3), (1, 3), (2, 1)].map(|(i, count)| polku_core::VoteCount { target_id: notes[i].id, count }).to_vec();
    let settings = polku_core::VoteSettings { on: polku_core::VoteOn::Board, dots: 3, several_per_target: false, hidden: true, screen: polku_core::ScreenVoting::Turns, ends_at: None };
    let fields = polku_core::VoteFields { settings, session_id: None, started_at: 1_741_000_000_000, ended_at: Some(1_741_000_600_000), targets: notes.iter().map(|n| n.id).collect(), counts, turn: 4, keep_top: Some(1) };
    w.votes.push(polku_core::Vote { id: polku_core::Id::now_v7(), board_id: board.id, fields, version: 9 });
    (w, texts)
}

#[test]
fn an_ended_vote_prints_ranked_in_its_boards_summary_and_fills_the_tables_votes_column() {
    let (w, texts) = voted();
    let text = text_of(&w, PdfContents { cover: false, boards: false, personas: false, walkthroughs: false, summary: true });
    assert!(text.contains("Pisteäänestys") && text.contains("3 pistettä kullakin"), "{text}");
    for line in [format!("1. {} — 3 (kärki)", texts[0]), format!("1. {} — 3 (kärki)", texts[1]), format!("3. {} — 1", texts[2])] {
        assert!(text.contains(&line), "{line} in {text}");
    }
    assert!(!text.contains(&format!("{} — 0", texts[3])), "notes with no dots are not listed");

    let (header, rows) = polku_export::table::note_rows(&w);
    let col = header.iter().position(|h| h == "Äänet").expect("a votes column");
    let votes_of = |t: &str| rows.iter().find(|r| r[7] == t).map(|r| r[col].clone()).unwrap();
    assert_eq!([votes_of(&texts[0]), votes_of(&texts[2]), votes_of(&texts[3])], ["3", "1", "0"]);
    let elsewhere = rows.iter().find(|r| r[1] != w.boards[0].title).unwrap();
    assert_eq!(elsewhere[col], "", "a note no vote had");
}
