//! The participant commands: see the allowed boards, add a note, change or delete one's own.
//! Notes go through the same op path as the facilitator's, so every screen hears of them; they
//! carry no name, and the op log knows them only as `participants`.

use polku_core::layout::{BOX_W, LANES_TOP, NOTE_GAP, NOTE_H, NOTE_W};
use polku_core::{Board, Id, NewNote, Note, NotePatch, Op, UndoMode};
use polku_store::Envelope;

use super::state::DeviceState;
use super::*;
use crate::handlers::announce;
use crate::{ApiError, ErrorCode, Host};

/// The client id of every participant's op: the op log and undo never learn which device it was.
pub(crate) const PARTICIPANTS: &str = "participants";
/// Room under a canvas box's label before its first note (what the board's own placing leaves).
const BOX_LABEL_H: f64 = 28.0;

fn forbidden(field: &str, message: &str) -> ApiError {
    ApiError::with_field(ErrorCode::Forbidden, message, field)
}

fn note_view(n: &Note, mine: bool) -> ParticipantNote {
    ParticipantNote {
        id: n.id,
        board_id: n.board_id,
        touchpoint_id: n.touchpoint_id,
        lane_id: n.lane_id,
        tone: Tone::of(n.kind, n.sentiment),
        text: n.text.clone(),
        mine,
    }
}

/// Others' notes a phone lists per board: the newest. A phone is no place to read hundreds, and
/// a view's cost and size stay flat however many notes a room has made.
pub const OTHERS_LISTED: usize = 100;

/// One board as a phone sees it: its places and rows, this device's notes, and (when shown) the
/// newest of the others'.
fn board_view(host: &Host, workshop: Id, b: &Board, allowed: &Allowed, mine: &[Id]) -> Result<ParticipantBoard, ApiError> {
    let store = host.store()?;
    let own = store.notes_by_id(workshop, mine)?;
    let (others, earlier) = if allowed.show_others { store.latest_notes(workshop, b.id, OTHERS_LISTED, mine)? } else { (Vec::new(), 0) };
    let face_down = if allowed.show_others { store.face_down_counts(workshop, b.id, mine)? } else { Vec::new() };
    let mut notes: Vec<ParticipantNote> = own.iter().map(|n| note_view(n, true)).chain(others.iter().map(|n| note_view(n, false))).collect();
    notes.sort_by_key(|n| n.id);
    let phase_label = |p: Option<Id>| p.and_then(|p| b.phases.iter().find(|ph| ph.id == p)).map(|ph| ph.label.clone());
    let places = b
        .places()
        .iter()
        .filter_map(|p| b.touchpoints.iter().find(|t| t.id == p.id))
        .map(|t| ParticipantPlace { id: t.id, label: t.label.clone(), phase: phase_label(t.phase_id) })
        .collect();
    Ok(ParticipantBoard {
        id: b.id,
        kind: b.kind,
        title: b.title.clone(),
        places,
        lanes: b.lanes.iter().map(|l| ParticipantLane { id: l.id, label: l.label.clone() }).collect(),
        notes,
        earlier,
        face_down: face_down.into_iter().map(|(touchpoint_id, count)| FaceDownCount { touchpoint_id, count }).collect(),
        writing: b.live.writing.is_some(),
        locked: allowed.locked.contains(&b.id),
    })
}

pub(crate) fn participant_view(host: &Host, device: &Device, _: ParticipantViewRequest) -> Result<ParticipantView, ApiError> {
    let (choice, nickname, mine, voters) = host.with_joins(device.workshop_id, |joins| {
        let choice = Allowed::of(joins.get_mut(device.workshop_id)?);
        let d = joins.device_mut(device)?;
        Ok((choice, d.nickname.clone(), d.notes.clone(), d.voters.clone()))
    })?;
    let w = host.store()?.load_workshop_outline(device.workshop_id)?;
    let mut boards = Vec::new();
    for b in choice.boards.iter().filter_map(|&id| w.board(id)) {
        let own: Vec<Id> = mine.iter().filter(|(_, &board)| board == b.id).map(|(&note, _)| note).collect();
        boards.push(board_view(host, w.id, b, &choice, &own)?);
    }
    let live = live_of(&w, host.now());
    let votes = super::voting::phone_votes(&**host.store()?, &w, &choice.boards, &voters)?;
    Ok(ParticipantView { workshop_id: w.id, title: w.title.clone(), language: w.language, nickname, follow: choice.follow, bring: choice.bring, boards, live, votes })
}

/// The running session's item and timer, for the phones; nothing of its plan or attendance.
fn live_of(w: &polku_core::Workshop, now: polku_core::Millis) -> Option<PhoneLive> {
    let (session, run) = w.sessions.iter().find_map(|s| s.run.as_ref().filter(|r| r.ended_at.is_none()).map(|r| (s, r)))?;
    let item = run.item_id.and_then(|i| session.fields.agenda.iter().find(|a| a.id == i));
    Some(PhoneLive {
        session_title: session.fields.title.clone(),
        item_title: item.map(|i| i.title.clone()).unwrap_or_default(),
        instructions: item.map(|i| i.instructions.clone()).unwrap_or_default(),
        timer: run.timer.clone(),
        now,
    })
}

