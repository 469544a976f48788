//! The library as the handlers see it, whatever keeps it: SQLite on the laptop (`Store`), PostgreSQL
//! on a team server (`PgStore`). An engine gives two things, a consistent read and a transaction
//! holding a workshop's write lock; everything else (ops, undo and redo, the op log, retries of the
//! same op, votes, Recently deleted …) is written once, here and in the modules it calls, over
//! `Db`.

use polku_core::template::Template;
use polku_core::{History, Id, Millis, Note, Vote, Workshop, WorkshopSummary};

use crate::db::{Db, Engine};
use crate::ops::Logged;
use crate::{Applied, Ballot, Cast, DeletedWorkshop, Envelope, Store, StoreError};

/// What a write holds while it runs, beyond its own rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lock {
    /// Nothing more: a write whose rows are its own (a new workshop, a template).
    None,
    /// The workshop's lock: ops on one workshop are applied one at a time, on every server
    /// instance, so versions grow by one and the op log's order is the order they were applied.
    Workshop(Id),
}

pub trait Library: Send {
    fn engine(&self) -> Engine;

    /// Runs `f` on one consistent view of the library.
    fn read_with(&self, f: &mut dyn FnMut(&dyn Db) -> Result<(), StoreError>) -> Result<(), StoreError>;

    /// Runs `f` in one transaction holding `lock`; commits when it succeeds, keeps nothing when
    /// it fails. An engine may run `f` again when the transaction lost a race with another
    /// instance (a retry of the same op through another server, say), so `f` must start afresh.
    fn write_with(&mut self, lock: Lock, f: &mut dyn FnMut(&dyn Db) -> Result<(), StoreError>) -> Result<(), StoreError>;

    /// The laptop's library file, for what only it has (backups, checkpoints).
    fn local(&self) -> Option<&Store> {
        None
    }
    fn local_mut(&mut self) -> Option<&mut Store> {
        None
    }

    /// Whether the library could only be opened to read (its file or folder cannot be written).
    fn is_read_only(&self) -> bool {
        false
    }

    /// Where the library is, for messages and logs: a file, or a server and database (no password).
    fn location(&self) -> String;

    // What follows is the same for every engine.

    fn apply(&mut self, env: &Envelope, now: Millis) -> Result<Applied, StoreError> {
        crate::ops::apply(self, env, now)
    }
    /// Takes back this client's most recent step that is still done.
    fn undo(&mut self, workshop: Id, client: &str, op_id: Id, now: Millis) -> Result<Applied, StoreError> {
        crate::ops::step(self, workshop, client, op_id, now, crate::ops::Kind::Undo)
    }
    /// Does again this client's most recently undone step.
    fn redo(&mut self, workshop: Id, client: &str, op_id: Id, now: Millis) -> Result<Applied, StoreError> {
        crate::ops::step(self, workshop, client, op_id, now, crate::ops::Kind::Redo)
    }
    /// The workshop's ops after the op-log number `after`, in the order they were applied, at
    /// most `limit`: how a client that was away (a reconnect, to any instance) catches up.
    fn ops_after(&self, workshop: Id, after: i64, limit: usize) -> Result<Vec<Logged>, StoreError> {
        read(self, |db| crate::ops::after(db, workshop, after, limit))
    }
    fn history(&self, workshop: Id, client: &str) -> Result<History, StoreError> {
        polku_core::validate_client_id(client)?;
        read(self, |db| crate::ops::history(db, workshop, client))
    }

    fn cast_vote(&mut self, cast: &Cast, now: Millis) -> Result<Applied, StoreError> {
        crate::votes::cast(self, cast, now)
    }
    fn vote(&self, workshop: Id, id: Id) -> Result<Vote, StoreError> {
        read(self, |db| crate::votes::vote(db, workshop, id))
    }
    fn ballot(&self, vote: Id, voter: &str) -> Result<Ballot, StoreError> {
        read(self, |db| crate::votes::ballot_in(db, vote, voter))
    }

    /// All workshops but the deleted ones, the most recently changed first.
    fn list_workshops(&self) -> Result<Vec<WorkshopSummary>, StoreError> {
        read(self, crate::workshops::list)
    }
    fn workshop_summary(&self, id: Id) -> Result<WorkshopSummary, StoreError> {
        read(self, |db| crate::workshops::summary(db, id))
    }
    fn workshop_exists(&self, id: Id) -> Result<bool, StoreError> {
        read(self, |db| db.exists("SELECT 1 FROM workshop WHERE id = ?1", crate::db::vals![id]))
    }
    /// Whether any record of `w` (the workshop, or anything in it) has an id already used in the
    /// library: an imported file that does must come in with new ids, or it would overwrite
    /// another workshop's records.
    fn ids_taken(&self, w: &Workshop) -> Result<bool, StoreError> {
        read(self, |db| crate::workshops::ids_taken(db, w))
    }
    /// Writes a whole workshop (new from a template, or imported) in one transaction.
    fn insert_workshop(&mut self, w: &Workshop) -> Result<(), StoreError> {
        polku_core::validate_title(&w.title)?;
        write(self, Lock::None, |db| crate::workshops::insert_snapshot(db, w))
    }
    fn rename_workshop(&mut self, id: Id, title: &str, now: Millis) -> Result<WorkshopSummary, StoreError> {
        polku_core::validate_title(title)?;
        write(self, Lock::Workshop(id), |db| crate::workshops::rename(db, id, title, now))
    }
    /// The whole workshop as one snapshot; notes sorted by id, everything else by position.
    fn load_workshop(&self, id: Id) -> Result<Workshop, StoreError> {
        read(self, |db| crate::workshops::load(db, id, true))
    }
    /// The workshop with its boards' structure (touchpoints, lanes, phases …) but no notes.
    fn load_workshop_outline(&self, id: Id) -> Result<Workshop, StoreError> {
        read(self, |db| crate::workshops::load(db, id, false))
    }

