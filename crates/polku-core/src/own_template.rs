//! A facilitator's own templates: the structure of one of their boards, or of a whole workshop
//! with its programme, saved to start from again and shared as a `.polku-template` file (the
//! `polku.template` format of `workshops/*.json`).
//!
//! What goes in is only the structure: board kinds and titles, phases, touchpoints and lanes by
//! their labels, and the sessions' titles, goals and agendas. Never notes, personas, walks,
//! touchpoint descriptions, attendance, dates, places or summaries: they can hold what clients
//! said. The labels are the group's own words in the one language they wrote them in, so each is
//! kept under every language and shows as written whatever language the UI speaks.

use std::collections::HashSet;

use crate::order::{sort_by_position, Positioned};
use crate::template::{
    parse, AgendaTemplate, BoardTemplate, Labels, LaneTemplate, PhaseTemplate, SessionTemplate, Template, TemplateKind,
    TouchpointTemplate, TEMPLATE_FORMAT, TEMPLATE_VERSION,
};
use crate::validate::{caption, label, long_text};
use crate::{validate_title, Board, Id, Language, OpError, Workshop, MAX_AGENDA_ITEMS, MAX_BOARDS, MAX_ITEM_MINUTES, MAX_SESSIONS};

/// The largest template file read or written: a programme of ten boards is ~30 KB.
pub const MAX_TEMPLATE_BYTES: usize = 1024 * 1024;
/// Characters in a template's one-line description.
pub const MAX_TEMPLATE_DESCRIPTION: usize = 300;
/// How a template file is named on disk.
pub const TEMPLATE_FILE_EXTENSION: &str = "polku-template";
/// Every own template's id starts with this, so none can be taken for a built-in one.
const OWN_PREFIX: &str = "own-";

/// The id of an own template: `own-<uuid>`.
pub fn own_id(uuid: Id) -> String {
    format!("{OWN_PREFIX}{uuid}")
}

/// Whether `id` is an own template's (never a built-in's).
pub fn is_own_id(id: &str) -> bool {
    id.strip_prefix(OWN_PREFIX).is_some_and(|rest| Id::parse_str(rest).is_ok())
}

/// The same words under every language.
fn words(text: &str) -> Labels {
    Language::ALL.into_iter().map(|l| (l, text.to_string())).collect()
}

/// Words that may be missing: none at all when `text` is empty.
fn optional_words(text: &str) -> Labels {
    if text.trim().is_empty() {
        Labels::new()
    } else {
        words(text)
    }
}

fn some_words(text: &str) -> Option<Labels> {
    (!text.trim().is_empty()).then(|| words(text))
}

/// In the order a person arranged them.
fn sorted<T: Positioned>(list: &[T]) -> Vec<&T> {
    let mut v: Vec<&T> = list.iter().collect();
    sort_by_position(&mut v);
    v
}

impl Template {
    /// A template of the whole workshop: its boards in order and its programme, without anything
    /// the group wrote on the boards or about the people.
    pub fn from_workshop(w: &Workshop, id: &str, title: &str, description: &str) -> Template {
        let boards = sorted(&w.boards);
        let sessions = sorted(&w.sessions);
        let index_of = |board: Option<Id>| board.and_then(|b| boards.iter().position(|x| x.id == b));
        let sessions = sessions
            .iter()
            .map(|s| SessionTemplate {
                title: words(&s.fields.title),
                goal: optional_words(&s.fields.goal),
                agenda: s
                    .fields
                    .agenda
                    .iter()
                    .map(|a| AgendaTemplate {
                        title: words(&a.title),
                        minutes: a.minutes,
                        instructions: optional_words(&a.instructions),
                        board: index_of(a.board_id),
                    })
                    .collect(),
            })
            .collect();
        Template {
            sessions,
            boards: boards.iter().map(|b| BoardTemplate::from_board(b, title)).collect(),
            ..Template::own(id, TemplateKind::Workshop, title, description)
        }
    }

