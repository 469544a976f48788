//! From a line as it was typed to what is drawn, left to right. Right-to-left scripts (Arabic,
//! Hebrew) are put in visual order with the Unicode bidirectional algorithm, Arabic letters are
//! joined, and characters that only steer other characters (joiners, variation selectors, skin
//! tones, direction marks) are not drawn: printpdf draws one glyph per character and would print
//! each of them as an empty box or a stray swatch.
//!
//! A reader gets the text back from the glyphs in the order they stand on the line and turns
//! right-to-left stretches around itself, as poppler, pdf.js and Acrobat all do. So a glyph that
//! stands for what was typed (a Hebrew letter, a space) needs nothing more; one whose form is not
//! the character typed (a joined Arabic letter, the lam-alef ligature, a mirrored bracket, an
//! emoji whose skin tone or selector is not drawn) carries the typed characters as its
//! /ActualText. A span over a whole run would not do: readers lay its text out left to right over
//! the run and then turn it around as if it were drawn.

use unicode_bidi::ParagraphBidiInfo;

use super::arabic;

/// Part of a line, in the order it is drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// The characters to draw, left to right.
    pub drawn: String,
    /// What the drawn glyph stands for, when it is not the character drawn.
    pub typed: Option<String>,
}

/// Characters that change how others look and have no look of their own here. Skin tones are
/// among them: the emoji font is monochrome and without its sequence tables, so a tone could
/// only print as a swatch beside the hand it belongs to.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2069}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{1F3FB}'..='\u{1F3FF}'
            | '\u{E0001}'..='\u{E007F}'
            | '\u{E0100}'..='\u{E01EF}'
    )
}

/// Letters of scripts written from right to left, and the bidirectional controls that can start
/// such a run: a line without any is drawn as typed.
fn is_rtl(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}' | '\u{10800}'..='\u{10FFF}' | '\u{1E800}'..='\u{1EFFF}')
        || matches!(c, '\u{200F}' | '\u{202B}' | '\u{202E}' | '\u{2067}')
}

/// What is measured for `text`'s width: its drawn characters in typed order (the order does not
/// change a width).
pub fn measured(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(|c| is_invisible(c) || is_rtl(c)) {
        return text.into();
    }
    let visible: String = text.chars().filter(|&c| !is_invisible(c)).collect();
    if arabic::has_letters(&visible) {
        arabic::shape(&visible).into()
    } else {
        visible.into()
    }
}

/// `line` as the pieces it is drawn in, left to right. The line's direction is that of its
/// first letter, as a text editor decides it.
pub fn pieces(line: &str) -> Vec<Piece> {
    if !line.chars().any(|c| is_invisible(c) || is_rtl(c)) {
        return vec![Piece { drawn: line.to_string(), typed: None }];
    }
    let mut out: Vec<Piece> = Vec::new();
    let bidi = ParagraphBidiInfo::new(line, None);
    let (levels, runs) = bidi.visual_runs(0..line.len());
    for run in runs {
        for p in glyphs(&line[run.clone()], levels[run.start].is_rtl()) {
            // Glyphs that need no text of their own are drawn together.
            match out.last_mut() {
                Some(last) if last.typed.is_none() && p.typed.is_none() => last.drawn.push_str(&p.drawn),
                _ => out.push(p),
            }
        }
    }
    out
}

/// One run's glyphs in drawing order. A right-to-left run is reversed letter by letter, each
/// letter keeping the marks that follow it (a mark is drawn over the glyph before it), and its
/// brackets are mirrored, since "(" typed in such a run opens towards the left.
fn glyphs(run: &str, rtl: bool) -> Vec<Piece> {
    let units = if rtl { arabic::units(run) } else { run.char_indices().map(|(i, c)| (c, &run[i..i + c.len_utf8()])).collect() };
    let mut clusters: Vec<Vec<Piece>> = Vec::new();
    for (drawn, typed) in units {
        if is_invisible(drawn) {
            // Kept with the glyph it steers; at the very start of a run there is none to keep it.
            if let Some(last) = clusters.last_mut().and_then(|c| c.last_mut()) {
                let so_far = last.typed.take().unwrap_or_else(|| last.drawn.clone());
                last.typed = Some(so_far + typed);
            }
            continue;
        }
        let drawn = if rtl { mirrored(drawn) } else { drawn }.to_string();
        let piece = Piece { typed: (drawn != typed).then(|| typed.to_string()), drawn };
        match clusters.last_mut() {
            Some(c) if piece.drawn.chars().all(is_mark) => c.push(piece),
            _ => clusters.push(vec![piece]),
        }
    }
    if rtl {
        clusters.reverse();
    }
    clusters.into_iter().flatten().collect()
}

