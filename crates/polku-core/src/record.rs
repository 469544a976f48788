//! What every kind of record a workshop holds has in common. The list of kinds is written once,
//! in [`with_records!`]; the `Change` enum, the batch overlay, undo and redo, the in-memory
//! snapshot and the store's writes are all generated from it or generic over [`Record`], so a new
//! kind that lacks a piece fails to compile instead of being skipped at run time.
//! The checklist for adding one is in `docs/ARCHITECTURE.md`.

use crate::{Change, Id, Op, Workshop};

/// Expands `$m! { Variant: Type = "entity", … }` with every kind of record. The variant names the
/// kind in `Change`; the entity string is its `entity` tag in changes and the op log, and the name
/// of its table in the store.
#[macro_export]
macro_rules! with_records {
    ($m:ident) => {
        $m! {
            Board: $crate::BoardInfo = "board",
            Session: $crate::Session = "session",
            Persona: $crate::Persona = "persona",
            Phase: $crate::Phase = "phase",
            Touchpoint: $crate::Touchpoint = "touchpoint",
            Lane: $crate::Lane = "lane",
            Note: $crate::Note = "note",
            Walkthrough: $crate::Walkthrough = "walkthrough",
            WalkStep: $crate::WalkStep = "walk_step",
            Vote: $crate::Vote = "vote",
        }
    };
}

/// One kind of thing in a workshop that ops change and clients mirror.
pub trait Record: Generated + Clone + PartialEq + 'static {
    fn id(&self) -> Id;
    /// Grows with every change, so clients drop stale copies.
    fn version(&self) -> i64;
    /// The board it belongs to; None when it belongs to the workshop itself.
    fn board(&self) -> Option<Id>;

    /// The op that takes a created one away again (undo of a create).
    fn delete_op(id: Id) -> Op;
    /// The op that brings a deleted one back whole (undo of a delete).
    fn restore_op(whole: &Self) -> Op;
    /// The op that sets the fields where `to` differs from `from`; None when none do.
    fn update_op(from: &Self, to: &Self) -> Option<Op>;

    /// Sorts a list as a snapshot keeps it (position then id, or id).
    fn sort(list: &mut [Self]);
    /// Puts a change into a snapshot: takes the record out of wherever it was and puts `after`
    /// where it now belongs.
    fn commit(ws: &mut Workshop, id: Id, after: Option<&Self>);
    /// Puts every record of this kind in a workshop (sorted) into its snapshot.
    fn fill(ws: &mut Workshop, all: Vec<Self>);
    /// Every record of this kind in a snapshot.
    fn all(ws: &Workshop) -> Vec<Self>;
}

/// Something done with a change whatever its kind (see [`Change::visit`]).
pub trait Visit {
    type Out;
    fn visit<R: Record>(&mut self, id: Id, before: &Option<R>, after: &Option<R>) -> Self::Out;
}

/// The board a change's record is on: after the change, else before it.
struct BoardOf;

impl Visit for BoardOf {
    type Out = Option<Id>;
    fn visit<R: Record>(&mut self, _: Id, before: &Option<R>, after: &Option<R>) -> Option<Id> {
        after.as_ref().or(before.as_ref()).and_then(Record::board)
    }
}

impl Change {
    /// The board the change is on: a board's own id, or the board of its record (after the
    /// change, else before); None for a workshop-level record.
    pub fn board(&self) -> Option<Id> {
        self.visit(&mut BoardOf)
    }
}

macro_rules! define_changes {
    ($($variant:ident: $t:ty = $entity:literal),* $(,)?) => {
        /// What one op did to one record: its whole value before and after (None = did not
        /// exist). Clients apply `after`; undo and redo are derived from the pair.
        // A persona is a few hundred bytes bigger than a note; changes live briefly in short
        // lists, so boxing every variant for that would only make each match noisier.
        #[allow(clippy::large_enum_variant)]
        #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
        #[serde(tag = "entity", rename_all = "snake_case", deny_unknown_fields)]
        pub enum Change {
            $($variant { id: Id, before: Option<$t>, after: Option<$t> },)*
        }

        impl Change {
            pub fn id(&self) -> Id {
                match self {
                    $(Change::$variant { id, .. } => *id,)*
                }
            }

            pub fn entity(&self) -> &'static str {
                match self {
                    $(Change::$variant { .. } => $entity,)*
                }
            }

            /// Calls `v` with the change's values at their own type.
            pub fn visit<V: Visit>(&self, v: &mut V) -> V::Out {
                match self {
                    $(Change::$variant { id, before, after } => v.visit::<$t>(*id, before, after),)*
                }
            }
        }

        $(
            impl $crate::record::Generated for $t {
                const ENTITY: &'static str = $entity;
                fn change(id: Id, before: Option<Self>, after: Option<Self>) -> Change {
                    Change::$variant { id, before, after }
                }
                fn of(change: &Change) -> Option<(&Option<Self>, &Option<Self>)> {
                    match change {
                        Change::$variant { before, after, .. } => Some((before, after)),
                        #[allow(unreachable_patterns)]
                        _ => None,
                    }
                }
            }
        )*
    };
}
pub(crate) use define_changes;

/// The parts of [`Record`] that [`with_records!`] generates.
pub trait Generated: Sized {
    /// The `entity` tag of its changes, and the store's table.
    const ENTITY: &'static str;
    fn change(id: Id, before: Option<Self>, after: Option<Self>) -> Change;
    fn of(change: &Change) -> Option<(&Option<Self>, &Option<Self>)>;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The entity string given in `with_records!` is the tag clients and the op log read.
    macro_rules! entity_is_tag {
        ($($variant:ident: $t:ty = $entity:literal),* $(,)?) => {$(
            let json = serde_json::to_value(<$t as Generated>::change(Id::nil(), None, None)).unwrap();
            assert_eq!(json["entity"], <$t as Generated>::ENTITY, "{}", stringify!($variant));
        )*};
    }

    #[test]
    fn entity_names_match_the_serde_tags() {
        crate::with_records!(entity_is_tag);
    }
}
