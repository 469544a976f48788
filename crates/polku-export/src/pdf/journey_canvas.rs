//! A customer journey canvas as its paper original (Marc Stickdorn & Jakob Schneider, "This is
//! Service Design Thinking", CC BY-SA) prints it: the whole canvas on one A3 landscape page, the
//! periods left to right, the boxes of the periods before and after the service stacked with the
//! scale from information manipulability down to information credibility beside them, the
//! service period's journey columns, and under it all the band from expectations through
//! experiences to satisfaction with each period's tone counts and mood. The credit is printed on
//! the page, as the licence asks.
//!
//! The page is fixed, so the scale is too: the note text is kept at a readable size in points
//! (`MIN_NOTE_PT`), and what a card cannot hold goes to the footnotes like any other card's.

use polku_core::layout::{self, Place, BOX_H, BOX_W, FIRST_X, LANES_TOP, NOTE_GAP, NOTE_H, NOTE_W, STACK_MARGIN, STEP_X};
use polku_core::{Board, Id, Lane, Note, Phase, Touchpoint};

use super::board_paint::{centred, counts_over, cut, label_lines, mood, mood_value, readable, tone_counts, View, HEAD_FILL, MIN_LABEL_PT};
use super::canvas::{Page, Rgb, INK, MUTED, RULE};
use super::document::{frame_of, Document};
use super::font::{metrics, Weight};
use super::poster::{title_line, Poster, HEADER, MIN_NOTE_PT};
use super::text::{ellipsize, wrap};
use crate::labels::Labels;
use crate::Paper;

/// Board units, above the boxes (which begin at `LANES_TOP`): the periods' heads, then the
/// journey columns' heads.
const PERIOD_TOP: f32 = 24.0;
const PERIOD_H: f32 = 72.0;
const COLUMN_TOP: f32 = 112.0;
/// The band of expectations → experiences → satisfaction, under every note.
const BAND_H: f32 = 176.0;
/// How far a band cell's point reaches into the next one.
const NOTCH: f32 = 28.0;
/// Points under the canvas for the credit line (two lines of 8.5 pt at the most).
const CREDIT: f32 = 26.0;
const CREDIT_PT: f32 = 8.5;
const PERIOD_FILL: Rgb = Rgb::hex(0xeef3f8);

/// A3 landscape, points: the paper original's size.
pub fn page_size() -> (f32, f32) {
    let (w, h) = Paper::A3.portrait_pt();
    (h, w)
}

/// Where the canvas is drawn on its page: below the title, above the credit.
fn content() -> (f32, f32, f32, f32) {
    let frame = frame_of(page_size());
    (frame.0, frame.1 + HEADER, frame.2, frame.3 - HEADER - CREDIT)
}

/// One period's strip of the canvas, board units; `phase` None for touchpoints in no period.
struct Period {
    phase: Option<Phase>,
    left: f32,
    right: f32,
    /// The touchpoints in it.
    ids: Vec<Id>,
}

impl Period {
    /// A period with no touchpoints in a row of columns takes no room, so it gets no head and
    /// no cell of the band either (the screen shows it empty the same way).
    fn shown(&self) -> bool {
        self.right - self.left >= STEP_X as f32 / 2.0
    }
}

pub struct CanvasLayout {
    periods: Vec<Period>,
    band_top: f32,
    /// Before notes grow: left, top, right, bottom (board units).
    bounds: (f32, f32, f32, f32),
    /// Points per board unit on the A3 page.
    scale: f32,
}

impl CanvasLayout {
    /// `origins`: each note's top left, in the board's note order.
    pub fn new(board: &Board, phases: &[Phase], tps: &[Touchpoint], places: &[Place], lanes: &[Lane], origins: &[(f32, f32)]) -> CanvasLayout {
        let periods = periods(phases, tps);
        let band_top = layout::band_top(places, &board.notes, lanes) as f32;
        let first = periods.first().map_or(FIRST_X as f32 - STEP_X as f32 / 2.0, |p| p.left);
        let last = periods.last().map_or(first + STEP_X as f32, |p| p.right.max(p.left + STEP_X as f32));
        let (mut left, mut top, mut right, mut bottom) = (first - 8.0, PERIOD_TOP - 8.0, last + 8.0, band_top + BAND_H + 8.0);
        for &(x, y) in origins {
            left = left.min(x - 16.0);
            top = top.min(y - 16.0);
            right = right.max(x + NOTE_W as f32 + 16.0);
            bottom = bottom.max(y + NOTE_H as f32 + 16.0);
        }
        let (_, _, cw, ch) = content();
        let scale = (cw / (right - left)).min(ch / (bottom - top)).min(1.0);
        CanvasLayout { periods, band_top, bounds: (left, top, right, bottom), scale }
    }