/// Where a new note goes in its cell: the column's (or box's) left edge, under the lowest note
/// already there (`below`: where the cell's lowest note ends, with a gap), so a phone's note
/// never covers another.
fn place_in_cell(b: &Board, below: Option<f64>, touchpoint_id: Id, lane_id: Option<Id>) -> Result<(f64, f64), ApiError> {
    let place = b
        .places()
        .into_iter()
        .find(|p| p.id == touchpoint_id)
        .ok_or_else(|| ApiError::with_field(ErrorCode::NotFound, "no such touchpoint on this board", "touchpoint"))?;
    let (x, first_y) = match (place.top, lane_id) {
        (Some(_), _) => (-BOX_W / 2.0 + NOTE_GAP, NOTE_GAP + BOX_LABEL_H),
        (None, Some(_)) => (-NOTE_W / 2.0, NOTE_GAP),
        (None, None) => (-NOTE_W / 2.0, LANES_TOP),
    };
    Ok((x, below.map_or(first_y, |b| b.max(first_y))))
}

/// The store's op id for a device's op: distinct per device, so one phone cannot replay or block
/// another's op by sending its id.
pub(crate) fn store_op_id(device: &Device, op_id: Id) -> Id {
    Id::new_v5(&device.device_id, op_id.as_bytes())
}

/// Applies one op for the device through the normal path (validated by the core, logged,
/// announced); answers the note as it is after (or was before a delete).
fn apply(host: &Host, device: &Device, op_id: Id, op: Op) -> Result<Note, ApiError> {
    let env = Envelope { workshop_id: device.workshop_id, op_id: store_op_id(device, op_id), client_id: PARTICIPANTS.into(), undo: UndoMode::Skip, op };
    let applied = host.store()?.apply(&env, host.now())?;
    let result = announce(host, applied);
    let note = result.changes.iter().find_map(|c| match c {
        polku_core::Change::Note { after, before, .. } => after.clone().or_else(|| before.clone()),
        _ => None,
    });
    note.ok_or_else(|| ApiError::internal("the op changed no note"))
}

/// One write of a device: `check` its state, do the `work` in the store, record `after` in its
/// state — unless this op id was answered before, when that answer comes back and nothing is done.
struct Write<C, W, A> {
    check: C,
    work: W,
    after: A,
}

fn once<C, W, A>(host: &Host, device: &Device, op_id: Id, write: Write<C, W, A>) -> Result<Option<ParticipantNote>, ApiError>
where
    C: FnOnce(&DeviceState) -> Result<(), ApiError>,
    W: FnOnce() -> Result<Option<ParticipantNote>, ApiError>,
    A: FnOnce(&mut DeviceState, &Option<ParticipantNote>),
{
    let at = device.workshop_id;
    let writing = host.with_joins(at, |joins| {
        let d = joins.device_mut(device)?;
        Ok(match d.answer(op_id) {
            Some(answer) => Err(answer.clone()),
            None => Ok(d.writing.clone()),
        })
    })?;
    let writing = match writing {
        Ok(writing) => writing,
        Err(answered) => return Ok(answered),
    };
    // One write of this device at a time, so a retry racing its first try waits for it and gets
    // its answer; other devices, the phones' event streams and the budgets need the join state
    // meanwhile, so it is not held while the store works.
    let _one_at_a_time = writing.lock().unwrap_or_else(|p| p.into_inner());
    let now = host.now();
    let answered = host.with_joins(at, |joins| {
        let d = joins.device_mut(device)?;
        if let Some(answer) = d.answer(op_id) {
            return Ok(Some(answer.clone()));
        }
        d.spend(now)?;
        (write.check)(d)?;
        Ok(None)
    })?;
    if let Some(answer) = answered {
        return Ok(answer);
    }
    let answer = (write.work)()?;
    host.with_joins(at, |joins| {
        // Removed meanwhile: the note was written all the same, and is answered.
        if let Ok(d) = joins.device_mut(device) {
            (write.after)(d, &answer);
            d.remember(op_id, answer.clone())?;
        }
        Ok(())
    })?;
    Ok(answer)
}

/// What the facilitator lets participants see and change now.
#[derive(Default)]
struct Allowed {
    boards: Vec<Id>,
    locked: Vec<Id>,
    show_others: bool,
    follow: Option<Id>,
    bring: Option<PhoneBring>,
    names: bool,
}

impl Allowed {
    fn of(join: &super::state::Join) -> Allowed {
        Allowed { boards: join.boards.clone(), locked: join.locked.clone(), show_others: join.show_others, follow: join.follow, bring: join.bring, names: join.names }
    }

    fn now(host: &Host, device: &Device) -> Allowed {
        host.with_joins(device.workshop_id, |j| Ok(j.get(device.workshop_id).map(Allowed::of))).ok().flatten().unwrap_or_default()
    }

