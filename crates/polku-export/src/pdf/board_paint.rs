//! What every kind of board is drawn with, in board units onto a page through a [`View`]: notes
//! in their tone's colour and symbol, tone counts, lanes with their labels in the gutter. What is
//! a kind's own (the path, a canvas, a table) lives in a module of its own.
//! Colours are the UI's (app.css), checked there for colour-blind readers.

use polku_core::layout::lane_top;
use polku_core::{Lane, Note, NoteKind, Persona, Sentiment, Touchpoint};

use super::canvas::{Page, Rgb, INK, MUTED, RULE};
use super::font::Weight;
use super::note_box::{NoteBox, EDGE};
use super::text::{ellipsize, longest_word, wrap};
use crate::labels::Labels;

/// Board units → page points: `(x - vx) * s + ox`.
#[derive(Debug, Clone, Copy)]
pub struct View {
    pub s: f32,
    pub ox: f32,
    pub oy: f32,
    pub vx: f32,
    pub vy: f32,
}

impl View {
    pub fn p(&self, x: f32, y: f32) -> (f32, f32) {
        ((x - self.vx) * self.s + self.ox, (y - self.vy) * self.s + self.oy)
    }
    pub fn len(&self, v: f32) -> f32 {
        v * self.s
    }
}

/// The fill of a header band (phases, column heads).
pub const HEAD_FILL: Rgb = Rgb::hex(0xe8edf3);
/// The least a label of a table's rows and columns prints at, points, however small the board
/// is fitted onto its page.
pub const MIN_LABEL_PT: f32 = 7.0;
/// Lane labels sit in a gutter left of the first column.
pub const GUTTER: f32 = 150.0;

/// The gutter row labels are printed in: its width and the label's type, from a size down to a
/// smallest one (board units).
#[derive(Debug, Clone, Copy)]
pub struct Gutter {
    pub width: f32,
    pub size: f32,
    pub min: f32,
}

impl Gutter {
    /// The service path's, as the screen draws it.
    pub const PATH: Gutter = Gutter { width: GUTTER, size: 13.0, min: 8.0 };
}

pub struct Tone {
    pub bg: Rgb,
    pub edge: Rgb,
    pub ink: Rgb,
}

pub fn tone(n: &Note) -> Tone {
    let t = |bg, edge, ink| Tone { bg: Rgb::hex(bg), edge: Rgb::hex(edge), ink: Rgb::hex(ink) };
    match (n.kind, n.sentiment) {
        (NoteKind::Idea, _) => t(0xdcebfb, 0x1f63b0, 0x12386b),
        (NoteKind::Question, _) => t(0xe4d2f4, 0x4a1f80, 0x46236e),
        (_, Some(Sentiment::Negative)) => t(0xfbd0ca, 0x9a1b12, 0x7a1a12),
        (_, Some(Sentiment::Positive)) => t(0xe3f6e3, 0x2f7d32, 0x1d4d1f),
        _ => t(0xfff1b8, 0xa86a08, 0x5c3b00),
    }
}

/// The avatar colours of the UI's light theme, by name.
pub fn avatar_colour(name: &str) -> Rgb {
    Rgb::hex(match name {
        "coral" => 0xc8553d,
        "amber" => 0xb7791f,
        "lime" => 0x5a7d1a,
        "teal" => 0x1f7a73,
        "sky" => 0x2b6cb0,
        "indigo" => 0x4c51bf,
        "violet" => 0x7b3fb3,
        _ => 0xb83280,
    })
}

/// The tone's symbol, drawn (not a glyph, so no font can lack it): − ○ + ✦ ?.
pub fn symbol(page: &mut Page, n: &Note, cx: f32, cy: f32, r: f32) {
    let t = tone(n);
    page.circle(cx, cy, r, Some(Rgb(1.0, 1.0, 1.0)), Some((t.edge, r * 0.16)));
    let a = r * 0.55;
    let w = r * 0.2;
    match (n.kind, n.sentiment) {
        (NoteKind::Idea, _) => {
            let k = a * 0.3;
            let pts = [(cx, cy - a), (cx + k, cy - k), (cx + a, cy), (cx + k, cy + k), (cx, cy + a), (cx - k, cy + k), (cx - a, cy), (cx - k, cy - k)];
            page.polygon(&pts, Some(t.edge), None);
        }
        (NoteKind::Question, _) => {
            let size = r * 1.3;
            page.text(cx - size * 0.27, cy + size * 0.36, size, Weight::Bold, t.edge, "?");
        }
        (_, Some(Sentiment::Negative)) => page.line((cx - a, cy), (cx + a, cy), t.edge, w),
        (_, Some(Sentiment::Positive)) => {
            page.line((cx - a, cy), (cx + a, cy), t.edge, w);
            page.line((cx, cy - a), (cx, cy + a), t.edge, w);
        }
        _ => page.circle(cx, cy, a * 0.75, None, Some((t.edge, w * 0.8))),
    }
}