    /// The lowest bottom edge (`y` + `height`) of the notes in one cell of a board: a
    /// touchpoint's (or box's or column's) in one lane, or in none. None when the cell is empty.
    fn cell_bottom(&self, workshop: Id, board: Id, touchpoint: Id, lane: Option<Id>, height: f64) -> Result<Option<f64>, StoreError> {
        read(self, |db| crate::notes::cell_bottom(db, workshop, board, touchpoint, lane, height))
    }
    /// A board's newest `limit` notes face up, newest first, leaving out `except`; and how many
    /// older notes of the board, face up and not in `except`, were left out.
    fn latest_notes(&self, workshop: Id, board: Id, limit: usize, except: &[Id]) -> Result<(Vec<Note>, u32), StoreError> {
        read(self, |db| crate::notes::latest(db, workshop, board, limit, except))
    }
    /// How many of a board's notes are face down, per place (touchpoint, box or column; None for
    /// notes at none), leaving out `except`: what a phone shows of others' private writing.
    fn face_down_counts(&self, workshop: Id, board: Id, except: &[Id]) -> Result<Vec<(Option<Id>, u32)>, StoreError> {
        read(self, |db| crate::notes::face_down_counts(db, workshop, board, except))
    }
    /// Those of `ids` that are notes of the workshop, sorted by id.
    fn notes_by_id(&self, workshop: Id, ids: &[Id]) -> Result<Vec<Note>, StoreError> {
        read(self, |db| crate::notes::by_id(db, workshop, ids))
    }

    /// Moves a workshop to Recently deleted: out of the list, kept 30 days, then erased.
    fn delete_workshop(&mut self, id: Id, now: Millis) -> Result<(), StoreError> {
        write(self, Lock::Workshop(id), |db| crate::deleted::delete(db, id, now))
    }
    /// Recently deleted, the most recently deleted first.
    fn list_deleted_workshops(&self, now: Millis) -> Result<Vec<DeletedWorkshop>, StoreError> {
        read(self, |db| crate::deleted::list(db, now))
    }
    /// Back from Recently deleted, as it was.
    fn restore_workshop(&mut self, id: Id) -> Result<(), StoreError> {
        write(self, Lock::Workshop(id), |db| crate::deleted::restore(db, id))
    }
    /// Erases a deleted workshop for good; how many backups it was also erased from (the laptop's
    /// library rewrites them; a team server's backups are the organisation's own).
    fn erase_workshop(&mut self, id: Id) -> Result<usize, StoreError> {
        write(self, Lock::Workshop(id), |db| crate::deleted::erase(db, id))?;
        Ok(0)
    }
    /// Erases the workshops deleted more than 30 days before `now`; how many.
    fn purge_deleted(&mut self, now: Millis) -> Result<usize, StoreError> {
        Ok(crate::deleted::purge(self, now)?.len())
    }

    fn save_template(&mut self, t: &Template, now: Millis) -> Result<(), StoreError> {
        crate::templates::check_new(t)?;
        write(self, Lock::None, |db| crate::templates::save(db, t, now))
    }
    /// The library's own templates, oldest first.
    fn list_templates(&self) -> Result<Vec<Template>, StoreError> {
        read(self, crate::templates::list)
    }
    fn own_template(&self, id: &str) -> Result<Template, StoreError> {
        read(self, |db| crate::templates::read(db, id))?.ok_or_else(|| StoreError::NoTemplate(id.chars().take(64).collect()))
    }
    fn template_exists(&self, id: &str) -> Result<bool, StoreError> {
        read(self, |db| db.exists("SELECT 1 FROM own_template WHERE id = ?1", crate::db::vals![id]))
    }
    fn delete_template(&mut self, id: &str) -> Result<(), StoreError> {
        write(self, Lock::None, |db| crate::templates::delete(db, id))
    }
}

/// `Library::read_with` for a closure that answers something.
pub(crate) fn read<L: Library + ?Sized, T>(lib: &L, mut f: impl FnMut(&dyn Db) -> Result<T, StoreError>) -> Result<T, StoreError> {
    let mut out = None;
    lib.read_with(&mut |db| {
        out = Some(f(db)?);
        Ok(())
    })?;
    out.ok_or_else(|| StoreError::Decode("a read gave no answer".into()))
}

/// `Library::write_with` for a closure that answers something.
pub(crate) fn write<L: Library + ?Sized, T>(lib: &mut L, lock: Lock, mut f: impl FnMut(&dyn Db) -> Result<T, StoreError>) -> Result<T, StoreError> {
    let mut out = None;
    lib.write_with(lock, &mut |db| {
        out = Some(f(db)?);
        Ok(())
    })?;
    out.ok_or_else(|| StoreError::Decode("a write gave no answer".into()))
}
