//! Arabic letters joined the way handwriting joins them. printpdf draws one glyph per character
//! and does not run a font's shaping tables, so a word typed as separate letters would print as
//! separate letters. Unicode's presentation forms (one code point per letter and position, which
//! DejaVu Sans draws) give each letter its isolated, final, initial or medial shape instead. What
//! is typed stays in the PDF's text layer: the drawn forms are only what the reader sees.

/// A letter, the first of its presentation forms (isolated, final, initial, medial follow in that
/// order) and how many there are: 4 joins on both sides, 2 only to the letter before it, 1 never.
const LETTERS: [(char, u32, u8); 42] = [
    ('\u{621}', 0xFE80, 1),
    ('\u{622}', 0xFE81, 2),
    ('\u{623}', 0xFE83, 2),
    ('\u{624}', 0xFE85, 2),
    ('\u{625}', 0xFE87, 2),
    ('\u{626}', 0xFE89, 4),
    ('\u{627}', 0xFE8D, 2),
    ('\u{628}', 0xFE8F, 4),
    ('\u{629}', 0xFE93, 2),
    ('\u{62A}', 0xFE95, 4),
    ('\u{62B}', 0xFE99, 4),
    ('\u{62C}', 0xFE9D, 4),
    ('\u{62D}', 0xFEA1, 4),
    ('\u{62E}', 0xFEA5, 4),
    ('\u{62F}', 0xFEA9, 2),
    ('\u{630}', 0xFEAB, 2),
    ('\u{631}', 0xFEAD, 2),
    ('\u{632}', 0xFEAF, 2),
    ('\u{633}', 0xFEB1, 4),
    ('\u{634}', 0xFEB5, 4),
    ('\u{635}', 0xFEB9, 4),
    ('\u{636}', 0xFEBD, 4),
    ('\u{637}', 0xFEC1, 4),
    ('\u{638}', 0xFEC5, 4),
    ('\u{639}', 0xFEC9, 4),
    ('\u{63A}', 0xFECD, 4),
    ('\u{641}', 0xFED1, 4),
    ('\u{642}', 0xFED5, 4),
    ('\u{643}', 0xFED9, 4),
    ('\u{644}', 0xFEDD, 4),
    ('\u{645}', 0xFEE1, 4),
    ('\u{646}', 0xFEE5, 4),
    ('\u{647}', 0xFEE9, 4),
    ('\u{648}', 0xFEED, 2),
    // Alef maksura's initial and medial forms are elsewhere and rare: it is joined as one that
    // only joins to the letter before it.
    ('\u{649}', 0xFEEF, 2),
    ('\u{64A}', 0xFEF1, 4),
    // Persian and Dari letters.
    ('\u{67E}', 0xFB56, 4),
    ('\u{686}', 0xFB7A, 4),
    ('\u{698}', 0xFB8A, 2),
    ('\u{6A9}', 0xFB8E, 4),
    ('\u{6AF}', 0xFB92, 4),
    ('\u{6CC}', 0xFBFC, 4),
];

const LAM: char = '\u{644}';
/// Tatweel (the stretching stroke) and the zero width joiner join to both sides and keep their form.
const JOINERS: [char; 2] = ['\u{640}', '\u{200D}'];

/// Lam followed by an alef becomes one ligature (isolated, then final at the next code point).
fn lam_alef(alef: char) -> Option<u32> {
    match alef {
        '\u{622}' => Some(0xFEF5),
        '\u{623}' => Some(0xFEF7),
        '\u{625}' => Some(0xFEF9),
        '\u{627}' => Some(0xFEFB),
        _ => None,
    }
}

fn letter(c: char) -> Option<(u32, u8)> {
    LETTERS.binary_search_by_key(&c, |l| l.0).ok().map(|i| (LETTERS[i].1, LETTERS[i].2))
}

/// Vowel marks and other signs drawn on a letter: a letter joins across them.
pub fn is_mark(c: char) -> bool {
    matches!(c, '\u{610}'..='\u{61A}' | '\u{64B}'..='\u{65F}' | '\u{670}' | '\u{6D6}'..='\u{6DC}' | '\u{6DF}'..='\u{6E4}' | '\u{6E7}' | '\u{6E8}' | '\u{6EA}'..='\u{6ED}')
}

