use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Id, Millis, Persona, Session, WalkStep, Walkthrough};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Sentiment {
    Negative,
    Neutral,
    Positive,
}

impl Sentiment {
    pub const ALL: [Sentiment; 3] = [Sentiment::Negative, Sentiment::Neutral, Sentiment::Positive];

    pub fn as_str(self) -> &'static str {
        match self {
            Sentiment::Negative => "negative",
            Sentiment::Neutral => "neutral",
            Sentiment::Positive => "positive",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// What a note is: an observation (with a sentiment: the red, yellow and green notes), an idea
/// (blue) or a question (purple). Only observations count in the touchpoint counts and mood line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    Observation,
    Idea,
    Question,
}

impl NoteKind {
    pub const ALL: [NoteKind; 3] = [NoteKind::Observation, NoteKind::Idea, NoteKind::Question];

    pub fn as_str(self) -> &'static str {
        match self {
            NoteKind::Observation => "observation",
            NoteKind::Idea => "idea",
            NoteKind::Question => "question",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// What a board is for, which decides what it is made of. An exhaustive match on this is how
/// planning, the screen and the PDF learn about a new kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BoardKind {
    /// Touchpoints along a path, grouped in phases, with lanes across.
    ServicePath,
    /// Stickdorn & Schneider's customer journey canvas: periods (phases) left to right; the
    /// periods before and after the service hold named boxes stacked top-down, the service
    /// period a row of journey touchpoints; a band of expectations → experiences → satisfaction
    /// under them. No lanes.
    JourneyCanvas,
    /// A service blueprint: the journey's steps as columns, its rows as lanes, with the lines of
    /// interaction, visibility and internal interaction drawn (and named) above rows.
    Blueprint,
    /// A table of columns and rows (digital services in use, channel analysis …).
    Grid,
}

impl BoardKind {
    pub const ALL: [BoardKind; 4] = [BoardKind::ServicePath, BoardKind::JourneyCanvas, BoardKind::Blueprint, BoardKind::Grid];

    pub fn as_str(self) -> &'static str {
        match self {
            BoardKind::ServicePath => "service_path",
            BoardKind::JourneyCanvas => "journey_canvas",
            BoardKind::Blueprint => "blueprint",
            BoardKind::Grid => "grid",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }

    /// Whether the touchpoints are stations on a drawn path (with side stations and a walk).
    pub fn has_path(self) -> bool {
        match self {
            BoardKind::ServicePath => true,
            BoardKind::JourneyCanvas | BoardKind::Blueprint | BoardKind::Grid => false,
        }
    }

    /// Whether the board has rows (lanes) across its columns.
    pub fn has_lanes(self) -> bool {
        match self {
            BoardKind::ServicePath | BoardKind::Blueprint | BoardKind::Grid => true,
            BoardKind::JourneyCanvas => false,
        }
    }

    /// Whether a phase may hold boxes stacked top-down instead of a row of columns.
    pub fn has_boxes(self) -> bool {
        match self {
            BoardKind::JourneyCanvas => true,
            BoardKind::ServicePath | BoardKind::Blueprint | BoardKind::Grid => false,
        }
    }
}

/// The language a workshop's own content (template labels, exports) is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    Fi,
    En,
    Sv,
}

impl Language {
    pub const ALL: [Language; 3] = [Language::Fi, Language::En, Language::Sv];

