//! The `.polku` workshop file: one workshop whole, as versioned JSON (see docs/workshop-file.md).
//!
//! Reading checks everything before anything is returned, so an import either gets a complete,
//! valid workshop or one line that says what is wrong and where.

use std::collections::HashSet;

use polku_core::{check_lane, check_note, check_touchpoint, validate_title, Board, Id, Millis, OpError, Workshop, MAX_TITLE};
use serde::{Deserialize, Serialize};
use serde_json::Value;

pub const FORMAT: &str = "polku.workshop";
/// The version this build writes. Older files are brought up to it by [`STEPS`].
pub const VERSION: u64 = 8;
/// Far beyond any real workshop (10,000 notes are ~3 MB), small enough to refuse junk quickly.
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;

/// Named steps that turn a file of version `from` into `from + 1`, applied in order on import.
/// Each new version adds a step here and a test that reads a file of the old version.
type Step = (u64, &'static str, fn(Value) -> Result<Value, String>);
const STEPS: &[Step] = &[
    (1, "v1_cells_and_phases", crate::file_steps::v1_cells_and_phases),
    (2, "v2_people", crate::file_steps::v2_people),
    (3, "v3_board_versions", crate::file_steps::v3_board_versions),
    (4, "v4_sessions", crate::file_steps::v4_sessions),
    (5, "v5_note_sessions", crate::file_steps::v5_note_sessions),
    (6, "v6_board_kinds", crate::file_steps::v6_board_kinds),
    (7, "v7_live_sessions", crate::file_steps::v7_live_sessions),
];

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    format: String,
    version: u64,
    exported_at: Millis,
    generator: String,
    workshop: Workshop,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum FileError {
    #[error("the file is {0} bytes, more than the {MAX_FILE_BYTES} a workshop file may be")]
    TooLarge(usize),
    #[error("not a Polku workshop file: {0}")]
    Foreign(String),
    #[error("the file ends too early (is it cut short?) at line {line}, column {column}")]
    Truncated { line: usize, column: usize },
    #[error("the file is not valid JSON: {reason}")]
    Malformed { reason: String, line: usize, column: usize },
    #[error("the file was written by a newer Polku (file version {found}, this Polku reads up to {VERSION}); update Polku to import it")]
    Newer { found: u64 },
    /// `at` is the place in the file's data (`workshop.boards[0].notes[3].text`); `field` is set
    /// when the broken rule is one the editor keeps too, so a client can word it the same way.
    #[error("{at}: {reason}")]
    Invalid { at: String, field: Option<&'static str>, reason: String },
}

impl FileError {
    fn invalid(at: String, reason: impl Into<String>) -> Self {
        FileError::Invalid { at, field: None, reason: reason.into() }
    }

    /// A core rule broken by the record at `at`: the place names the field the rule is about.
    fn broken(at: &str, e: OpError) -> Self {
        match e {
            OpError::Validation { field, reason } => FileError::Invalid { at: format!("{at}.{field}"), field: Some(field), reason },
            OpError::NotFound { entity, .. } => FileError::invalid(format!("{at}.{entity}_id"), e.to_string()),
            OpError::Conflict(reason) => FileError::invalid(at.to_string(), reason),
        }
    }
}

/// The file's bytes for `w`: pretty JSON, so a person can read and diff it.
pub fn write(w: &Workshop, now: Millis) -> Vec<u8> {
    let file = File {
        format: FORMAT.into(),
        version: VERSION,
        exported_at: now,
        generator: concat!("polku ", env!("CARGO_PKG_VERSION")).into(),
        workshop: w.clone(),
    };
    let mut out = serde_json::to_vec_pretty(&file).unwrap_or_default();
    out.push(b'\n');
    out
}

pub fn read(bytes: &[u8]) -> Result<Workshop, FileError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge(bytes.len()));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| FileError::Foreign("it is not UTF-8 text".into()))?;
    let mut value: Value = serde_json::from_str(text).map_err(|e| {
        if e.is_eof() {
            FileError::Truncated { line: e.line(), column: e.column() }
        } else if bytes.first().is_some_and(|b| !matches!(b, b'{' | b' ' | b'\n' | b'\r' | b'\t')) {
            FileError::Foreign("it is not a JSON document".into())
        } else {
            FileError::Malformed { reason: e.to_string(), line: e.line(), column: e.column() }
        }
    })?;
    let format = value.get("format").and_then(Value::as_str);
    if format != Some(FORMAT) {
        let what = match format {
            Some(f) => format!("its format is {f:?}, expected {FORMAT:?}"),
            None => format!("it has no \"format\": {FORMAT:?} field"),
        };
        return Err(FileError::Foreign(what));
    }
    let version = value
        .get("version")
        .and_then(Value::as_u64)
        .filter(|v| *v >= 1)
        .ok_or_else(|| FileError::invalid("version".into(), "must be a whole number from 1 up"))?;
    if version > VERSION {
        return Err(FileError::Newer { found: version });
    }
    for (from, name, step) in STEPS.iter().filter(|(from, _, _)| *from >= version) {
        value = step(value).map_err(|reason| FileError::invalid(format!("upgrade {name} (v{from})"), reason))?;
        value["version"] = Value::from(from + 1);
    }
    let file: File = serde_path_to_error::deserialize(value).map_err(|e| FileError::invalid(e.path().to_string(), e.inner().to_string()))?;
    let mut w = file.workshop;
    check(&w)?;
    // In the order the store loads them, so the layout (which reads lists in order) and a
    // round trip through the library agree.
    for b in &mut w.boards {
        b.phases.sort_by(polku_core::order::by_position);
        polku_core::order::sort_by_position(&mut b.touchpoints);
        polku_core::order::sort_by_position(&mut b.lanes);
        b.notes.sort_by_key(|n| n.id);
    }
    polku_core::order::sort_by_position(&mut w.sessions);
    w.personas.sort_by_key(|p| p.id);
    w.walkthroughs.sort_by_key(|x| x.id);
    w.walk_steps.sort_by_key(|x| x.id);
    Ok(w)
}

