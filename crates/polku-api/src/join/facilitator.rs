//! The facilitator's join commands: open and close it, choose what participants see, answer and
//! remove devices. Each change is announced as `JoinChanged`, so every facilitator window agrees.

use polku_core::{Id, Workshop};

use super::{FollowBoardRequest, JoinStatus, RemoveDeviceRequest, SetJoinBoardsRequest, WorkshopJoinRequest};
use super::{AnswerJoinRequest, BringEveryoneRequest, JoinAddress, PhoneBring, SetNoteNamesRequest, JoinAddressesRequest, OpenJoinRequest};
use super::{ExtendJoinRequest, DEFAULT_JOIN_HOURS, MAX_JOIN_HOURS};
use crate::{ApiError, ErrorCode, Event, Host};

/// The boards as asked for, each once, all of this workshop; at least one.
fn check_boards(w: &Workshop, boards: &[Id]) -> Result<Vec<Id>, ApiError> {
    let mut out: Vec<Id> = Vec::new();
    for &id in boards {
        if w.board(id).is_none() {
            return Err(ApiError::with_field(ErrorCode::NotFound, "no such board in this workshop", "board"));
        }
        if !out.contains(&id) {
            out.push(id);
        }
    }
    if out.is_empty() {
        return Err(ApiError::with_field(ErrorCode::Validation, "participants need at least one board", "boards"));
    }
    Ok(out)
}

/// Runs `change` on the workshop's open join, announces it and answers the new status.
fn change_join(
    host: &Host,
    workshop_id: Id,
    change: impl FnOnce(&mut super::state::Join) -> Result<(), ApiError>,
) -> Result<JoinStatus, ApiError> {
    let status = host.with_joins(workshop_id, |joins| {
        change(joins.get_mut(workshop_id)?)?;
        Ok(joins.status(workshop_id))
    })?;
    host.emit(Event::JoinChanged { workshop_id });
    Ok(status)
}

pub(crate) fn join_addresses(host: &Host, _: JoinAddressesRequest) -> Result<Vec<JoinAddress>, ApiError> {
    Ok(host.join_network().map(|n| n.addresses()).unwrap_or_default())
}

/// When a join given `hours` from `now` closes; hours out of 1–168 are refused (`open_hours`).
fn closing(now: polku_core::Millis, hours: u32, field: &str) -> Result<polku_core::Millis, ApiError> {
    if !(1..=MAX_JOIN_HOURS).contains(&hours) {
        return Err(ApiError::with_field(ErrorCode::Validation, format!("a join stays open 1–{MAX_JOIN_HOURS} hours"), field));
    }
    Ok(now + i64::from(hours) * 3_600_000)
}

/// Listens before the join opens, so a failure to listen leaves no join without a way in.
pub(crate) fn open_join(host: &Host, req: OpenJoinRequest) -> Result<JoinStatus, ApiError> {
    let asked_until = req.open_hours.map(|h| closing(host.now(), h, "open_hours")).transpose()?;
    let w = host.store()?.load_workshop(req.workshop_id)?;
    // A join whose time is up goes first, its listener with it, so opening again listens anew
    // rather than keeping the socket that is on its way out.
    host.with_joins(w.id, |_| Ok(()))?;
    let asked = if req.boards.is_empty() { vec![req.board_id] } else { req.boards };
    let boards = check_boards(&w, &asked)?;
    let listening = match host.join_network() {
        // A team server's phones all come to its one address.
        Some(network) if network.public_url().is_some() => None,
        Some(network) => {
            let ip = super::network::choose(&network.addresses(), req.address.as_deref())?;
            Some(network.listen(w.id, ip)?)
        }
        None => None,
    };
    let status = host.with_joins(w.id, |joins| {
        let join = joins.open(w.id);
        join.listening = listening;
        join.boards = boards;
        join.ask_first = req.ask_first;
        join.show_others = req.show_others;
        join.follow = join.follow.filter(|b| join.boards.contains(b));
        join.locked.retain(|b| join.boards.contains(b));
        // A new join gets the default time; an open one keeps its own unless another was asked.
        if asked_until.is_some() || join.closes_at.is_none() {
            join.closes_at = Some(asked_until.unwrap_or(host.now() + i64::from(DEFAULT_JOIN_HOURS) * 3_600_000));
        }
        Ok(joins.status(w.id))
    })?;
    host.emit(Event::JoinChanged { workshop_id: w.id });
    Ok(status)
}

pub(crate) fn join_status(host: &Host, req: WorkshopJoinRequest) -> Result<JoinStatus, ApiError> {
    host.with_joins(req.workshop_id, |j| Ok(j.status(req.workshop_id)))
}

/// Revokes the link, the code and every device; the workshop stays open on the facilitator's screen.
pub(crate) fn close_join(host: &Host, req: WorkshopJoinRequest) -> Result<JoinStatus, ApiError> {
    host.close_join_of(req.workshop_id);
    host.with_joins(req.workshop_id, |j| Ok(j.status(req.workshop_id)))
}

