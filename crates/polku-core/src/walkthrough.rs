//! Walkthroughs: a persona walked station by station along a board's path. At each station the
//! group records an emotion (−2 … +2), what happens there, barriers and ideas. A walk keeps where
//! its token stands, so it can be resumed; walking again makes a new walkthrough, and the old one
//! stays with the time it was made.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::validate::long_text;
use crate::{Id, Millis, OpError};

pub const MIN_EMOTION: i8 = -2;
pub const MAX_EMOTION: i8 = 2;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Walkthrough {
    pub id: Id,
    pub persona_id: Id,
    pub board_id: Id,
    /// Where the persona's token stands now; null before the walk starts or once its station is gone.
    pub at_touchpoint_id: Option<Id>,
    #[ts(type = "number")]
    pub version: i64,
    #[ts(type = "number")]
    pub created_at: Millis,
    #[ts(type = "number")]
    pub updated_at: Millis,
}

/// What the group recorded for one persona at one station; one per walkthrough and touchpoint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct WalkStep {
    pub id: Id,
    pub walkthrough_id: Id,
    pub touchpoint_id: Id,
    pub record: StepRecord,
    #[ts(type = "number")]
    pub version: i64,
    #[ts(type = "number")]
    pub updated_at: Millis,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct StepRecord {
    /// −2 (very bad) … +2 (very good); null until the group has said.
    pub emotion: Option<i8>,
    /// What happens to the persona here.
    pub happens: String,
    pub barriers: String,
    pub ideas: String,
    /// A side station the persona did not visit on this walk.
    pub skipped: bool,
}

impl StepRecord {
    pub fn check(&self) -> Result<(), OpError> {
        if let Some(e) = self.emotion {
            if !(MIN_EMOTION..=MAX_EMOTION).contains(&e) {
                return Err(OpError::invalid("emotion", format!("must be {MIN_EMOTION}…{MAX_EMOTION}")));
            }
        }
        long_text("happens", &self.happens)?;
        long_text("barriers", &self.barriers)?;
        long_text("ideas", &self.ideas)
    }
}
