//! A view of a document with some planned changes laid over it, so that each op of a batch is
//! planned against the state the ops before it leave behind, before anything is written.

use std::collections::HashMap;

use crate::layout::{sort_lanes, sort_touchpoints};
use crate::plan::StepFilter;
use crate::{Change, DocRead, Id, Lane, Note, NoteFilter, Persona, Phase, Touchpoint, WalkStep, Walkthrough};

pub(crate) struct Overlay<'a> {
    base: &'a dyn DocRead,
    /// None: deleted by an earlier op of the batch.
    notes: HashMap<Id, Option<Note>>,
    touchpoints: HashMap<Id, Option<Touchpoint>>,
    lanes: HashMap<Id, Option<Lane>>,
    phases: HashMap<Id, Option<Phase>>,
    personas: HashMap<Id, Option<Persona>>,
    walkthroughs: HashMap<Id, Option<Walkthrough>>,
    steps: HashMap<Id, Option<WalkStep>>,
    /// The highest version a note had in this batch, also after a delete.
    versions: HashMap<Id, i64>,
}

impl<'a> Overlay<'a> {
    pub(crate) fn new(base: &'a dyn DocRead) -> Self {
        Overlay {
            base,
            notes: HashMap::new(),
            touchpoints: HashMap::new(),
            lanes: HashMap::new(),
            phases: HashMap::new(),
            personas: HashMap::new(),
            walkthroughs: HashMap::new(),
            steps: HashMap::new(),
            versions: HashMap::new(),
        }
    }

    pub(crate) fn record(&mut self, changes: &[Change]) {
        for change in changes {
            match change {
                Change::Note { id, before, after } => {
                    let seen = [before, after].into_iter().flatten().map(|n| n.version).max();
                    if let Some(v) = seen {
                        let e = self.versions.entry(*id).or_insert(v);
                        *e = (*e).max(v);
                    }
                    self.notes.insert(*id, after.clone());
                }
                Change::Touchpoint { id, after, .. } => {
                    self.touchpoints.insert(*id, after.clone());
                }
                Change::Lane { id, after, .. } => {
                    self.lanes.insert(*id, after.clone());
                }
                Change::Phase { id, after, .. } => {
                    self.phases.insert(*id, after.clone());
                }
                Change::Persona { id, after, .. } => {
                    self.personas.insert(*id, after.clone());
                }
                Change::Walkthrough { id, after, .. } => {
                    self.walkthroughs.insert(*id, after.clone());
                }
                Change::WalkStep { id, after, .. } => {
                    self.steps.insert(*id, after.clone());
                }
            }
        }
    }
}

/// The base list with this batch's planned values laid over it.
fn merged<T: Clone>(
    base: Vec<T>,
    planned: &HashMap<Id, Option<T>>,
    id: fn(&T) -> Id,
    keep: impl Fn(&T) -> bool,
) -> Vec<T> {
    let mut out: Vec<T> = base.into_iter().filter(|v| !planned.contains_key(&id(v))).collect();
    out.extend(planned.values().flatten().filter(|v| keep(v)).cloned());
    out
}

impl DocRead for Overlay<'_> {
    fn board_exists(&self, id: Id) -> bool {
        self.base.board_exists(id)
    }
    fn note(&self, id: Id) -> Option<Note> {
        match self.notes.get(&id) {
            Some(planned) => planned.clone(),
            None => self.base.note(id),
        }
    }
    fn touchpoint(&self, id: Id) -> Option<Touchpoint> {
        match self.touchpoints.get(&id) {
            Some(planned) => planned.clone(),
            None => self.base.touchpoint(id),
        }
    }
    fn lane(&self, id: Id) -> Option<Lane> {
        match self.lanes.get(&id) {
            Some(planned) => planned.clone(),
            None => self.base.lane(id),
        }
    }
    fn phase(&self, id: Id) -> Option<Phase> {
        match self.phases.get(&id) {
            Some(planned) => planned.clone(),
            None => self.base.phase(id),
        }
    }
    fn persona(&self, id: Id) -> Option<Persona> {
        match self.personas.get(&id) {
            Some(planned) => planned.clone(),
            None => self.base.persona(id),
        }
    }
    fn walkthrough(&self, id: Id) -> Option<Walkthrough> {
        match self.walkthroughs.get(&id) {
            Some(planned) => planned.clone(),
            None => self.base.walkthrough(id),
        }
    }
    fn walkthroughs_of(&self, persona: Id) -> Vec<Walkthrough> {
        merged(self.base.walkthroughs_of(persona), &self.walkthroughs, |w| w.id, |w| w.persona_id == persona)
    }
    fn walkthroughs_at(&self, touchpoint: Id) -> Vec<Walkthrough> {
        merged(
            self.base.walkthroughs_at(touchpoint),
            &self.walkthroughs,
            |w| w.id,
            |w| w.at_touchpoint_id == Some(touchpoint),
        )
    }
    fn walk_step(&self, id: Id) -> Option<WalkStep> {
        match self.steps.get(&id) {
            Some(planned) => planned.clone(),
            None => self.base.walk_step(id),
        }
    }
    fn walk_steps(&self, filter: StepFilter) -> Vec<WalkStep> {
        merged(self.base.walk_steps(filter), &self.steps, |s| s.id, |s| filter.matches(s))
    }
    fn persona_notes(&self, persona: Id) -> Vec<Note> {
        merged(self.base.persona_notes(persona), &self.notes, |n| n.id, |n| n.persona_id == Some(persona))
    }
    fn last_note_version(&self, id: Id) -> Option<i64> {
        let here = self.versions.get(&id).copied();
        let base = self.base.last_note_version(id);
        here.max(base)
    }
    fn touchpoints(&self, board: Id) -> Vec<Touchpoint> {
        let mut list = merged(self.base.touchpoints(board), &self.touchpoints, |t| t.id, |t| t.board_id == board);
        sort_touchpoints(&mut list);
        list
    }
    fn lanes(&self, board: Id) -> Vec<Lane> {
        let mut list = merged(self.base.lanes(board), &self.lanes, |l| l.id, |l| l.board_id == board);
        sort_lanes(&mut list);
        list
    }
    fn phases(&self, board: Id) -> Vec<Phase> {
        let mut list = merged(self.base.phases(board), &self.phases, |p| p.id, |p| p.board_id == board);
        list.sort_by(|a, b| a.position.cmp(&b.position).then(a.id.cmp(&b.id)));
        list
    }
    fn notes_in(&self, board: Id, filter: NoteFilter) -> Vec<Note> {
        let mut list = merged(
            self.base.notes_in(board, filter),
            &self.notes,
            |n| n.id,
            |n| n.board_id == board && filter.matches(n),
        );
        list.sort_by_key(|n| n.id);
        list
    }
}