    pub fn as_str(self) -> &'static str {
        match self {
            Language::Fi => "fi",
            Language::En => "en",
            Language::Sv => "sv",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Workshop {
    pub id: Id,
    pub title: String,
    pub language: Language,
    #[ts(type = "number")]
    pub created_at: Millis,
    #[ts(type = "number")]
    pub updated_at: Millis,
    pub boards: Vec<Board>,
    /// The meetings of the programme, in order (position, then id).
    pub sessions: Vec<Session>,
    /// Sorted by id, as are walkthroughs.
    pub personas: Vec<Persona>,
    pub walkthroughs: Vec<Walkthrough>,
    pub walk_steps: Vec<WalkStep>,
    /// Dot votes, sorted by id.
    #[serde(default)]
    pub votes: Vec<crate::Vote>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct WorkshopSummary {
    pub id: Id,
    pub title: String,
    pub language: Language,
    #[ts(type = "number")]
    pub created_at: Millis,
    #[ts(type = "number")]
    pub updated_at: Millis,
    /// How many notes the workshop holds, over all its boards.
    #[ts(type = "number")]
    pub notes: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Board {
    pub id: Id,
    pub kind: BoardKind,
    pub title: String,
    #[ts(type = "number")]
    pub position: i64,
    #[ts(type = "number")]
    pub version: i64,
    /// Covered, written on privately (`writing.rs`).
    #[serde(default)]
    pub live: crate::BoardLive,
    /// Sorted by position, as are touchpoints and lanes.
    pub phases: Vec<Phase>,
    pub touchpoints: Vec<Touchpoint>,
    pub lanes: Vec<Lane>,
    /// Sorted by id, so a snapshot has one canonical form.
    pub notes: Vec<Note>,
}

/// A board's own fields, without what is on it: what a change to a board carries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct BoardInfo {
    pub id: Id,
    pub kind: BoardKind,
    pub title: String,
    #[ts(type = "number")]
    pub position: i64,
    #[ts(type = "number")]
    pub version: i64,
    #[serde(default)]
    pub live: crate::BoardLive,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Touchpoint {
    pub id: Id,
    pub board_id: Id,
    #[ts(type = "number")]
    pub position: i64,
    pub label: String,
    /// What happens here, in a sentence or two; may be empty.
    pub description: String,
    pub phase_id: Option<Id>,
    /// A station off the main line (a pause that can come between any two stations): drawn
    /// beside the path, and a walk may visit or skip it.
    pub side_station: bool,
    /// The label its template gave it, for "back to the original labels"; empty when a person
    /// made it.
    pub original_label: String,
    #[ts(type = "number")]
    pub version: i64,
}

/// A named group of touchpoints ("before / during / after the service"); drawn as a band over
/// each run of its touchpoints, or on a canvas as a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    pub id: Id,
    pub board_id: Id,
    #[ts(type = "number")]
    pub position: i64,
    pub label: String,
    /// Its touchpoints are boxes stacked top-down (a canvas period before or after the service).
    pub stacked: bool,
    /// A line drawn under the period (on a canvas: expectations, experiences, satisfaction).
    pub caption: String,
    pub original_label: String,
    pub original_caption: String,
    #[ts(type = "number")]
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Lane {
    pub id: Id,
    pub board_id: Id,
    #[ts(type = "number")]
    pub position: i64,
    pub label: String,
    /// Board units; the lanes stack from `layout::LANES_TOP` down in position order.
    pub height: f64,
    /// The name of a line drawn above this row (a blueprint's line of visibility); empty for none.
    pub line_above: String,
    pub original_label: String,
    pub original_line: String,
    #[ts(type = "number")]
    pub version: i64,
}

/// Where a note is: with a touchpoint, `x` is measured from the middle of that touchpoint's
/// place (`layout::places`), and when the place is a box, `y` from the box's top; with a lane, `y`
/// from that lane's top. Without them, they are board units. So reordering touchpoints or lanes moves no note: notes follow their cell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub id: Id,
    pub board_id: Id,
    pub touchpoint_id: Option<Id>,
    pub lane_id: Option<Id>,
    pub persona_id: Option<Id>,
    /// The session (meeting) in which it was written, when there was one.
    pub session_id: Option<Id>,
    pub kind: NoteKind,
    /// Set for observations, absent for ideas and questions.
    pub sentiment: Option<Sentiment>,
    pub text: String,
    pub x: f64,
    pub y: f64,
    /// Written during private writing and not yet revealed: only its author's screen shows it.
    #[serde(default)]
    pub face_down: bool,
    /// The nickname of the participant who wrote it, kept only when the facilitator chose to show
    /// nicknames in exports; never otherwise (notes are anonymous by default).
    #[serde(default)]
    pub author: Option<String>,
    /// Grows by one with every change, so clients can drop stale copies.
    #[ts(type = "number")]
    pub version: i64,
    #[ts(type = "number")]
    pub created_at: Millis,
    #[ts(type = "number")]
    pub updated_at: Millis,
}

impl Board {
    pub fn info(&self) -> BoardInfo {
        BoardInfo { id: self.id, kind: self.kind, title: self.title.clone(), position: self.position, version: self.version, live: self.live.clone() }
    }

    /// An empty board with these fields.
    pub fn from_info(info: &BoardInfo) -> Board {
        Board {
            id: info.id,
            kind: info.kind,
            title: info.title.clone(),
            position: info.position,
            version: info.version,
            live: info.live.clone(),
            phases: Vec::new(),
            touchpoints: Vec::new(),
            lanes: Vec::new(),
            notes: Vec::new(),
        }
    }
}

impl Workshop {
    pub fn board(&self, id: Id) -> Option<&Board> {
        self.boards.iter().find(|b| b.id == id)
    }

    pub fn notes(&self) -> impl Iterator<Item = &Note> {
        self.boards.iter().flat_map(|b| b.notes.iter())
    }

    pub fn summary(&self) -> WorkshopSummary {
        WorkshopSummary {
            id: self.id,
            title: self.title.clone(),
            language: self.language,
            created_at: self.created_at,
            updated_at: self.updated_at,
            notes: self.notes().count() as i64,
        }
    }
}
