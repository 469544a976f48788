//! Sessions: the meetings of a workshop's programme. Each has a date and place, a goal, an agenda
//! (items with their minutes, instructions and the board they use), how many came by role (never
//! who), and the facilitator's summary. Like a persona's, a session's fields are one value checked
//! whole; an update names the fields it sets.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::run::SessionRun;
use crate::validate::{label, long_text};
use crate::{Id, OpError};

/// Items on one session's agenda; a two-hour meeting has five to ten.
pub const MAX_AGENDA_ITEMS: usize = 50;
/// Minutes one agenda item may be planned for (a whole day).
pub const MAX_ITEM_MINUTES: u32 = 600;
/// People of one role at one session.
pub const MAX_ATTENDANCE: u32 = 10_000;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Session {
    pub id: Id,
    /// Order in the programme (position, then id).
    #[ts(type = "number")]
    pub position: i64,
    pub fields: SessionFields,
    /// The session run live (`run.rs`); null until it is started.
    #[serde(default)]
    pub run: Option<SessionRun>,
    #[ts(type = "number")]
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SessionFields {
    pub title: String,
    /// Local date, and time when known, of the meeting: `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`. No
    /// time zone: a meeting happens where it happens.
    pub starts_at: Option<String>,
    /// Free text ("the library's group room").
    pub place: String,
    pub goal: String,
    pub agenda: Vec<AgendaItem>,
    pub attendance: Attendance,
    /// What the facilitator writes down afterwards.
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    pub id: Id,
    pub title: String,
    pub minutes: Option<u32>,
    /// What the group is asked to do, shown large to the room.
    pub instructions: String,
    /// The board the item works on.
    pub board_id: Option<Id>,
}

/// How many took part, by role; null when not counted. Never names.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Attendance {
    pub clients: Option<u32>,
    pub experts_by_experience: Option<u32>,
    pub workers: Option<u32>,
    pub facilitators: Option<u32>,
}

impl SessionFields {
    /// A session with only a title, the rest to be planned.
    pub fn titled(title: &str) -> Self {
        SessionFields {
            title: title.to_string(),
            starts_at: None,
            place: String::new(),
            goal: String::new(),
            agenda: Vec::new(),
            attendance: Attendance::default(),
            summary: String::new(),
        }
    }

    /// The rules every session keeps; `board_exists` tells whether an agenda item's board is in
    /// the workshop.
    pub fn check(&self, board_exists: &dyn Fn(Id) -> bool) -> Result<(), OpError> {
        label("title", &self.title)?;
        if let Some(at) = &self.starts_at {
            local_date_time(at)?;
        }
        if !self.place.is_empty() {
            label("place", &self.place)?;
        }
        long_text("goal", &self.goal)?;
        long_text("summary", &self.summary)?;
        if self.agenda.len() > MAX_AGENDA_ITEMS {
            return Err(OpError::invalid("agenda", format!("holds at most {MAX_AGENDA_ITEMS} items")));
        }
        for (i, item) in self.agenda.iter().enumerate() {
            if self.agenda[..i].iter().any(|other| other.id == item.id) {
                return Err(OpError::invalid("agenda", "repeats an item id"));
            }
            label("agenda", &item.title)?;
            long_text("instructions", &item.instructions)?;
            if item.minutes.is_some_and(|m| m > MAX_ITEM_MINUTES) {
                return Err(OpError::invalid("minutes", format!("must be at most {MAX_ITEM_MINUTES}")));
            }
            if let Some(b) = item.board_id.filter(|b| !board_exists(*b)) {
                return Err(OpError::NotFound { entity: "board", id: b });
            }
        }
        let a = &self.attendance;
        if [a.clients, a.experts_by_experience, a.workers, a.facilitators].into_iter().flatten().any(|n| n > MAX_ATTENDANCE) {
            return Err(OpError::invalid("attendance", format!("counts at most {MAX_ATTENDANCE} people per role")));
        }
        Ok(())
    }
}

/// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`, with a month, day, hour and minute that exist.
fn local_date_time(s: &str) -> Result<(), OpError> {
    let bad = || OpError::invalid("starts_at", "must be a date YYYY-MM-DD, with a time THH:MM or without");
    let (date, time) = match s.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (s, None),
    };
    let num = |part: &str, len: usize, range: std::ops::RangeInclusive<u32>| {
        (part.len() == len && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse::<u32>().ok())
            .flatten()
            .filter(|n| range.contains(n))
            .ok_or_else(bad)
    };
    let mut d = date.split('-');
    let (Some(y), Some(m), Some(day), None) = (d.next(), d.next(), d.next(), d.next()) else { return Err(bad()) };
    num(y, 4, 1900..=9999)?;
    let month = num(m, 2, 1..=12)?;
    let days = match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    num(day, 2, 1..=days)?;
    if let Some(t) = time {
        let (h, min) = t.split_once(':').ok_or_else(bad)?;
        num(h, 2, 0..=23)?;
        num(min, 2, 0..=59)?;
    }
    Ok(())
}

/// The fields an update sets; an absent field stays as it is. `starts_at` is a double option:
/// null clears it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SessionPatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub title: Option<String>,
    #[serde(default, deserialize_with = "crate::op::double_option", skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "string | null")]
    pub starts_at: Option<Option<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub place: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub goal: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub agenda: Option<Vec<AgendaItem>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub attendance: Option<Attendance>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub summary: Option<String>,
    /// Raw order key; clients reorder with `move_session`, undo writes positions back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "number")]
    pub position: Option<i64>,
}

// `position` is not among them: it is the session's own, not one of its fields.
crate::patch::field_patch!(SessionPatch for SessionFields: title, starts_at, place, goal, agenda, attendance, summary);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times_are_checked() {
        for ok in ["2025-03-04", "2025-03-04T13:00", "2024-02-29T09:05"] {
            assert!(local_date_time(ok).is_ok(), "{ok}");
        }
        for bad in ["2025-3-4", "2025-13-01", "2025-04-31", "2025-03-04T24:00", "2025-03-04T13", "4.3.2025", "2025-03-04T13:00Z"] {
            assert!(local_date_time(bad).is_err(), "{bad}");
        }
    }
}
