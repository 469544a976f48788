//! The summary for management, board by board, as each kind is read: a service path per
//! touchpoint (how many notes of each sentiment, every negative note as a pain point, every idea
//! and any open question, in path order); a journey canvas per period (counts and mood) and per
//! box (counts and every note); a blueprint per step with its rows; a grid per row (or per
//! column when it has no rows) with its cells.

use polku_core::order::sort_by_position;
use polku_core::{Board, BoardKind, Id, Note, NoteKind, Sentiment, Touchpoint, Workshop};

use super::board_paint::{counts, counts_over, mood, mood_value};
use super::canvas::{INK, MUTED};
use super::document::Document;
use super::flow::Flow;
use super::font::Weight;
use super::poster::text_with_persona;
use crate::labels::Labels;

pub fn draw(doc: &mut Document, w: &Workshop, l: &Labels) {
    let mut boards: Vec<&Board> = w.boards.iter().collect();
    boards.sort_by(polku_core::order::by_position);
    let mut flow = Flow::new(doc);
    flow.running_head = Some(l.tf("pdf.continued", &[("title", &l.t("pdf.summary.title"))]));
    flow.heading(&l.t("pdf.summary.title"), 20.0);
    for board in boards {
        flow.heading(&board.title, 16.0);
        let mut tps = board.touchpoints.clone();
        sort_by_position(&mut tps);
        match board.kind {
            BoardKind::ServicePath => path(&mut flow, w, board, &tps, l),
            BoardKind::JourneyCanvas => canvas(&mut flow, w, board, &tps, l),
            BoardKind::Blueprint => table(&mut flow, w, board, &tps, true, l),
            BoardKind::Grid => table(&mut flow, w, board, &tps, false, l),
        }
        super::votes::draw(&mut flow, w, board, l);
    }
    flow.finish();
}

/// The notes at no touchpoint of a path or a canvas, after all the others.
fn loose(flow: &mut Flow<'_>, w: &Workshop, board: &Board, tps: &[Touchpoint], l: &Labels) {
    let loose: Vec<&Note> =
        board.notes.iter().filter(|n| n.touchpoint_id.is_none_or(|id| !tps.iter().any(|t| t.id == id))).collect();
    if !loose.is_empty() {
        flow.heading(&l.t("pdf.summary.no_touchpoint"), 12.5);
        section(flow, w, &loose, None, l);
    }
}

fn path(flow: &mut Flow<'_>, w: &Workshop, board: &Board, tps: &[Touchpoint], l: &Labels) {
    for (i, tp) in tps.iter().enumerate() {
        let phase = tp.phase_id.and_then(|id| board.phases.iter().find(|p| p.id == id)).map(|p| p.label.as_str());
        let title = match phase {
            Some(p) => format!("{}. {} ({p})", i + 1, tp.label),
            None => format!("{}. {}", i + 1, tp.label),
        };
        flow.heading(&title, 12.5);
        if !tp.description.trim().is_empty() {
            flow.paragraph(tp.description.trim(), 10.0, Weight::Regular, INK, 0.0);
        }
        let notes: Vec<&Note> = board.notes.iter().filter(|n| n.touchpoint_id == Some(tp.id)).collect();
        section(flow, w, &notes, Some(counts(&board.notes, tp)), l);
    }
    loose(flow, w, board, tps, l);
}

/// Period by period, each with its caption, its tone counts and mood; then its boxes (or journey
/// columns), each with its own counts and notes.
fn canvas(flow: &mut Flow<'_>, w: &Workshop, board: &Board, tps: &[Touchpoint], l: &Labels) {
    let mut phases = board.phases.clone();
    sort_by_position(&mut phases);
    let in_no_period: Vec<&Touchpoint> = tps.iter().filter(|t| !t.phase_id.is_some_and(|p| phases.iter().any(|ph| ph.id == p))).collect();
    let mut groups: Vec<(Option<&polku_core::Phase>, Vec<&Touchpoint>)> =
        phases.iter().map(|ph| (Some(ph), tps.iter().filter(|t| t.phase_id == Some(ph.id)).collect())).collect();
    if !in_no_period.is_empty() {
        groups.push((None, in_no_period));
    }
    for (phase, mine) in groups {
        if let Some(ph) = phase {
            let title = if ph.caption.trim().is_empty() { ph.label.clone() } else { format!("{} — {}", ph.label, ph.caption) };
            flow.heading(&title, 14.0);
            let c = counts_over(&board.notes, &mine);
            let line = format!("{}   ·   {} {}", tone_line(c, l), l.t("pdf.poster.mood"), mood_value(mood(c), l));
            flow.paragraph(&line, 10.0, Weight::Bold, MUTED, 0.0);
            flow.space(4.0);
        }
        // Every note of a box, whatever its tone: on a canvas what people expect or remember is
        // as much the content as what hurt.
        for tp in mine {
            flow.heading(&tp.label, 12.0);
            let notes: Vec<&Note> = board.notes.iter().filter(|n| n.touchpoint_id == Some(tp.id)).collect();
            if !notes.is_empty() {
                flow.paragraph(&tone_line(counts(&board.notes, tp), l), 10.0, Weight::Regular, MUTED, 0.0);
            }
            cells(flow, w, &notes, &[], &|_| None, l);
        }
    }
    loose(flow, w, board, tps, l);
}

/// Which column or row a note is in.
type Key<'a> = &'a dyn Fn(&Note) -> Option<Id>;

