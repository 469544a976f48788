//! The `.xlsx` workbook: the note table, every walkthrough's records and the per-touchpoint
//! summary, each on a sheet of its own with a frozen, filterable header. Numbers (counts, the
//! emotion, the mood) are real numbers, so Excel's own locale shows the decimal mark.

use polku_core::order::sort_by_position;
use polku_core::{NoteKind, Sentiment, Workshop};
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use crate::labels::Labels;
use crate::pdf::poster::text_with_persona;
use crate::table::note_rows;
use crate::ExportError;

/// Excel's limit for a sheet name.
const SHEET_NAME_MAX: usize = 31;

enum Cell {
    Text(String),
    Number(f64),
    Empty,
}

pub fn write(w: &Workshop) -> Result<Vec<u8>, ExportError> {
    build(w).map_err(|e| ExportError::Writer("xlsx", e.to_string()))
}

fn sheet_name(name: String) -> String {
    // Excel refuses these characters in sheet names.
    name.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(SHEET_NAME_MAX).collect()
}

fn fill(sheet: &mut Worksheet, header: &[String], rows: &[Vec<Cell>], widths: &[f64]) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    for (c, h) in header.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, h, &bold)?;
        sheet.set_column_width(c as u16, widths.get(c).copied().unwrap_or(14.0))?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            match cell {
                Cell::Text(s) => sheet.write_string_with_format(r, c as u16, s, &wrap).map(|_| ())?,
                Cell::Number(v) => sheet.write_number(r, c as u16, *v).map(|_| ())?,
                Cell::Empty => {}
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    if !header.is_empty() {
        sheet.autofilter(0, 0, rows.len() as u32, header.len() as u16 - 1)?;
    }
    Ok(())
}

fn text(s: impl Into<String>) -> Cell {
    let s = s.into();
    if s.is_empty() { Cell::Empty } else { Cell::Text(s) }
}

fn build(w: &Workshop) -> Result<Vec<u8>, XlsxError> {
    let l = Labels::new(w.language);
    let mut book = Workbook::new();
    book.set_properties(&rust_xlsxwriter::DocProperties::new().set_title(&w.title).set_author("Polku"));

    let (header, rows) = note_rows(w);
    let rows: Vec<Vec<Cell>> = rows.into_iter().map(|r| r.into_iter().map(text).collect()).collect();
    let notes = book.add_worksheet().set_name(sheet_name(l.t("pdf.sheet.notes")))?;
    fill(notes, &header, &rows, &[18.0, 18.0, 14.0, 20.0, 16.0, 12.0, 12.0, 60.0, 14.0, 8.0, 17.0, 16.0, 30.0])?;

    let header: Vec<String> = ["persona", "board", "walked", "touchpoint", "emotion", "emotion_word", "happens", "barriers", "ideas", "skipped"]
        .iter()
        .map(|k| l.t(&format!("pdf.sheet.walk.{k}")))
        .collect();
    let mut rows = Vec::new();
    for walk in &w.walkthroughs {
        let (Some(board), Some(p)) = (w.boards.iter().find(|b| b.id == walk.board_id), w.personas.iter().find(|p| p.id == walk.persona_id)) else {
            continue;
        };
        let mut tps = board.touchpoints.clone();
        sort_by_position(&mut tps);
        for tp in &tps {
            let Some(s) = w.walk_steps.iter().find(|s| s.walkthrough_id == walk.id && s.touchpoint_id == tp.id) else { continue };
            rows.push(vec![
                text(p.fields.name.clone()),
                text(board.title.clone()),
                text(l.date(walk.created_at)),
                text(tp.label.clone()),
                s.record.emotion.map_or(Cell::Empty, |e| Cell::Number(f64::from(e))),
                text(s.record.emotion.map(|e| crate::pdf::emotion_word(e, &l)).unwrap_or_default()),
                text(s.record.happens.clone()),
                text(s.record.barriers.clone()),
                text(s.record.ideas.clone()),
                text(if s.record.skipped { l.t("walk.outline.skipped") } else { String::new() }),
            ]);
        }
    }
    let walks = book.add_worksheet().set_name(sheet_name(l.t("pdf.sheet.walks")))?;
    fill(walks, &header, &rows, &[16.0, 18.0, 12.0, 20.0, 9.0, 12.0, 40.0, 40.0, 40.0, 16.0])?;

    let header: Vec<String> = ["board", "touchpoint", "phase", "negative", "neutral", "positive", "mood", "ideas", "questions", "pain_points"]
        .iter()
        .map(|k| l.t(&format!("pdf.sheet.summary.{k}")))
        .collect();
    let mut rows = Vec::new();
    for board in &w.boards {
        let mut tps = board.touchpoints.clone();
        sort_by_position(&mut tps);
        for tp in &tps {
            let here: Vec<_> = board.notes.iter().filter(|n| n.touchpoint_id == Some(tp.id)).collect();
            let kind = |k: NoteKind| here.iter().filter(|n| n.kind == k).count() as f64;
            let [neg, neu, pos] = crate::pdf::counts(&board.notes, tp).map(|c| c as f64);
            let total = neg + neu + pos;
            let pains: Vec<String> = here
                .iter()
                .filter(|n| n.kind == NoteKind::Observation && n.sentiment == Some(Sentiment::Negative))
                .map(|n| text_with_persona(w, n))
                .collect();
            rows.push(vec![
                text(board.title.clone()),
                text(tp.label.clone()),
                text(tp.phase_id.and_then(|id| board.phases.iter().find(|p| p.id == id)).map(|p| p.label.clone()).unwrap_or_default()),
                Cell::Number(neg),
                Cell::Number(neu),
                Cell::Number(pos),
                if total > 0.0 { Cell::Number(((pos - neg) / total * 100.0).round() / 100.0) } else { Cell::Empty },
                Cell::Number(kind(NoteKind::Idea)),
                Cell::Number(kind(NoteKind::Question)),
                text(pains.join("\n")),
            ]);
        }
    }
    let summary = book.add_worksheet().set_name(sheet_name(l.t("pdf.summary.title")))?;
    fill(summary, &header, &rows, &[18.0, 22.0, 14.0, 10.0, 10.0, 10.0, 8.0, 8.0, 10.0, 60.0])?;
    book.save_to_buffer()
}
