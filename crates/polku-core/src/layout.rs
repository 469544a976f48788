//! The one definition of where columns and lanes are on a board, in board units. The UI reads
//! these numbers from the generated bindings and the PDF export calls these functions, so the
//! screen and the page agree. Notes are stored relative to their cell (see `Note`), which is why
//! the core needs this at all: turning a note loose from its touchpoint or lane writes its
//! position in board units.

use crate::{Board, BoardKind, Id, Lane, Note, Phase, Touchpoint};

/// The y of the path line the stations sit on.
pub const PATH_Y: f64 = 120.0;
/// The x of the first station; the next ones follow every `STEP_X`.
pub const FIRST_X: f64 = 160.0;
pub const STEP_X: f64 = 260.0;
pub const NOTE_W: f64 = 200.0;
pub const NOTE_H: f64 = 110.0;
pub const NOTE_GAP: f64 = 16.0;
/// Where notes (and the first lane) start: clear of the station and its two-line label.
pub const LANES_TOP: f64 = PATH_Y + 110.0;
/// A new lane's height: two notes above each other with gaps.
pub const LANE_H: f64 = 2.0 * NOTE_H + 3.0 * NOTE_GAP;
pub const MIN_LANE_H: f64 = NOTE_H + 2.0 * NOTE_GAP;
pub const MAX_LANE_H: f64 = 20_000.0;

/// A canvas box: two notes across and two down, with gaps.
pub const BOX_W: f64 = 2.0 * NOTE_W + 3.0 * NOTE_GAP;
pub const BOX_H: f64 = LANE_H;
/// Between two boxes of a stack.
pub const BOX_GAP: f64 = 24.0;
/// Clear space either side of a stack: the scale of credibility runs along it.
pub const STACK_MARGIN: f64 = 48.0;

/// Where a touchpoint's notes are drawn: a column (x its middle) or, on a canvas, a box (x its
/// middle, `top` its top edge).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Place {
    pub id: Id,
    pub x: f64,
    pub top: Option<f64>,
}

/// The places of a board's touchpoints in reading order: along the path for most kinds; on a
/// canvas, period by period, a stacked period's boxes top-down. Inputs are in position order.
pub fn places(kind: BoardKind, phases: &[Phase], touchpoints: &[Touchpoint]) -> Vec<Place> {
    if !kind.has_boxes() {
        return touchpoints.iter().enumerate().map(|(i, t)| Place { id: t.id, x: column_x(i), top: None }).collect();
    }
    let mut out = Vec::with_capacity(touchpoints.len());
    let mut left = FIRST_X - STEP_X / 2.0;
    let columns = |list: &mut dyn Iterator<Item = &Touchpoint>, left: &mut f64, out: &mut Vec<Place>| {
        for t in list {
            out.push(Place { id: t.id, x: *left + STEP_X / 2.0, top: None });
            *left += STEP_X;
        }
    };
    for p in phases {
        let mut mine = touchpoints.iter().filter(|t| t.phase_id == Some(p.id));
        if p.stacked {
            let x = left + STACK_MARGIN + BOX_W / 2.0;
            for (k, t) in mine.enumerate() {
                out.push(Place { id: t.id, x, top: Some(LANES_TOP + k as f64 * (BOX_H + BOX_GAP)) });
            }
            left += BOX_W + 2.0 * STACK_MARGIN;
        } else {
            let before = out.len();
            columns(&mut mine, &mut left, &mut out);
            // An empty period keeps one column's room, so it still shows (and can be filled).
            if out.len() == before {
                left += STEP_X;
            }
        }
    }
    let mut loose = touchpoints.iter().filter(|t| !t.phase_id.is_some_and(|p| phases.iter().any(|ph| ph.id == p)));
    columns(&mut loose, &mut left, &mut out);
    out
}

impl Board {
    pub fn places(&self) -> Vec<Place> {
        places(self.kind, &self.phases, &self.touchpoints)
    }
}

/// The x of the station at `index` in path order (the centre of its column).
pub fn column_x(index: usize) -> f64 {
    FIRST_X + index as f64 * STEP_X
}

/// The y where the lane at `index` begins, with `lanes` in position order.
pub fn lane_top(lanes: &[Lane], index: usize) -> f64 {
    LANES_TOP + lanes.iter().take(index).map(|l| l.height).sum::<f64>()
}

/// The note's top-left in board units, given its board's places and lanes in order.
pub fn note_origin(n: &Note, places: &[Place], lanes: &[Lane]) -> (f64, f64) {
    let place = n.touchpoint_id.and_then(|t| places.iter().find(|p| p.id == t));
    let x = place.map_or(0.0, |p| p.x) + n.x;
    let y = match (place.and_then(|p| p.top), n.lane_id.and_then(|l| lanes.iter().position(|lane| lane.id == l))) {
        (Some(top), _) => top + n.y,
        (None, Some(i)) => lane_top(lanes, i) + n.y,
        (None, None) => n.y,
    };
    (x, y)
}

/// Where a canvas's band (expectations → experiences → satisfaction) begins: under its boxes and
/// under every note, so nothing is drawn over.
pub fn band_top(places: &[Place], notes: &[Note], lanes: &[Lane]) -> f64 {
    let boxes = places.iter().filter_map(|p| p.top).map(|t| t + BOX_H).fold(LANES_TOP, f64::max);
    let notes = notes.iter().map(|n| note_origin(n, places, lanes).1 + NOTE_H).fold(boxes, f64::max);
    notes + 2.0 * NOTE_GAP
}
