use crate::OpError;

/// Characters in one note; a note is a few words on a card, this leaves room for a paragraph.
pub const MAX_NOTE_TEXT: usize = 2_000;
/// Ops in one batch. A thousand moves are ~120 KB of JSON, inside the HTTP body limit (256 KiB);
/// a client acting on a bigger selection sends several batches.
pub const MAX_BATCH_OPS: usize = 1_000;
/// Characters in a workshop (or board) title.
pub const MAX_TITLE: usize = 200;
/// Characters in a touchpoint, lane or phase label.
pub const MAX_LABEL: usize = 200;
/// Characters in a touchpoint's description.
pub const MAX_DESCRIPTION: usize = 2_000;
/// Board units either way from the origin: far beyond any real board, near enough to stay exact.
pub const MAX_COORD: f64 = 1_000_000.0;

pub(crate) fn note_text(text: &str) -> Result<(), OpError> {
    text_field("text", text, MAX_NOTE_TEXT, true)
}

pub(crate) fn label(field: &'static str, text: &str) -> Result<(), OpError> {
    text_field(field, text, MAX_LABEL, false)
}

/// A short line that may be empty (a period's caption, a named line above a row), else a label.
pub(crate) fn caption(field: &'static str, text: &str) -> Result<(), OpError> {
    if text.is_empty() {
        return Ok(());
    }
    label(field, text)
}

/// A longer text of a persona or a walk step: may be empty, else like a note's text.
pub(crate) fn long_text(field: &'static str, text: &str) -> Result<(), OpError> {
    if text.is_empty() {
        return Ok(());
    }
    text_field(field, text, MAX_NOTE_TEXT, true)
}

/// A description may be empty; when it is not, the note rules apply.
pub(crate) fn description(text: &str) -> Result<(), OpError> {
    if text.is_empty() {
        return Ok(());
    }
    text_field("description", text, MAX_DESCRIPTION, true)
}

pub fn validate_title(title: &str) -> Result<(), OpError> {
    text_field("title", title, MAX_TITLE, false)
}

fn text_field(field: &'static str, text: &str, max: usize, multiline: bool) -> Result<(), OpError> {
    if text.trim().is_empty() {
        return Err(OpError::invalid(field, "is empty"));
    }
    let len = text.chars().count();
    if len > max {
        return Err(OpError::invalid(field, format!("is {len} characters, at most {max} fit")));
    }
    // Control characters have no business on a sticky note and can upset exports and terminals.
    let allowed = |c: char| multiline && (c == '\n' || c == '\t');
    if let Some(c) = text.chars().find(|&c| c.is_control() && !allowed(c)) {
        return Err(OpError::invalid(field, format!("contains the control character U+{:04X}", c as u32)));
    }
    Ok(())
}

/// A client id names a browser tab or a desktop window; it keys undo history, nothing more.
pub fn validate_client_id(id: &str) -> Result<(), OpError> {
    let ok = (1..=64).contains(&id.len()) && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if ok {
        Ok(())
    } else {
        Err(OpError::invalid("client_id", "must be 1–64 letters, digits, '-' or '_'"))
    }
}

pub(crate) fn coord(field: &'static str, v: f64) -> Result<(), OpError> {
    if !v.is_finite() || v.abs() > MAX_COORD {
        return Err(OpError::invalid(field, format!("must be a number within ±{MAX_COORD}")));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_rules() {
        assert!(note_text("Pelko").is_ok());
        assert!(note_text("rivi\nrivi").is_ok());
        assert!(note_text("   ").is_err());
        assert!(note_text(&"ä".repeat(MAX_NOTE_TEXT)).is_ok());
        assert!(note_text(&"ä".repeat(MAX_NOTE_TEXT + 1)).is_err());
        assert!(note_text("a\u{0}b").is_err());
        assert!(validate_title("kaksi\nriviä").is_err());
    }

    #[test]
    fn coord_rules() {
        assert!(coord("x", 12.5).is_ok());
        assert!(coord("x", f64::NAN).is_err());
        assert!(coord("x", f64::INFINITY).is_err());
        assert!(coord("x", -MAX_COORD - 1.0).is_err());
    }
}
