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
    let dir = tempfile::tempdir().unwrap();
    let opts = PdfOptions { contents: PdfContents { cover: true, boards: false, personas: false, walkthroughs: false, summary: false }, ..PdfOptions::default() };
    let path = dir.path().join("cover.pdf");
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
