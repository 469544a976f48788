//! A board as a poster: the whole board on one page (fit) or at a readable size across pages to
//! tape together (tile), with overlap marks and "2/6, row 1 col 2" labels. Positions come from
//! `polku_core::layout`, the same numbers the screen draws with.

use polku_core::layout::{self, note_origin, Place};
use polku_core::{Board, BoardKind, Lane, Note, Persona, Phase, Touchpoint, Workshop};

use super::board_paint::{self as paint, View};
use super::canvas::{Page, MUTED, RULE};
use super::document::Document;
use super::flow::Flow;
use super::font::Weight;
use super::grid_board::TableLayout;
use super::journey_canvas::CanvasLayout;
use super::note_box::{fit_with, NoteBox, TEXT_FLOOR};
use super::path_board::PathLayout;
use super::text::ellipsize;
use crate::labels::Labels;
use crate::{ExportError, PosterFit};

/// Points per board unit when tiling: the usual note text comes out at 9.6 pt, the floor at 7.8.
pub const TILE_SCALE: f32 = 0.6;
/// The smallest note text a page prints where the page, not the reader, sets the scale (a
/// canvas on its one A3 page): the tiled poster's floor, points.
pub const MIN_NOTE_PT: f32 = TEXT_FLOOR * TILE_SCALE;
/// The smallest note text a board fitted on one page may print at; smaller (a tall column on A4
/// comes out at about 4 pt) and the board is tiled instead. A five-station path fits A4 at ~7 pt.
pub const READABLE_FIT_PT: f32 = 6.5;
/// How far neighbouring tiles repeat each other's edge, points: room to glue or tape.
pub const OVERLAP: f32 = 24.0;
/// The title line above a poster.
pub const HEADER: f32 = 24.0;
/// More tiles than anyone tapes together: a board this large (a note dragged very far away) is
/// refused for tiling rather than making a file of thousands of pages.
pub const MAX_TILES: usize = 300;

/// A board laid out once, painted onto as many pages as it needs.
pub struct Poster<'w> {
    pub board: &'w Board,
    /// Phases, touchpoints and lanes in position order.
    pub phases: Vec<Phase>,
    pub touchpoints: Vec<Touchpoint>,
    pub lanes: Vec<Lane>,
    /// Where each touchpoint's notes are (`layout::places`).
    pub places: Vec<Place>,
    /// Every note with its card, in drawing order (the board's order: oldest first).
    pub notes: Vec<(&'w Note, NoteBox)>,
    /// Board units: left, top, right, bottom.
    pub bounds: (f32, f32, f32, f32),
    /// A blank handout: the structure to fill in on paper, without counts or moods.
    pub blank: bool,
    shape: Shape,
}

/// What a kind of board is drawn as.
enum Shape {
    Path(PathLayout),
    Canvas(CanvasLayout),
    Table(TableLayout),
}

