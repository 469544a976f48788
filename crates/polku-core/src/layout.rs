//! The one definition of where columns and lanes are on a board, in board units. The UI reads
//! these numbers from the generated bindings and the PDF export calls these functions, so the
//! screen and the page agree. Notes are stored relative to their cell (see `Note`), which is why
//! the core needs this at all: turning a note loose from its touchpoint or lane writes its
//! position in board units.

use crate::{Lane, Note, Touchpoint};

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

/// The x of the station at `index` in path order (the centre of its column).
pub fn column_x(index: usize) -> f64 {
    FIRST_X + index as f64 * STEP_X
}

/// The y where the lane at `index` begins, with `lanes` in position order.
pub fn lane_top(lanes: &[Lane], index: usize) -> f64 {
    LANES_TOP + lanes.iter().take(index).map(|l| l.height).sum::<f64>()
}

/// The note's top-left in board units, given its board's touchpoints and lanes in order.
pub fn note_origin(n: &Note, touchpoints: &[Touchpoint], lanes: &[Lane]) -> (f64, f64) {
    let x = match n.touchpoint_id.and_then(|t| touchpoints.iter().position(|tp| tp.id == t)) {
        Some(i) => column_x(i) + n.x,
        None => n.x,
    };
    let y = match n.lane_id.and_then(|l| lanes.iter().position(|lane| lane.id == l)) {
        Some(i) => lane_top(lanes, i) + n.y,
        None => n.y,
    };
    (x, y)
}