/// Whether `text` has a letter this module shapes.
pub fn has_letters(text: &str) -> bool {
    text.chars().any(|c| ('\u{621}'..='\u{6CC}').contains(&c) && letter(c).is_some())
}

/// Whether `c` joins to the letter after it.
fn joins_forward(c: char) -> bool {
    JOINERS.contains(&c) || letter(c).is_some_and(|(_, n)| n == 4)
}

/// Whether `c` joins to the letter before it.
fn joins_back(c: char) -> bool {
    JOINERS.contains(&c) || letter(c).is_some_and(|(_, n)| n >= 2)
}

/// `text` (in the order it was typed) with each Arabic letter in its joined form. Other
/// characters are kept as they are.
pub fn shape(text: &str) -> String {
    units(text).into_iter().map(|(drawn, _)| drawn).collect()
}

/// `text` as what is drawn, each with the characters it stands for: one letter, or lam and alef
/// for their ligature, in the order typed.
pub fn units(text: &str) -> Vec<(char, &str)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    // The nearest character before and after `i` that is not a mark.
    let before = |i: usize| chars[..i].iter().rev().map(|p| p.1).find(|c| !is_mark(*c));
    let after = |i: usize| chars[i + 1..].iter().map(|p| p.1).find(|c| !is_mark(*c));
    let typed = |from: usize, count: usize| {
        let end = chars.get(from + count).map_or(text.len(), |p| p.0);
        &text[chars[from].0..end]
    };
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        let Some((first, forms)) = letter(c) else {
            out.push((c, typed(i, 1)));
            i += 1;
            continue;
        };
        let back = forms >= 2 && before(i).is_some_and(joins_forward);
        if let Some(lig) = chars.get(i + 1).filter(|_| c == LAM).and_then(|&(_, a)| lam_alef(a)) {
            out.extend(char::from_u32(lig + u32::from(back)).map(|d| (d, typed(i, 2))));
            i += 2;
            continue;
        }
        let forward = forms == 4 && after(i).is_some_and(joins_back);
        let form = match (back, forward) {
            (false, false) => 0,
            (true, false) => 1,
            (false, true) => 2,
            (true, true) => 3,
        };
        out.extend(char::from_u32(first + form).map(|d| (d, typed(i, 1))));
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(s: &str) -> Vec<u32> {
        s.chars().map(u32::from).collect()
    }

    #[test]
    fn the_table_is_sorted_for_its_search() {
        assert!(LETTERS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn letters_take_their_place_in_the_word() {
        // meem initial, reh final (it never joins forward), hah initial, beh medial, alef final.
        assert_eq!(codes(&shape("مرحبا")), [0xFEE3, 0xFEAE, 0xFEA3, 0xFE92, 0xFE8E]);
        // A letter alone, and words apart: a space joins nothing.
        assert_eq!(codes(&shape("ب ب")), [0xFE8F, 0x20, 0xFE8F]);
        assert_eq!(codes(&shape("في")), [0xFED3, 0xFEF2]);
    }

    #[test]
    fn lam_and_alef_become_one_ligature() {
        // Isolated at the start of "لا", final after a letter that joins forward ("الا").
        assert_eq!(codes(&shape("لا")), [0xFEFB]);
        assert_eq!(codes(&shape("سلام")), [0xFEB3, 0xFEFC, 0xFEE1]);
        let typed: Vec<&str> = units("سلام").into_iter().map(|u| u.1).collect();
        assert_eq!(typed, ["س", "لا", "م"]);
    }

    #[test]
    fn vowel_marks_do_not_break_the_join() {
        // beh with a fatha, then teh: beh stays initial, teh final; the mark is kept.
        assert_eq!(codes(&shape("بَت")), [0xFE91, 0x64E, 0xFE96]);
    }

    #[test]
    fn other_text_is_untouched() {
        assert_eq!(shape("Kiitos 1 2 3"), "Kiitos 1 2 3");
        assert!(!has_letters("שלום") && has_letters("x ک"));
    }
}
