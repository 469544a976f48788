//! A view of a document with some planned changes laid over it, so that each op of a batch is
//! planned against the state the ops before it leave behind, before anything is written.

use std::collections::HashMap;

use crate::record::{Generated, Record};
use crate::plan::StepFilter;
use crate::template::Template;
use crate::{BoardInfo, Change, DocRead, Language, Session, Id, Lane, Note, NoteFilter, Persona, Phase, Touchpoint, WalkStep, Walkthrough};

pub(crate) struct Overlay<'a> {
    base: &'a dyn DocRead,
    /// The latest planned change of each record, by kind and id; its `after` None: deleted by
    /// an earlier op of the batch.
    planned: HashMap<(&'static str, Id), Change>,
    /// The highest version a note had in this batch, also after a delete.
    versions: HashMap<Id, i64>,
}

impl<'a> Overlay<'a> {
    pub(crate) fn new(base: &'a dyn DocRead) -> Self {
        Overlay { base, planned: HashMap::new(), versions: HashMap::new() }
    }

    pub(crate) fn record(&mut self, changes: &[Change]) {
        for change in changes {
            if let Some((before, after)) = Note::of(change) {
                let seen = [before, after].into_iter().flatten().map(|n| n.version).max();
                if let Some(v) = seen {
                    let e = self.versions.entry(change.id()).or_insert(v);
                    *e = (*e).max(v);
                }
            }
            self.planned.insert((change.entity(), change.id()), change.clone());
        }
    }

    /// Some(value or None when deleted) when the batch planned a change to this record.
    fn get<R: Record>(&self, id: Id) -> Option<Option<R>> {
        let change = self.planned.get(&(R::ENTITY, id))?;
        R::of(change).map(|(_, after)| after.clone())
    }

    /// The record, planned or from the base.
    fn read<R: Record>(&self, id: Id, base: impl FnOnce() -> Option<R>) -> Option<R> {
        self.get(id).unwrap_or_else(base)
    }

    /// The base list with this batch's planned values laid over it; `keep` picks the planned ones.
    fn merged<R: Record>(&self, base: Vec<R>, keep: impl Fn(&R) -> bool) -> Vec<R> {
        let mut out: Vec<R> = base.into_iter().filter(|v| self.get::<R>(v.id()).is_none()).collect();
        let planned = self.planned.values().filter_map(|c| R::of(c)).filter_map(|(_, after)| after.as_ref());
        out.extend(planned.filter(|v| keep(v)).cloned());
        out
    }
}

impl DocRead for Overlay<'_> {
    fn language(&self) -> Language {
        self.base.language()
    }
    fn template(&self, id: &str) -> Option<Template> {
        self.base.template(id)
    }
    fn board_info(&self, id: Id) -> Option<BoardInfo> {
        self.read(id, || self.base.board_info(id))
    }
    fn boards(&self) -> Vec<BoardInfo> {
        let mut list = self.merged(self.base.boards(), |_| true);
        BoardInfo::sort(&mut list);
        list
    }
    fn session(&self, id: Id) -> Option<Session> {
        self.read(id, || self.base.session(id))
    }
    fn sessions(&self) -> Vec<Session> {
        let mut list = self.merged(self.base.sessions(), |_| true);
        Session::sort(&mut list);
        list
    }
    fn vote(&self, id: Id) -> Option<crate::Vote> {
        self.read(id, || self.base.vote(id))
    }
    fn votes(&self) -> Vec<crate::Vote> {
        let mut list = self.merged(self.base.votes(), |_| true);
        crate::Vote::sort(&mut list);
        list
    }
    fn walkthroughs_on(&self, board: Id) -> Vec<Walkthrough> {
        self.merged(self.base.walkthroughs_on(board), |w| w.board_id == board)
    }
    fn note(&self, id: Id) -> Option<Note> {
        self.read(id, || self.base.note(id))
    }
    fn touchpoint(&self, id: Id) -> Option<Touchpoint> {
        self.read(id, || self.base.touchpoint(id))
    }
    fn lane(&self, id: Id) -> Option<Lane> {
        self.read(id, || self.base.lane(id))
    }
    fn phase(&self, id: Id) -> Option<Phase> {
        self.read(id, || self.base.phase(id))
    }
    fn persona(&self, id: Id) -> Option<Persona> {
        self.read(id, || self.base.persona(id))
    }
    fn walkthrough(&self, id: Id) -> Option<Walkthrough> {
        self.read(id, || self.base.walkthrough(id))
    }
    fn walkthroughs_of(&self, persona: Id) -> Vec<Walkthrough> {
        self.merged(self.base.walkthroughs_of(persona), |w| w.persona_id == persona)
    }
    fn walkthroughs_at(&self, touchpoint: Id) -> Vec<Walkthrough> {
        self.merged(self.base.walkthroughs_at(touchpoint), |w| w.at_touchpoint_id == Some(touchpoint))
    }
    fn walk_step(&self, id: Id) -> Option<WalkStep> {
        self.read(id, || self.base.walk_step(id))
    }
    fn walk_steps(&self, filter: StepFilter) -> Vec<WalkStep> {
        self.merged(self.base.walk_steps(filter), |s| filter.matches(s))
    }
    fn session_notes(&self, session: Id) -> Vec<Note> {
        self.merged(self.base.session_notes(session), |n| n.session_id == Some(session))
    }
    fn persona_notes(&self, persona: Id) -> Vec<Note> {
        self.merged(self.base.persona_notes(persona), |n| n.persona_id == Some(persona))
    }
    fn last_note_version(&self, id: Id) -> Option<i64> {
        let here = self.versions.get(&id).copied();
        let base = self.base.last_note_version(id);
        here.max(base)
    }
    fn touchpoints(&self, board: Id) -> Vec<Touchpoint> {
        let mut list = self.merged(self.base.touchpoints(board), |t| t.board_id == board);
        Touchpoint::sort(&mut list);
        list
    }
    fn lanes(&self, board: Id) -> Vec<Lane> {
        let mut list = self.merged(self.base.lanes(board), |l| l.board_id == board);
        Lane::sort(&mut list);
        list
    }
    fn phases(&self, board: Id) -> Vec<Phase> {
        let mut list = self.merged(self.base.phases(board), |p| p.board_id == board);
        Phase::sort(&mut list);
        list
    }
    fn notes_in(&self, board: Id, filter: NoteFilter) -> Vec<Note> {
        let mut list = self.merged(self.base.notes_in(board, filter), |n| n.board_id == board && filter.matches(n));
        Note::sort(&mut list);
        list
    }
}