/// The persona's mark: a disc of its colour with the name's first letter.
pub fn persona_mark(page: &mut Page, p: &Persona, cx: f32, cy: f32, r: f32) {
    page.circle(cx, cy, r, Some(avatar_colour(&p.fields.avatar.colour)), None);
    let initial: String = p.fields.name.chars().next().map(|c| c.to_uppercase().collect()).unwrap_or_default();
    let size = r * 1.2;
    let w = super::font::metrics(Weight::Bold).width(&initial, size);
    page.text(cx - w / 2.0, cy + size * 0.36, size, Weight::Bold, Rgb(1.0, 1.0, 1.0), &initial);
}

pub fn note(page: &mut Page, v: &View, b: &NoteBox, n: &Note, persona: Option<&Persona>, marker: Option<&str>) {
    let t = tone(n);
    let (x, y) = v.p(b.x, b.y);
    page.rect(x, y, v.len(b.w), v.len(b.h), Some(t.bg), Some((t.edge, v.len(1.0))));
    page.rect(x, y, v.len(EDGE), v.len(b.h), Some(t.edge), None);
    symbol(page, n, x + v.len(EDGE + 17.0), y + v.len(22.0), v.len(11.0));
    if let Some(p) = persona {
        persona_mark(page, p, x + v.len(EDGE + 17.0), y + v.len(50.0), v.len(10.0));
    }
    let (tx, ty) = b.text_origin();
    let (tx, ty) = v.p(tx, ty);
    page.lines((tx, ty), v.len(b.size), v.len(b.leading()), Weight::Regular, t.ink, &b.lines);
    if let Some(m) = marker {
        let y = ty + v.len(b.leading()) * b.lines.len() as f32;
        page.text(tx, y, v.len(b.size * 0.85), Weight::Bold, t.ink, m);
    }
}

/// (negative, neutral, positive) observations per touchpoint, as the board's counts show them.
pub fn counts(notes: &[Note], tp: &Touchpoint) -> [usize; 3] {
    let mut c = [0; 3];
    for n in notes.iter().filter(|n| n.touchpoint_id == Some(tp.id) && n.kind == NoteKind::Observation) {
        match n.sentiment {
            Some(Sentiment::Negative) => c[0] += 1,
            Some(Sentiment::Neutral) => c[1] += 1,
            Some(Sentiment::Positive) => c[2] += 1,
            None => {}
        }
    }
    c
}

/// (positive − negative) / all, or None with nothing to judge by (the UI's mood.ts).
pub fn mood(c: [usize; 3]) -> Option<f32> {
    let total = c.iter().sum::<usize>();
    (total > 0).then(|| (c[2] as f32 - c[0] as f32) / total as f32)
}

/// A mood as a signed number ("+0,33", "−0,50", "0,00"), a dash with nothing to judge by.
pub fn mood_value(m: Option<f32>, l: &Labels) -> String {
    let Some(m) = m else { return "–".into() };
    let sign = if m > 0.0 { "+" } else if m < 0.0 { "−" } else { "" };
    format!("{sign}{}", l.decimal(f64::from(m.abs()), 2))
}

/// Observations per tone over all of `tps`.
pub fn counts_over(notes: &[Note], tps: &[&Touchpoint]) -> [usize; 3] {
    tps.iter().map(|tp| counts(notes, tp)).fold([0; 3], |a, c| [a[0] + c[0], a[1] + c[1], a[2] + c[2]])
}