    /// A template of one board: what it is made of, without its notes.
    pub fn from_board(b: &Board, id: &str, title: &str, description: &str) -> Template {
        Template { boards: vec![BoardTemplate::from_board(b, title)], ..Template::own(id, TemplateKind::Board, title, description) }
    }

    fn own(id: &str, kind: TemplateKind, title: &str, description: &str) -> Template {
        Template {
            format: TEMPLATE_FORMAT.into(),
            version: TEMPLATE_VERSION,
            id: id.into(),
            kind,
            title: words(title.trim()),
            description: words(description.trim()),
            boards: Vec::new(),
            sessions: Vec::new(),
        }
    }

    /// The template as its file: JSON, every board written out.
    pub fn to_json(&self) -> String {
        // Plain data (strings, numbers, maps with string keys): serializing it cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

impl BoardTemplate {
    /// The board's structure; `fallback` names a board that has no title of its own.
    fn from_board(b: &Board, fallback: &str) -> BoardTemplate {
        let phases = sorted(&b.phases);
        let key = |i: usize| format!("p{}", i + 1);
        let phase_key = |id: Option<Id>| id.and_then(|p| phases.iter().position(|x| x.id == p)).map(key);
        let title = if b.title.trim().is_empty() { fallback } else { &b.title };
        BoardTemplate {
            kind: b.kind,
            title: words(title.trim()),
            phases: phases
                .iter()
                .enumerate()
                .map(|(i, p)| PhaseTemplate { key: key(i), label: words(&p.label), stacked: p.stacked, caption: some_words(&p.caption) })
                .collect(),
            touchpoints: sorted(&b.touchpoints)
                .iter()
                .map(|t| TouchpointTemplate { label: words(&t.label), phase: phase_key(t.phase_id), side_station: t.side_station })
                .collect(),
            lanes: sorted(&b.lanes)
                .iter()
                .map(|l| LaneTemplate { label: words(&l.label), line_above: some_words(&l.line_above) })
                .collect(),
        }
    }
}

/// Why a template file was refused. `field` says which kind of trouble, for the user's words.
#[derive(Debug, Clone, PartialEq)]
pub struct FileRefusal {
    /// `template_file` (not a template, or damaged), `template_version` (a newer Polku's),
    /// or `template_size` (over [`MAX_TEMPLATE_BYTES`]).
    pub field: &'static str,
    /// What and where, in English.
    pub message: String,
}

/// Reads a template file someone shared: everything is checked before anything is kept.
pub fn read_file(json: &str) -> Result<Template, FileRefusal> {
    if json.len() > MAX_TEMPLATE_BYTES {
        let message = format!("the file is {} bytes, at most {MAX_TEMPLATE_BYTES} are read", json.len());
        return Err(FileRefusal { field: "template_size", message });
    }
    let newer = serde_json::from_str::<serde_json::Value>(json)
        .ok()
        .and_then(|v| v.get("version").and_then(|v| v.as_u64()))
        .is_some_and(|v| v > TEMPLATE_VERSION as u64);
    let t = parse(json).map_err(|message| FileRefusal { field: if newer { "template_version" } else { "template_file" }, message })?;
    check(&t).map_err(|message| FileRefusal { field: "template_file", message })?;
    Ok(t)
}

/// What a template must be to make only what the core accepts: the limits of titles, labels,
/// texts and counts, in every language it has; a board template is one board.
pub fn check(t: &Template) -> Result<(), String> {
    each(&t.title, validate_title).map_err(at("title"))?;
    each(&t.description, description).map_err(at("description"))?;
    match (t.kind, t.boards.len()) {
        (TemplateKind::Board, 1) => {}
        (TemplateKind::Board, n) => return Err(format!("a board template has one board, this one {n}")),
        (TemplateKind::Workshop, 0) => return Err("a workshop template has at least one board".into()),
        (TemplateKind::Workshop, n) if n > MAX_BOARDS => return Err(format!("a workshop holds at most {MAX_BOARDS} boards, this one {n}")),
        (TemplateKind::Workshop, _) => {}
    }
    for (i, b) in t.boards.iter().enumerate() {
        check_board(b).map_err(|e| format!("boards[{i}].{e}"))?;
    }
    if t.sessions.len() > MAX_SESSIONS {
        return Err(format!("a workshop holds at most {MAX_SESSIONS} sessions, this one {}", t.sessions.len()));
    }
    for (i, s) in t.sessions.iter().enumerate() {
        check_session(s).map_err(|e| format!("sessions[{i}].{e}"))?;
    }
    Ok(())
}

fn check_board(b: &BoardTemplate) -> Result<(), String> {
    each(&b.title, validate_title).map_err(at("title"))?;
    let mut keys = HashSet::new();
    for (i, p) in b.phases.iter().enumerate() {
        if !keys.insert(p.key.as_str()) {
            return Err(format!("phases[{i}].key: {:?} names two phases", p.key));
        }
        each(&p.label, |s| label("label", s)).map_err(at(format!("phases[{i}].label")))?;
        p.caption.iter().try_for_each(|c| each(c, |s| caption("caption", s))).map_err(at(format!("phases[{i}].caption")))?;
    }
    for (i, tp) in b.touchpoints.iter().enumerate() {
        each(&tp.label, |s| label("label", s)).map_err(at(format!("touchpoints[{i}].label")))?;
    }
    for (i, l) in b.lanes.iter().enumerate() {
        each(&l.label, |s| label("label", s)).map_err(at(format!("lanes[{i}].label")))?;
        l.line_above.iter().try_for_each(|c| each(c, |s| caption("line_above", s))).map_err(at(format!("lanes[{i}].line_above")))?;
    }
    Ok(())
}

fn check_session(s: &SessionTemplate) -> Result<(), String> {
    each(&s.title, |x| label("title", x)).map_err(at("title"))?;
    each(&s.goal, |x| long_text("goal", x)).map_err(at("goal"))?;
    if s.agenda.len() > MAX_AGENDA_ITEMS {
        return Err(format!("agenda: holds at most {MAX_AGENDA_ITEMS} items, this one {}", s.agenda.len()));
    }
    for (i, a) in s.agenda.iter().enumerate() {
        each(&a.title, |x| label("title", x)).map_err(at(format!("agenda[{i}].title")))?;
        each(&a.instructions, |x| long_text("instructions", x)).map_err(at(format!("agenda[{i}].instructions")))?;
        if a.minutes.is_some_and(|m| m > MAX_ITEM_MINUTES) {
            return Err(format!("agenda[{i}].minutes: must be at most {MAX_ITEM_MINUTES}"));
        }
    }
    Ok(())
}

/// A description fits one line; it says what the template is for.
fn description(text: &str) -> Result<(), OpError> {
    let len = text.chars().count();
    if text.trim().is_empty() {
        return Err(OpError::invalid("template_description", "is empty"));
    }
    if len > MAX_TEMPLATE_DESCRIPTION {
        return Err(OpError::invalid("template_description", format!("is {len} characters, at most {MAX_TEMPLATE_DESCRIPTION} fit")));
    }
    if let Some(c) = text.chars().find(|c| c.is_control()) {
        return Err(OpError::invalid("template_description", format!("contains the control character U+{:04X}", c as u32)));
    }
    Ok(())
}

/// Checks the text of every language with `rule`.
fn each(labels: &Labels, rule: impl Fn(&str) -> Result<(), OpError>) -> Result<(), OpError> {
    labels.values().try_for_each(|s| rule(s))
}

/// Says where a refused text is.
fn at(place: impl Into<String>) -> impl FnOnce(OpError) -> String {
    let place = place.into();
    move |e| format!("{place}: {}", reason(e))
}

fn reason(e: OpError) -> String {
    match e {
        OpError::Validation { reason, .. } => reason,
        other => other.to_string(),
    }
}

/// The description a save is checked against, before anything is made of it.
pub fn check_description(text: &str) -> Result<(), OpError> {
    description(text.trim())
}
