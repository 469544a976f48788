//! Every script on paper (issue 15): emoji from the monochrome emoji font, embedded only when a
//! note has one; Arabic and Hebrew drawn right to left and read back in the order typed; the
//! Latin and Cyrillic languages of the workshops as before. Read back with poppler's tools.

mod common;

use std::path::Path;

use common::{example, keep, note, reading_words, tool, words, NOW};

use polku_core::{NoteKind, Workshop};
use polku_export::pdf::{self, font};
use polku_export::{PdfContents, PdfOptions};

/// The example's service path alone, with a note for each of `texts`.
fn with_notes(texts: &[&str]) -> Workshop {
    let mut w = example();
    w.boards.truncate(1);
    for (i, text) in texts.iter().enumerate() {
        let n = note(&w, text, NoteKind::Idea, 3000.0 + i as f64 * 200.0);
        w.boards[0].notes.push(n);
    }
    w
}

/// The boards alone: the notes are what these tests read.
fn export(w: &Workshop, dir: &Path, name: &str) -> String {
    let boards = PdfContents { cover: false, boards: true, personas: false, walkthroughs: false, summary: false };
    let opts = PdfOptions { contents: boards, ..PdfOptions::default() };
    keep(pdf::render(w, &opts, NOW, &mut |_, _| true).unwrap(), dir, name)
}

/// pdffonts' rows naming `font`, each checked embedded, subset and with a Unicode map.
fn embedded(fonts: &str, font: &str) -> usize {
    let rows: Vec<&str> = fonts.lines().filter(|l| l.contains(font)).collect();
    for row in &rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        assert!(cols[0].contains('+'), "a subset's name has a tag: {row}");
        assert_eq!(&cols[cols.len() - 5..cols.len() - 2], ["yes", "yes", "yes"], "embedded, subset, with a Unicode map: {row}");
    }
    rows.len()
}

#[test]
fn emoji_print_from_the_emoji_font_and_read_back_as_typed() {
    let texts = ["Kiitos 😊👍", "❤️", "🙂", "Hyvä 👍🏽 ja 👩\u{200D}💻"];
    let dir = tempfile::tempdir().unwrap();
    let file = export(&with_notes(&texts), dir.path(), "emoji.pdf");
    let fonts = tool("pdffonts", &[&file]);
    assert_eq!(embedded(&fonts, "+NotoEmoji-Regular"), 1, "{fonts}");
    let text = words(&file);
    for t in texts {
        assert!(text.contains(t), "{t:?} is not in the text: {text}");
    }
    // Nothing is drawn as the missing-glyph box: every emoji has a glyph, and the characters
    // that only steer others (the selector, the skin tone, the joiner) are not drawn at all.
    let m = font::metrics(font::Weight::Regular);
    for c in "😊👍❤🙂👩💻".chars() {
        assert!(m.has_glyph(c), "no font draws {c}");
    }
    for steering in ['\u{FE0F}', '\u{1F3FD}', '\u{200D}'] {
        assert_eq!(m.char_width(steering), 0.0, "{steering:?} takes no room");
    }
    assert_eq!(m.width("❤️", 10.0), m.width("❤", 10.0));
}

#[test]
fn a_workshop_without_emoji_embeds_no_emoji_font() {
    let dir = tempfile::tempdir().unwrap();
    // The emoji font has digits, # and © too (for keycaps and the like): Noto Sans draws them.
    let texts = ["Kiitos kaikille", "Asiakas → sossu ✓", "© 2026 #1 * 5"];
    let file = export(&with_notes(&texts), dir.path(), "plain.pdf");
    let fonts = tool("pdffonts", &[&file]);
    assert_eq!(embedded(&fonts, "+NotoEmoji"), 0, "{fonts}");
    assert_eq!(embedded(&fonts, "+DejaVuSans"), 1, "the symbols still come from DejaVu Sans: {fonts}");
    // Nor is the font read for such a document: reading it costs more than the layout.
    assert_eq!(font::needs(&texts.concat()), font::Needs { fallback: true, emoji: false });
    assert_eq!(font::needs("Kiitos 🙂"), font::Needs { fallback: false, emoji: true });
    assert_eq!(font::needs("Kiitos\u{FE0F}\u{200D}"), font::Needs::default(), "what is not drawn needs no font");
}

#[test]
fn arabic_and_hebrew_read_back_in_the_order_typed() {
    let arabic = "مرحبا بكم في الخدمة";
    let hebrew = "שלום לכולם";
    let mixed = "Kiitos שלום ja kiitos";
    let dir = tempfile::tempdir().unwrap();
    let file = export(&with_notes(&[arabic, hebrew, mixed]), dir.path(), "rtl.pdf");
    let text = reading_words(&file);
    for t in [arabic, hebrew] {
        assert!(text.contains(t), "{t:?} is not in the text: {text}");
    }
    // Poppler counts the space after a right-to-left word into it, so in a left-to-right line
    // that space comes out before the word: the words are compared in their order alone.
    let unspaced = |s: &str| s.split_whitespace().collect::<String>();
    assert!(unspaced(&text).contains(&unspaced(mixed)), "{mixed:?} is not in the text: {text}");
    // Drawn right to left: the words stand on the page from the right, so `-raw`, which keeps
    // the drawing order, has them from the left; each word itself reads as typed.
    let raw = words(&file);
    assert!(raw.contains("לכולם") && raw.contains("الخدمة"), "{raw}");
    assert!(!raw.contains("םולש") && !raw.contains("ةمدخلا"), "no word is reversed: {raw}");
}

#[test]
fn somali_swedish_russian_and_estonian_still_read_back_as_typed() {
    let texts = [
        "Waan ku faraxsanahay inaan idin caawiyo, mahadsanid",
        "Åsa och Örjan är här med blåbär",
        "Привет, как дела? Ёжик и щётка",
        "Õun, jäätis, öö ja üks šokolaad",
    ];
    let dir = tempfile::tempdir().unwrap();
    let file = export(&with_notes(&texts), dir.path(), "latin.pdf");
    let (raw, reading) = (words(&file), reading_words(&file));
    for t in texts {
        assert!(raw.contains(t) && reading.contains(t), "{t:?} is not in the text: {raw}");
    }
    let fonts = tool("pdffonts", &[&file]);
    assert_eq!(embedded(&fonts, "+NotoEmoji") + embedded(&fonts, "+DejaVuSans"), 0, "Noto Sans alone: {fonts}");
}
