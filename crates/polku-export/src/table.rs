//! The note table: one row per note, for Excel and friends. Finnish and Swedish Excel expect `;`
//! between fields (the comma is their decimal mark); English Excel expects `,`. UTF-8 with a BOM,
//! or Excel guesses the encoding and breaks ä, ö and å.

use polku_core::order::sort_by_position;
use polku_core::{Board, Language, Note, NoteKind, Workshop};

use crate::labels::Labels;
use crate::ExportError;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The header keys, in column order. Columns added later go at the end, so a spreadsheet built on
/// an earlier table keeps reading the same columns.
pub const COLUMNS: [&str; 14] =
    ["workshop", "board", "phase", "touchpoint", "lane", "sentiment", "kind", "text", "persona", "votes", "created", "board_kind", "session", "author"];

/// The field separator readers of `language` expect.
pub fn separator(language: Language) -> u8 {
    match language {
        Language::Fi | Language::Sv => b';',
        Language::En => b',',
    }
}

/// Every note of the workshop as table cells, boards in order, notes in reading order. The place
/// columns name what the board's kind calls them: a phase or a canvas period, a touchpoint, a
/// canvas box or a table's column, a lane or a table's row.
pub fn note_rows(w: &Workshop) -> (Vec<String>, Vec<Vec<String>>) {
    let l = Labels::new(w.language);
    let header = COLUMNS.iter().map(|c| l.t(&format!("pdf.table.{c}"))).collect();
    let mut boards: Vec<&Board> = w.boards.iter().collect();
    boards.sort_by(polku_core::order::by_position);
    let mut rows = Vec::new();
    for board in boards {
        let mut tps = board.touchpoints.clone();
        sort_by_position(&mut tps);
        // Reading order: along the path, or a canvas's boxes period by period (layout::places).
        let places = board.places();
        let tp_index = |n: &Note| n.touchpoint_id.and_then(|id| places.iter().position(|p| p.id == id)).unwrap_or(usize::MAX);
        let mut notes: Vec<&Note> = board.notes.iter().collect();
        notes.sort_by(|a, b| tp_index(a).cmp(&tp_index(b)).then(a.created_at.cmp(&b.created_at)).then(a.id.cmp(&b.id)));
        for n in notes {
            let tp = n.touchpoint_id.and_then(|id| tps.iter().find(|t| t.id == id));
            let phase = tp.and_then(|t| t.phase_id).and_then(|id| board.phases.iter().find(|p| p.id == id));
            let lane = n.lane_id.and_then(|id| board.lanes.iter().find(|x| x.id == id));
            let persona = n.persona_id.and_then(|id| w.personas.iter().find(|p| p.id == id));
            // "3. Title": the meeting by its number in the programme, as the report's cover lists it.
            let session = n.session_id.and_then(|id| w.sessions.iter().position(|s| s.id == id).map(|i| (i, &w.sessions[i])));
            let kind = match n.kind {
                NoteKind::Observation => "pdf.kind.observation",
                NoteKind::Idea => "pdf.kind.idea",
                NoteKind::Question => "pdf.kind.question",
            };
            rows.push(vec![
                w.title.clone(),
                board.title.clone(),
                phase.map(|p| p.label.clone()).unwrap_or_default(),
                tp.map(|t| t.label.clone()).unwrap_or_default(),
                lane.map(|x| x.label.clone()).unwrap_or_default(),
                n.sentiment.map(|s| l.sentiment(s)).unwrap_or_default(),
                l.t(kind),
                n.text.clone(),
                persona.map(|p| p.fields.name.clone()).unwrap_or_default(),
                votes_of(w, n.id).map(|c| c.to_string()).unwrap_or_default(),
                timestamp(n.created_at),
                l.t(&format!("board.kind.{}", board.kind.as_str())),
                session.map(|(i, s)| format!("{}. {}", i + 1, s.fields.title)).unwrap_or_default(),
                // Empty unless the facilitator chose to keep nicknames with the notes.
                n.author.clone().unwrap_or_default(),
            ]);
        }
    }
    (header, rows)
}

/// A note's dots in the latest ended vote it was on; None when no ended vote had it (an open
/// vote's counts are not final, and may be hidden).
pub(crate) fn votes_of(w: &Workshop, note: polku_core::Id) -> Option<u32> {
    w.votes.iter().filter(|v| !v.is_open() && v.fields.targets.contains(&note)).max_by_key(|v| v.fields.ended_at).map(|v| v.count_of(note))
}

/// The local-free moment a note was made, as Excel reads a date and time: `2026-11-18 11:06`.
fn timestamp(ms: polku_core::Millis) -> String {
    let t = crate::utc(ms);
    format!("{:04}-{:02}-{:02} {:02}:{:02}", t.year(), u8::from(t.month()), t.day(), t.hour(), t.minute())
}

/// The CSV file.
pub fn csv(w: &Workshop) -> Vec<u8> {
    let (header, rows) = note_rows(w);
    let mut out = csv::WriterBuilder::new().delimiter(separator(w.language)).from_writer(BOM.to_vec());
    // Writing into memory cannot fail.
    let _ = out.write_record(header.iter().map(|c| neutralised(c).into_owned()));
    for r in &rows {
        let _ = out.write_record(r.iter().map(|c| neutralised(c).into_owned()));
    }
    out.into_inner().unwrap_or_default()
}

/// A cell as it is safe to hand to a spreadsheet: one that Excel or LibreOffice would read as a
/// formula when the CSV is opened (it starts with `=`, `+`, `-`, `@`, a tab or a carriage return:
/// "CSV injection") gets a leading apostrophe, so `=HYPERLINK(…)` is shown as the words a
/// participant typed and never runs; every other cell is left as it is.
pub fn neutralised(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

/// The Excel workbook: notes, walkthroughs and the summary on three sheets.
pub fn xlsx(w: &Workshop) -> Result<Vec<u8>, ExportError> {
    crate::workbook::write(w)
}
