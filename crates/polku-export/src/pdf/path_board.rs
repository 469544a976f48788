//! A service path: phase bands, the mood band, the path line with its stations, their labels and
//! counts, and the lanes across. The layout the screen draws (`polku_core::layout`).

use polku_core::layout::{column_x, lane_top, FIRST_X, LANES_TOP, PATH_Y, STEP_X};
use polku_core::{Board, Lane, Note, Touchpoint};

use super::board_paint::{centred, counts, label_lines, lanes, mood, tone_counts, Gutter, View, GUTTER, HEAD_FILL};
use super::canvas::{Page, Rgb, INK, MUTED, RULE};
use super::font::Weight;
use super::poster::Poster;
use crate::labels::Labels;

/// Where the phase bands and the mood band sit, board units (the mood band as on the screen).
pub const PHASE_TOP: f32 = -16.0;
pub const PHASE_H: f32 = 36.0;
pub const MOOD_TOP: f32 = PATH_Y as f32 - 92.0;
pub const MOOD_BOTTOM: f32 = PATH_Y as f32 - 40.0;
const STATION_R: f32 = 22.0;

/// The mood at each station, worked out once for every page the poster is painted on.
pub struct PathLayout {
    moods: Vec<Option<f32>>,
}

impl PathLayout {
    pub fn new(notes: &[Note], tps: &[Touchpoint]) -> PathLayout {
        PathLayout { moods: tps.iter().map(|tp| mood(counts(notes, tp))).collect() }
    }

    /// The path's own extent, before its notes: left, top, right, bottom.
    pub fn bounds(tps: &[Touchpoint], lanes: &[Lane]) -> (f32, f32, f32, f32) {
        let last = tps.len().saturating_sub(1);
        let left = FIRST_X as f32 - STEP_X as f32 / 2.0 - if lanes.is_empty() { 0.0 } else { GUTTER };
        let right = column_x(last) as f32 + STEP_X as f32 / 2.0;
        let bottom = (lane_top(lanes, lanes.len()) as f32).max(LANES_TOP as f32 + 20.0);
        (left, PHASE_TOP - 8.0, right, bottom)
    }

    pub fn paint(&self, page: &mut Page, v: &View, p: &Poster<'_>, l: &Labels) {
        let (left, _, right, _) = p.bounds;
        lanes(page, v, &p.lanes, (left, right), Gutter::PATH);
        phases(page, v, p.board, &p.touchpoints, PHASE_TOP);
        // A blank handout keeps the band empty: groups draw their curve in it by hand.
        if !p.touchpoints.is_empty() {
            let from = column_x(0) as f32 - STEP_X as f32 / 2.0;
            let to = column_x(p.touchpoints.len() - 1) as f32 + STEP_X as f32 / 2.0;
            mood_band(page, v, from, to, &self.moods, l);
        }
        path(page, v, &p.touchpoints, &p.board.notes, p.blank, l);
    }
}

/// Phase bands over runs of touchpoints that share a phase, from `top` down (board units).
pub fn phases(page: &mut Page, v: &View, board: &Board, tps: &[Touchpoint], top: f32) {
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
        let (x, y) = v.p(left, top);
        page.rect(x, y, v.len(right - left), v.len(PHASE_H), Some(HEAD_FILL), None);
        let size = 15.0;
        let label = super::text::ellipsize(&phase.label, right - left - 20.0, size, Weight::Bold);
        let (lx, ly) = v.p(left + 10.0, top + 24.0);
        page.text(lx, ly, v.len(size), Weight::Bold, INK, &label);
        i = j + 1;
    }
}

fn mood_band(page: &mut Page, v: &View, left: f32, right: f32, moods: &[Option<f32>], l: &Labels) {
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

fn path(page: &mut Page, v: &View, tps: &[Touchpoint], notes: &[Note], blank: bool, l: &Labels) {
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
        let (size, lines) = label_lines(&tp.label, STEP_X as f32 - 24.0, 14.0, 8.0, Weight::Bold, |n, _| n <= 3);
        centred(page, v, (cx, PATH_Y as f32 + STATION_R + 6.0 + size), size, Weight::Bold, INK, &lines);
        if tp.side_station {
            let side = l.t("pdf.poster.side_station");
            let w = super::font::metrics(Weight::Regular).width(&side, 10.0);
            let (sx, sy) = v.p(cx - w / 2.0, PATH_Y as f32 - STATION_R - 6.0);
            page.text(sx, sy, v.len(10.0), Weight::Regular, MUTED, &side);
        }
        if !blank {
            tone_counts(page, v, cx, LANES_TOP as f32 - 12.0, counts(notes, tp), 1.0);
        }
    }
}

fn circle_points(cx: f32, cy: f32, r: f32) -> Vec<(f32, f32)> {
    (0..=36).map(|k| {
        let a = k as f32 / 36.0 * std::f32::consts::TAU;
        (cx + r * a.cos(), cy + r * a.sin())
    })
    .collect()
}

