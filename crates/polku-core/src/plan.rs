use crate::record::{Record, Visit};
use crate::overlay::Overlay;
use crate::boards;
use crate::labels;
use crate::people;
use crate::sessions;
use crate::structure;
use crate::template::{built_in, Template};
use crate::validate::{coord, note_text, MAX_BATCH_OPS};
use crate::{
    Board, BoardInfo, Language, Session, Change, Id, Lane, Millis, Note, NoteKind, NotePatch, Op, OpError, Persona, Phase, Touchpoint, WalkStep,
    Walkthrough, Workshop,
};

/// Which notes of a board a structural op needs to see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteFilter {
    All,
    Touchpoint(Id),
    Lane(Id),
    NoLane,
}

/// Which walk steps an op needs to see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepFilter {
    Walkthrough(Id),
    Touchpoint(Id),
}

impl StepFilter {
    pub fn matches(self, s: &WalkStep) -> bool {
        match self {
            StepFilter::Walkthrough(w) => s.walkthrough_id == w,
            StepFilter::Touchpoint(t) => s.touchpoint_id == t,
        }
    }
}

impl NoteFilter {
    pub fn matches(self, n: &Note) -> bool {
        match self {
            NoteFilter::All => true,
            NoteFilter::Touchpoint(t) => n.touchpoint_id == Some(t),
            NoteFilter::Lane(l) => n.lane_id == Some(l),
            NoteFilter::NoLane => n.lane_id.is_none(),
        }
    }
}

/// What planning needs to read of a workshop. The store answers from SQLite inside the write
/// transaction; the in-memory [`Workshop`] answers from itself.
pub trait DocRead {
    /// The language the workshop's own content is written in.
    fn language(&self) -> Language;
    fn board_info(&self, id: Id) -> Option<BoardInfo>;
    fn board_exists(&self, id: Id) -> bool {
        self.board_info(id).is_some()
    }
    /// The workshop's boards in order (position, then id).
    fn boards(&self) -> Vec<BoardInfo>;
    fn session(&self, id: Id) -> Option<Session>;
    /// The workshop's sessions in programme order.
    fn sessions(&self) -> Vec<Session>;
    fn vote(&self, id: Id) -> Option<crate::Vote>;
    /// The workshop's votes, by id.
    fn votes(&self) -> Vec<crate::Vote>;
    fn note(&self, id: Id) -> Option<Note>;
    fn touchpoint(&self, id: Id) -> Option<Touchpoint>;
    fn lane(&self, id: Id) -> Option<Lane>;
    fn phase(&self, id: Id) -> Option<Phase>;
    fn persona(&self, id: Id) -> Option<Persona>;
    fn persona_exists(&self, id: Id) -> bool {
        self.persona(id).is_some()
    }
    fn walkthrough(&self, id: Id) -> Option<Walkthrough>;
    /// The walkthroughs of a persona (when `persona` is set) or of every persona on a board.
    fn walkthroughs_of(&self, persona: Id) -> Vec<Walkthrough>;
    fn walkthroughs_at(&self, touchpoint: Id) -> Vec<Walkthrough>;
    /// The walkthroughs along a board.
    fn walkthroughs_on(&self, board: Id) -> Vec<Walkthrough>;
    fn walk_step(&self, id: Id) -> Option<WalkStep>;
    fn walk_steps(&self, filter: StepFilter) -> Vec<WalkStep>;
    /// Notes linked to a persona, on any board.
    fn persona_notes(&self, persona: Id) -> Vec<Note>;
    /// Notes written in a session, on any board.
    fn session_notes(&self, session: Id) -> Vec<Note>;
    /// The board's touchpoints in path order (position, then id), as are lanes and phases.
    fn touchpoints(&self, board: Id) -> Vec<Touchpoint>;
    fn lanes(&self, board: Id) -> Vec<Lane>;
    fn phases(&self, board: Id) -> Vec<Phase>;
    /// The board's notes that `filter` picks, sorted by id.
    fn notes_in(&self, board: Id, filter: NoteFilter) -> Vec<Note>;
    /// The highest version the note ever had, also after a delete, so a restored note's version
    /// keeps growing. None when the note never existed.
    fn last_note_version(&self, id: Id) -> Option<i64> {
        self.note(id).map(|n| n.version)
    }
    /// A template a board can be made from, by id: the built-in ones here; the store also knows
    /// the library's own (`own_template.rs`).
    fn template(&self, id: &str) -> Option<Template> {
        built_in(id)
    }
}