    pub fn bounds(&self) -> (f32, f32, f32, f32) {
        self.bounds
    }

    /// The smallest note text, board units, that still prints at `MIN_NOTE_PT`.
    pub fn floor(&self) -> f32 {
        MIN_NOTE_PT / self.scale
    }

    /// How tall the card of `n` (its top at `y`) may grow: to the bottom of its box, or to the band.
    pub fn room(&self, n: &Note, y: f32) -> Option<f32> {
        let in_box = n.touchpoint_id.and_then(|id| self.box_top(id));
        let limit = match in_box {
            Some(top) => top + BOX_H as f32 - 8.0,
            None => self.band_top - NOTE_GAP as f32,
        };
        Some(limit - y)
    }

    fn box_top(&self, id: Id) -> Option<f32> {
        let period = self.periods.iter().find(|p| p.ids.contains(&id))?;
        period.phase.as_ref().filter(|ph| ph.stacked)?;
        let k = period.ids.iter().position(|t| *t == id)?;
        Some(LANES_TOP as f32 + k as f32 * (BOX_H as f32 + layout::BOX_GAP as f32))
    }

    /// The canvas's own page, A3 landscape: title, the canvas centred, the credit under it.
    /// `paint` draws the poster (structure and notes) through a view onto an area.
    pub fn page(&self, doc: &Document, poster: &Poster<'_>, paint: impl Fn(&mut Page, &View, (f32, f32, f32, f32)), l: &Labels) -> Page {
        let size = page_size();
        let mut page = doc.page_of(size);
        let frame = frame_of(size);
        title_line(&mut page, frame, &poster.board.title);
        let c = content();
        let (left, top, right, bottom) = poster.bounds;
        let s = (c.2 / (right - left)).min(c.3 / (bottom - top)).min(1.0);
        let v = View { s, ox: c.0 + (c.2 - (right - left) * s) / 2.0, oy: c.1, vx: left, vy: top };
        page.begin_clip(c.0, c.1, c.2, c.3);
        paint(&mut page, &v, poster.bounds);
        page.end_clip();
        let credit = wrap(&l.t("canvas.credit"), frame.2, CREDIT_PT, Weight::Regular);
        let credit = cut(credit, 2, frame.2, CREDIT_PT, Weight::Regular);
        let first = frame.1 + frame.3 - 4.0 - (credit.len() as f32 - 1.0) * CREDIT_PT * 1.3;
        page.lines((frame.0, first), CREDIT_PT, CREDIT_PT * 1.3, Weight::Regular, MUTED, &credit);
        page
    }

    pub fn paint(&self, page: &mut Page, v: &View, p: &Poster<'_>, l: &Labels) {
        for period in &self.periods {
            self.period(page, v, period, p, l);
        }
        for (i, period) in self.periods.iter().enumerate().filter(|(_, x)| x.phase.is_some() && x.shown()) {
            self.band_cell(page, v, period, i, p, l);
        }
    }

    /// A period's head, and its boxes with the scale beside them or its journey columns.
    fn period(&self, page: &mut Page, v: &View, period: &Period, p: &Poster<'_>, l: &Labels) {
        let (left, right) = (period.left, period.right);
        if let Some(phase) = period.phase.as_ref().filter(|_| period.shown()) {
            let (x, y) = v.p(left + 4.0, PERIOD_TOP);
            page.rect(x, y, v.len(right - left - 8.0), v.len(PERIOD_H), Some(HEAD_FILL), None);
            let label = ellipsize(&phase.label, right - left - 36.0, 28.0, Weight::Bold);
            let (lx, ly) = v.p(left + 18.0, PERIOD_TOP + 46.0);
            page.text(lx, ly, v.len(28.0), Weight::Bold, INK, &label);
        }
        let stacked = period.phase.as_ref().is_some_and(|ph| ph.stacked);
        for id in &period.ids {
            let (Some(tp), Some(place)) = (p.touchpoints.iter().find(|t| t.id == *id), p.places.iter().find(|x| x.id == *id)) else {
                continue;
            };
            match place.top {
                Some(top) => canvas_box(page, v, place.x as f32, top as f32, &tp.label),
                None => self.column(page, v, place.x as f32, &tp.label),
            }
        }
        if stacked {
            let boxes = period.ids.len().max(1) as f32;
            let bottom = LANES_TOP as f32 + boxes * (BOX_H as f32 + layout::BOX_GAP as f32) - layout::BOX_GAP as f32;
            scale(page, v, left, LANES_TOP as f32, bottom, l);
        }
    }

