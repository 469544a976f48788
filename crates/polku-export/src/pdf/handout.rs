//! Blank handouts for groups that work on paper first and type it in afterwards: a board's
//! structure with nothing on it (a canvas on its A3 page with the credit), or a session's agenda:
//! when and where, the goal, each item with its minutes and instructions, and room for notes.

use polku_core::{Board, Millis, Session, Workshop};

use super::canvas::{INK, MUTED, RULE};
use super::document::Document;
use super::flow::Flow;
use super::font::{self, Weight};
use super::poster::{self, Poster};
use crate::labels::Labels;
use crate::{ExportError, HandoutOf, HandoutOptions, PosterFit};

/// Between the ruled lines people write on, points: handwriting, not type.
const WRITING_LINE: f32 = 22.0;
/// Ruled lines under each agenda item.
const ITEM_LINES: usize = 3;

/// The finished handout.
pub fn render(w: &Workshop, opts: &HandoutOptions, now: Millis) -> Result<Vec<u8>, ExportError> {
    let (doc, title) = build(w, opts, now)?;
    doc.save(&title, w.language.as_str(), now)
}

/// How many pages [`render`] would make.
pub fn page_count(w: &Workshop, opts: &HandoutOptions, now: Millis) -> Result<usize, ExportError> {
    Ok(build(w, opts, now)?.0.pages.len())
}

/// What a handout prints, found in the workshop.
enum Subject<'w> {
    Board(&'w Board),
    Session(&'w Session),
}

fn find<'w>(w: &'w Workshop, opts: &HandoutOptions) -> Result<Subject<'w>, ExportError> {
    let missing = |what: &str| ExportError::Invalid { field: "handout", message: format!("this workshop has no such {what}") };
    match opts.of {
        HandoutOf::Board { board_id } => w.board(board_id).map(Subject::Board).ok_or_else(|| missing("board")),
        HandoutOf::Session { session_id } => {
            w.sessions.iter().find(|s| s.id == session_id).map(Subject::Session).ok_or_else(|| missing("session"))
        }
    }
}

/// The title of what the handout prints (the board's or the session's), or why there is none.
pub fn subject<'w>(w: &'w Workshop, opts: &HandoutOptions) -> Result<&'w str, ExportError> {
    Ok(match find(w, opts)? {
        Subject::Board(b) => &b.title,
        Subject::Session(s) => &s.fields.title,
    })
}

fn build(w: &Workshop, opts: &HandoutOptions, now: Millis) -> Result<(Document, String), ExportError> {
    let l = Labels::new(w.language);
    let (pw, ph) = opts.page_pt();
    let title = format!("{} — {}", w.title, subject(w, opts)?);
    let mut doc = match find(w, opts)? {
        Subject::Board(board) => {
            let blank = Board { notes: Vec::new(), ..board.clone() };
            let typed = serde_json::to_string(&blank).unwrap_or_default() + &title;
            let mut doc = Document::new(&title, pw, ph, font::needs(&typed))?;
            poster::draw_poster(&mut doc, w, &Poster::with(&blank, true), PosterFit::Fit, &l)?;
            doc
        }
        Subject::Session(s) => {
            let typed = serde_json::to_string(s).unwrap_or_default() + &title;
            let mut doc = Document::new(&title, pw, ph, font::needs(&typed))?;
            agenda(&mut doc, w, s, &l);
            doc
        }
    };
    doc.finish_pages(&title, &l.date(now), &l);
    Ok((doc, title))
}

/// The session's agenda to print and write on.
fn agenda(doc: &mut Document, w: &Workshop, s: &Session, l: &Labels) {
    let n = w.sessions.iter().position(|x| x.id == s.id).map_or(1, |i| i + 1);
    let f = &s.fields;
    let mut flow = Flow::new(doc);
    flow.running_head = Some(l.tf("pdf.continued", &[("title", &f.title)]));
    flow.paragraph(&format!("{} · {}", w.title, l.tf("sessions.editor.heading", &[("n", &n.to_string())])), 11.0, Weight::Bold, MUTED, 0.0);
    flow.space(4.0);
    flow.heading(&f.title, 22.0);
    let when = f.starts_at.as_deref().map(|at| l.local_date_time(at)).unwrap_or_default();
    for (label, value) in [(l.t("sessions.field.date"), when), (l.t("sessions.field.place"), f.place.clone()), (l.t("sessions.field.goal"), f.goal.clone())] {
        fact(&mut flow, &label, value.trim());
    }
    let total: u32 = f.agenda.iter().filter_map(|a| a.minutes).sum();
    flow.space(12.0);
    let head = l.t("sessions.agenda.heading");
    let head = if total > 0 { format!("{head} · {}", l.tf("sessions.minutes", &[("count", &total.to_string())])) } else { head };
    flow.heading(&head, 15.0);
    let start = f.starts_at.as_deref().and_then(clock);
    let mut elapsed = 0;
    for (i, item) in f.agenda.iter().enumerate() {
        let at = start.map(|m| m + elapsed);
        elapsed += item.minutes.unwrap_or(0);
        let board = item.board_id.and_then(|id| w.board(id)).map(|b| b.title.as_str());
        agenda_item(&mut flow, i + 1, item, at, board, l);
    }
    flow.space(10.0);
    flow.heading(&l.t("pdf.handout.notes"), 13.0);
    // The rest of the page for notes, four lines at the least.
    let lines = ((flow.room() / WRITING_LINE) as usize).max(4);
    writing_lines(&mut flow, lines);
    flow.finish();
}