/// Validates `op` against `doc` and tells what it changes. Pure: nothing is written.
pub fn plan(op: &Op, doc: &impl DocRead, now: Millis) -> Result<Vec<Change>, OpError> {
    plan_in(op, doc, now)
}

// Not generic: a batch plans its ops against an overlay of the document, and a generic version
// would have to exist for overlays of overlays of overlays.
pub(crate) fn plan_in(op: &Op, doc: &dyn DocRead, now: Millis) -> Result<Vec<Change>, OpError> {
    match op {
        Op::CreateBoard { .. }
        | Op::UpdateBoard { .. }
        | Op::MoveBoard { .. }
        | Op::DeleteBoard { .. }
        | Op::RestoreBoard { .. } => boards::plan(op, doc, now),
        Op::CreateSession { .. }
        | Op::UpdateSession { .. }
        | Op::MoveSession { .. }
        | Op::DeleteSession { .. }
        | Op::RestoreSession { .. } => sessions::plan(op, doc, now),
        Op::CreateVote { vote } => crate::vote::create(vote, doc, now),
        Op::UpdateVote { id, patch } => crate::vote::update(*id, patch, doc),
        Op::EndVote { id } => crate::vote::end(*id, doc, now),
        Op::DeleteVote { id } => crate::vote::delete(*id, doc),
        Op::RestoreVote { vote } => crate::vote::restore(vote, doc),
        Op::RevealNotes { board_id } => crate::writing::reveal(*board_id, doc, now),
        Op::RunSession { id, step } => crate::run::plan(*id, step, doc, now),
        Op::CreateNote { note } => create_note(note, doc, now),
        Op::RestoreNote { note } => restore_note(note, doc, now),
        Op::UpdateNote { id, patch } => {
            if patch.is_empty() {
                return Err(OpError::invalid("patch", "names nothing to change"));
            }
            let before = doc.note(*id).ok_or(OpError::NotFound { entity: "note", id: *id })?;
            let after = patched(&before, patch, now);
            check_note(&after, doc)?;
            Ok(vec![Change::Note { id: *id, before: Some(before), after: Some(after) }])
        }
        Op::DeleteNote { id } => {
            let before = doc.note(*id).ok_or(OpError::NotFound { entity: "note", id: *id })?;
            Ok(vec![Change::Note { id: *id, before: Some(before), after: None }])
        }
        Op::CreateTouchpoint { .. }
        | Op::UpdateTouchpoint { .. }
        | Op::MoveTouchpoint { .. }
        | Op::DeleteTouchpoint { .. }
        | Op::RestoreTouchpoint { .. }
        | Op::CreateLane { .. }
        | Op::UpdateLane { .. }
        | Op::MoveLane { .. }
        | Op::DeleteLane { .. }
        | Op::RestoreLane { .. }
        | Op::CreatePhase { .. }
        | Op::UpdatePhase { .. }
        | Op::DeletePhase { .. }
        | Op::RestorePhase { .. } => structure::plan(op, doc, now),
        Op::ResetLabels { .. } => labels::plan(op, doc),
        Op::CreatePersona { .. }
        | Op::UpdatePersona { .. }
        | Op::DeletePersona { .. }
        | Op::RestorePersona { .. }
        | Op::CreateWalkthrough { .. }
        | Op::MoveWalkthrough { .. }
        | Op::DeleteWalkthrough { .. }
        | Op::RestoreWalkthrough { .. }
        | Op::SetWalkStep { .. }
        | Op::DeleteWalkStep { .. } => people::plan(op, doc, now),
        Op::Batch { ops } => plan_batch(ops, doc, now),
    }
}

/// A new note, face down when the board's private writing covers its column.
fn create_note(note: &crate::NewNote, doc: &dyn DocRead, now: Millis) -> Result<Vec<Change>, OpError> {
    if doc.note(note.id).is_some() {
        return Err(OpError::Conflict(format!("note {} already exists", note.id)));
    }
    let after = Note {
        id: note.id,
        board_id: note.board_id,
        touchpoint_id: note.touchpoint_id,
        lane_id: note.lane_id,
        persona_id: note.persona_id,
        session_id: note.session_id,
        kind: note.kind,
        sentiment: note.sentiment,
        text: note.text.clone(),
        x: note.x,
        y: note.y,
        face_down: doc.board_info(note.board_id).and_then(|b| b.live.writing).is_some_and(|w| w.covers(note.touchpoint_id)),
        author: note.author.clone(),
        version: doc.last_note_version(note.id).unwrap_or(0) + 1,
        created_at: now,
        updated_at: now,
    };
    check_note(&after, doc)?;
    Ok(vec![Change::Note { id: note.id, before: None, after: Some(after) }])
}

