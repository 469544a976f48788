//! A board's dot votes in the summary: each ended vote, when and how many dots each, and what got
//! dots, ranked with ties sharing a place and the top kept marked. Counts only: who gave them is
//! nowhere to print.

use polku_core::{Board, Vote, VoteOn, Workshop};

use super::canvas::{INK, MUTED};
use super::flow::Flow;
use super::font::Weight;
use super::poster::text_with_persona;
use crate::labels::Labels;

pub(super) fn draw(flow: &mut Flow<'_>, w: &Workshop, board: &Board, l: &Labels) {
    let mut ended: Vec<&Vote> = w.votes.iter().filter(|v| v.board_id == board.id && !v.is_open()).collect();
    ended.sort_by_key(|v| v.fields.ended_at);
    for v in ended {
        let when = l.date(v.fields.started_at);
        let dots = v.fields.settings.dots.to_string();
        flow.space(4.0);
        flow.need(40.0);
        flow.paragraph(&l.tf("pdf.votes.title", &[("when", &when), ("dots", &dots)]), 11.0, Weight::Bold, INK, 0.0);
        let given: Vec<(u32, String, u32)> = v
            .ranked()
            .into_iter()
            .filter(|&(_, _, n)| n > 0)
            .filter_map(|(rank, target, n)| label(w, board, v, target).map(|text| (rank, text, n)))
            .collect();
        if given.is_empty() {
            flow.paragraph(&l.t("pdf.votes.none"), 10.0, Weight::Regular, MUTED, 14.0);
        }
        for (rank, text, n) in given {
            let count = n.to_string();
            let line = l.tf("pdf.votes.line", &[("rank", &rank.to_string()), ("text", &text), ("count", &count)]);
            let kept = v.fields.keep_top.is_some_and(|top| rank <= top);
            // The rank is the list's mark: no bullet before it as well.
            let line = if kept { format!("{line} ({})", l.t("pdf.votes.kept")) } else { line };
            flow.paragraph(&line, 10.0, if kept { Weight::Bold } else { Weight::Regular }, INK, 14.0);
        }
    }
}

/// What a target is called: its note's text, or its touchpoint's label; None when it is gone.
fn label(w: &Workshop, board: &Board, v: &Vote, target: polku_core::Id) -> Option<String> {
    if v.fields.settings.on == VoteOn::Touchpoints {
        return board.touchpoints.iter().find(|t| t.id == target).map(|t| t.label.clone());
    }
    board.notes.iter().find(|n| n.id == target).map(|n| text_with_persona(w, n))
}