    /// Refuses a board the facilitator has not chosen for participants (or no longer shows
    /// them), or has locked.
    fn check(&self, board_id: Id) -> Result<(), ApiError> {
        if !self.boards.contains(&board_id) {
            return Err(forbidden("board", "participants cannot use that board"));
        }
        if self.locked.contains(&board_id) {
            return Err(forbidden("locked", "the facilitator has locked this board"));
        }
        Ok(())
    }
}

pub(crate) fn participant_add_note(host: &Host, device: &Device, req: ParticipantAddNoteRequest) -> Result<ParticipantNote, ApiError> {
    let allowed = Allowed::now(host, device);
    allowed.check(req.board_id)?;
    let author = if allowed.names { Some(host.with_joins(device.workshop_id, |j| Ok(j.device_mut(device)?.nickname.clone()))?) } else { None };
    let check = |d: &DeviceState| {
        if d.notes.len() >= MAX_DEVICE_NOTES {
            return Err(ApiError::with_field(ErrorCode::TooLarge, "this device has written as many notes as one may", "notes"));
        }
        Ok(())
    };
    let work = || {
        // The board's structure and the one cell's notes: not the whole workshop, whose notes
        // grow with every phone's.
        let (w, below) = {
            let store = host.store()?;
            let below = store.cell_bottom(device.workshop_id, req.board_id, req.touchpoint_id, req.lane_id, NOTE_H + NOTE_GAP)?;
            (store.load_workshop_outline(device.workshop_id)?, below)
        };
        let board = w.board(req.board_id).ok_or_else(|| ApiError::with_field(ErrorCode::NotFound, "no such board", "board"))?;
        let (x, y) = place_in_cell(board, below, req.touchpoint_id, req.lane_id)?;
        let (kind, sentiment) = req.tone.kind_and_sentiment();
        let new = NewNote {
            id: Id::now_v7(),
            board_id: req.board_id,
            touchpoint_id: Some(req.touchpoint_id),
            lane_id: req.lane_id,
            persona_id: None,
            // Written while a session runs, it is that session's, as the facilitator's notes are.
            session_id: w.sessions.iter().find(|s| s.run.as_ref().is_some_and(|r| r.ended_at.is_none())).map(|s| s.id),
            kind,
            sentiment,
            text: req.text.clone(),
            x,
            y,
            author: author.clone(),
        };
        let note = apply(host, device, req.op_id, Op::CreateNote { note: new })?;
        Ok(Some(note_view(&note, true)))
    };
    let after = |d: &mut DeviceState, answer: &Option<ParticipantNote>| {
        if let Some(n) = answer {
            d.notes.insert(n.id, n.board_id);
        }
    };
    let answer = once(host, device, req.op_id, Write { check, work, after })?;
    answer.ok_or_else(|| ApiError::internal("an add answered no note"))
}

/// Refuses a note this device did not write, or one on a board participants no longer use.
fn own(d: &DeviceState, note_id: Id, allowed: &Allowed) -> Result<(), ApiError> {
    let Some(&board_id) = d.notes.get(&note_id) else {
        return Err(forbidden("note", "a participant may change only the notes they wrote"));
    };
    allowed.check(board_id)
}

pub(crate) fn participant_update_note(host: &Host, device: &Device, req: ParticipantUpdateNoteRequest) -> Result<ParticipantNote, ApiError> {
    let allowed = Allowed::now(host, device);
    let mut patch = NotePatch { text: req.text.clone(), ..NotePatch::default() };
    if let Some(tone) = req.tone {
        let (kind, sentiment) = tone.kind_and_sentiment();
        patch.kind = Some(kind);
        patch.sentiment = Some(sentiment);
    }
    let write = Write {
        check: |d: &DeviceState| {
            own(d, req.note_id, &allowed)?;
            if patch.is_empty() {
                return Err(ApiError::with_field(ErrorCode::Validation, "nothing to change", "text"));
            }
            Ok(())
        },
        work: || Ok(Some(note_view(&apply(host, device, req.op_id, Op::UpdateNote { id: req.note_id, patch: patch.clone() })?, true))),
        after: |_: &mut DeviceState, _: &Option<ParticipantNote>| {},
    };
    let answer = once(host, device, req.op_id, write)?;
    answer.ok_or_else(|| ApiError::internal("an update answered no note"))
}

pub(crate) fn participant_delete_note(host: &Host, device: &Device, req: ParticipantDeleteNoteRequest) -> Result<(), ApiError> {
    let allowed = Allowed::now(host, device);
    let write = Write {
        check: |d: &DeviceState| own(d, req.note_id, &allowed),
        work: || apply(host, device, req.op_id, Op::DeleteNote { id: req.note_id }).map(|_| None),
        after: |d: &mut DeviceState, _: &Option<ParticipantNote>| {
            d.notes.remove(&req.note_id);
        },
    };
    once(host, device, req.op_id, write)?;
    Ok(())
}