/// Undo of a deletion: the note as it was, with a version past any it has had.
fn restore_note(note: &Note, doc: &dyn DocRead, now: Millis) -> Result<Vec<Change>, OpError> {
    if doc.note(note.id).is_some() {
        return Err(OpError::Conflict(format!("note {} already exists", note.id)));
    }
    let after = Note {
        version: doc.last_note_version(note.id).unwrap_or(0).max(note.version) + 1,
        updated_at: now,
        ..note.clone()
    };
    check_note(&after, doc)?;
    Ok(vec![Change::Note { id: note.id, before: None, after: Some(after) }])
}

/// Each op of a batch planned against the document as the ops before it left it.
fn plan_batch(ops: &[Op], doc: &dyn DocRead, now: Millis) -> Result<Vec<Change>, OpError> {
    if ops.is_empty() || ops.len() > MAX_BATCH_OPS {
        return Err(OpError::invalid("ops", format!("a batch holds 1–{MAX_BATCH_OPS} ops")));
    }
    let mut view = Overlay::new(doc);
    let mut all = Vec::new();
    for op in ops {
        if matches!(op, Op::Batch { .. }) {
            return Err(OpError::invalid("ops", "batches do not nest"));
        }
        let changes = plan_in(op, &view, now)?;
        view.record(&changes);
        all.extend(changes);
    }
    Ok(all)
}

fn patched(before: &Note, patch: &NotePatch, now: Millis) -> Note {
    let mut n = before.clone();
    if let Some(t) = &patch.text {
        n.text = t.clone();
    }
    if let Some(k) = patch.kind {
        n.kind = k;
    }
    if let Some(s) = patch.sentiment {
        n.sentiment = s;
    }
    if let Some(x) = patch.x {
        n.x = x;
    }
    if let Some(y) = patch.y {
        n.y = y;
    }
    if let Some(t) = patch.touchpoint_id {
        n.touchpoint_id = t;
    }
    if let Some(l) = patch.lane_id {
        n.lane_id = l;
    }
    if let Some(p) = patch.persona_id {
        n.persona_id = p;
    }
    if let Some(f) = patch.face_down {
        n.face_down = f;
    }
    if let Some(s) = patch.session_id {
        n.session_id = s;
    }
    n.version += 1;
    n.updated_at = now;
    n
}

/// The whole-note rules, checked on the value an op would leave behind (and on imported notes).
pub fn check_note(n: &Note, doc: &dyn DocRead) -> Result<(), OpError> {
    note_text(&n.text)?;
    match (n.kind, n.sentiment) {
        (NoteKind::Observation, None) => return Err(OpError::invalid("sentiment", "an observation needs a sentiment")),
        (NoteKind::Idea | NoteKind::Question, Some(_)) => {
            return Err(OpError::invalid("sentiment", "only observations have a sentiment"))
        }
        _ => {}
    }
    coord("x", n.x)?;
    coord("y", n.y)?;
    if let Some(a) = &n.author {
        crate::validate::label("author", a)?;
    }
    if !doc.board_exists(n.board_id) {
        return Err(OpError::NotFound { entity: "board", id: n.board_id });
    }
    if let Some(tp) = n.touchpoint_id {
        let t = doc.touchpoint(tp).ok_or(OpError::NotFound { entity: "touchpoint", id: tp })?;
        if t.board_id != n.board_id {
            return Err(OpError::invalid("touchpoint_id", "is on another board"));
        }
    }
    if let Some(l) = n.lane_id {
        let lane = doc.lane(l).ok_or(OpError::NotFound { entity: "lane", id: l })?;
        if lane.board_id != n.board_id {
            return Err(OpError::invalid("lane_id", "is on another board"));
        }
    }
    if let Some(s) = n.session_id.filter(|s| doc.session(*s).is_none()) {
        return Err(OpError::NotFound { entity: "session", id: s });
    }
    if let Some(p) = n.persona_id {
        if !doc.persona_exists(p) {
            return Err(OpError::NotFound { entity: "persona", id: p });
        }
    }
    Ok(())
}

