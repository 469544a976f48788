//! The one ordering rule for things a person arranges (boards, phases, touchpoints, lanes): by
//! position, ties by id. Two clients inserting at the same index at once leave equal positions;
//! the id breaks the tie the same way on every screen, on paper and in the database
//! (`ORDER BY position, id`). The UI has the same rule once, in `ui/src/lib/order.ts`.

use std::cmp::Ordering;

use crate::record::Record;
use crate::{Board, BoardInfo, Change, Id, Lane, Phase, Session, Touchpoint};

/// Something kept in an order a person chose.
pub trait Positioned {
    fn position(&self) -> i64;
    fn order_id(&self) -> Id;
}

pub fn by_position<T: Positioned>(a: &T, b: &T) -> Ordering {
    a.position().cmp(&b.position()).then(a.order_id().cmp(&b.order_id()))
}

/// Sorts as every view draws them.
pub fn sort_by_position<T: Positioned>(list: &mut [T]) {
    list.sort_by(by_position);
}

macro_rules! positioned {
    ($($t:ty),*) => {$(
        impl Positioned for $t {
            fn position(&self) -> i64 {
                self.position
            }
            fn order_id(&self) -> Id {
                self.id
            }
        }
    )*};
}
positioned!(Board, BoardInfo, Session, Phase, Touchpoint, Lane);

impl<T: Positioned> Positioned for &T {
    fn position(&self) -> i64 {
        (*self).position()
    }
    fn order_id(&self) -> Id {
        (*self).order_id()
    }
}

/// Something whose order a person sets; each reorder writes positions 0, 1, 2 …, so it changes
/// one field of each one that moved and nothing else.
pub(crate) trait Reorder: Record + Positioned {
    /// A copy at `position`, one version on.
    fn at(&self, position: i64) -> Self;
}

macro_rules! reorder {
    ($($t:ty),*) => {$(
        impl Reorder for $t {
            fn at(&self, position: i64) -> Self {
                Self { position, version: self.version + 1, ..self.clone() }
            }
        }
    )*};
}
reorder!(BoardInfo, Session, Phase, Touchpoint, Lane);

/// Positions 0, 1, 2 … in `order`, as changes for the ones of `list` whose position differs.
pub(crate) fn renumber<T: Reorder>(list: &[T], order: &[Id]) -> Vec<Change> {
    order
        .iter()
        .enumerate()
        .filter_map(|(i, id)| {
            let v = list.iter().find(|v| Record::id(*v) == *id)?;
            (v.position() != i as i64).then(|| T::change(*id, Some(v.clone()), Some(v.at(i as i64))))
        })
        .collect()
}

/// The changes that put `id` at `index` in `list`'s order (a move op).
pub(crate) fn moved<T: Reorder>(list: &[T], id: Id, index: u32) -> Vec<Change> {
    renumber(list, &order_with(list, id, index).0)
}

/// `list`'s order with `id` (taken out first if it is there) at `index`, clamped to the end.
pub(crate) fn order_with<T: Record>(list: &[T], id: Id, index: u32) -> (Vec<Id>, usize) {
    let mut order: Vec<Id> = list.iter().map(Record::id).filter(|k| *k != id).collect();
    let at = (index as usize).min(order.len());
    order.insert(at, id);
    (order, at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ties_go_by_id() {
        let id = |n: u128| Id::from_u128(n);
        let lane = |n, position| Lane {
            id: id(n),
            board_id: id(0),
            position,
            label: String::new(),
            height: 1.0,
            line_above: String::new(),
            original_label: String::new(),
            original_line: String::new(),
            version: 1,
        };
        let mut list = vec![lane(3, 1), lane(2, 1), lane(9, 0)];
        sort_by_position(&mut list);
        assert_eq!(list.iter().map(|l| l.id).collect::<Vec<_>>(), vec![id(9), id(2), id(3)]);
    }
}