/// The rules the store relies on: unique ids, references inside the workshop, valid text.
fn check(w: &Workshop) -> Result<(), FileError> {
    // Named field by field, so a new kind of record does not compile until it is checked here.
    let Workshop { id: _, title: _, language: _, created_at: _, updated_at: _, boards: _, sessions: _, personas: _, walkthroughs: _, walk_steps: _, votes: _ } = w;
    let bad = |at: String, reason: &str| FileError::invalid(at, reason);
    validate_title(&w.title).map_err(|e| FileError::broken("workshop", e))?;
    let mut seen: HashSet<Id> = HashSet::from([w.id]);
    let mut unique = |id: Id, at: String| if seen.insert(id) { Ok(()) } else { Err(bad(at, "repeats an id used elsewhere in the file")) };
    for (i, p) in w.personas.iter().enumerate() {
        unique(p.id, format!("workshop.personas[{i}].id"))?;
        p.fields.check().map_err(|e| FileError::broken(&format!("workshop.personas[{i}].fields"), e))?;
    }
    for (bi, b) in w.boards.iter().enumerate() {
        check_board(b, &format!("workshop.boards[{bi}]"), w, &mut unique)?;
    }
    for (i, walk) in w.walkthroughs.iter().enumerate() {
        let at = format!("workshop.walkthroughs[{i}]");
        unique(walk.id, format!("{at}.id"))?;
        if !w.personas.iter().any(|p| p.id == walk.persona_id) {
            return Err(bad(format!("{at}.persona_id"), "names no persona of this workshop"));
        }
        let Some(board) = w.board(walk.board_id) else { return Err(bad(format!("{at}.board_id"), "names no board of this workshop")) };
        if walk.at_touchpoint_id.is_some_and(|t| !board.touchpoints.iter().any(|tp| tp.id == t)) {
            return Err(bad(format!("{at}.at_touchpoint_id"), "names no touchpoint of the walk's board"));
        }
    }
    for (i, s) in w.sessions.iter().enumerate() {
        let at = format!("workshop.sessions[{i}]");
        unique(s.id, format!("{at}.id"))?;
        for (k, item) in s.fields.agenda.iter().enumerate() {
            unique(item.id, format!("{at}.fields.agenda[{k}].id"))?;
        }
        polku_core::run::check_run(s).map_err(|e| bad(format!("{at}.run"), &e.to_string()))?;
        s.fields.check(&|b| w.board(b).is_some()).map_err(|e| FileError::broken(&format!("{at}.fields"), e))?;
    }
    for (i, v) in w.votes.iter().enumerate() {
        let at = format!("workshop.votes[{i}]");
        unique(v.id, format!("{at}.id"))?;
        if w.board(v.board_id).is_none() {
            return Err(bad(format!("{at}.board_id"), "names no board of this workshop"));
        }
        polku_core::check_vote(v).map_err(|e| FileError::broken(&format!("{at}.fields"), e))?;
    }
    let mut stations = HashSet::new();
    for (i, s) in w.walk_steps.iter().enumerate() {
        let at = format!("workshop.walk_steps[{i}]");
        unique(s.id, format!("{at}.id"))?;
        let Some(walk) = w.walkthroughs.iter().find(|x| x.id == s.walkthrough_id) else {
            return Err(bad(format!("{at}.walkthrough_id"), "names no walkthrough of this workshop"));
        };
        let on_board = w.board(walk.board_id).is_some_and(|b| b.touchpoints.iter().any(|tp| tp.id == s.touchpoint_id));
        if !on_board {
            return Err(bad(format!("{at}.touchpoint_id"), "names no touchpoint of the walk's board"));
        }
        if !stations.insert((s.walkthrough_id, s.touchpoint_id)) {
            return Err(bad(at, "is a second record of the same walk at the same station"));
        }
        s.record.check().map_err(|e| FileError::broken(&format!("{at}.record"), e))?;
    }
    Ok(())
}