impl DocRead for Workshop {
    fn language(&self) -> Language {
        self.language
    }
    fn board_info(&self, id: Id) -> Option<BoardInfo> {
        self.board(id).map(Board::info)
    }
    fn boards(&self) -> Vec<BoardInfo> {
        self.boards.iter().map(Board::info).collect()
    }
    fn walkthroughs_on(&self, board: Id) -> Vec<Walkthrough> {
        self.walkthroughs.iter().filter(|w| w.board_id == board).cloned().collect()
    }
    fn session(&self, id: Id) -> Option<Session> {
        self.sessions.iter().find(|s| s.id == id).cloned()
    }
    fn sessions(&self) -> Vec<Session> {
        self.sessions.clone()
    }
    fn vote(&self, id: Id) -> Option<crate::Vote> {
        self.votes.iter().find(|v| v.id == id).cloned()
    }
    fn votes(&self) -> Vec<crate::Vote> {
        self.votes.clone()
    }
    fn note(&self, id: Id) -> Option<Note> {
        self.notes().find(|n| n.id == id).cloned()
    }
    fn touchpoint(&self, id: Id) -> Option<Touchpoint> {
        self.boards.iter().flat_map(|b| &b.touchpoints).find(|t| t.id == id).cloned()
    }
    fn lane(&self, id: Id) -> Option<Lane> {
        self.boards.iter().flat_map(|b| &b.lanes).find(|l| l.id == id).cloned()
    }
    fn phase(&self, id: Id) -> Option<Phase> {
        self.boards.iter().flat_map(|b| &b.phases).find(|p| p.id == id).cloned()
    }
    fn persona(&self, id: Id) -> Option<Persona> {
        self.personas.iter().find(|p| p.id == id).cloned()
    }
    fn walkthrough(&self, id: Id) -> Option<Walkthrough> {
        self.walkthroughs.iter().find(|w| w.id == id).cloned()
    }
    fn walkthroughs_of(&self, persona: Id) -> Vec<Walkthrough> {
        self.walkthroughs.iter().filter(|w| w.persona_id == persona).cloned().collect()
    }
    fn walkthroughs_at(&self, touchpoint: Id) -> Vec<Walkthrough> {
        self.walkthroughs.iter().filter(|w| w.at_touchpoint_id == Some(touchpoint)).cloned().collect()
    }
    fn walk_step(&self, id: Id) -> Option<WalkStep> {
        self.walk_steps.iter().find(|s| s.id == id).cloned()
    }
    fn walk_steps(&self, filter: StepFilter) -> Vec<WalkStep> {
        self.walk_steps.iter().filter(|s| filter.matches(s)).cloned().collect()
    }
    fn persona_notes(&self, persona: Id) -> Vec<Note> {
        self.notes().filter(|n| n.persona_id == Some(persona)).cloned().collect()
    }
    fn session_notes(&self, session: Id) -> Vec<Note> {
        self.notes().filter(|n| n.session_id == Some(session)).cloned().collect()
    }
    fn touchpoints(&self, board: Id) -> Vec<Touchpoint> {
        self.board(board).map(|b| b.touchpoints.clone()).unwrap_or_default()
    }
    fn lanes(&self, board: Id) -> Vec<Lane> {
        self.board(board).map(|b| b.lanes.clone()).unwrap_or_default()
    }
    fn phases(&self, board: Id) -> Vec<Phase> {
        self.board(board).map(|b| b.phases.clone()).unwrap_or_default()
    }
    fn notes_in(&self, board: Id, filter: NoteFilter) -> Vec<Note> {
        let Some(b) = self.board(board) else {
            return Vec::new();
        };
        b.notes.iter().filter(|n| filter.matches(n)).cloned().collect()
    }
}

impl Workshop {
    /// Applies planned changes to this snapshot, as the store does to its tables.
    pub fn commit(&mut self, changes: &[Change], now: Millis) {
        for change in changes {
            change.visit(&mut Commit(self));
        }
        if !changes.is_empty() {
            self.updated_at = now;
        }
    }
}

struct Commit<'a>(&'a mut Workshop);

impl Visit for Commit<'_> {
    type Out = ();
    fn visit<R: Record>(&mut self, id: Id, _before: &Option<R>, after: &Option<R>) {
        R::commit(self.0, id, after.as_ref());
    }
}
