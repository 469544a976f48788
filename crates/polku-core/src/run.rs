//! A session run live: which agenda item is on screen, how long each item took, and the timer
//! everyone sees. It is stored state planned with the server's clock, so a reload, a second tab,
//! the phones and a restarted app all read the same timer; no page counts time on its own.
//!
//! Only the facilitator runs a session. A run's steps are not undone with Ctrl+Z (a timer that
//! jumps back would surprise the room), so clients send them with undo `skip`.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::plan::DocRead;
use crate::session::MAX_ITEM_MINUTES;
use crate::{Change, Id, Millis, OpError, Session};

const MINUTE: Millis = 60_000;
/// Longest a timer may be set to: an item's longest planned time.
pub const MAX_TIMER_MS: Millis = MAX_ITEM_MINUTES as Millis * MINUTE;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SessionRun {
    #[ts(type = "number")]
    pub started_at: Millis,
    /// When the facilitator ended it; a session ended can be started again and goes on.
    #[ts(type = "number | null")]
    pub ended_at: Option<Millis>,
    /// The agenda item on screen; null when the agenda is empty or the item was taken off it.
    pub item_id: Option<Id>,
    /// Since when the item has been on screen (meaningless while ended).
    #[ts(type = "number")]
    pub item_since: Millis,
    /// Time each item was on screen before `item_since`, for the session's summary.
    pub item_times: Vec<ItemTime>,
    pub timer: Timer,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ItemTime {
    pub item_id: Id,
    #[ts(type = "number")]
    pub ms: Millis,
}

/// A countdown of `length_ms`, or a free timer counting up when it has no length.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Timer {
    #[ts(type = "number | null")]
    pub length_ms: Option<Millis>,
    /// Time run before `running_since`.
    #[ts(type = "number")]
    pub run_ms: Millis,
    /// Server time the timer was started at; null while it stands.
    #[ts(type = "number | null")]
    pub running_since: Option<Millis>,
}

impl Timer {
    /// A stopped timer for an item planned for `minutes` (free when not planned).
    pub fn for_minutes(minutes: Option<u32>) -> Timer {
        Timer { length_ms: minutes.map(|m| m as Millis * MINUTE), run_ms: 0, running_since: None }
    }

    /// Time run by `now`.
    pub fn run_by(&self, now: Millis) -> Millis {
        self.run_ms + self.running_since.map_or(0, |since| (now - since).max(0))
    }

    fn stopped(&self, now: Millis) -> Timer {
        Timer { run_ms: self.run_by(now), running_since: None, ..self.clone() }
    }
}

/// What the facilitator does to a running session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "do", rename_all = "snake_case", deny_unknown_fields)]
pub enum RunStep {
    /// Starts the session at its first item, or goes on with an ended one where it was. Any other
    /// session running in the workshop ends.
    Start,
    End,
    /// Puts an item on screen, in any order (next, back, skip); its timer is set to its minutes.
    Go { item_id: Id },
    StartTimer,
    PauseTimer,
    /// Adds time to a countdown (a minus takes it away, never below what has run).
    AddTime {
        #[ts(type = "number")]
        ms: Millis,
    },
    /// Back to the item's full time, standing.
    ResetTimer,
    /// A countdown of the given length, or a free timer (null), standing at zero.
    SetTimer {
        #[ts(type = "number | null")]
        length_ms: Option<Millis>,
    },
}

fn not_found(id: Id) -> OpError {
    OpError::NotFound { entity: "session", id }
}

fn not_running(id: Id) -> OpError {
    OpError::Conflict(format!("session {id} is not running"))
}

pub(crate) fn plan(id: Id, step: &RunStep, doc: &dyn DocRead, now: Millis) -> Result<Vec<Change>, OpError> {
    let before = doc.session(id).ok_or(not_found(id))?;
    let mut changes = Vec::new();
    let run = match (step, &before.run) {
        (RunStep::Start, _) => {
            changes.extend(end_others(doc, id, now));
            started(&before, now)
        }
        (_, Some(run)) if run.ended_at.is_none() => stepped(&before, run.clone(), step, now)?,
        _ => return Err(not_running(id)),
    };
    let after = Session { run: Some(run), version: before.version + 1, ..before.clone() };
    changes.push(Change::Session { id, before: Some(before), after: Some(after) });
    Ok(changes)
}

/// Starting one session ends any other that was left running, so the room has one timer.
fn end_others(doc: &dyn DocRead, id: Id, now: Millis) -> Vec<Change> {
    doc.sessions()
        .into_iter()
        .filter(|s| s.id != id)
        .filter_map(|s| {
            let run = s.run.clone().filter(|r| r.ended_at.is_none())?;
            let after = Session { run: Some(ended(run, now)), version: s.version + 1, ..s.clone() };
            Some(Change::Session { id: s.id, before: Some(s), after: Some(after) })
        })
        .collect()
}

