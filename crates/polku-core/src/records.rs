//! Each kind of record's answers to [`Record`]: where a snapshot keeps it, and the ops that undo
//! and redo its changes. Only the fields a step changed are written back, so a later edit by
//! someone else to another field of the same record survives (last writer wins per field).

use crate::order::sort_by_position;
use crate::record::Record;
use crate::{
    Board, BoardInfo, BoardPatch, Id, Session, SessionPatch, Lane, LanePatch, NewWalkStep, Note, NotePatch, Op, Persona, PersonaPatch, Phase, PhasePatch, Touchpoint,
    TouchpointPatch, WalkStep, Walkthrough, Workshop,
};

fn set<T: PartialEq + Clone>(from: &T, to: &T) -> Option<T> {
    (from != to).then(|| to.clone())
}

/// The parts every record has alike: its id and version fields, which list of a snapshot keeps
/// it (each board's, or the workshop's own) and in which order.
macro_rules! kept {
    (on_boards.$field:ident, $order:ident) => {
        fn board(&self) -> Option<Id> {
            Some(self.board_id)
        }
        fn commit(ws: &mut Workshop, id: Id, after: Option<&Self>) {
            for b in &mut ws.boards {
                b.$field.retain(|v| v.id != id);
                if let Some(v) = after.filter(|v| v.board_id == b.id) {
                    b.$field.push(v.clone());
                    Self::sort(&mut b.$field);
                }
            }
        }
        fn fill(ws: &mut Workshop, all: Vec<Self>) {
            let mut by_board: std::collections::HashMap<Id, Vec<Self>> = std::collections::HashMap::new();
            for v in all {
                by_board.entry(v.board_id).or_default().push(v);
            }
            for b in &mut ws.boards {
                b.$field = by_board.remove(&b.id).unwrap_or_default();
            }
        }
        fn all(ws: &Workshop) -> Vec<Self> {
            ws.boards.iter().flat_map(|b| b.$field.iter().cloned()).collect()
        }
        kept!(@common $order);
    };
    (workshop.$field:ident, $order:ident) => {
        fn board(&self) -> Option<Id> {
            None
        }
        fn commit(ws: &mut Workshop, id: Id, after: Option<&Self>) {
            ws.$field.retain(|v| v.id != id);
            if let Some(v) = after {
                ws.$field.push(v.clone());
                Self::sort(&mut ws.$field);
            }
        }
        fn fill(ws: &mut Workshop, all: Vec<Self>) {
            ws.$field = all;
        }
        fn all(ws: &Workshop) -> Vec<Self> {
            ws.$field.clone()
        }
        kept!(@common $order);
    };
    (@common $order:ident) => {
        fn id(&self) -> Id {
            self.id
        }
        fn version(&self) -> i64 {
            self.version
        }
        fn sort(list: &mut [Self]) {
            kept!(@sort $order, list);
        }
    };
    (@sort by_position, $list:ident) => {
        sort_by_position($list)
    };
    (@sort by_id, $list:ident) => {
        $list.sort_by_key(|v| v.id)
    };
}

/// The board's own row; what is on it comes and goes by its own changes (a board is deleted
/// empty and restored empty, its contents before and after it).
impl Record for BoardInfo {
    fn id(&self) -> Id {
        self.id
    }
    fn version(&self) -> i64 {
        self.version
    }
    fn board(&self) -> Option<Id> {
        Some(self.id)
    }
    fn delete_op(id: Id) -> Op {
        Op::DeleteBoard { id }
    }
    fn restore_op(whole: &Self) -> Op {
        Op::RestoreBoard { board: whole.clone() }
    }
    fn update_op(f: &Self, t: &Self) -> Option<Op> {
        let patch = BoardPatch {
            title: set(&f.title, &t.title),
            position: set(&f.position, &t.position),
            covered: set(&f.live.covered, &t.live.covered),
            writing: set(&f.live.writing, &t.live.writing),
        };
        (!patch.is_empty()).then_some(Op::UpdateBoard { id: t.id, patch })
    }
    fn sort(list: &mut [Self]) {
        sort_by_position(list);
    }
    fn commit(ws: &mut Workshop, id: Id, after: Option<&Self>) {
        match (ws.boards.iter_mut().find(|b| b.id == id), after) {
            (Some(b), Some(info)) => {
                (b.kind, b.title, b.position, b.version, b.live) = (info.kind, info.title.clone(), info.position, info.version, info.live.clone());
            }
            (None, Some(info)) => ws.boards.push(Board::from_info(info)),
            (_, None) => ws.boards.retain(|b| b.id != id),
        }
        sort_by_position(&mut ws.boards);
    }
    fn fill(ws: &mut Workshop, all: Vec<Self>) {
        ws.boards = all.iter().map(Board::from_info).collect();
    }
    fn all(ws: &Workshop) -> Vec<Self> {
        ws.boards.iter().map(Board::info).collect()
    }
}

