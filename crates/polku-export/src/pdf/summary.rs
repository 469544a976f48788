//! The summary for management: per touchpoint, how many notes of each sentiment, every negative
//! note as a pain point, every idea and any open question, in path order.

use polku_core::order::sort_by_position;
use polku_core::{Board, Note, NoteKind, Sentiment, Workshop};

use super::board_paint::counts;
use super::canvas::MUTED;
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
        for (i, tp) in tps.iter().enumerate() {
            let phase = tp.phase_id.and_then(|id| board.phases.iter().find(|p| p.id == id)).map(|p| p.label.as_str());
            let title = match phase {
                Some(p) => format!("{}. {} ({p})", i + 1, tp.label),
                None => format!("{}. {}", i + 1, tp.label),
            };
            flow.heading(&title, 12.5);
            if !tp.description.trim().is_empty() {
                flow.paragraph(tp.description.trim(), 10.0, Weight::Regular, super::canvas::INK, 0.0);
            }
            let notes: Vec<&Note> = board.notes.iter().filter(|n| n.touchpoint_id == Some(tp.id)).collect();
            section(&mut flow, w, &notes, Some(counts(&board.notes, tp)), l);
        }
        let loose: Vec<&Note> = board
            .notes
            .iter()
            .filter(|n| n.touchpoint_id.is_none_or(|id| !tps.iter().any(|t| t.id == id)))
            .collect();
        if !loose.is_empty() {
            flow.heading(&l.t("pdf.summary.no_touchpoint"), 12.5);
            section(&mut flow, w, &loose, None, l);
        }
    }
    flow.finish();
}

fn section(flow: &mut Flow<'_>, w: &Workshop, notes: &[&Note], c: Option<[usize; 3]>, l: &Labels) {
    if let Some(c) = c {
        let line = [Sentiment::Negative, Sentiment::Neutral, Sentiment::Positive]
            .iter()
            .zip(c)
            .map(|(s, n)| format!("{} {n}", l.t(&format!("pdf.sheet.summary.{}", crate::labels::sentiment_key(*s)))))
            .collect::<Vec<_>>()
            .join("   ·   ");
        flow.paragraph(&line, 10.0, Weight::Regular, MUTED, 0.0);
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
        flow.paragraph(&l.t(key), 10.0, Weight::Bold, super::canvas::INK, 0.0);
        if list.is_empty() {
            flow.paragraph(&l.t("pdf.summary.none"), 10.0, Weight::Regular, MUTED, 14.0);
        }
        for n in list {
            flow.bullet(&text_with_persona(w, n));
        }
    }
    flow.space(8.0);
}
