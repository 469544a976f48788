//! Draws a board in board units onto a page through a [`View`]: phases, the mood band, the path
//! with its stations, counts and labels, the lanes and every note in its tone's colour and symbol.
//! Colours are the UI's (app.css), checked there for colour-blind readers.

use polku_core::layout::{column_x, lane_top, LANES_TOP, PATH_Y, STEP_X};
use polku_core::{Board, Lane, Note, NoteKind, Persona, Sentiment, Touchpoint};

use super::canvas::{Page, Rgb, INK, MUTED, RULE};
use super::font::Weight;
use super::note_box::{NoteBox, EDGE};
use super::text::wrap;
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

/// Where the phase bands and the mood band sit, board units (the mood band as on the screen).
pub const PHASE_TOP: f32 = -16.0;
pub const PHASE_H: f32 = 36.0;
pub const MOOD_TOP: f32 = PATH_Y as f32 - 92.0;
pub const MOOD_BOTTOM: f32 = PATH_Y as f32 - 40.0;
const STATION_R: f32 = 22.0;
/// Lane labels sit in a gutter left of the first column.
pub const GUTTER: f32 = 150.0;

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

/// Phase bands over runs of touchpoints that share a phase.
pub fn phases(page: &mut Page, v: &View, board: &Board, tps: &[Touchpoint]) {
    let mut i = 0;
    while i < tps.len() {
        let Some(phase) = tps[i].phase_id.and_then(|id| board.phases.iter().find(|p| p.id == id)) else {
            i += 1;
            continue;
        };
        let mut j = i;
        while j + 1 < tps.len() && tps[j + 1].phase_id == Some(phase.id) {
            j += 1;
        }
        let left = column_x(i) as f32 - STEP_X as f32 / 2.0 + 4.0;
        let right = column_x(j) as f32 + STEP_X as f32 / 2.0 - 4.0;
        let (x, y) = v.p(left, PHASE_TOP);
        page.rect(x, y, v.len(right - left), v.len(PHASE_H), Some(Rgb::hex(0xe8edf3)), None);
        let size = 15.0;
        let label = super::text::ellipsize(&phase.label, right - left - 20.0, size, Weight::Bold);
        let (lx, ly) = v.p(left + 10.0, PHASE_TOP + 24.0);
        page.text(lx, ly, v.len(size), Weight::Bold, INK, &label);
        i = j + 1;
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

pub fn mood_band(page: &mut Page, v: &View, left: f32, right: f32, moods: &[Option<f32>], l: &Labels) {
    let (x, y) = v.p(left, MOOD_TOP - 6.0);
    page.rect(x, y, v.len(right - left), v.len(MOOD_BOTTOM - MOOD_TOP + 12.0), Some(Rgb::hex(0xf7f8fa)), None);
    let mid = (MOOD_TOP + MOOD_BOTTOM) / 2.0;
    page.polyline(&[v.p(left, mid), v.p(right, mid)], RULE, v.len(1.0), Some((v.len(4.0), v.len(4.0))));
    let (lx, ly) = v.p(left + 8.0, MOOD_TOP + 8.0);
    page.text(lx, ly, v.len(11.0), Weight::Bold, MUTED, &l.t("pdf.poster.mood"));
    let y_of = |m: f32| MOOD_BOTTOM - (m + 1.0) / 2.0 * (MOOD_BOTTOM - MOOD_TOP);
    let mut run: Vec<(f32, f32)> = Vec::new();
    let flush = |page: &mut Page, run: &mut Vec<(f32, f32)>| {
        page.polyline(run, INK, v.len(2.5), None);
        for &(x, y) in run.iter() {
            page.circle(x, y, v.len(4.0), Some(INK), None);
        }
        run.clear();
    };
    for (i, m) in moods.iter().enumerate() {
        match m {
            Some(m) => run.push(v.p(column_x(i) as f32, y_of(*m))),
            None => flush(page, &mut run),
        }
    }
    flush(page, &mut run);
}

pub fn path(page: &mut Page, v: &View, tps: &[Touchpoint], notes: &[Note], l: &Labels) {
    if let (Some(_), Some(last)) = (tps.first(), tps.len().checked_sub(1)) {
        page.line(v.p(column_x(0) as f32, PATH_Y as f32), v.p(column_x(last) as f32, PATH_Y as f32), INK, v.len(3.0));
    }
    for (i, tp) in tps.iter().enumerate() {
        let cx = column_x(i) as f32;
        let (x, y) = v.p(cx, PATH_Y as f32);
        if tp.side_station {
            page.circle(x, y, v.len(STATION_R), Some(Rgb(1.0, 1.0, 1.0)), None);
            page.polyline(&circle_points(x, y, v.len(STATION_R)), INK, v.len(2.0), Some((v.len(5.0), v.len(4.0))));
        } else {
            page.circle(x, y, v.len(STATION_R), Some(Rgb(1.0, 1.0, 1.0)), Some((INK, v.len(2.5))));
        }
        let num = (i + 1).to_string();
        let size = 16.0;
        let w = super::font::metrics(Weight::Bold).width(&num, size);
        let (nx, ny) = v.p(cx - w / 2.0, PATH_Y as f32 + size * 0.36);
        page.text(nx, ny, v.len(size), Weight::Bold, INK, &num);
        // The label in full: up to three lines under the station, then smaller if it needs more.
        let room = STEP_X as f32 - 24.0;
        let mut size = 14.0;
        let mut lines = wrap(&tp.label, room, size, Weight::Bold);
        while lines.len() > 3 && size > 8.0 {
            size -= 1.0;
            lines = wrap(&tp.label, room, size, Weight::Bold);
        }
        let top = PATH_Y as f32 + STATION_R + 6.0;
        for (k, line) in lines.iter().enumerate() {
            let w = super::font::metrics(Weight::Bold).width(line, size);
            let (lx, ly) = v.p(cx - w / 2.0, top + size + k as f32 * size * 1.2);
            page.text(lx, ly, v.len(size), Weight::Bold, INK, line);
        }
        if tp.side_station {
            let side = l.t("pdf.poster.side_station");
            let w = super::font::metrics(Weight::Regular).width(&side, 10.0);
            let (sx, sy) = v.p(cx - w / 2.0, PATH_Y as f32 - STATION_R - 6.0);
            page.text(sx, sy, v.len(10.0), Weight::Regular, MUTED, &side);
        }
        tp_counts(page, v, cx, LANES_TOP as f32 - 12.0, counts(notes, tp));
    }
}

/// "− 3   ○ 1   + 4" under a station, symbols drawn like the notes'.
fn tp_counts(page: &mut Page, v: &View, cx: f32, baseline: f32, c: [usize; 3]) {
    let kinds = [Sentiment::Negative, Sentiment::Neutral, Sentiment::Positive];
    let slot = 52.0;
    let mut x = cx - slot * 1.5;
    for (s, count) in kinds.iter().zip(c) {
        let probe = Note { kind: NoteKind::Observation, sentiment: Some(*s), ..probe_note() };
        let (sx, sy) = v.p(x + 9.0, baseline - 5.0);
        symbol(page, &probe, sx, sy, v.len(8.0));
        let (tx, ty) = v.p(x + 21.0, baseline);
        page.text(tx, ty, v.len(13.0), Weight::Bold, INK, &count.to_string());
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
        version: 0,
        created_at: 0,
        updated_at: 0,
    }
}

fn circle_points(cx: f32, cy: f32, r: f32) -> Vec<(f32, f32)> {
    (0..=36).map(|k| {
        let a = k as f32 / 36.0 * std::f32::consts::TAU;
        (cx + r * a.cos(), cy + r * a.sin())
    })
    .collect()
}

pub fn lanes(page: &mut Page, v: &View, lanes: &[Lane], left: f32, right: f32) {
    for (i, lane) in lanes.iter().enumerate() {
        let top = lane_top(lanes, i) as f32;
        let h = lane.height as f32;
        let (x, y) = v.p(left, top);
        let fill = if i % 2 == 0 { Rgb::hex(0xf6f7f9) } else { Rgb(1.0, 1.0, 1.0) };
        page.rect(x, y, v.len(right - left), v.len(h), Some(fill), None);
        page.line((x, y), (x + v.len(right - left), y), RULE, v.len(1.0));
        // The whole label if it can be had: smaller type before cutting; the last line that fits
        // says with an ellipsis that there was more.
        let room = h - 24.0;
        let mut size = 13.0;
        let mut lines = wrap(&lane.label, GUTTER - 20.0, size, Weight::Bold);
        while lines.len() as f32 * size * 1.25 > room && size > 8.0 {
            size -= 1.0;
            lines = wrap(&lane.label, GUTTER - 20.0, size, Weight::Bold);
        }
        let fit = ((room / (size * 1.25)).max(1.0) as usize).min(lines.len());
        if fit < lines.len() {
            lines.truncate(fit);
            if let Some(last) = lines.last_mut() {
                *last = super::text::ellipsize(&format!("{last}…"), GUTTER - 20.0, size, Weight::Bold);
            }
        }
        let (lx, ly) = v.p(left + 10.0, top + 12.0 + size);
        page.lines((lx, ly), v.len(size), v.len(size * 1.25), Weight::Bold, MUTED, &lines);
    }
}