impl Record for Note {
    kept!(on_boards.notes, by_id);
    fn delete_op(id: Id) -> Op {
        Op::DeleteNote { id }
    }
    fn restore_op(whole: &Self) -> Op {
        Op::RestoreNote { note: whole.clone() }
    }
    fn update_op(f: &Self, t: &Self) -> Option<Op> {
        let patch = NotePatch {
            text: set(&f.text, &t.text),
            kind: set(&f.kind, &t.kind),
            sentiment: set(&f.sentiment, &t.sentiment),
            x: set(&f.x, &t.x),
            y: set(&f.y, &t.y),
            touchpoint_id: set(&f.touchpoint_id, &t.touchpoint_id),
            lane_id: set(&f.lane_id, &t.lane_id),
            persona_id: set(&f.persona_id, &t.persona_id),
            session_id: set(&f.session_id, &t.session_id),
            face_down: set(&f.face_down, &t.face_down),
        };
        (!patch.is_empty()).then_some(Op::UpdateNote { id: t.id, patch })
    }
}

// Taking a touchpoint or lane away again never drops notes someone has put there since: they
// stay on the board, unattached.
impl Record for Touchpoint {
    kept!(on_boards.touchpoints, by_position);
    fn delete_op(id: Id) -> Op {
        Op::DeleteTouchpoint { id, move_notes_to: None }
    }
    fn restore_op(whole: &Self) -> Op {
        Op::RestoreTouchpoint { touchpoint: whole.clone() }
    }
    fn update_op(f: &Self, t: &Self) -> Option<Op> {
        let patch = TouchpointPatch {
            label: set(&f.label, &t.label),
            description: set(&f.description, &t.description),
            phase_id: set(&f.phase_id, &t.phase_id),
            side_station: set(&f.side_station, &t.side_station),
            position: set(&f.position, &t.position),
        };
        (!patch.is_empty()).then_some(Op::UpdateTouchpoint { id: t.id, patch })
    }
}

impl Record for Lane {
    kept!(on_boards.lanes, by_position);
    fn delete_op(id: Id) -> Op {
        Op::DeleteLane { id, move_notes_to: None }
    }
    fn restore_op(whole: &Self) -> Op {
        Op::RestoreLane { lane: whole.clone() }
    }
    fn update_op(f: &Self, t: &Self) -> Option<Op> {
        let patch = LanePatch {
            label: set(&f.label, &t.label),
            height: set(&f.height, &t.height),
            line_above: set(&f.line_above, &t.line_above),
            position: set(&f.position, &t.position),
        };
        (!patch.is_empty()).then_some(Op::UpdateLane { id: t.id, patch })
    }
}

impl Record for Phase {
    kept!(on_boards.phases, by_position);
    fn delete_op(id: Id) -> Op {
        Op::DeletePhase { id }
    }
    fn restore_op(whole: &Self) -> Op {
        Op::RestorePhase { phase: whole.clone() }
    }
    fn update_op(f: &Self, t: &Self) -> Option<Op> {
        let patch = PhasePatch {
            label: set(&f.label, &t.label),
            caption: set(&f.caption, &t.caption),
            position: set(&f.position, &t.position),
        };
        (!patch.is_empty()).then_some(Op::UpdatePhase { id: t.id, patch })
    }
}

