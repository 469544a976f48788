//! Reading a PDF back as a reader's computer would, with poppler's tools (poppler-utils:
//! `scripts/install-deps.sh test`).

#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

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
