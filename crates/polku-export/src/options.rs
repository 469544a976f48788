//! What the person exporting chooses. Shared by the CLI, the export dialog (through the generated
//! TypeScript types) and the renderers.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The longest facilitator name the cover takes.
pub const MAX_FACILITATOR_CHARS: usize = 120;
/// More participants than any room holds is a typing slip.
pub const MAX_PARTICIPANTS: u32 = 10_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Paper {
    #[default]
    A4,
    A3,
}

impl Paper {
    /// Width and height in points, portrait.
    pub fn portrait_pt(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.276, 841.89),
            Paper::A3 => (841.89, 1190.551),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Orientation {
    #[default]
    Landscape,
    Portrait,
}

/// How a board poster meets the paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PosterFit {
    /// The whole board on one page, scaled down as far as it needs.
    #[default]
    Fit,
    /// At a readable size across as many pages as it takes, to tape together.
    Tile,
}

/// Which parts the PDF has, in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct PdfContents {
    pub cover: bool,
    pub boards: bool,
    pub personas: bool,
    pub walkthroughs: bool,
    pub summary: bool,
}

impl Default for PdfContents {
    fn default() -> Self {
        PdfContents { cover: true, boards: true, personas: true, walkthroughs: true, summary: true }
    }
}

impl PdfContents {
    pub fn any(&self) -> bool {
        self.cover || self.boards || self.personas || self.walkthroughs || self.summary
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct PdfOptions {
    pub paper: Paper,
    pub orientation: Orientation,
    pub poster: PosterFit,
    pub contents: PdfContents,
    /// For the cover; empty leaves the line out.
    #[serde(default)]
    pub facilitator: String,
    /// How many took part, for the cover; names are never printed (the library keeps none).
    #[serde(default)]
    pub participants: Option<u32>,
}

impl PdfOptions {
    /// Width and height of a page in points.
    pub fn page_pt(&self) -> (f32, f32) {
        let (w, h) = self.paper.portrait_pt();
        match self.orientation {
            Orientation::Portrait => (w, h),
            Orientation::Landscape => (h, w),
        }
    }

    /// Why these options cannot make a PDF, naming the field.
    pub fn check(&self) -> Result<(), (&'static str, String)> {
        if !self.contents.any() {
            return Err(("contents", "choose at least one part to export".into()));
        }
        if self.facilitator.chars().count() > MAX_FACILITATOR_CHARS {
            return Err(("facilitator", format!("the facilitator's name is over {MAX_FACILITATOR_CHARS} characters")));
        }
        if self.facilitator.chars().any(|c| c.is_control()) {
            return Err(("facilitator", "the facilitator's name has a control character".into()));
        }
        if self.participants.is_some_and(|n| n > MAX_PARTICIPANTS) {
            return Err(("participants", format!("over {MAX_PARTICIPANTS} participants")));
        }
        Ok(())
    }
}

/// What a blank handout prints: one board's structure with nothing on it, or one session's
/// agenda with room to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum HandoutOf {
    Board { board_id: polku_core::Id },
    Session { session_id: polku_core::Id },
}

/// A printable blank for groups that work on paper first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct HandoutOptions {
    pub of: HandoutOf,
    pub paper: Paper,
    /// None: what suits the handout, landscape for a board and portrait for an agenda. A journey
    /// canvas is always A3 landscape, as its paper original.
    #[serde(default)]
    pub orientation: Option<Orientation>,
}

impl HandoutOptions {
    /// Width and height of a page in points.
    pub fn page_pt(&self) -> (f32, f32) {
        let natural = match self.of {
            HandoutOf::Board { .. } => Orientation::Landscape,
            HandoutOf::Session { .. } => Orientation::Portrait,
        };
        PdfOptions { paper: self.paper, orientation: self.orientation.unwrap_or(natural), ..PdfOptions::default() }.page_pt()
    }
}