/// A label and its value; an empty value gets a line to fill in by hand.
fn fact(flow: &mut Flow<'_>, label: &str, value: &str) {
    flow.need(WRITING_LINE + 6.0);
    let y = flow.y;
    flow.page.text(flow.left, y + 12.0, 10.0, Weight::Bold, MUTED, label);
    let indent = 110.0;
    if value.is_empty() {
        let base = y + WRITING_LINE;
        flow.page.line((flow.left + indent, base), (flow.left + flow.width, base), RULE, 0.6);
        flow.y = base + 6.0;
    } else {
        flow.left += indent;
        flow.width -= indent;
        flow.paragraph(value, 11.0, Weight::Regular, INK, 0.0);
        flow.left -= indent;
        flow.width += indent;
        flow.y += 6.0;
    }
}

fn agenda_item(flow: &mut Flow<'_>, n: usize, item: &polku_core::AgendaItem, at: Option<u32>, board: Option<&str>, l: &Labels) {
    // The item's title, its first lines and its room for notes start on the same page.
    flow.need(40.0 + ITEM_LINES as f32 * WRITING_LINE);
    flow.space(6.0);
    let mut time = item.minutes.map(|m| l.tf("sessions.minutes", &[("count", &m.to_string())])).unwrap_or_default();
    if let Some(from) = at {
        let until = from + item.minutes.unwrap_or(0);
        let span = format!("{}–{}", hhmm(from, l), hhmm(until, l));
        time = if time.is_empty() { span } else { format!("{span} · {time}") };
    }
    let tw = font::metrics(Weight::Bold).width(&time, 11.0);
    flow.page.text(flow.left + flow.width - tw, flow.y + 12.0, 11.0, Weight::Bold, MUTED, &time);
    flow.width -= tw + 16.0;
    flow.paragraph(&format!("{n}. {}", item.title), 12.0, Weight::Bold, INK, 0.0);
    flow.width += tw + 16.0;
    if !item.instructions.trim().is_empty() {
        flow.paragraph(item.instructions.trim(), 10.0, Weight::Regular, INK, 16.0);
    }
    if let Some(b) = board {
        flow.paragraph(&format!("{}: {b}", l.t("sessions.agenda.board")), 9.0, Weight::Regular, MUTED, 16.0);
    }
    writing_lines(flow, ITEM_LINES);
}

/// Ruled lines to write on, across the column.
fn writing_lines(flow: &mut Flow<'_>, n: usize) {
    for _ in 0..n {
        flow.need(WRITING_LINE);
        flow.y += WRITING_LINE;
        flow.page.line((flow.left + 16.0, flow.y), (flow.left + flow.width, flow.y), RULE, 0.6);
    }
    flow.space(4.0);
}

/// Minutes after midnight of a session's `…THH:MM` start, when it has one.
fn clock(at: &str) -> Option<u32> {
    let (_, time) = at.split_once('T')?;
    let (h, m) = time.split_once(':')?;
    Some(h.parse::<u32>().ok()? * 60 + m.get(..2).unwrap_or(m).parse::<u32>().ok()?)
}

/// A clock time as the workshop's language writes it ("9.05" in Finnish and Swedish, "09:05").
fn hhmm(minutes: u32, l: &Labels) -> String {
    let (h, m) = ((minutes / 60) % 24, minutes % 60);
    match l.language {
        polku_core::Language::Fi | polku_core::Language::Sv => format!("{h}.{m:02}"),
        polku_core::Language::En => format!("{h:02}:{m:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_times_follow_the_language() {
        assert_eq!(clock("2025-03-18T09:05"), Some(545));
        assert_eq!(clock("2025-03-18"), None);
        assert_eq!(hhmm(545 + 90, &Labels::new(polku_core::Language::Fi)), "10.35");
        assert_eq!(hhmm(545, &Labels::new(polku_core::Language::En)), "09:05");
    }
}
