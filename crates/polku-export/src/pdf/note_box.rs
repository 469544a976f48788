//! A note card on paper: the same box, padding and text sizes as the board's card (NoteCard and
//! noteFit.ts), but wrapped on the font's real glyph widths. Text shrinks from the usual size to
//! a floor; past the floor the card grows into the free space below it; when even that is not
//! enough, the card ends with a marker and its whole text goes to a numbered footnote. Nothing
//! is ever cut off without saying so.

use polku_core::layout::{NOTE_H, NOTE_W};

use super::font::Weight;
use super::text::{longest_word, wrap};

/// Board units, as on the screen.
pub const TEXT_MAX: f32 = 16.0;
pub const TEXT_FLOOR: f32 = 13.0;
pub const LEADING: f32 = 1.3;
pub const PAD_TOP: f32 = 10.0;
pub const PAD_BOTTOM: f32 = 12.0;
pub const PAD_RIGHT: f32 = 12.0;
/// Room for the tone's symbol (and a persona's mark) at the left.
pub const PAD_LEFT: f32 = 40.0;
/// The coloured edge at the card's left.
pub const EDGE: f32 = 6.0;
pub const TEXT_W: f32 = NOTE_W as f32 - PAD_LEFT - PAD_RIGHT - EDGE;
/// A card never grows past this, so one essay cannot push a board poster onto many pages.
pub const MAX_H: f32 = 6.0 * NOTE_H as f32;

#[derive(Debug, Clone, PartialEq)]
pub struct NoteBox {
    /// The card's top left and size, board units.
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
    pub size: f32,
    /// What is printed in the card, in order.
    pub lines: Vec<String>,
    /// True when `lines` is not the whole text: the card ends with the footnote marker.
    pub continued: bool,
}

impl NoteBox {
    /// Where the text's lines begin: (x, first baseline).
    pub fn text_origin(&self) -> (f32, f32) {
        (self.x + EDGE + PAD_LEFT, self.y + PAD_TOP + self.size)
    }

    pub fn leading(&self) -> f32 {
        self.size * LEADING
    }
}

/// Lays out `text` in a card at (x, y). `room` is how tall the card may grow before it would
/// cover the next card below it (None: nothing below).
pub fn fit(text: &str, x: f32, y: f32, room: Option<f32>) -> NoteBox {
    fit_with(text, x, y, room, TEXT_FLOOR)
}

/// [`fit`], the text never smaller than `floor` board units: a page that prints the board small
/// raises the floor so the text stays readable on paper, and the card says "continued" sooner.
pub fn fit_with(text: &str, x: f32, y: f32, room: Option<f32>, floor: f32) -> NoteBox {
    let base_h = NOTE_H as f32;
    let text_h = |lines: usize, size: f32| lines as f32 * size * LEADING;
    let floor = floor.max(TEXT_FLOOR);
    let mut size = TEXT_MAX.max(floor);
    loop {
        let lines = wrap(text, TEXT_W, size, Weight::Regular);
        // A smaller size is also worth it when it keeps a long word whole.
        let words_whole = size <= floor || longest_word(text, size, Weight::Regular) <= TEXT_W;
        if words_whole && text_h(lines.len(), size) <= base_h - PAD_TOP - PAD_BOTTOM {
            return NoteBox { x, y, w: NOTE_W as f32, h: base_h, size, lines, continued: false };
        }
        if size <= floor {
            let need = text_h(lines.len(), size) + PAD_TOP + PAD_BOTTOM;
            let limit = room.unwrap_or(f32::INFINITY).clamp(base_h, MAX_H);
            if need <= limit {
                return NoteBox { x, y, w: NOTE_W as f32, h: need, size, lines, continued: false };
            }
            // Keep one line for the marker that points to the footnote.
            let fit = (((limit - PAD_TOP - PAD_BOTTOM) / (size * LEADING)).floor() as usize).max(2) - 1;
            let shown = lines.into_iter().take(fit).collect();
            return NoteBox { x, y, w: NOTE_W as f32, h: limit, size, lines: shown, continued: true };
        }
        size = (size - 0.5).max(floor);
    }
}

#[cfg(test)]
mod tests {
    use super::super::font::metrics;
    use super::*;

    fn inside(b: &NoteBox) {
        let m = metrics(Weight::Regular);
        for l in &b.lines {
            assert!(m.width(l, b.size) <= TEXT_W + 0.01, "{l:?} is wider than the card");
        }
        let lines = b.lines.len() + usize::from(b.continued);
        assert!(lines as f32 * b.leading() + PAD_TOP + PAD_BOTTOM <= b.h + 0.01, "text taller than the card");
    }

    #[test]
    fn a_short_note_keeps_the_usual_size_and_height() {
        let b = fit("Ajanvaraus puhelimella", 0.0, 0.0, None);
        assert_eq!((b.size, b.h), (TEXT_MAX, NOTE_H as f32));
        inside(&b);
    }

    #[test]
    fn a_600_character_note_and_an_80_character_word_stay_inside_the_card() {
        let long = "Asiakas odottaa päätöstä viikkoja eikä tiedä kenelle soittaa. ".repeat(10);
        let long = &long[..long.char_indices().nth(600).unwrap().0];
        let word = "Sosiaalihuoltolain".repeat(5);
        let word = &word[..80];
        for text in [long.to_string(), format!("Sana: {word} ja sitten vielä muuta tekstiä")] {
            let b = fit(&text, 10.0, 20.0, None);
            inside(&b);
            assert!(!b.continued);
            let printed: String = b.lines.concat().split_whitespace().collect();
            let typed: String = text.split_whitespace().collect();
            assert_eq!(printed, typed, "every character is printed");
            assert!(b.h > NOTE_H as f32 || text.len() < 200);
        }
    }

    #[test]
    fn a_long_word_gets_a_smaller_size_before_it_is_cut() {
        let b = fit("Seurantatapaaminen 2–4 viikon päästä", 0.0, 0.0, None);
        assert!(b.size < TEXT_MAX);
        assert!(b.lines.iter().any(|l| l.starts_with("Seurantatapaaminen")), "{:?}", b.lines);
    }

    #[test]
    fn a_raised_floor_keeps_the_text_at_least_that_large() {
        let text = "Asiakas odottaa päätöstä viikkoja eikä tiedä kenelle soittaa. ".repeat(4);
        for floor in [14.2, 17.1, 24.0] {
            let b = fit_with(&text, 0.0, 0.0, Some(NOTE_H as f32), floor);
            assert!(b.size >= floor - 0.001, "{} below the floor {floor}", b.size);
            assert!(b.continued, "four sentences do not fit one card at {floor}");
            inside(&b);
        }
        assert_eq!(fit_with("Lyhyt", 0.0, 0.0, None, 14.2).size, TEXT_MAX, "a short note keeps the usual size");
    }

    #[test]
    fn a_note_with_no_room_to_grow_is_marked_continued_not_clipped() {
        let text = "pitkä teksti ".repeat(60);
        let b = fit(&text, 0.0, 0.0, Some(NOTE_H as f32 + 16.0));
        assert!(b.continued);
        assert!(b.h <= NOTE_H as f32 + 16.0);
        inside(&b);
    }
}