/// One board of the file: its own records, each on this board, and the place its private writing covers.
fn check_board(b: &Board, at: &str, w: &Workshop, unique: &mut dyn FnMut(Id, String) -> Result<(), FileError>) -> Result<(), FileError> {
    let bad = |at: String, reason: &str| FileError::invalid(at, reason);
    unique(b.id, format!("{at}.id"))?;
    short_text(&b.title, "title", at)?;
    for (i, p) in b.phases.iter().enumerate() {
        unique(p.id, format!("{at}.phases[{i}].id"))?;
        short_text(&p.label, "label", &format!("{at}.phases[{i}]"))?;
        if p.board_id != b.id {
            return Err(bad(format!("{at}.phases[{i}].board_id"), "is not the board it is in"));
        }
    }
    for (i, t) in b.touchpoints.iter().enumerate() {
        unique(t.id, format!("{at}.touchpoints[{i}].id"))?;
        if t.board_id != b.id {
            return Err(bad(format!("{at}.touchpoints[{i}].board_id"), "is not the board it is in"));
        }
        check_touchpoint(t, w).map_err(|e| FileError::broken(&format!("{at}.touchpoints[{i}]"), e))?;
    }
    for (i, l) in b.lanes.iter().enumerate() {
        unique(l.id, format!("{at}.lanes[{i}].id"))?;
        if l.board_id != b.id {
            return Err(bad(format!("{at}.lanes[{i}].board_id"), "is not the board it is in"));
        }
        check_lane(l).map_err(|e| FileError::broken(&format!("{at}.lanes[{i}]"), e))?;
    }
    for (i, n) in b.notes.iter().enumerate() {
        unique(n.id, format!("{at}.notes[{i}].id"))?;
        if n.board_id != b.id {
            return Err(bad(format!("{at}.notes[{i}].board_id"), "is not the board it is in"));
        }
        check_note(n, w).map_err(|e| FileError::broken(&format!("{at}.notes[{i}]"), e))?;
    }
    if b.live.writing.as_ref().and_then(|p| p.touchpoint_id).is_some_and(|t| !b.touchpoints.iter().any(|tp| tp.id == t)) {
        return Err(bad(format!("{at}.live.writing.touchpoint_id"), "names no touchpoint of this board"));
    }
    Ok(())
}

fn short_text(s: &str, field: &'static str, at: &str) -> Result<(), FileError> {
    if s.trim().is_empty() || s.chars().count() > MAX_TITLE || s.chars().any(char::is_control) {
        return Err(FileError::broken(at, OpError::invalid(field, format!("must be 1–{MAX_TITLE} characters on one line"))));
    }
    Ok(())
}