/// A blueprint step by step (`steps`), the notes of each of its rows under it; a grid row by
/// row, the notes of each of its cells under it (column by column when it has no rows).
fn table(flow: &mut Flow<'_>, w: &Workshop, board: &Board, tps: &[Touchpoint], steps: bool, l: &Labels) {
    let mut lanes = board.lanes.clone();
    sort_by_position(&mut lanes);
    let columns: Vec<(String, Id)> = tps
        .iter()
        .enumerate()
        .map(|(i, t)| (if steps { format!("{}. {}", i + 1, t.label) } else { t.label.clone() }, t.id))
        .collect();
    let rows: Vec<(String, Id)> = lanes.iter().map(|x| (x.label.clone(), x.id)).collect();
    let column_of = |n: &Note| n.touchpoint_id;
    let row_of = |n: &Note| n.lane_id;
    let (outer, inner, outer_of, inner_of): (_, _, Key<'_>, Key<'_>) =
        if steps || rows.is_empty() { (&columns, &rows, &column_of, &row_of) } else { (&rows, &columns, &row_of, &column_of) };
    for (title, id) in outer {
        flow.heading(title, 12.5);
        let mine: Vec<&Note> = board.notes.iter().filter(|n| outer_of(n) == Some(*id)).collect();
        if steps {
            let c = tps.iter().find(|t| t.id == *id).map_or([0; 3], |tp| counts(&board.notes, tp));
            flow.paragraph(&tone_line(c, l), 10.0, Weight::Regular, MUTED, 0.0);
        }
        cells(flow, w, &mine, inner, inner_of, l);
    }
    // Notes in no column (a grid by rows: in no row) are listed once, at the end.
    let elsewhere: Vec<&Note> = board.notes.iter().filter(|n| !outer.iter().any(|(_, id)| outer_of(n) == Some(*id))).collect();
    if !elsewhere.is_empty() {
        flow.heading(&l.t("pdf.summary.elsewhere"), 12.5);
        cells(flow, w, &elsewhere, inner, inner_of, l);
    }
}

/// `notes` cell by cell of `inner` (a label with its count, then the notes), those in none last.
fn cells(flow: &mut Flow<'_>, w: &Workshop, notes: &[&Note], inner: &[(String, Id)], inner_of: Key<'_>, l: &Labels) {
    if notes.is_empty() {
        flow.paragraph(&l.t("pdf.summary.no_notes"), 10.0, Weight::Regular, MUTED, 0.0);
    }
    let in_none: Vec<&Note> = notes.iter().copied().filter(|n| !inner.iter().any(|(_, id)| inner_of(n) == Some(*id))).collect();
    let mut parts: Vec<(Option<&str>, Vec<&Note>)> =
        inner.iter().map(|(label, id)| (Some(label.as_str()), notes.iter().copied().filter(|n| inner_of(n) == Some(*id)).collect())).collect();
    parts.push((None, in_none));
    for (label, list) in parts.into_iter().filter(|(_, list)| !list.is_empty()) {
        if let Some(label) = label {
            // The label and at least its first note stay together.
            flow.need(34.0);
            flow.paragraph(&format!("{label} ({})", list.len()), 10.0, Weight::Bold, INK, 0.0);
        }
        for n in list {
            flow.bullet(&format!("{} ({})", text_with_persona(w, n), tone_word(n, l)));
        }
    }
    flow.space(8.0);
}

/// A note's tone or kind in a word: "negative", "idea".
fn tone_word(n: &Note, l: &Labels) -> String {
    match (n.kind, n.sentiment) {
        (NoteKind::Observation, Some(s)) => l.sentiment(s),
        (NoteKind::Observation, None) => l.t("pdf.kind.observation"),
        (NoteKind::Idea, _) => l.t("pdf.kind.idea"),
        (NoteKind::Question, _) => l.t("pdf.kind.question"),
    }
}

/// "Negative 2   ·   Neutral 0   ·   Positive 1".
fn tone_line(c: [usize; 3], l: &Labels) -> String {
    [Sentiment::Negative, Sentiment::Neutral, Sentiment::Positive]
        .iter()
        .zip(c)
        .map(|(s, n)| format!("{} {n}", l.t(&format!("pdf.sheet.summary.{}", crate::labels::sentiment_key(*s)))))
        .collect::<Vec<_>>()
        .join("   ·   ")
}

fn section(flow: &mut Flow<'_>, w: &Workshop, notes: &[&Note], c: Option<[usize; 3]>, l: &Labels) {
    if let Some(c) = c {
        flow.paragraph(&tone_line(c, l), 10.0, Weight::Regular, MUTED, 0.0);
    }
    let pains: Vec<&&Note> =
        notes.iter().filter(|n| n.kind == NoteKind::Observation && n.sentiment == Some(Sentiment::Negative)).collect();
    let ideas: Vec<&&Note> = notes.iter().filter(|n| n.kind == NoteKind::Idea).collect();
    let questions: Vec<&&Note> = notes.iter().filter(|n| n.kind == NoteKind::Question).collect();
    let mut parts = vec![("pdf.summary.pain_points", pains), ("pdf.summary.ideas", ideas)];
    // Open questions only where there are some: an empty "none" line for them says nothing.
    if !questions.is_empty() {
        parts.push(("pdf.summary.questions", questions));
    }
    for (key, list) in parts {
        flow.space(3.0);
        // The label and at least its first item stay together.
        flow.need(34.0);
        flow.paragraph(&l.t(key), 10.0, Weight::Bold, INK, 0.0);
        if list.is_empty() {
            flow.paragraph(&l.t("pdf.summary.none"), 10.0, Weight::Regular, MUTED, 14.0);
        }
        for n in list {
            flow.bullet(&text_with_persona(w, n));
        }
    }
    flow.space(8.0);
}
