//! Reading a PDF back as a reader's computer would, with poppler's tools (poppler-utils:
//! `scripts/install-deps.sh test`).

#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

use polku_core::{Note, NoteKind, Sentiment, Workshop};
use polku_export::workshop_file;

/// The time the tests export at (18.11.2026).
pub const NOW: i64 = 1_795_000_000_000;

/// The example workshop, as a facilitator would open it.
pub fn example() -> Workshop {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../workshops/examples/aikuissosiaalityo.polku");
    workshop_file::read(&std::fs::read(path).unwrap()).unwrap()
}

/// A note at the first touchpoint of `w`'s first board, `y` units down.
pub fn note(w: &Workshop, text: &str, kind: NoteKind, y: f64) -> Note {
    let b = &w.boards[0];
    Note {
        id: polku_core::Id::now_v7(),
        board_id: b.id,
        touchpoint_id: Some(b.touchpoints[0].id),
        lane_id: None,
        persona_id: None,
        session_id: None,
        kind,
        sentiment: (kind == NoteKind::Observation).then_some(Sentiment::Neutral),
        text: text.into(),
        x: -100.0,
        y,
        face_down: false,
        author: None,
        version: 1,
        created_at: NOW,
        updated_at: NOW,
    }
}

pub fn tool(name: &str, args: &[&str]) -> String {
    let out = Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{name} is missing ({e}); install poppler-utils: scripts/install-deps.sh test"));
    assert!(out.status.success(), "{name} {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// Writes `bytes` as `name` in `dir` and returns its path. For looking at the pages by eye:
/// POLKU_KEEP_PDF=/some/dir keeps a copy of every file.
pub fn keep(bytes: Vec<u8>, dir: &Path, name: &str) -> String {
    if let Some(keep) = std::env::var_os("POLKU_KEEP_PDF") {
        std::fs::write(Path::new(&keep).join(name), &bytes).unwrap();
    }
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_string()
}

/// All text of the file in drawing order, whitespace collapsed: a note wrapped over lines reads
/// as one run of words again.
pub fn words(pdf: &str) -> String {
    collapse(&tool("pdftotext", &["-raw", "-enc", "UTF-8", pdf, "-"]))
}

/// All text of the file in reading order, as a viewer copies it: poppler turns right-to-left
/// stretches into the order they were typed (`-raw` keeps the order they were drawn in, which
/// for a right-to-left line is its words from the left). The embedding marks poppler puts
/// around such a stretch (U+202A–U+202E) are left out: they only say which way it reads.
pub fn reading_words(pdf: &str) -> String {
    let text = tool("pdftotext", &["-enc", "UTF-8", pdf, "-"]);
    collapse(&text.replace(|c| ('\u{202A}'..='\u{202E}').contains(&c), ""))
}

/// The text of page `n` (1-based) alone, whitespace collapsed.
pub fn page_words(pdf: &str, n: usize) -> String {
    let n = n.to_string();
    collapse(&tool("pdftotext", &["-raw", "-enc", "UTF-8", "-f", &n, "-l", &n, pdf, "-"]))
}

pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn pages(pdf: &str) -> usize {
    let info = tool("pdfinfo", &[pdf]);
    info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap()
}

/// Each page's size as pdfinfo says it ("1190.55 x 841.89 pts (A3)"), in page order.
pub fn page_sizes(pdf: &str) -> Vec<String> {
    let info = tool("pdfinfo", &["-f", "1", "-l", "-1", pdf]);
    info.lines()
        .filter_map(|l| l.strip_prefix("Page").and_then(|r| r.split_once(" size:")).map(|(_, s)| s.trim().to_string()))
        .collect()
}

pub const A3_LANDSCAPE: &str = "1190.55 x 841.89 pts (A3)";
