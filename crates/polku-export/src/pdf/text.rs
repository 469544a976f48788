//! Line breaking on real glyph widths. PDF has no text flow of its own: every line is placed by
//! us, so this decides what fits. Words break at spaces; a word wider than the line is cut between
//! characters (no hyphen is added, so the words a reader copies out stay the words that were typed).

use super::font::{metrics, Weight};

/// `text` in lines no wider than `width` at `size`. Line breaks the author typed are kept; an
/// empty text is no lines.
pub fn wrap(text: &str, width: f32, size: f32, weight: Weight) -> Vec<String> {
    let m = metrics(weight);
    let space = m.char_width(' ') * size;
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        let mut line_w = 0.0f32;
        for word in para.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()) {
            let word: String = word.chars().filter(|c| !c.is_control()).collect();
            let word_w = m.width(&word, size);
            if line.is_empty() && word_w <= width {
                line.push_str(&word);
                line_w = word_w;
            } else if !line.is_empty() && line_w + space + word_w <= width {
                line.push(' ');
                line.push_str(&word);
                line_w += space + word_w;
            } else {
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    line_w = 0.0;
                }
                // Cut a word that no line can hold; the last piece starts the next line.
                for c in word.chars() {
                    let w = m.char_width(c) * size;
                    if line_w + w > width && !line.is_empty() {
                        lines.push(std::mem::take(&mut line));
                        line_w = 0.0;
                    }
                    line.push(c);
                    line_w += w;
                }
            }
        }
        lines.push(line);
    }
    // Trailing empty lines carry nothing a reader would miss.
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines
}

/// The widest of `lines` at `size`.
pub fn widest(lines: &[String], size: f32, weight: Weight) -> f32 {
    let m = metrics(weight);
    lines.iter().map(|l| m.width(l, size)).fold(0.0, f32::max)
}

/// The width of the widest word of `text` at `size`.
pub fn longest_word(text: &str, size: f32, weight: Weight) -> f32 {
    let m = metrics(weight);
    text.split_whitespace().map(|w| m.width(w, size)).fold(0.0, f32::max)
}

/// `line` cut to `width` with an ellipsis, for labels that must stay on one line.
pub fn ellipsize(line: &str, width: f32, size: f32, weight: Weight) -> String {
    let m = metrics(weight);
    if m.width(line, size) <= width {
        return line.to_string();
    }
    let room = width - m.char_width('…') * size;
    let mut out = String::new();
    let mut w = 0.0;
    for c in line.chars() {
        w += m.char_width(c) * size;
        if w > room {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fits(lines: &[String], width: f32) -> bool {
        lines.iter().all(|l| metrics(Weight::Regular).width(l, 10.0) <= width + 0.001)
    }

    #[test]
    fn wraps_at_spaces_within_the_width() {
        let text = "Asiakkuus alkaa kun ihminen ottaa yhteyttä sosiaalityöhön ensimmäisen kerran";
        let lines = wrap(text, 120.0, 10.0, Weight::Regular);
        assert!(lines.len() > 2);
        assert!(fits(&lines, 120.0));
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn cuts_a_word_longer_than_the_line_and_keeps_every_character() {
        let word = "ä".repeat(80);
        let lines = wrap(&word, 100.0, 10.0, Weight::Regular);
        assert!(lines.len() > 1);
        assert!(fits(&lines, 100.0));
        assert_eq!(lines.concat(), word);
    }

    #[test]
    fn keeps_the_authors_line_breaks() {
        assert_eq!(wrap("yksi\n\nkaksi\n", 500.0, 10.0, Weight::Regular), ["yksi", "", "kaksi"]);
        assert!(wrap("", 500.0, 10.0, Weight::Regular).is_empty());
    }

    #[test]
    fn ellipsizes_to_the_width() {
        let s = ellipsize("Ensimmäinen yhteydenotto sosiaalitoimistoon", 80.0, 10.0, Weight::Bold);
        assert!(s.ends_with('…'));
        assert!(metrics(Weight::Bold).width(&s, 10.0) <= 80.0);
    }
}