impl<'w> Poster<'w> {
    pub fn new(board: &'w Board) -> Poster<'w> {
        Poster::with(board, false)
    }

    /// `blank`: drawn as a handout, its structure only (the board's notes are still drawn; a
    /// handout passes a board without any).
    pub fn with(board: &'w Board, blank: bool) -> Poster<'w> {
        let mut touchpoints = board.touchpoints.clone();
        polku_core::order::sort_by_position(&mut touchpoints);
        let mut lanes = board.lanes.clone();
        polku_core::order::sort_by_position(&mut lanes);
        let mut phases = board.phases.clone();
        polku_core::order::sort_by_position(&mut phases);
        let places = layout::places(board.kind, &phases, &touchpoints);
        let origins: Vec<(f32, f32)> = board
            .notes
            .iter()
            .map(|n| {
                let (x, y) = note_origin(n, &places, &lanes);
                (x as f32, y as f32)
            })
            .collect();
        let (shape, frame) = match board.kind {
            BoardKind::ServicePath => {
                (Shape::Path(PathLayout::new(&board.notes, &touchpoints)), PathLayout::bounds(&touchpoints, &lanes))
            }
            BoardKind::JourneyCanvas => {
                let c = CanvasLayout::new(board, &phases, &touchpoints, &places, &lanes, &origins);
                let frame = c.bounds();
                (Shape::Canvas(c), frame)
            }
            BoardKind::Blueprint | BoardKind::Grid => {
                let t = TableLayout::new(board, &touchpoints);
                let frame = t.bounds(&touchpoints, &lanes);
                (Shape::Table(t), frame)
            }
        };
        let floor = match &shape {
            Shape::Canvas(c) => c.floor(),
            Shape::Path(_) | Shape::Table(_) => TEXT_FLOOR,
        };
        let notes: Vec<(&Note, NoteBox)> = board
            .notes
            .iter()
            .zip(&origins)
            .map(|(n, &(x, y))| {
                let below = room_below(x, y, &origins);
                let own = match &shape {
                    Shape::Path(_) => None,
                    Shape::Canvas(c) => c.room(n, y),
                    Shape::Table(t) => t.room(n, y, &lanes),
                };
                let room = match (below, own) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
                (n, fit_with(&n.text, x, y, room, floor))
            })
            .collect();
        let (mut left, mut top, mut right, mut bottom) = frame;
        for (_, b) in &notes {
            left = left.min(b.x - 16.0);
            right = right.max(b.x + b.w + 16.0);
            top = top.min(b.y - 16.0);
            bottom = bottom.max(b.y + b.h + 16.0);
        }
        Poster { board, phases, touchpoints, lanes, places, notes, bounds: (left, top, right, bottom), blank, shape }
    }

    pub fn size(&self) -> (f32, f32) {
        (self.bounds.2 - self.bounds.0, self.bounds.3 - self.bounds.1)
    }

    /// Paints what of the board lies in `area` (board units) through `v`.
    fn paint(&self, page: &mut Page, v: &View, area: (f32, f32, f32, f32), w: &Workshop, l: &Labels, markers: &[Option<String>]) {
        match &self.shape {
            Shape::Path(p) => p.paint(page, v, self, l),
            Shape::Canvas(c) => c.paint(page, v, self, l),
            Shape::Table(t) => t.paint(page, v, self),
        }
        for ((n, b), marker) in self.notes.iter().zip(markers) {
            let visible = b.x < area.2 && b.x + b.w > area.0 && b.y < area.3 && b.y + b.h > area.1;
            if visible {
                let persona = n.persona_id.and_then(|id| w.personas.iter().find(|p| p.id == id));
                paint::note(page, v, b, n, persona, marker.as_deref());
            }
        }
    }

    /// How many pages the poster takes with these page and fit choices: (columns, rows).
    pub fn grid(&self, frame: (f32, f32, f32, f32), how: PosterFit) -> (usize, usize) {
        match how {
            PosterFit::Fit => (1, 1),
            PosterFit::Tile => {
                let (bw, bh) = self.size();
                let (fw, fh) = (frame.2, frame.3 - HEADER);
                let count = |board: f32, page: f32| {
                    let step = page - OVERLAP;
                    ((board * TILE_SCALE - OVERLAP) / step).ceil().max(1.0) as usize
                };
                (count(bw, fw), count(bh, fh))
            }
        }
    }
}

/// How tall a card at (x, y) may grow before it reaches the next card below it.
fn room_below(x: f32, y: f32, origins: &[(f32, f32)]) -> Option<f32> {
    let w = layout::NOTE_W as f32;
    origins
        .iter()
        .filter(|&&(ox, oy)| oy > y + 0.5 && ox < x + w && ox + w > x)
        .map(|&(_, oy)| oy - y - 4.0)
        .fold(None, |best: Option<f32>, r| Some(best.map_or(r, |b| b.min(r))))
}

/// Draws the board's poster pages into the document, then its footnotes if any card was too small.
pub fn draw(doc: &mut Document, w: &Workshop, board: &Board, how: PosterFit, l: &Labels) -> Result<(), ExportError> {
    draw_poster(doc, w, &Poster::new(board), how, l)
}

/// [`draw`] for a poster already laid out (a blank handout's, say). A journey canvas always takes
/// one A3 landscape page, like the paper original, whatever `how` and the paper say.
pub fn draw_poster(doc: &mut Document, w: &Workshop, poster: &Poster<'_>, how: PosterFit, l: &Labels) -> Result<(), ExportError> {
    let mut footnotes = Vec::new();
    let markers: Vec<Option<String>> = poster
        .notes
        .iter()
        .map(|(n, b)| {
            b.continued.then(|| {
                footnotes.push(*n);
                l.tf("pdf.poster.continued", &[("n", &footnotes.len().to_string())])
            })
        })
        .collect();
    match &poster.shape {
        Shape::Canvas(c) => {
            let page = c.page(doc, poster, |page, v, area| poster.paint(page, v, area, w, l, &markers), l);
            doc.pages.push(page);
        }
        Shape::Path(_) | Shape::Table(_) => pages(doc, w, poster, how, l, &markers)?,
    }
    if !footnotes.is_empty() {
        continued_notes(doc, w, poster, &footnotes, l);
    }
    Ok(())
}

/// The poster fitted on one page of the document's paper, or tiled across as many as it takes.
fn pages(doc: &mut Document, w: &Workshop, poster: &Poster<'_>, how: PosterFit, l: &Labels, markers: &[Option<String>]) -> Result<(), ExportError> {
    let frame = doc.frame();
    let (bw, bh) = poster.size();
    let content = (frame.0, frame.1 + HEADER, frame.2, frame.3 - HEADER);
    let fitted = (content.2 / bw).min(content.3 / bh).min(1.0);
    // Fitted on one page, the smallest note text would print under a readable size: tile instead,
    // and say so (the export dialog lists these boards).
    let tiles = |(c, r): (usize, usize)| c * r;
    let unreadable = !poster.notes.is_empty() && TEXT_FLOOR * fitted < READABLE_FIT_PT;
    let how = if how == PosterFit::Fit && unreadable && tiles(poster.grid(frame, PosterFit::Tile)) <= MAX_TILES {
        doc.tiled.push(poster.board.title.clone());
        PosterFit::Tile
    } else {
        how
    };
    let (cols, rows) = poster.grid(frame, how);
    if cols * rows > MAX_TILES {
        return Err(ExportError::Invalid {
            field: "poster",
            message: format!("tiled, the board {:?} would take {} pages; fit it on one page instead", poster.board.title, cols * rows),
        });
    }
    let (left, top, _, _) = poster.bounds;
    for row in 0..rows {
        for col in 0..cols {
            let mut page = doc.new_page();
            let (s, vx, vy) = match how {
                PosterFit::Fit => (fitted, left, top),
                PosterFit::Tile => {
                    let step = |page: f32| (page - OVERLAP) / TILE_SCALE;
                    (TILE_SCALE, left + col as f32 * step(content.2), top + row as f32 * step(content.3))
                }
            };
            let v = View { s, ox: content.0, oy: content.1, vx, vy };
            let area = (vx, vy, vx + content.2 / s, vy + content.3 / s);
            let title = if cols * rows > 1 {
                let k = row * cols + col + 1;
                let label = l.tf(
                    "pdf.poster.tile",
                    &[("k", &k.to_string()), ("n", &(cols * rows).to_string()), ("row", &(row + 1).to_string()), ("col", &(col + 1).to_string())],
                );
                format!("{} — {label}", poster.board.title)
            } else {
                poster.board.title.clone()
            };
            title_line(&mut page, frame, &title);
            page.begin_clip(content.0, content.1, content.2, content.3);
            poster.paint(&mut page, &v, area, w, l, markers);
            page.end_clip();
            if cols * rows > 1 {
                overlap_marks(&mut page, content, col, row, cols, rows);
            }
            doc.pages.push(page);
        }
    }
    Ok(())
}

/// A poster's title at the top of `frame`, on one line.
pub fn title_line(page: &mut Page, frame: (f32, f32, f32, f32), title: &str) {
    let title = ellipsize(title, frame.2, 14.0, Weight::Bold);
    page.text(frame.0, frame.1 + 14.0, 14.0, Weight::Bold, super::canvas::INK, &title);
}

/// Dashed lines where the neighbouring page's picture begins, with the neighbour named.
fn overlap_marks(page: &mut Page, c: (f32, f32, f32, f32), col: usize, row: usize, cols: usize, rows: usize) {
    let (x, y, w, h) = c;
    let dash = Some((4.0, 3.0));
    if col > 0 {
        page.polyline(&[(x + OVERLAP, y), (x + OVERLAP, y + h)], MUTED, 0.6, dash);
    }
    if col + 1 < cols {
        page.polyline(&[(x + w - OVERLAP, y), (x + w - OVERLAP, y + h)], MUTED, 0.6, dash);
    }
    if row > 0 {
        page.polyline(&[(x, y + OVERLAP), (x + w, y + OVERLAP)], MUTED, 0.6, dash);
    }
    if row + 1 < rows {
        page.polyline(&[(x, y + h - OVERLAP), (x + w, y + h - OVERLAP)], MUTED, 0.6, dash);
    }
    // Corner ticks outside the picture, for cutting along the frame.
    for (cx, cy) in [(x, y), (x + w, y), (x, y + h), (x + w, y + h)] {
        let sx = if cx == x { -1.0 } else { 1.0 };
        let sy = if cy == y { -1.0 } else { 1.0 };
        page.line((cx + sx * 3.0, cy), (cx + sx * 12.0, cy), RULE, 0.5);
        page.line((cx, cy + sy * 3.0), (cx, cy + sy * 12.0), RULE, 0.5);
    }
}

/// The whole text of every card that was too small to hold it, numbered as the cards say.
fn continued_notes(doc: &mut Document, w: &Workshop, poster: &Poster<'_>, notes: &[&Note], l: &Labels) {
    let mut flow = Flow::new(doc);
    let title = l.tf("pdf.poster.continued_title", &[("board", &poster.board.title)]);
    flow.running_head = Some(l.tf("pdf.continued", &[("title", &title)]));
    flow.heading(&title, 14.0);
    for (i, n) in notes.iter().enumerate() {
        let place = place_of(n, &poster.touchpoints, &poster.lanes, l);
        flow.paragraph(&format!("[{}] {place}", i + 1), 9.0, Weight::Bold, MUTED, 0.0);
        let persona = persona_name(w, n);
        flow.paragraph(&n.text, 10.0, Weight::Regular, super::canvas::INK, 0.0);
        if let Some(p) = persona {
            flow.paragraph(&format!("— {p}"), 9.0, Weight::Regular, MUTED, 0.0);
        }
        flow.space(6.0);
    }
    flow.finish();
}

/// "Touchpoint · Lane" for a note, in words.
pub fn place_of(n: &Note, tps: &[Touchpoint], lanes: &[polku_core::Lane], l: &Labels) -> String {
    let tp = n.touchpoint_id.and_then(|id| tps.iter().find(|t| t.id == id)).map(|t| t.label.clone());
    let lane = n.lane_id.and_then(|id| lanes.iter().find(|x| x.id == id)).map(|x| x.label.clone());
    let tp = tp.unwrap_or_else(|| l.t("pdf.summary.no_touchpoint"));
    match lane {
        Some(lane) => format!("{tp} · {lane}"),
        None => tp,
    }
}

/// The note's text, followed by the persona it was written for and, when the facilitator chose to
/// keep it, its writer's nickname, as lists print it.
pub fn text_with_persona(w: &Workshop, n: &Note) -> String {
    let text = match persona_name(w, n) {
        Some(p) => format!("{} — {p}", n.text),
        None => n.text.clone(),
    };
    match &n.author {
        Some(a) => format!("{text} ({a})"),
        None => text,
    }
}

pub fn persona_name<'a>(w: &'a Workshop, n: &Note) -> Option<&'a str> {
    n.persona_id.and_then(|id| w.personas.iter().find(|p| p.id == id)).map(|p: &Persona| p.fields.name.as_str())
}
