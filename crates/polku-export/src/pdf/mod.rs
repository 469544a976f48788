//! The PDF report: a cover, each board as a poster, persona cards, walkthroughs and a summary, in
//! the workshop's language, on A4 or A3. Vector throughout; the font is embedded and subset.

mod arabic;
mod board_paint;
mod canvas;
mod cover;
mod document;
mod flow;
pub mod font;
mod grid_board;
pub mod handout;
mod journey_canvas;
pub mod note_box;
mod path_board;
mod personas;
pub mod poster;
mod script;
mod summary;
mod votes;
pub mod text;
mod walks;

pub use board_paint::counts;
pub use walks::emotion_word;

use polku_core::{Board, Millis, Workshop};

use crate::labels::Labels;
use crate::{ExportError, PdfOptions, Progress};
use document::Document;

/// A part of the report that runs down the pages after the posters.
type Part = fn(&mut Document, &Workshop, &Labels);

/// The finished PDF.
pub fn render(w: &Workshop, opts: &PdfOptions, now: Millis, progress: Progress<'_>) -> Result<Vec<u8>, ExportError> {
    // The last step of the layout is reported just before the file is written, so a cancel
    // there saves the slowest part.
    let (doc, steps) = build(w, opts, now, progress)?;
    let bytes = doc.save(&w.title, w.language.as_str(), now)?;
    progress(steps, steps);
    Ok(bytes)
}

/// How many pages [`render`] would make, without writing the file.
pub fn page_count(w: &Workshop, opts: &PdfOptions, now: Millis) -> Result<usize, ExportError> {
    Ok(preview(w, opts, now)?.0)
}

/// How many pages [`render`] would make, and the boards it tiles although they were to fit on one
/// page (fitted, their notes would print under a readable size).
pub fn preview(w: &Workshop, opts: &PdfOptions, now: Millis) -> Result<(usize, Vec<String>), ExportError> {
    let doc = build(w, opts, now, &mut |_, _| true)?.0;
    Ok((doc.pages.len(), doc.tiled))
}

/// Lays out every page. Returns the document and how many progress steps there are in all
/// (one per board and part, one for writing the file).
fn build(w: &Workshop, opts: &PdfOptions, now: Millis, progress: Progress<'_>) -> Result<(Document, usize), ExportError> {
    opts.check().map_err(|(field, message)| ExportError::Invalid { field, message })?;
    let l = Labels::new(w.language);
    let (pw, ph) = opts.page_pt();
    // Everything the group typed, in one string, to see whether the symbol or emoji font is needed.
    let typed = serde_json::to_string(w).unwrap_or_default() + &opts.facilitator;
    let mut doc = Document::new(&w.title, pw, ph, font::needs(&typed))?;
    let mut boards: Vec<&Board> = w.boards.iter().collect();
    boards.sort_by(polku_core::order::by_position);
    let c = opts.contents;
    let steps = if c.boards { boards.len() } else { 0 } + usize::from(c.personas) + usize::from(c.walkthroughs) + usize::from(c.summary) + 2;
    let mut done = 0;
    let mut step = |done: &mut usize| {
        *done += 1;
        if progress(*done, steps) {
            Ok(())
        } else {
            Err(ExportError::Cancelled)
        }
    };
    let mut parts = Vec::new();
    let mut part = |doc: &Document, title: String, before: usize| {
        if doc.pages.len() > before {
            parts.push(cover::Entry { title, page: before + 1 });
        }
    };
    if c.boards {
        for board in &boards {
            let before = doc.pages.len();
            poster::draw(&mut doc, w, board, opts.poster, &l)?;
            part(&doc, board.title.clone(), before);
            step(&mut done)?;
        }
    }
    let flowing: [(bool, String, Part); 3] = [
        (c.personas, l.t("pdf.part.personas"), personas::draw),
        (c.walkthroughs, l.t("walk.outline.heading"), walks::draw),
        (c.summary, l.t("pdf.summary.title"), summary::draw),
    ];
    for (_, title, draw) in flowing.into_iter().filter(|p| p.0) {
        let before = doc.pages.len();
        draw(&mut doc, w, &l);
        part(&doc, title, before);
        step(&mut done)?;
    }
    if c.cover {
        // The contents give page numbers counting the cover, which is laid out last: if it ever
        // needs more than one page, it is laid out again with the right offset.
        let body = doc.pages.len();
        let mut cover_pages = 1;
        loop {
            let entries: Vec<cover::Entry> =
                parts.iter().map(|e| cover::Entry { title: e.title.clone(), page: e.page + cover_pages }).collect();
            cover::draw(&mut doc, w, opts, now, &entries, &l);
            let made = doc.pages.len() - body;
            if made == cover_pages {
                break;
            }
            doc.pages.truncate(body);
            cover_pages = made;
        }
        doc.pages.rotate_right(cover_pages);
    }
    step(&mut done)?;
    if doc.pages.is_empty() {
        return Err(ExportError::Invalid { field: "contents", message: "the chosen parts have nothing to print yet".into() });
    }
    doc.finish_pages(&w.title, &l.date(now), &l);
    Ok((doc, steps))
}