/// "− 3   ○ 1   + 4" centred on `cx`, symbols drawn like the notes' (colour and shape, so no
/// reader depends on colour alone); `k` scales the station's size for larger places.
pub fn tone_counts(page: &mut Page, v: &View, cx: f32, baseline: f32, c: [usize; 3], k: f32) {
    let kinds = [Sentiment::Negative, Sentiment::Neutral, Sentiment::Positive];
    let slot = 52.0 * k;
    let mut x = cx - slot * 1.5;
    for (s, count) in kinds.iter().zip(c) {
        let probe = Note { kind: NoteKind::Observation, sentiment: Some(*s), ..probe_note() };
        let (sx, sy) = v.p(x + 9.0 * k, baseline - 5.0 * k);
        symbol(page, &probe, sx, sy, v.len(8.0 * k));
        let (tx, ty) = v.p(x + 21.0 * k, baseline);
        page.text(tx, ty, v.len(13.0 * k), Weight::Bold, INK, &count.to_string());
        x += slot;
    }
}

fn probe_note() -> Note {
    Note {
        id: polku_core::Id::nil(),
        board_id: polku_core::Id::nil(),
        touchpoint_id: None,
        lane_id: None,
        persona_id: None,
        session_id: None,
        kind: NoteKind::Observation,
        sentiment: None,
        text: String::new(),
        x: 0.0,
        y: 0.0,
        face_down: false,
        author: None,
        version: 0,
        created_at: 0,
        updated_at: 0,
    }
}

/// Lanes banded across from `left` to `right`, each labelled in the gutter.
pub fn lanes(page: &mut Page, v: &View, lanes: &[Lane], (left, right): (f32, f32), g: Gutter) {
    for (i, lane) in lanes.iter().enumerate() {
        let top = lane_top(lanes, i) as f32;
        let h = lane.height as f32;
        let (x, y) = v.p(left, top);
        let fill = if i % 2 == 0 { Rgb::hex(0xf6f7f9) } else { Rgb(1.0, 1.0, 1.0) };
        page.rect(x, y, v.len(right - left), v.len(h), Some(fill), None);
        page.line((x, y), (x + v.len(right - left), y), RULE, v.len(1.0));
        gutter_label(page, v, &lane.label, (left, top, h), g);
    }
}

/// A row's label in the gutter at `left` of the row from `top` down `h`: the whole label if it
/// can be had, smaller type before cutting a word or the label; the last line that fits says
/// with an ellipsis that there was more.
pub fn gutter_label(page: &mut Page, v: &View, label: &str, (left, top, h): (f32, f32, f32), g: Gutter) {
    let room = h - 24.0;
    let width = g.width - 20.0;
    let (size, lines) = label_lines(label, width, g.size, g.min, Weight::Bold, |lines, size| {
        lines as f32 * size * 1.25 <= room && longest_word(label, size, Weight::Bold) <= width
    });
    let fit = ((room / (size * 1.25)).max(1.0) as usize).min(lines.len());
    let lines = cut(lines, fit, width, size, Weight::Bold);
    let (lx, ly) = v.p(left + 10.0, top + 12.0 + size);
    page.lines((lx, ly), v.len(size), v.len(size * 1.25), Weight::Bold, MUTED, &lines);
}

/// Label type of `size` board units, raised to print at `pt` points at least through `v`.
pub fn readable(v: &View, size: f32, pt: f32) -> f32 {
    size.max(pt / v.s)
}

/// `text` wrapped to `width`, one point smaller at a time from `size` down to `min` until
/// `fits(line count, size)`; the last try is returned even when it does not fit.
pub fn label_lines(text: &str, width: f32, size: f32, min: f32, weight: Weight, fits: impl Fn(usize, f32) -> bool) -> (f32, Vec<String>) {
    let mut size = size;
    let mut lines = wrap(text, width, size, weight);
    while !fits(lines.len(), size) && size > min {
        size -= 1.0;
        lines = wrap(text, width, size, weight);
    }
    (size, lines)
}

/// The first `n` of `lines`, the last of them ending in an ellipsis when any were left out.
pub fn cut(mut lines: Vec<String>, n: usize, width: f32, size: f32, weight: Weight) -> Vec<String> {
    if n < lines.len() {
        lines.truncate(n);
        if let Some(last) = lines.last_mut() {
            *last = ellipsize(&format!("{last}…"), width, size, weight);
        }
    }
    lines
}

/// Lines centred on `cx`, the first baseline at `y`.
pub fn centred(page: &mut Page, v: &View, (cx, y): (f32, f32), size: f32, weight: Weight, colour: Rgb, lines: &[String]) {
    for (k, line) in lines.iter().enumerate() {
        let w = super::font::metrics(weight).width(line, size);
        let (lx, ly) = v.p(cx - w / 2.0, y + k as f32 * size * 1.2);
        page.text(lx, ly, v.len(size), weight, colour, line);
    }
}
