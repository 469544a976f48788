//! The core's view of one workshop, read from inside the write transaction. Every read is scoped
//! to the workshop (`Stored::IN_WORKSHOP`), so an op cannot reach into another workshop by naming
//! a foreign id.

use polku_core::{BoardInfo, DocRead, Language, Session, Id, Lane, Note, NoteFilter, Persona, Phase, StepFilter, Touchpoint, WalkStep, Walkthrough};
use polku_core::template::{built_in, Template};
use crate::db::{vals, Db};
use crate::records::{self, Stored};
use crate::templates;

pub(crate) struct TxDoc<'a> {
    pub db: &'a dyn Db,
    pub workshop: Id,
}

// A failed read here is a broken database, not a user error; the op is then refused as
// "not found" and the write transaction that follows reports the real failure.
impl TxDoc<'_> {
    fn one<R: Stored>(&self, id: Id) -> Option<R> {
        records::one(self.db, self.workshop, id).ok().flatten()
    }

    fn picked<R: Stored>(&self, column: &str, key: Option<Id>) -> Vec<R> {
        records::picked(self.db, self.workshop, column, key).unwrap_or_default()
    }
}

impl DocRead for TxDoc<'_> {
    /// A built-in template, or one of the library's own.
    fn template(&self, id: &str) -> Option<Template> {
        built_in(id).or_else(|| templates::read(self.db, id).ok().flatten())
    }
    fn language(&self) -> Language {
        self.db.one("SELECT language FROM workshop WHERE id = ?1", vals![self.workshop], |r| r.language(0)).ok().flatten().unwrap_or(Language::En)
    }
    fn board_info(&self, id: Id) -> Option<BoardInfo> {
        self.one(id)
    }
    fn boards(&self) -> Vec<BoardInfo> {
        records::all(self.db, self.workshop).unwrap_or_default()
    }
    fn session(&self, id: Id) -> Option<Session> {
        self.one(id)
    }
    fn sessions(&self) -> Vec<Session> {
        records::all(self.db, self.workshop).unwrap_or_default()
    }
    fn vote(&self, id: Id) -> Option<polku_core::Vote> {
        self.one(id)
    }
    fn votes(&self) -> Vec<polku_core::Vote> {
        records::all(self.db, self.workshop).unwrap_or_default()
    }
    fn walkthroughs_on(&self, board: Id) -> Vec<Walkthrough> {
        self.picked("board_id", Some(board))
    }
    fn note(&self, id: Id) -> Option<Note> {
        self.one(id)
    }
    fn touchpoint(&self, id: Id) -> Option<Touchpoint> {
        self.one(id)
    }
    fn lane(&self, id: Id) -> Option<Lane> {
        self.one(id)
    }
    fn phase(&self, id: Id) -> Option<Phase> {
        self.one(id)
    }
    fn persona(&self, id: Id) -> Option<Persona> {
        self.one(id)
    }
    fn walkthrough(&self, id: Id) -> Option<Walkthrough> {
        self.one(id)
    }
    fn walk_step(&self, id: Id) -> Option<WalkStep> {
        self.one(id)
    }
    fn touchpoints(&self, board: Id) -> Vec<Touchpoint> {
        self.picked("board_id", Some(board))
    }
    fn lanes(&self, board: Id) -> Vec<Lane> {
        self.picked("board_id", Some(board))
    }
    fn phases(&self, board: Id) -> Vec<Phase> {
        self.picked("board_id", Some(board))
    }
    fn notes_in(&self, board: Id, filter: NoteFilter) -> Vec<Note> {
        let (column, key) = match filter {
            NoteFilter::All => ("board_id", Some(board)),
            NoteFilter::Touchpoint(t) => ("touchpoint_id", Some(t)),
            NoteFilter::Lane(l) => ("lane_id", Some(l)),
            NoteFilter::NoLane => ("lane_id", None),
        };
        records::picked_on(self.db, self.workshop, board, column, key).unwrap_or_default()
    }
    fn walkthroughs_of(&self, persona: Id) -> Vec<Walkthrough> {
        self.picked("persona_id", Some(persona))
    }
    fn walkthroughs_at(&self, touchpoint: Id) -> Vec<Walkthrough> {
        self.picked("at_touchpoint_id", Some(touchpoint))
    }
    fn walk_steps(&self, filter: StepFilter) -> Vec<WalkStep> {
        match filter {
            StepFilter::Walkthrough(w) => self.picked("walkthrough_id", Some(w)),
            StepFilter::Touchpoint(t) => self.picked("touchpoint_id", Some(t)),
        }
    }
    fn session_notes(&self, session: Id) -> Vec<Note> {
        self.picked("session_id", Some(session))
    }
    fn persona_notes(&self, persona: Id) -> Vec<Note> {
        self.picked("persona_id", Some(persona))
    }
}