fn started(session: &Session, now: Millis) -> SessionRun {
    match &session.run {
        Some(run) if run.ended_at.is_none() => run.clone(),
        // Its item was taken off the agenda meanwhile: it goes on from the first.
        Some(run) if run.item_id.is_none() && !session.fields.agenda.is_empty() => {
            let first = &session.fields.agenda[0];
            SessionRun { ended_at: None, item_since: now, item_id: Some(first.id), timer: Timer::for_minutes(first.minutes), ..run.clone() }
        }
        Some(run) => SessionRun { ended_at: None, item_since: now, ..run.clone() },
        None => {
            let first = session.fields.agenda.first();
            SessionRun {
                started_at: now,
                ended_at: None,
                item_id: first.map(|i| i.id),
                item_since: now,
                item_times: Vec::new(),
                timer: Timer::for_minutes(first.and_then(|i| i.minutes)),
            }
        }
    }
}

fn ended(run: SessionRun, now: Millis) -> SessionRun {
    let mut run = on_screen_until(run, now);
    run.ended_at = Some(now);
    run.timer = run.timer.stopped(now);
    run
}

/// Adds the current item's time on screen to its total.
fn on_screen_until(mut run: SessionRun, now: Millis) -> SessionRun {
    if let Some(item) = run.item_id {
        let spent = (now - run.item_since).max(0);
        match run.item_times.iter_mut().find(|t| t.item_id == item) {
            Some(t) => t.ms += spent,
            None => run.item_times.push(ItemTime { item_id: item, ms: spent }),
        }
    }
    run.item_since = now;
    run
}

fn stepped(session: &Session, run: SessionRun, step: &RunStep, now: Millis) -> Result<SessionRun, OpError> {
    let timer = &run.timer;
    let new_timer = |t: Timer| SessionRun { timer: t, ..run.clone() };
    Ok(match step {
        RunStep::Start => unreachable!("started before"),
        RunStep::End => ended(run, now),
        RunStep::Go { item_id } => {
            let item = session.fields.agenda.iter().find(|i| i.id == *item_id).ok_or(OpError::NotFound { entity: "agenda item", id: *item_id })?;
            let mut run = on_screen_until(run, now);
            run.item_id = Some(item.id);
            run.timer = Timer::for_minutes(item.minutes);
            run
        }
        RunStep::StartTimer if timer.running_since.is_some() => run,
        RunStep::StartTimer => new_timer(Timer { running_since: Some(now), ..timer.clone() }),
        RunStep::PauseTimer => new_timer(timer.stopped(now)),
        RunStep::AddTime { ms } => {
            let Some(length) = timer.length_ms else { return Err(OpError::invalid("timer", "a free timer has no time to add to")) };
            if ms.abs() > MAX_TIMER_MS {
                return Err(OpError::invalid("ms", format!("must be at most {MAX_TIMER_MS} either way")));
            }
            let length = (length + ms).max(timer.run_by(now)).min(MAX_TIMER_MS);
            new_timer(Timer { length_ms: Some(length), ..timer.clone() })
        }
        RunStep::ResetTimer => {
            let minutes = session.fields.agenda.iter().find(|i| Some(i.id) == run.item_id).and_then(|i| i.minutes);
            let length = minutes.map(|m| m as Millis * MINUTE).or(timer.length_ms);
            new_timer(Timer { length_ms: length, run_ms: 0, running_since: None })
        }
        RunStep::SetTimer { length_ms } => {
            if length_ms.is_some_and(|l| !(MINUTE / 60..=MAX_TIMER_MS).contains(&l)) {
                return Err(OpError::invalid("length_ms", format!("must be from 1 s to {MAX_TIMER_MS} ms")));
            }
            new_timer(Timer { length_ms: *length_ms, run_ms: 0, running_since: None })
        }
    })
}

/// The run after its session's agenda changed: times and the screen of items taken off it go.
pub(crate) fn fitted(session: &mut Session) {
    let Some(run) = &mut session.run else { return };
    let agenda = &session.fields.agenda;
    run.item_times.retain(|t| agenda.iter().any(|i| i.id == t.item_id));
    if run.item_id.is_some_and(|id| !agenda.iter().any(|i| i.id == id)) {
        run.item_id = None;
    }
}

/// The run kept in a workshop file or restored by undo must still fit its session: its item on
/// the agenda and its times for items that are there.
pub fn check_run(session: &Session) -> Result<(), OpError> {
    let Some(run) = &session.run else { return Ok(()) };
    let on_agenda = |id: Id| session.fields.agenda.iter().any(|i| i.id == id);
    if run.item_id.is_some_and(|i| !on_agenda(i)) || run.item_times.iter().any(|t| !on_agenda(t.item_id) || t.ms < 0) {
        return Err(OpError::invalid("run", "names an item not on the agenda"));
    }
    if run.item_times.len() > crate::MAX_AGENDA_ITEMS {
        return Err(OpError::invalid("run", "times more items than an agenda holds"));
    }
    let t = &run.timer;
    if t.length_ms.is_some_and(|l| !(0..=MAX_TIMER_MS).contains(&l)) || t.run_ms < 0 {
        return Err(OpError::invalid("timer", "is out of range"));
    }
    Ok(())
}
