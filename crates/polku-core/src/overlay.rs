//! A view of a document with some planned changes laid over it, so that each op of a batch is
//! planned against the state the ops before it leave behind, before anything is written.

use std::collections::HashMap;

use crate::{Change, DocRead, Id, Lane, Note, Touchpoint};

pub(crate) struct Overlay<'a> {
    base: &'a dyn DocRead,
    /// None: the note was deleted by an earlier op of the batch.
    notes: HashMap<Id, Option<Note>>,
    /// The highest version a note had in this batch, also after a delete.
    versions: HashMap<Id, i64>,
}

impl<'a> Overlay<'a> {
    pub(crate) fn new(base: &'a dyn DocRead) -> Self {
        Overlay { base, notes: HashMap::new(), versions: HashMap::new() }
    }

    pub(crate) fn record(&mut self, changes: &[Change]) {
        for change in changes {
            let Change::Note { id, before, after } = change;
            let seen = [before, after].into_iter().flatten().map(|n| n.version).max();
            if let Some(v) = seen {
                let e = self.versions.entry(*id).or_insert(v);
                *e = (*e).max(v);
            }
            self.notes.insert(*id, after.clone());
        }
    }
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
        self.base.touchpoint(id)
    }
    fn lane(&self, id: Id) -> Option<Lane> {
        self.base.lane(id)
    }
    fn persona_exists(&self, id: Id) -> bool {
        self.base.persona_exists(id)
    }
    fn last_note_version(&self, id: Id) -> Option<i64> {
        let here = self.versions.get(&id).copied();
        let base = self.base.last_note_version(id);
        here.max(base)
    }
}