fn is_mark(c: char) -> bool {
    arabic::is_mark(c)
        || matches!(c, '\u{0300}'..='\u{036F}' | '\u{0591}'..='\u{05BD}' | '\u{05BF}' | '\u{05C1}' | '\u{05C2}' | '\u{05C4}' | '\u{05C5}' | '\u{05C7}')
}

fn mirrored(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        '‹' => '›',
        '›' => '‹',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drawn(line: &str) -> Vec<String> {
        pieces(line).into_iter().map(|p| p.drawn).collect()
    }

    #[test]
    fn a_left_to_right_line_is_one_piece_as_typed() {
        assert_eq!(pieces("Åsa och Örjan"), [Piece { drawn: "Åsa och Örjan".into(), typed: None }]);
    }

    #[test]
    fn hebrew_is_drawn_from_its_last_letter_as_the_letters_typed() {
        assert_eq!(pieces("שלום לכולם"), [Piece { drawn: "םלוכל םולש".into(), typed: None }]);
    }

    #[test]
    fn a_latin_word_in_a_right_to_left_line_stays_readable_where_it_belongs() {
        // A number after a Latin word belongs to it: "Polku (1)" reads left to right, at the
        // left of shalom.
        assert_eq!(drawn("שלום Polku (1)").concat(), "Polku (1) םולש");
        assert_eq!(drawn("Kiitos שלום").concat(), "Kiitos םולש");
    }

    #[test]
    fn brackets_in_a_right_to_left_run_are_mirrored_and_stand_for_the_one_typed() {
        let p = pieces("שלום (כן)");
        assert_eq!(p.iter().map(|p| p.drawn.as_str()).collect::<String>(), "(ןכ) םולש");
        assert_eq!(p[0], Piece { drawn: "(".into(), typed: Some(")".into()) });
    }

    #[test]
    fn each_joined_arabic_letter_stands_for_the_letter_typed() {
        // "Marhaba": meem (initial form) typed first, so drawn last.
        let p = pieces("مرحبا");
        assert_eq!(p.iter().map(|p| p.drawn.as_str()).collect::<String>(), "\u{FE8E}\u{FE92}\u{FEA3}\u{FEAE}\u{FEE3}");
        let typed: Vec<&str> = p.iter().rev().map(|p| p.typed.as_deref().unwrap()).collect();
        assert_eq!(typed, ["م", "ر", "ح", "ب", "ا"]);
    }

    #[test]
    fn a_vowel_mark_is_drawn_after_its_letter() {
        // beh, fatha, teh: drawn teh, beh, fatha.
        let drawn: Vec<String> = pieces("بَت").into_iter().map(|p| p.drawn).collect();
        assert_eq!(drawn.concat(), "\u{FE96}\u{FE91}\u{64E}");
    }

    #[test]
    fn joiners_selectors_and_skin_tones_are_not_drawn_but_kept_as_typed() {
        let line = "Hyvä 👍🏽 ❤️ 👩\u{200D}💻";
        let p = pieces(line);
        assert_eq!(p.iter().map(|p| p.drawn.as_str()).collect::<String>(), "Hyvä 👍 ❤ 👩💻");
        assert_eq!(p.iter().map(|p| p.typed.clone().unwrap_or_else(|| p.drawn.clone())).collect::<String>(), line);
        assert_eq!(p[1], Piece { drawn: "👍".into(), typed: Some("👍🏽".into()) });
        assert_eq!(measured("❤️👍🏽"), "❤👍");
    }
}
