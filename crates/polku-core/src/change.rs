use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Id, Lane, Note, Phase, Touchpoint};

/// What one op did to one entity: its whole value before and after (None = did not exist).
/// Clients apply `after`; undo and redo are derived from the pair.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "entity", rename_all = "snake_case", deny_unknown_fields)]
pub enum Change {
    Note { id: Id, before: Option<Note>, after: Option<Note> },
    Touchpoint { id: Id, before: Option<Touchpoint>, after: Option<Touchpoint> },
    Lane { id: Id, before: Option<Lane>, after: Option<Lane> },
    Phase { id: Id, before: Option<Phase>, after: Option<Phase> },
}

impl Change {
    pub fn id(&self) -> Id {
        match self {
            Change::Note { id, .. } | Change::Touchpoint { id, .. } | Change::Lane { id, .. } | Change::Phase { id, .. } => *id,
        }
    }
}