    /// A journey column of the service period: its head, and a frame down to the band.
    fn column(&self, page: &mut Page, v: &View, cx: f32, label: &str) {
        let half = STEP_X as f32 / 2.0 - 6.0;
        let (x, y) = v.p(cx - half, COLUMN_TOP);
        page.rect(x, y, v.len(2.0 * half), v.len(self.band_top - 16.0 - COLUMN_TOP), Some(Rgb::hex(0xfafbfc)), Some((RULE, v.len(1.0))));
        let head = LANES_TOP as f32 - 16.0 - COLUMN_TOP;
        page.rect(x, y, v.len(2.0 * half), v.len(head), Some(HEAD_FILL), None);
        let width = 2.0 * half - 16.0;
        let (from, min) = (readable(v, 17.0, MIN_LABEL_PT), readable(v, 11.0, MIN_LABEL_PT * 0.85));
        let (size, lines) = label_lines(label, width, from, min, Weight::Bold, |n, size| n as f32 * size * 1.2 <= head - 12.0);
        let fit = (((head - 12.0) / (size * 1.2)) as usize).max(1);
        let lines = cut(lines, fit, width, size, Weight::Bold);
        let used = lines.len() as f32 * size * 1.2;
        centred(page, v, (cx, COLUMN_TOP + (head - used) / 2.0 + size * 0.95), size, Weight::Bold, INK, &lines);
    }

    /// A period's cell of the band: a chevron pointing on to the next period, with its caption,
    /// and (unless blank) its tone counts and mood.
    fn band_cell(&self, page: &mut Page, v: &View, period: &Period, i: usize, p: &Poster<'_>, l: &Labels) {
        let (t, b) = (self.band_top, self.band_top + BAND_H);
        let (left, right) = (period.left + 4.0, period.right - 4.0);
        let last = !self.periods[i + 1..].iter().any(|x| x.phase.is_some() && x.shown());
        let tip = if last { 0.0 } else { NOTCH };
        let notch = if i == 0 { 0.0 } else { NOTCH };
        let mid = (t + b) / 2.0;
        let pts = [(left, t), (right - tip, t), (right, mid), (right - tip, b), (left, b), (left + notch, mid)].map(|(x, y)| v.p(x, y));
        page.polygon(&pts, Some(PERIOD_FILL), Some((RULE, v.len(1.0))));
        let x = left + notch + 14.0;
        let room = right - tip - x - 8.0;
        if room <= 0.0 {
            return;
        }
        let caption = period.phase.as_ref().map_or("", |ph| ph.caption.as_str());
        let caption = ellipsize(caption, room, 24.0, Weight::Bold);
        let (cx, cy) = v.p(x, t + 40.0);
        page.text(cx, cy, v.len(24.0), Weight::Bold, INK, &caption);
        if p.blank {
            return;
        }
        let tps: Vec<&Touchpoint> = p.touchpoints.iter().filter(|tp| period.ids.contains(&tp.id)).collect();
        let c = counts_over(&p.board.notes, &tps);
        let k = (room / 160.0).clamp(0.6, 1.7);
        tone_counts(page, v, x + 78.0 * k, t + 94.0, c, k);
        mood_gauge(page, v, x, t + 146.0, room, mood(c), l);
    }
}

/// The periods in order, as `layout::places` lays them out: a stacked period is one box wide
/// with the scale's margin either side, any other one column per touchpoint; touchpoints in no
/// period come last.
fn periods(phases: &[Phase], tps: &[Touchpoint]) -> Vec<Period> {
    let mut left = FIRST_X as f32 - STEP_X as f32 / 2.0;
    let mut out = Vec::new();
    for ph in phases {
        let ids: Vec<Id> = tps.iter().filter(|t| t.phase_id == Some(ph.id)).map(|t| t.id).collect();
        let width = if ph.stacked { (BOX_W + 2.0 * STACK_MARGIN) as f32 } else { ids.len() as f32 * STEP_X as f32 };
        out.push(Period { phase: Some(ph.clone()), left, right: left + width, ids });
        left += width;
    }
    let loose: Vec<Id> =
        tps.iter().filter(|t| !t.phase_id.is_some_and(|p| phases.iter().any(|ph| ph.id == p))).map(|t| t.id).collect();
    if !loose.is_empty() {
        let right = left + loose.len() as f32 * STEP_X as f32;
        out.push(Period { phase: None, left, right, ids: loose });
    }
    out
}

