//! Boards of columns and rows without a path: a service blueprint (its steps as columns, its rows
//! banded, the lines of interaction, visibility and internal interaction drawn dashed and named
//! above their rows) and a grid (a table: column heads, row labels, a rule round every cell).
//! Columns are where `polku_core::layout` puts them, so notes sit in the cells they were put in.

use polku_core::layout::{column_x, lane_top, FIRST_X, LANES_TOP, LANE_H, STEP_X};
use polku_core::{Board, BoardKind, Lane, Note, Touchpoint};

use super::board_paint::{centred, cut, gutter_label, label_lines, lanes, readable, Gutter, View, HEAD_FILL, MIN_LABEL_PT};
use super::canvas::{Page, Rgb, INK, RULE};
use super::font::{metrics, Weight};
use super::path_board::{phases, PHASE_H};
use super::poster::Poster;
use super::text::ellipsize;

/// The column heads, board units, right above the first row.
const HEAD_H: f32 = 96.0;
const HEAD_TOP: f32 = LANES_TOP as f32 - HEAD_H;
/// Phase bands, when the columns have phases, above the heads.
const PHASES_TOP: f32 = HEAD_TOP - PHASE_H - 8.0;
/// A blueprint's named lines: strong enough to read as boundaries, not as notes' edges.
const LINE: Rgb = Rgb::hex(0x1f63b0);
/// Wider than the path's: a table fitted small onto its page prints its row labels larger.
const TABLE_GUTTER: f32 = 220.0;
/// A grid without rows is one row of cells this tall at the least, to write in.
const EMPTY_BODY: f32 = 2.0 * LANE_H as f32;

pub struct TableLayout {
    kind: BoardKind,
    /// Whether any column has a phase (then the phases get a band above the heads).
    phased: bool,
}

impl TableLayout {
    pub fn new(board: &Board, tps: &[Touchpoint]) -> TableLayout {
        TableLayout { kind: board.kind, phased: tps.iter().any(|t| t.phase_id.is_some()) }
    }

    /// The table's extent before its notes: left, top, right, bottom.
    pub fn bounds(&self, tps: &[Touchpoint], lanes: &[Lane]) -> (f32, f32, f32, f32) {
        let (left, right) = sides(tps, lanes);
        let top = if self.phased { PHASES_TOP } else { HEAD_TOP };
        let bottom = if lanes.is_empty() { LANES_TOP as f32 + EMPTY_BODY } else { lane_top(lanes, lanes.len()) as f32 };
        (left - 8.0, top - 8.0, right + 8.0, bottom + 8.0)
    }

    /// How tall the card of `n` (its top at `y`) may grow: to the bottom of its row, so it stays
    /// in its cell; past that it says "continued".
    pub fn room(&self, n: &Note, y: f32, lanes: &[Lane]) -> Option<f32> {
        let i = n.lane_id.and_then(|id| lanes.iter().position(|l| l.id == id))?;
        Some(lane_top(lanes, i + 1) as f32 - 8.0 - y)
    }

    pub fn paint(&self, page: &mut Page, v: &View, p: &Poster<'_>) {
        let (left, right) = sides(&p.touchpoints, &p.lanes);
        // A grid without rows grows down with its notes; one with rows ends with its last row.
        let bottom = if p.lanes.is_empty() { p.bounds.3 - 8.0 } else { lane_top(&p.lanes, p.lanes.len()) as f32 };
        if self.phased {
            phases(page, v, p.board, &p.touchpoints, PHASES_TOP);
        }
        match self.kind {
            BoardKind::Blueprint => {
                lanes(page, v, &p.lanes, (left, right), gutter(v));
                column_rules(page, v, p.touchpoints.len(), LANES_TOP as f32, bottom, RULE, 1.0);
                self.heads(page, v, &p.touchpoints);
                page.line(v.p(left, bottom), v.p(right, bottom), RULE, v.len(1.0));
                named_lines(page, v, &p.lanes, left, right);
            }
            _ => {
                let (x, y) = v.p(left, HEAD_TOP);
                page.rect(x, y, v.len(right - left), v.len(bottom - HEAD_TOP), Some(Rgb(1.0, 1.0, 1.0)), None);
                self.heads(page, v, &p.touchpoints);
                for (i, lane) in p.lanes.iter().enumerate() {
                    let top = lane_top(&p.lanes, i) as f32;
                    gutter_label(page, v, &lane.label, (left, top, lane.height as f32), gutter(v));
                    page.line(v.p(left, top), v.p(right, top), RULE, v.len(1.0));
                }
                column_rules(page, v, p.touchpoints.len(), HEAD_TOP, bottom, RULE, 1.0);
                if !p.lanes.is_empty() {
                    page.line(v.p(left + TABLE_GUTTER, HEAD_TOP), v.p(left + TABLE_GUTTER, bottom), RULE, v.len(1.0));
                }
                page.line(v.p(left, LANES_TOP as f32), v.p(right, LANES_TOP as f32), INK, v.len(1.5));
                let (x, y) = v.p(left, HEAD_TOP);
                page.rect(x, y, v.len(right - left), v.len(bottom - HEAD_TOP), None, Some((INK, v.len(1.5))));
            }
        }
    }