impl Record for Session {
    kept!(workshop.sessions, by_position);
    fn delete_op(id: Id) -> Op {
        Op::DeleteSession { id }
    }
    fn restore_op(whole: &Self) -> Op {
        Op::RestoreSession { session: whole.clone() }
    }
    fn update_op(f: &Self, t: &Self) -> Option<Op> {
        let patch = SessionPatch { position: set(&f.position, &t.position), ..SessionPatch::diff(&f.fields, &t.fields) };
        (!patch.is_empty()).then_some(Op::UpdateSession { id: t.id, patch })
    }
}

impl Record for Persona {
    kept!(workshop.personas, by_id);
    fn delete_op(id: Id) -> Op {
        Op::DeletePersona { id }
    }
    fn restore_op(whole: &Self) -> Op {
        Op::RestorePersona { persona: whole.clone() }
    }
    fn update_op(f: &Self, t: &Self) -> Option<Op> {
        let patch = PersonaPatch::diff(&f.fields, &t.fields);
        (!patch.is_empty()).then_some(Op::UpdatePersona { id: t.id, patch })
    }
}

/// Kept with the workshop, beside the personas they follow, though each walks one board: a
/// walk's own field is where its token stands.
impl Record for Walkthrough {
    kept!(workshop.walkthroughs, by_id);
    fn delete_op(id: Id) -> Op {
        Op::DeleteWalkthrough { id }
    }
    fn restore_op(whole: &Self) -> Op {
        Op::RestoreWalkthrough { walkthrough: whole.clone() }
    }
    fn update_op(f: &Self, t: &Self) -> Option<Op> {
        (f.at_touchpoint_id != t.at_touchpoint_id)
            .then_some(Op::MoveWalkthrough { id: t.id, at_touchpoint_id: t.at_touchpoint_id })
    }
}

/// A station's record is written whole: it is one answer of the group, not separate fields.
impl Record for WalkStep {
    kept!(workshop.walk_steps, by_id);
    fn delete_op(id: Id) -> Op {
        Op::DeleteWalkStep { id }
    }
    fn restore_op(whole: &Self) -> Op {
        Op::SetWalkStep {
            step: NewWalkStep {
                id: whole.id,
                walkthrough_id: whole.walkthrough_id,
                touchpoint_id: whole.touchpoint_id,
                record: whole.record.clone(),
            },
        }
    }
    fn update_op(f: &Self, t: &Self) -> Option<Op> {
        (f.record != t.record).then(|| Self::restore_op(t))
    }
}

/// A vote lives in the workshop's list but belongs to its board (the phones on that board hear of it).
impl Record for crate::Vote {
    fn id(&self) -> Id {
        self.id
    }
    fn version(&self) -> i64 {
        self.version
    }
    fn board(&self) -> Option<Id> {
        Some(self.board_id)
    }
    fn delete_op(id: Id) -> Op {
        Op::DeleteVote { id }
    }
    fn restore_op(whole: &Self) -> Op {
        Op::RestoreVote { vote: whole.clone() }
    }
    /// Only what a facilitator sets; counts are the voters' and an end is final.
    fn update_op(f: &Self, t: &Self) -> Option<Op> {
        let patch = crate::VotePatch { turn: set(&f.fields.turn, &t.fields.turn), keep_top: set(&f.fields.keep_top, &t.fields.keep_top) };
        (patch != crate::VotePatch::default()).then_some(Op::UpdateVote { id: t.id, patch })
    }
    fn sort(list: &mut [Self]) {
        list.sort_by_key(|v| v.id);
    }
    fn commit(ws: &mut Workshop, id: Id, after: Option<&Self>) {
        ws.votes.retain(|v| v.id != id);
        if let Some(v) = after {
            ws.votes.push(v.clone());
            Self::sort(&mut ws.votes);
        }
    }
    fn fill(ws: &mut Workshop, all: Vec<Self>) {
        ws.votes = all;
    }
    fn all(ws: &Workshop) -> Vec<Self> {
        ws.votes.clone()
    }
}