/// A box of a stacked period: a frame with its label on the top edge, like a form's field.
fn canvas_box(page: &mut Page, v: &View, cx: f32, top: f32, label: &str) {
    let left = cx - BOX_W as f32 / 2.0;
    let (x, y) = v.p(left, top);
    page.rect(x, y, v.len(BOX_W as f32), v.len(BOX_H as f32), Some(Rgb(1.0, 1.0, 1.0)), Some((INK, v.len(1.5))));
    let size = 17.0;
    let label = ellipsize(label, BOX_W as f32 - 48.0, size, Weight::Bold);
    let w = metrics(Weight::Bold).width(&label, size);
    let (bx, by) = v.p(left + 12.0, top - size * 0.6);
    page.rect(bx, by, v.len(w + 14.0), v.len(size * 1.2), Some(Rgb(1.0, 1.0, 1.0)), None);
    let (lx, ly) = v.p(left + 19.0, top + size * 0.35);
    page.text(lx, ly, v.len(size), Weight::Bold, INK, &label);
}

/// The scale in a stacked period's left margin: an arrow both ways from information
/// manipulability (what the provider says: advertisement, at the top) to information
/// credibility (what people say and lived through, at the bottom).
fn scale(page: &mut Page, v: &View, period_left: f32, top: f32, bottom: f32, l: &Labels) {
    let x = period_left + 12.0;
    let head = 9.0;
    page.line(v.p(x, top + head), v.p(x, bottom - head), MUTED, v.len(2.0));
    let up = [(x, top), (x - head * 0.7, top + head * 1.4), (x + head * 0.7, top + head * 1.4)].map(|(a, b)| v.p(a, b));
    let down = [(x, bottom), (x - head * 0.7, bottom - head * 1.4), (x + head * 0.7, bottom - head * 1.4)].map(|(a, b)| v.p(a, b));
    page.polygon(&up, Some(MUTED), None);
    page.polygon(&down, Some(MUTED), None);
    let size = readable(v, 15.0, MIN_LABEL_PT);
    let room = ((bottom - top) - 3.0 * 24.0) / 2.0;
    let baseline = x + 8.0 + size * 0.75;
    for (text, at_top) in [(l.t("canvas.scale.manipulability"), true), (l.t("canvas.scale.credibility"), false)] {
        let text = ellipsize(&text, room, size, Weight::Bold);
        let w = metrics(Weight::Bold).width(&text, size);
        // Reading upwards: the text starts at its lower end.
        let from = if at_top { top + 24.0 + w } else { bottom - 24.0 };
        let (bx, by) = v.p(baseline, from);
        page.text_up(bx, by, v.len(size), Weight::Bold, MUTED, &text);
    }
}

/// "Mood" with a small gauge from − to + and the value, or a dash with nothing to judge by.
fn mood_gauge(page: &mut Page, v: &View, x: f32, baseline: f32, room: f32, m: Option<f32>, l: &Labels) {
    let size = 18.0;
    let label = l.t("pdf.poster.mood");
    let lw = metrics(Weight::Bold).width(&label, size);
    let (lx, ly) = v.p(x, baseline);
    page.text(lx, ly, v.len(size), Weight::Bold, MUTED, &label);
    let value = mood_value(m, l);
    let vw = metrics(Weight::Bold).width(&value, size);
    let gx = x + lw + 16.0;
    let len = (room - lw - vw - 40.0).min(150.0);
    let gy = baseline - size * 0.35;
    if len >= 40.0 {
        page.line(v.p(gx, gy), v.p(gx + len, gy), RULE, v.len(2.0));
        for t in [0.0, 0.5, 1.0] {
            page.line(v.p(gx + t * len, gy - 6.0), v.p(gx + t * len, gy + 6.0), MUTED, v.len(1.5));
        }
        if let Some(m) = m {
            let (dx, dy) = v.p(gx + (m + 1.0) / 2.0 * len, gy);
            page.circle(dx, dy, v.len(7.0), Some(INK), None);
        }
    }
    let vx = if len >= 40.0 { gx + len + 14.0 } else { gx };
    let (tx, ty) = v.p(vx, baseline);
    page.text(tx, ty, v.len(size), Weight::Bold, INK, &value);
}

#[cfg(test)]
mod tests {
    use super::*;
    use polku_core::BoardKind;

    /// The periods are drawn where `layout::places` puts their touchpoints.
    #[test]
    fn every_place_lies_in_its_period() {
        let t = polku_core::template::built_in("journey-canvas").unwrap();
        let board = t.boards[0].lay_out(Id::now_v7(), 0, polku_core::Language::En, &mut Id::now_v7);
        assert_eq!(board.kind, BoardKind::JourneyCanvas);
        let places = board.places();
        let periods = periods(&board.phases, &board.touchpoints);
        assert_eq!(periods.len(), 3);
        for place in places {
            let period = periods.iter().find(|p| p.ids.contains(&place.id)).unwrap();
            assert!(period.left < place.x as f32 && (place.x as f32) < period.right, "{place:?}");
            if place.top.is_some() {
                let w = BOX_W as f32 / 2.0;
                assert!(period.left + (STACK_MARGIN as f32) <= place.x as f32 - w + 0.01);
            }
        }
    }
}