    /// Each column's head: its label in full if it can be, a blueprint's step numbered.
    fn heads(&self, page: &mut Page, v: &View, tps: &[Touchpoint]) {
        let inset = if self.kind == BoardKind::Blueprint { 4.0 } else { 0.0 };
        for (i, tp) in tps.iter().enumerate() {
            let cx = column_x(i) as f32;
            let half = STEP_X as f32 / 2.0 - inset;
            let (x, y) = v.p(cx - half, HEAD_TOP + inset);
            page.rect(x, y, v.len(2.0 * half), v.len(HEAD_H - 2.0 * inset), Some(HEAD_FILL), None);
            let label = if self.kind == BoardKind::Blueprint { format!("{}. {}", i + 1, tp.label) } else { tp.label.clone() };
            let width = 2.0 * half - 20.0;
            let room = HEAD_H - 20.0;
            let (from, min) = (readable(v, 15.0, MIN_LABEL_PT), readable(v, 9.0, MIN_LABEL_PT * 0.85));
            let (size, lines) = label_lines(&label, width, from, min, Weight::Bold, |n, size| n as f32 * size * 1.2 <= room);
            let lines = cut(lines, ((room / (size * 1.2)) as usize).max(1), width, size, Weight::Bold);
            let used = lines.len() as f32 * size * 1.2;
            centred(page, v, (cx, HEAD_TOP + (HEAD_H - used) / 2.0 + size * 0.95), size, Weight::Bold, INK, &lines);
        }
    }
}

/// Row labels: the path's type, never under `MIN_LABEL_PT` on paper, in a gutter wide enough
/// for a word like "Sosiaalityöntekijä" at that size.
fn gutter(v: &View) -> Gutter {
    Gutter { width: TABLE_GUTTER, size: readable(v, 13.0, MIN_LABEL_PT), min: readable(v, 8.0, MIN_LABEL_PT * 0.85) }
}

/// The table's left edge (the gutter's, when there are rows) and right edge, board units.
fn sides(tps: &[Touchpoint], lanes: &[Lane]) -> (f32, f32) {
    let first = FIRST_X as f32 - STEP_X as f32 / 2.0;
    let left = first - if lanes.is_empty() { 0.0 } else { TABLE_GUTTER };
    (left, first + tps.len().max(1) as f32 * STEP_X as f32)
}

/// Rules between the columns (and at their outer edges), from `top` to `bottom`.
fn column_rules(page: &mut Page, v: &View, n: usize, top: f32, bottom: f32, colour: Rgb, width: f32) {
    for i in 0..=n {
        let x = FIRST_X as f32 - STEP_X as f32 / 2.0 + i as f32 * STEP_X as f32;
        page.line(v.p(x, top), v.p(x, bottom), colour, v.len(width));
    }
}

/// Each named line as a dashed rule right across the board at the top of its row, its name on
/// it in a white label just right of the row labels.
fn named_lines(page: &mut Page, v: &View, rows: &[Lane], left: f32, right: f32) {
    let size = readable(v, 14.0, MIN_LABEL_PT + 1.0);
    for (i, lane) in rows.iter().enumerate() {
        let name = lane.line_above.trim();
        if name.is_empty() {
            continue;
        }
        let y = lane_top(rows, i) as f32;
        page.polyline(&[v.p(left, y), v.p(right, y)], LINE, v.len(3.0), Some((v.len(14.0), v.len(7.0))));
        let x = left + TABLE_GUTTER + 12.0;
        let name = ellipsize(name, right - x - 40.0, size, Weight::Bold);
        let w = metrics(Weight::Bold).width(&name, size);
        let (bx, by) = v.p(x, y - size * 0.8);
        page.rect(bx, by, v.len(w + 20.0), v.len(size * 1.6), Some(Rgb(1.0, 1.0, 1.0)), Some((LINE, v.len(1.5))));
        let (tx, ty) = v.p(x + 10.0, y + size * 0.36);
        page.text(tx, ty, v.len(size), Weight::Bold, LINE, &name);
    }
}
