//! The domain core of Polku: plain data and pure functions, no I/O.
//!
//! Every change to a workshop is an [`Op`]. [`plan`] validates an op against the current state
//! (read through [`DocRead`]) and answers with the [`Change`]s it makes, as before/after values;
//! the store writes those changes in one transaction, and the in-memory [`Workshop`] can
//! [`Workshop::commit`] them too. Undo and redo are derived from recorded changes
//! ([`undo_ops`], [`redo_ops`]), so they re-apply values rather than replaying history.

mod boards;
mod change;
mod error;
mod labels;
pub mod layout;
mod model;
pub mod order;
mod op;
mod overlay;
pub mod own_template;
mod patch;
mod people;
mod persona;
mod plan;
pub mod record;
mod records;
pub mod run;
mod session;
mod sessions;
mod structure;
pub mod template;
mod undo;
mod validate;
mod vote;
mod walkthrough;
mod writing;

pub use boards::MAX_BOARDS;
pub use session::{AgendaItem, Attendance, Session, SessionFields, SessionPatch, MAX_AGENDA_ITEMS, MAX_ATTENDANCE, MAX_ITEM_MINUTES};
pub use sessions::MAX_SESSIONS;
pub use run::{ItemTime, RunStep, SessionRun, Timer};
pub use change::Change;
pub use error::OpError;
pub use model::*;
pub use op::{
    BoardPatch, BoardSource, NewBoard, NewSession, LanePatch, NewLane, NewNote, NewPersona, NewPhase, NewTouchpoint, NewWalkStep, NewWalkthrough, NotePatch, Op,
    PhasePatch, TouchpointPatch, UndoMode,
};
pub use persona::{
    AgeGroup, Avatar, DigitalSkills, Persona, PersonaFields, PersonaPatch, AVATAR_COLOURS, AVATAR_SYMBOLS,
    MAX_LIST_ITEMS,
};
pub use record::{Record, Visit};
pub use plan::{check_note, plan, DocRead, NoteFilter, StepFilter};
pub use structure::{check_lane, check_touchpoint};
pub use undo::{redo_ops, undo_ops, History};
pub use validate::{
    validate_client_id, validate_title, MAX_BATCH_OPS, MAX_COORD, MAX_DESCRIPTION, MAX_LABEL, MAX_NOTE_TEXT, MAX_TITLE,
};
pub use writing::{BoardLive, PrivateWriting};
pub use vote::{check_vote, NewVote, ScreenVoting, Vote, VoteCount, VoteFields, VoteOn, VotePatch, VoteSettings, MAX_DOTS, MAX_VOTES, MAX_VOTE_TARGETS};
pub use walkthrough::{StepRecord, WalkStep, Walkthrough, MAX_EMOTION, MIN_EMOTION};

/// Every entity id: a UUID (v7 when Polku makes it, so ids sort by creation time).
pub type Id = uuid::Uuid;

/// Milliseconds since the Unix epoch; the clock is always passed in, never read here.
pub type Millis = i64;
