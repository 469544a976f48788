use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Id, Lane, Note, Persona, Phase, Touchpoint, WalkStep, Walkthrough};

/// What one op did to one entity: its whole value before and after (None = did not exist).
/// Clients apply `after`; undo and redo are derived from the pair.
// A persona is a few hundred bytes bigger than a note; changes live briefly in short lists, so
// boxing every variant for that would only make each match noisier.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "entity", rename_all = "snake_case", deny_unknown_fields)]
pub enum Change {
    Note { id: Id, before: Option<Note>, after: Option<Note> },
    Touchpoint { id: Id, before: Option<Touchpoint>, after: Option<Touchpoint> },
    Lane { id: Id, before: Option<Lane>, after: Option<Lane> },
    Phase { id: Id, before: Option<Phase>, after: Option<Phase> },
    Persona { id: Id, before: Option<Persona>, after: Option<Persona> },
    Walkthrough { id: Id, before: Option<Walkthrough>, after: Option<Walkthrough> },
    WalkStep { id: Id, before: Option<WalkStep>, after: Option<WalkStep> },
}

impl Change {
    pub fn id(&self) -> Id {
        match self {
            Change::Note { id, .. }
            | Change::Touchpoint { id, .. }
            | Change::Lane { id, .. }
            | Change::Phase { id, .. }
            | Change::Persona { id, .. }
            | Change::Walkthrough { id, .. }
            | Change::WalkStep { id, .. } => *id,
        }
    }
}
