//! Copying one library into another: the laptop's into a team server (`polku migrate`), or back.
//! Each workshop goes whole, with its ids, in one transaction, so a second run finds it there and
//! adds nothing twice; the library's own templates likewise. Workshops in Recently deleted stay
//! behind (their keeping time is the laptop's), as does the undo history: it belongs to the
//! windows and tabs that made it, which will not be there.

use polku_core::{Id, Millis};

use crate::{Library, StoreError};

/// What a copy did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Copied {
    /// Workshops copied, and their notes.
    pub workshops: Vec<Id>,
    pub notes: i64,
    /// Workshops already in the target (copied before, or the same workshop by another way).
    pub already: usize,
    pub templates: usize,
    pub templates_already: usize,
}

/// Copies every workshop (not those in Recently deleted) and own template of `from` that `to`
/// does not have yet.
pub fn copy_library(from: &dyn Library, to: &mut dyn Library, now: Millis) -> Result<Copied, StoreError> {
    let mut copied = Copied::default();
    for summary in from.list_workshops()? {
        if to.workshop_exists(summary.id)? {
            copied.already += 1;
            continue;
        }
        let w = from.load_workshop(summary.id)?;
        to.insert_workshop(&w)?;
        copied.workshops.push(w.id);
        copied.notes += summary.notes;
    }
    for t in from.list_templates()? {
        if to.template_exists(&t.id)? {
            copied.templates_already += 1;
            continue;
        }
        to.save_template(&t, now)?;
        copied.templates += 1;
    }
    Ok(copied)
}
