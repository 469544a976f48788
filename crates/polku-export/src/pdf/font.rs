//! The PDF's typeface: Noto Sans (SIL OFL 1.1, `fonts/OFL.txt`), shipped in the repository so an
//! export looks the same on every machine and never depends on what fonts a computer has. Widths
//! come from the font's own advance table, so wrapping agrees with what the reader sees.

use std::collections::HashMap;
use std::sync::OnceLock;

const REGULAR: &[u8] = include_bytes!("../../fonts/NotoSans-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../fonts/NotoSans-Bold.ttf");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weight {
    Regular,
    Bold,
}

/// One face's advances, in ems, for every character it has a glyph for.
pub struct Metrics {
    advance: HashMap<char, f32>,
    /// What a character without a glyph is drawn as (the font's missing-glyph box).
    missing: f32,
}

impl Metrics {
    fn parse(bytes: &[u8]) -> Metrics {
        let face = match ttf_parser::Face::parse(bytes, 0) {
            Ok(face) => face,
            // The font is compiled in; a test reads both faces, so this cannot happen at run time.
            Err(_) => return Metrics { advance: HashMap::new(), missing: 0.6 },
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
        Metrics { advance, missing }
    }

    /// The width of `text` at `size` (any unit; the result is in the same unit).
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.char_width(c)).sum::<f32>() * size
    }

    pub fn char_width(&self, c: char) -> f32 {
        if c.is_control() {
            return 0.0;
        }
        self.advance.get(&c).copied().unwrap_or(self.missing)
    }

    pub fn has_glyph(&self, c: char) -> bool {
        c.is_whitespace() || self.advance.contains_key(&c)
    }
}

pub fn metrics(weight: Weight) -> &'static Metrics {
    static REG: OnceLock<Metrics> = OnceLock::new();
    static BLD: OnceLock<Metrics> = OnceLock::new();
    match weight {
        Weight::Regular => REG.get_or_init(|| Metrics::parse(REGULAR)),
        Weight::Bold => BLD.get_or_init(|| Metrics::parse(BOLD)),
    }
}

pub fn bytes(weight: Weight) -> &'static [u8] {
    match weight {
        Weight::Regular => REGULAR,
        Weight::Bold => BOLD,
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
        }
    }
}