/// The same workshop under fresh ids, for importing a file whose workshop is already here.
pub fn with_new_ids(w: &Workshop, new_id: &mut dyn FnMut() -> Id) -> Workshop {
    let mut map = std::collections::HashMap::new();
    let mut fresh = |old: Id| *map.entry(old).or_insert_with(&mut *new_id);
    let mut out = w.clone();
    // Named field by field, so a new kind of record in the workshop does not compile until it
    // is renumbered here too (a copy keeping an old id would overwrite the original's row).
    let Workshop { id: _, title: _, language: _, created_at: _, updated_at: _, boards: _, sessions: _, personas: _, walkthroughs: _, walk_steps: _, votes: _ } = w;
    out.id = fresh(w.id);
    for p in &mut out.personas {
        p.id = fresh(p.id);
    }
    for b in &mut out.boards {
        renumber_board(b, &mut fresh);
    }
    for s in &mut out.sessions {
        s.id = fresh(s.id);
        for item in &mut s.fields.agenda {
            item.id = fresh(item.id);
            item.board_id = item.board_id.map(&mut fresh);
        }
        if let Some(run) = &mut s.run {
            run.item_id = run.item_id.map(&mut fresh);
            for t in &mut run.item_times {
                t.item_id = fresh(t.item_id);
            }
        }
    }
    for walk in &mut out.walkthroughs {
        walk.id = fresh(walk.id);
        walk.persona_id = fresh(walk.persona_id);
        walk.board_id = fresh(walk.board_id);
        walk.at_touchpoint_id = walk.at_touchpoint_id.map(&mut fresh);
    }
    for s in &mut out.walk_steps {
        s.id = fresh(s.id);
        s.walkthrough_id = fresh(s.walkthrough_id);
        s.touchpoint_id = fresh(s.touchpoint_id);
    }
    // After the boards and sessions: a vote's targets and counts name their notes and touchpoints.
    for v in &mut out.votes {
        renumber_vote(v, &mut fresh);
    }
    out.votes.sort_by_key(|x| x.id);
    out.personas.sort_by_key(|p| p.id);
    out.walkthroughs.sort_by_key(|x| x.id);
    out.walk_steps.sort_by_key(|x| x.id);
    out
}

/// A board and everything on it under the ids `fresh` gives, its notes kept in id order.
fn renumber_board(b: &mut Board, fresh: &mut dyn FnMut(Id) -> Id) {
    b.id = fresh(b.id);
    if let Some(w) = &mut b.live.writing {
        w.touchpoint_id = w.touchpoint_id.map(&mut *fresh);
    }
    for p in &mut b.phases {
        p.id = fresh(p.id);
        p.board_id = b.id;
    }
    for t in &mut b.touchpoints {
        t.id = fresh(t.id);
        t.board_id = b.id;
        t.phase_id = t.phase_id.map(&mut *fresh);
    }
    for l in &mut b.lanes {
        l.id = fresh(l.id);
        l.board_id = b.id;
    }
    for n in &mut b.notes {
        n.id = fresh(n.id);
        n.board_id = b.id;
        n.touchpoint_id = n.touchpoint_id.map(&mut *fresh);
        n.lane_id = n.lane_id.map(&mut *fresh);
        n.persona_id = n.persona_id.map(&mut *fresh);
        n.session_id = n.session_id.map(&mut *fresh);
    }
    b.notes.sort_by_key(|n| n.id);
}

/// A vote under the ids `fresh` gives, with the notes and touchpoints it names.
fn renumber_vote(v: &mut polku_core::Vote, fresh: &mut dyn FnMut(Id) -> Id) {
    v.id = fresh(v.id);
    v.board_id = fresh(v.board_id);
    v.fields.session_id = v.fields.session_id.map(&mut *fresh);
    for t in &mut v.fields.targets {
        *t = fresh(*t);
    }
    for c in &mut v.fields.counts {
        c.target_id = fresh(c.target_id);
    }
    v.fields.counts.sort_by_key(|c| c.target_id);
    match &mut v.fields.settings.on {
        polku_core::VoteOn::Notes { ids } => ids.iter_mut().for_each(|t| *t = fresh(*t)),
        polku_core::VoteOn::Lane { lane_id } => *lane_id = fresh(*lane_id),
        polku_core::VoteOn::Place { touchpoint_id } => *touchpoint_id = fresh(*touchpoint_id),
        polku_core::VoteOn::Board | polku_core::VoteOn::Touchpoints => {}
    }
}
