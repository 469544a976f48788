//! A board's labels as its template gave them: a facilitator renames periods, boxes, columns,
//! rows and lines freely (the seed group adapted the canvas to social work), and "back to the
//! original labels" puts the template's words back. The originals are kept on each record, so a
//! board copied or imported keeps them too.

use crate::plan::DocRead;
use crate::{Change, Lane, Op, OpError, Phase, Touchpoint};

pub(crate) fn plan(op: &Op, doc: &dyn DocRead) -> Result<Vec<Change>, OpError> {
    let Op::ResetLabels { board_id } = op else {
        return Err(OpError::invalid("type", "is not a label op"));
    };
    if !doc.board_exists(*board_id) {
        return Err(OpError::NotFound { entity: "board", id: *board_id });
    }
    let mut changes = Vec::new();
    for p in doc.phases(*board_id) {
        let (label, caption) = (original(&p.original_label, &p.label), original(&p.original_caption, &p.caption));
        if label != p.label || caption != p.caption {
            let after = Phase { label, caption, version: p.version + 1, ..p.clone() };
            changes.push(Change::Phase { id: p.id, before: Some(p), after: Some(after) });
        }
    }
    for t in doc.touchpoints(*board_id) {
        let label = original(&t.original_label, &t.label);
        if label != t.label {
            let after = Touchpoint { label, version: t.version + 1, ..t.clone() };
            changes.push(Change::Touchpoint { id: t.id, before: Some(t), after: Some(after) });
        }
    }
    for l in doc.lanes(*board_id) {
        let (label, line_above) = (original(&l.original_label, &l.label), original(&l.original_line, &l.line_above));
        if label != l.label || line_above != l.line_above {
            let after = Lane { label, line_above, version: l.version + 1, ..l.clone() };
            changes.push(Change::Lane { id: l.id, before: Some(l), after: Some(after) });
        }
    }
    if changes.is_empty() {
        return Err(OpError::invalid("board", "already has its original labels"));
    }
    Ok(changes)
}

/// The template's word when there is one; a label a person made stays as it is.
fn original(original: &str, now: &str) -> String {
    if original.is_empty() { now } else { original }.to_string()
}

