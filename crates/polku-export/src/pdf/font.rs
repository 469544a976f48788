//! The PDF's typeface: Noto Sans (SIL OFL 1.1, `fonts/OFL.txt`), shipped in the repository so an
//! export looks the same on every machine and never depends on what fonts a computer has; DejaVu
//! Sans (`fonts/DejaVu-LICENSE.txt`) draws what Noto Sans lacks and groups type into notes all
//! the time: arrows, check marks, stars, ≤ and ≥, Arabic and Hebrew; the monochrome Noto Emoji
//! (SIL OFL 1.1, `fonts/NotoEmoji-OFL.txt`) draws the emoji neither has. Widths come from each
//! font's own advance table, so wrapping agrees with what the reader sees.

use std::collections::HashMap;
use std::io::Read;
use std::sync::OnceLock;

use super::script;

/// A font as build.rs stored it (deflated: half the binary's size for them), inflated on first use.
struct Packed {
    deflated: &'static [u8],
    font: OnceLock<Vec<u8>>,
}

impl Packed {
    const fn new(deflated: &'static [u8]) -> Packed {
        Packed { deflated, font: OnceLock::new() }
    }

    fn get(&self) -> &[u8] {
        self.font.get_or_init(|| {
            let mut font = Vec::new();
            flate2::read::DeflateDecoder::new(self.deflated)
                .read_to_end(&mut font)
                .expect("build.rs deflated the fonts into the binary");
            font
        })
    }
}

macro_rules! packed {
    ($file:literal) => {
        Packed::new(include_bytes!(concat!(env!("OUT_DIR"), "/", $file, ".deflate")))
    };
}

static REGULAR: Packed = packed!("NotoSans-Regular.ttf");
static BOLD: Packed = packed!("NotoSans-Bold.ttf");
static FALLBACK: Packed = packed!("DejaVuSans.ttf");
static EMOJI: Packed = packed!("NotoEmoji-Regular.ttf");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weight {
    Regular,
    Bold,
}

/// Which embedded font draws a character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    Primary(Weight),
    Fallback,
    Emoji,
}

/// One face's advances, in ems, for every character it has a glyph for, with the fallbacks' for
/// the characters it lacks.
pub struct Metrics {
    advance: HashMap<char, f32>,
    fallback: HashMap<char, f32>,
    emoji: HashMap<char, f32>,
    /// What a character no font has is drawn as (the primary's missing-glyph box).
    missing: f32,
}

/// Pictographs from U+1F000 on are the emoji font's even where DejaVu has one: DejaVu has a few
/// dozen faces of another style, and "😊👍" should not print as two kinds of drawing.
const PICTOGRAPHS: char = '\u{1F000}';

impl Metrics {
    fn parse(bytes: &[u8]) -> Metrics {
        let (advance, missing) = advances(bytes);
        let (emoji, _) = advances(EMOJI.get());
        let (mut fallback, _) = advances(FALLBACK.get());
        let drawn_before = |c: &char| advance.contains_key(c) || (*c >= PICTOGRAPHS && emoji.contains_key(c));
        fallback.retain(|c, _| !drawn_before(c));
        Metrics { advance, fallback, emoji, missing }
    }

    /// The width of `text` at `size` (any unit; the result is in the same unit), as it is drawn.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        script::measured(text).chars().map(|c| self.char_width(c)).sum::<f32>() * size
    }

    pub fn char_width(&self, c: char) -> f32 {
        if c.is_control() || script::is_invisible(c) {
            return 0.0;
        }
        match self.face_of(c, Weight::Regular) {
            Face::Fallback => self.fallback[&c],
            Face::Emoji => self.emoji[&c],
            Face::Primary(_) => self.advance.get(&c).copied().unwrap_or(self.missing),
        }
    }

    pub fn has_glyph(&self, c: char) -> bool {
        c.is_whitespace() || self.advance.contains_key(&c) || self.fallback.contains_key(&c) || self.emoji.contains_key(&c)
    }

    /// The font that draws `c` in this weight.
    pub fn face_of(&self, c: char, weight: Weight) -> Face {
        if self.advance.contains_key(&c) {
            Face::Primary(weight)
        } else if self.fallback.contains_key(&c) {
            Face::Fallback
        } else if self.emoji.contains_key(&c) {
            Face::Emoji
        } else {
            Face::Primary(weight)
        }
    }
}

/// Every character's advance in ems, and the missing glyph's.
fn advances(bytes: &[u8]) -> (HashMap<char, f32>, f32) {
    let face = match ttf_parser::Face::parse(bytes, 0) {
        Ok(face) => face,
        // The fonts are compiled in and a test reads them, so this cannot happen at run time.
        Err(_) => return (HashMap::new(), 0.6),
    };
    let em = f32::from(face.units_per_em());
    let mut advance = HashMap::new();
    if let Some(cmap) = face.tables().cmap {
        for sub in cmap.subtables.into_iter().filter(|s| s.is_unicode()) {
            sub.codepoints(|cp| {
                if let (Some(c), Some(g)) = (char::from_u32(cp), char::from_u32(cp).and_then(|c| face.glyph_index(c))) {
                    if let Some(w) = face.glyph_hor_advance(g) {
                        advance.insert(c, f32::from(w) / em);
                    }
                }
            });
        }
    }
    let missing = face.glyph_hor_advance(ttf_parser::GlyphId(0)).map_or(0.6, |w| f32::from(w) / em);
    (advance, missing)
}

/// Which of the fonts that are read only when used some text needs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Needs {
    pub fallback: bool,
    pub emoji: bool,
}

/// What the characters of `text` are drawn with, as [`script::measured`] draws them.
pub fn needs(text: &str) -> Needs {
    let m = metrics(Weight::Regular);
    let mut needs = Needs::default();
    for c in script::measured(text).chars() {
        match m.face_of(c, Weight::Regular) {
            Face::Fallback => needs.fallback = true,
            Face::Emoji => needs.emoji = true,
            Face::Primary(_) => {}
        }
    }
    needs
}

pub fn metrics(weight: Weight) -> &'static Metrics {
    static REG: OnceLock<Metrics> = OnceLock::new();
    static BLD: OnceLock<Metrics> = OnceLock::new();
    match weight {
        Weight::Regular => REG.get_or_init(|| Metrics::parse(REGULAR.get())),
        Weight::Bold => BLD.get_or_init(|| Metrics::parse(BOLD.get())),
    }
}

pub fn bytes(face: Face) -> &'static [u8] {
    match face {
        Face::Primary(Weight::Regular) => REGULAR.get(),
        Face::Primary(Weight::Bold) => BOLD.get(),
        Face::Fallback => FALLBACK.get(),
        Face::Emoji => EMOJI.get(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_faces_cover_the_workshop_languages() {
        for w in [Weight::Regular, Weight::Bold] {
            let m = metrics(w);
            for c in "äöåÄÖÅüßõšžЖжЯяЁё€–—…“”’".chars() {
                assert!(m.has_glyph(c), "{w:?} has no glyph for {c}");
            }
            assert!(m.width("WWW", 10.0) > m.width("iii", 10.0));
            for c in "→←✓✔★☆≤≥♥○●■▲".chars() {
                assert!(m.has_glyph(c), "neither font has {c}");
                assert_eq!(m.face_of(c, w), Face::Fallback);
                assert!(m.char_width(c) > 0.2);
            }
            assert_eq!(m.face_of('ä', w), Face::Primary(w));
        }
    }
}