/// More time for an open join, counted from now.
pub(crate) fn extend_join(host: &Host, req: ExtendJoinRequest) -> Result<JoinStatus, ApiError> {
    let until = closing(host.now(), req.hours, "hours")?;
    change_join(host, req.workshop_id, |join| {
        join.closes_at = Some(until);
        Ok(())
    })
}

/// A new short code, for when the old one was read out to the wrong room or stopped working
/// after too many wrong tries. The link stays.
pub(crate) fn renew_join_code(host: &Host, req: WorkshopJoinRequest) -> Result<JoinStatus, ApiError> {
    change_join(host, req.workshop_id, |join| {
        join.renew_code();
        Ok(())
    })
}

pub(crate) fn remove_device(host: &Host, req: RemoveDeviceRequest) -> Result<JoinStatus, ApiError> {
    change_join(host, req.workshop_id, |join| join.remove(req.device_id))
}

pub(crate) fn answer_join(host: &Host, req: AnswerJoinRequest) -> Result<JoinStatus, ApiError> {
    change_join(host, req.workshop_id, |join| {
        if !req.accept {
            return join.remove(req.device_id);
        }
        join.device_mut(req.device_id)?.pending = false;
        Ok(())
    })
}

pub(crate) fn set_join_boards(host: &Host, req: SetJoinBoardsRequest) -> Result<JoinStatus, ApiError> {
    let w = host.store()?.load_workshop(req.workshop_id)?;
    let boards = check_boards(&w, &req.boards)?;
    if req.locked.iter().any(|b| !boards.contains(b)) {
        return Err(ApiError::with_field(ErrorCode::Validation, "only a board participants see can be locked", "locked"));
    }
    change_join(host, req.workshop_id, |join| {
        join.follow = join.follow.filter(|b| boards.contains(b));
        join.locked = boards.iter().copied().filter(|b| req.locked.contains(b)).collect();
        join.boards = boards;
        join.show_others = req.show_others;
        Ok(())
    })
}

/// Every screen to one board (and place): the phones through the join, when it is open (the
/// board becomes one of theirs if it was not), the facilitator's other screens by an event.
pub(crate) fn bring_everyone(host: &Host, req: BringEveryoneRequest) -> Result<(), ApiError> {
    polku_core::validate_client_id(&req.client_id).map_err(|e| ApiError::with_field(ErrorCode::Validation, e.to_string(), "client_id"))?;
    let w = host.store()?.load_workshop_outline(req.workshop_id)?;
    let board = w.board(req.board_id).ok_or_else(|| ApiError::with_field(ErrorCode::NotFound, "no such board in this workshop", "board"))?;
    if req.touchpoint_id.is_some_and(|t| !board.touchpoints.iter().any(|tp| tp.id == t)) {
        return Err(ApiError::with_field(ErrorCode::NotFound, "no such touchpoint on this board", "touchpoint"));
    }
    let joined = host.with_joins(req.workshop_id, |joins| {
        Ok(match joins.get_mut(req.workshop_id) {
            Ok(join) => {
                if !join.boards.contains(&req.board_id) {
                    join.boards.push(req.board_id);
                }
                let n = join.bring.map_or(1, |b| b.n.wrapping_add(1));
                join.bring = Some(PhoneBring { n, board_id: req.board_id, touchpoint_id: req.touchpoint_id });
                true
            }
            Err(_) => false,
        })
    })?;
    if joined {
        host.emit(Event::JoinChanged { workshop_id: req.workshop_id });
    }
    host.emit(Event::Brought { workshop_id: req.workshop_id, board_id: req.board_id, touchpoint_id: req.touchpoint_id, client_id: req.client_id });
    Ok(())
}

/// Notes from phones keep their writer's nickname from now on, or not; notes already written stay
/// as they were (a name is never added afterwards, nor taken off by this).
pub(crate) fn set_note_names(host: &Host, req: SetNoteNamesRequest) -> Result<JoinStatus, ApiError> {
    change_join(host, req.workshop_id, |join| {
        join.names = req.names;
        Ok(())
    })
}

/// Following, participants see the board the facilitator moves to even if it was not among
/// theirs: that is what "follow my board" asks for.
pub(crate) fn follow_board(host: &Host, req: FollowBoardRequest) -> Result<JoinStatus, ApiError> {
    if let Some(board_id) = req.board_id {
        check_boards(&host.store()?.load_workshop(req.workshop_id)?, &[board_id])?;
    }
    change_join(host, req.workshop_id, |join| {
        if let Some(b) = req.board_id.filter(|b| !join.boards.contains(b)) {
            join.boards.push(b);
        }
        join.follow = req.board_id;
        Ok(())
    })
}
