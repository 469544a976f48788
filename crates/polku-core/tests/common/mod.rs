//! What the core's scenario tests share: a workshop from the built-in template with small,
//! predictable ids, and applying an op the way the store does.

use polku_core::template::service_path;
use polku_core::*;

pub fn workshop(title: &str) -> Workshop {
    let mut n = 0u128;
    service_path().instantiate(title, Language::Fi, 1_000, &mut || {
        n += 1;
        Id::from_u128(n)
    })
}

/// Plans and commits `op`, failing the test with the op and the reason when it is refused.
pub fn apply(w: &mut Workshop, op: Op, now: i64) -> Vec<Change> {
    let changes = plan(&op, w, now).unwrap_or_else(|e| panic!("{op:?}: {e}"));
    w.commit(&changes, now);
    changes
}

/// A note of `kind` (and `sentiment`) at the `place`-th touchpoint of the first board, id from `id`.
#[allow(dead_code)]
pub fn note_at(w: &Workshop, id: u128, place: usize, kind: NoteKind, sentiment: Option<Sentiment>, text: &str) -> Op {
    let b = &w.boards[0];
    Op::CreateNote {
        note: NewNote {
            id: Id::from_u128(id),
            board_id: b.id,
            touchpoint_id: Some(b.touchpoints[place].id),
            lane_id: None,
            persona_id: None,
            session_id: None,
            kind,
            sentiment,
            text: text.into(),
            x: -100.0,
            y: 230.0,
            author: None,
        },
    }
}
