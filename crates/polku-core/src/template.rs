//! Templates: data that creates a workshop (boards, touchpoints, lanes), with labels in each
//! language. They live as JSON in `workshops/`; the built-in ones are compiled in.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::layout::LANE_H;
use crate::{AgendaItem, Board, BoardKind, Id, Lane, Language, Millis, Phase, Session, SessionFields, Touchpoint, Workshop};

pub const TEMPLATE_FORMAT: &str = "polku.template";
pub const TEMPLATE_VERSION: u32 = 1;

/// A text in several languages; English must be there, the others fall back to it. An own
/// template (`own_template.rs`) has the group's words under every language.
pub type Labels = BTreeMap<Language, String>;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    pub format: String,
    pub version: u32,
    pub id: String,
    /// Whether it makes a whole workshop or one board to add to a workshop.
    pub kind: TemplateKind,
    pub title: Labels,
    /// One line on what it is for, shown where a template is picked.
    pub description: Labels,
    /// Each inline, or `{"from": "<id>"}`: the board of a built-in board template.
    #[serde(deserialize_with = "board_entries")]
    pub boards: Vec<BoardTemplate>,
    /// The meetings of a programme, each with its agenda on the boards above.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sessions: Vec<SessionTemplate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum TemplateKind {
    Workshop,
    Board,
}

/// What a list of templates shows of one: its labels in every language it has.
#[derive(Debug, Clone, PartialEq, serde::Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct TemplateSummary {
    pub id: String,
    pub kind: TemplateKind,
    pub title: Labels,
    pub description: Labels,
    /// Enough of each board to draw a small preview of it.
    pub boards: Vec<BoardPreview>,
    /// How many meetings a programme template plans.
    pub sessions: u32,
    /// A facilitator saved it (or imported its file); false for the templates that come with Polku.
    pub own: bool,
}

/// The shape of a template's board, for a drawn preview where templates are picked.
#[derive(Debug, Clone, PartialEq, serde::Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct BoardPreview {
    pub kind: BoardKind,
    pub title: Labels,
    /// Columns (touchpoints that are not boxes), left to right.
    pub columns: u32,
    pub rows: u32,
    /// For each period in order: how many boxes it stacks, or null for a period of columns.
    pub periods: Vec<Option<u32>>,
    /// Named lines above rows (a blueprint's).
    pub lines: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoardTemplate {
    pub kind: BoardKind,
    pub title: Labels,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phases: Vec<PhaseTemplate>,
    pub touchpoints: Vec<TouchpointTemplate>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lanes: Vec<LaneTemplate>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhaseTemplate {
    /// What touchpoints name it by, inside the template.
    pub key: String,
    pub label: Labels,
    /// Its touchpoints are boxes stacked top-down (a canvas period).
    #[serde(default, skip_serializing_if = "is_false")]
    pub stacked: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<Labels>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LaneTemplate {
    pub label: Labels,
    /// The named line drawn above the row (a blueprint's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_above: Option<Labels>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionTemplate {
    pub title: Labels,
    /// No languages at all: the session has no goal written down.
    #[serde(default, skip_serializing_if = "Labels::is_empty")]
    pub goal: Labels,
    pub agenda: Vec<AgendaTemplate>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgendaTemplate {
    pub title: Labels,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u32>,
    /// No languages at all: the item has no instructions.
    #[serde(default, skip_serializing_if = "Labels::is_empty")]
    pub instructions: Labels,
    /// The index of one of the template's boards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub board: Option<usize>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TouchpointTemplate {
    pub label: Labels,
    /// The key of one of the board's phases.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub side_station: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// The templates that come with Polku, by id, in the order they are offered.
const BUILT_IN: &[(&str, &str)] = &[
    ("service-path", include_str!("../../../workshops/service-path.json")),
    ("co-development-five-sessions", include_str!("../../../workshops/co-development-five-sessions.json")),
    ("journey-canvas", include_str!("../../../workshops/journey-canvas.json")),
    ("blueprint", include_str!("../../../workshops/blueprint.json")),
    ("digital-services", include_str!("../../../workshops/digital-services.json")),
    ("channel-analysis", include_str!("../../../workshops/channel-analysis.json")),
];

/// The service path every new workshop starts from.
pub fn service_path() -> Template {
    built_in("service-path").expect("the service path is built in")
}

fn board_entries<'de, D: serde::Deserializer<'de>>(de: D) -> Result<Vec<BoardTemplate>, D::Error> {
    use serde::de::Error;
    let raw = Vec::<serde_json::Value>::deserialize(de)?;
    raw.into_iter().enumerate().map(|(i, v)| board_entry(v).map_err(|e| D::Error::custom(format!("boards[{i}]: {e}")))).collect()
}

/// A board written out, or the board of a built-in board template named by `from`.
fn board_entry(v: serde_json::Value) -> Result<BoardTemplate, String> {
    let Some(from) = v.get("from") else {
        return serde_json::from_value(v).map_err(|e| e.to_string());
    };
    if v.as_object().is_some_and(|o| o.len() > 1) {
        return Err("a board taken `from` a template has no other fields".into());
    }
    let id = from.as_str().ok_or("`from` is not a template id")?;
    let (_, json) = BUILT_IN.iter().find(|(k, _)| *k == id).ok_or(format!("no built-in template is called {id:?}"))?;
    let file: serde_json::Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    match file.get("boards").and_then(|b| b.as_array()).map(Vec::as_slice) {
        // Read as a plain board, so a reference never leads to another reference.
        Some([board]) if board.get("from").is_none() => serde_json::from_value(board.clone()).map_err(|e| e.to_string()),
        _ => Err(format!("{id:?} is not a template of one written-out board")),
    }
}

pub fn parse(json: &str) -> Result<Template, String> {
    let t: Template = serde_json::from_str(json).map_err(|e| e.to_string())?;
    if t.format != TEMPLATE_FORMAT {
        return Err(format!("format is {:?}, expected {TEMPLATE_FORMAT:?}", t.format));
    }
    if t.version != TEMPLATE_VERSION {
        return Err(format!("version {} is not supported (this Polku reads {TEMPLATE_VERSION})", t.version));
    }
    for labels in t.labels() {
        match labels.get(&Language::En) {
            Some(en) if !en.trim().is_empty() => {}
            _ => return Err(format!("a label has no English text: {labels:?}")),
        }
    }
    check_structure(&t)?;
    Ok(t)
}

/// What the JSON schema cannot say: references inside the template, and what each kind of board
/// may be made of.
fn check_structure(t: &Template) -> Result<(), String> {
    for s in &t.sessions {
        if let Some(i) = s.agenda.iter().filter_map(|a| a.board).find(|&i| i >= t.boards.len()) {
            return Err(format!("an agenda item names board {i}, and the template has {}", t.boards.len()));
        }
    }
    for b in &t.boards {
        if !b.kind.has_lanes() && !b.lanes.is_empty() {
            return Err(format!("a {} board has no rows", b.kind.as_str()));
        }
        if !b.kind.has_boxes() && b.phases.iter().any(|p| p.stacked) {
            return Err(format!("a {} board has no boxes", b.kind.as_str()));
        }
        if !b.kind.has_path() && b.touchpoints.iter().any(|tp| tp.side_station) {
            return Err(format!("a {} board has no side stations", b.kind.as_str()));
        }
        for tp in &b.touchpoints {
            if let Some(key) = &tp.phase {
                if !b.phases.iter().any(|p| &p.key == key) {
                    return Err(format!("a touchpoint names the phase {key:?}, which its board does not have"));
                }
            }
        }
    }
    Ok(())
}

pub fn label(labels: &Labels, lang: Language) -> String {
    labels.get(&lang).or_else(|| labels.get(&Language::En)).cloned().unwrap_or_default()
}

impl Template {
    /// A new workshop laid out from this template, labelled in `lang`.
    pub fn instantiate(&self, title: &str, lang: Language, now: Millis, new_id: &mut dyn FnMut() -> Id) -> Workshop {
        let boards: Vec<Board> =
            self.boards.iter().enumerate().map(|(i, bt)| bt.lay_out(new_id(), i as i64, lang, new_id)).collect();
        let sessions = self
            .sessions
            .iter()
            .enumerate()
            .map(|(i, st)| Session { id: new_id(), position: i as i64, fields: st.fields(&boards, lang, new_id), run: None, version: 1 })
            .collect();
        Workshop {
            id: new_id(),
            title: title.to_string(),
            language: lang,
            created_at: now,
            updated_at: now,
            boards,
            sessions,
            personas: Vec::new(),
            walkthroughs: Vec::new(),
            walk_steps: Vec::new(),
            votes: Vec::new(),
        }
    }
}

impl BoardTemplate {
    /// A new board `id` at `position`, laid out from this template and labelled in `lang`.
    pub fn lay_out(&self, id: Id, position: i64, lang: Language, new_id: &mut dyn FnMut() -> Id) -> Board {
        let phases: Vec<Phase> = self
            .phases
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let caption = p.caption.as_ref().map(|c| label(c, lang)).unwrap_or_default();
                Phase {
                    id: new_id(),
                    board_id: id,
                    position: i as i64,
                    label: label(&p.label, lang),
                    stacked: p.stacked,
                    caption: caption.clone(),
                    original_label: label(&p.label, lang),
                    original_caption: caption,
                    version: 1,
                }
            })
            .collect();
        let phase_id = |key: &Option<String>| {
            let at = self.phases.iter().position(|p| Some(&p.key) == key.as_ref())?;
            Some(phases[at].id)
        };
        let touchpoints = self
            .touchpoints
            .iter()
            .enumerate()
            .map(|(i, tp)| Touchpoint {
                id: new_id(),
                board_id: id,
                position: i as i64,
                label: label(&tp.label, lang),
                description: String::new(),
                phase_id: phase_id(&tp.phase),
                side_station: tp.side_station,
                original_label: label(&tp.label, lang),
                version: 1,
            })
            .collect();
        let lanes = self
            .lanes
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let line = l.line_above.as_ref().map(|c| label(c, lang)).unwrap_or_default();
                Lane {
                    id: new_id(),
                    board_id: id,
                    position: i as i64,
                    label: label(&l.label, lang),
                    height: LANE_H,
                    line_above: line.clone(),
                    original_label: label(&l.label, lang),
                    original_line: line,
                    version: 1,
                }
            })
            .collect();
        Board {
            id,
            kind: self.kind,
            title: label(&self.title, lang),
            position,
            version: 1,
            live: Default::default(),
            phases,
            touchpoints,
            lanes,
            notes: Vec::new(),
        }
    }
}

/// Every template that comes with Polku, from `workshops/` (one JSON file each).
pub fn built_ins() -> Vec<Template> {
    // Compiled in and checked by a test, so a parse failure here is a build defect.
    BUILT_IN.iter().map(|(_, json)| parse(json).expect("built-in template is valid")).collect()
}

/// A built-in template by its id.
pub fn built_in(id: &str) -> Option<Template> {
    let (_, json) = BUILT_IN.iter().find(|(k, _)| *k == id)?;
    Some(parse(json).expect("built-in template is valid"))
}

impl BoardTemplate {
    fn preview(&self) -> BoardPreview {
        let stacked = |key: &Option<String>| self.phases.iter().any(|p| p.stacked && Some(&p.key) == key.as_ref());
        let periods = self
            .phases
            .iter()
            .map(|p| p.stacked.then(|| self.touchpoints.iter().filter(|t| t.phase.as_ref() == Some(&p.key)).count() as u32))
            .collect();
        BoardPreview {
            kind: self.kind,
            title: self.title.clone(),
            columns: self.touchpoints.iter().filter(|t| !stacked(&t.phase)).count() as u32,
            rows: self.lanes.len() as u32,
            periods,
            lines: self.lanes.iter().filter(|l| l.line_above.is_some()).count() as u32,
        }
    }
}

impl SessionTemplate {
    fn fields(&self, boards: &[Board], lang: Language, new_id: &mut dyn FnMut() -> Id) -> SessionFields {
        let agenda = self
            .agenda
            .iter()
            .map(|a| AgendaItem {
                id: new_id(),
                title: label(&a.title, lang),
                minutes: a.minutes,
                instructions: label(&a.instructions, lang),
                board_id: a.board.and_then(|i| boards.get(i)).map(|b| b.id),
            })
            .collect();
        SessionFields { goal: label(&self.goal, lang), agenda, ..SessionFields::titled(&label(&self.title, lang)) }
    }
}

impl Template {
    /// Every text in it, for the checks that each is there in the languages it must be.
    pub fn labels(&self) -> Vec<&Labels> {
        let mut all = vec![&self.title, &self.description];
        for b in &self.boards {
            all.push(&b.title);
            for p in &b.phases {
                all.push(&p.label);
                all.extend(&p.caption);
            }
            all.extend(b.touchpoints.iter().map(|tp| &tp.label));
            for l in &b.lanes {
                all.push(&l.label);
                all.extend(&l.line_above);
            }
        }
        // A goal or instructions with no languages at all is no text, not a missing translation.
        let written = |l: &&Labels| !l.is_empty();
        for s in &self.sessions {
            all.push(&s.title);
            all.extend(Some(&s.goal).filter(written));
            for a in &s.agenda {
                all.push(&a.title);
                all.extend(Some(&a.instructions).filter(written));
            }
        }
        all
    }

    pub fn summary(&self) -> TemplateSummary {
        TemplateSummary {
            id: self.id.clone(),
            kind: self.kind,
            title: self.title.clone(),
            description: self.description.clone(),
            boards: self.boards.iter().map(BoardTemplate::preview).collect(),
            sessions: self.sessions.len() as u32,
            own: crate::own_template::is_own_id(&self.id),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_service_path_has_the_five_stations_in_finnish_and_english() {
        let t = service_path();
        let mut n = 0u128;
        let mut ids = || {
            n += 1;
            Id::from_u128(n)
        };
        let fi = t.instantiate("Testi", Language::Fi, 0, &mut ids);
        let labels: Vec<_> = fi.boards[0].touchpoints.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(
            labels,
            ["Ensimmäinen yhteydenotto", "Asiakkuus alkaa", "Tauko", "Tiiviimpi asiakkuus", "Asiakkuus päättyy"]
        );
        let en = t.instantiate("Test", Language::En, 0, &mut ids);
        let labels: Vec<_> = en.boards[0].touchpoints.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(
            labels,
            ["First contact", "Client relationship begins", "Pause", "Closer relationship", "Relationship ends"]
        );
        assert_eq!(en.boards[0].kind, BoardKind::ServicePath);
        assert!(en.boards[0].lanes.is_empty());
    }

    /// Every label of every built-in template in Finnish, Swedish and English, so nothing on a
    /// new board falls back to another language.
    #[test]
    fn built_in_templates_speak_every_language() {
        for t in built_ins() {
            for l in t.labels() {
                for lang in Language::ALL {
                    assert!(l.get(&lang).is_some_and(|s| !s.trim().is_empty()), "{}: {l:?} has no {lang:?}", t.id);
                }
            }
            assert_eq!(built_in(&t.id).map(|b| b.id), Some(t.id.clone()));
        }
    }

    #[test]
    fn refuses_foreign_or_newer_templates() {
        let t = |head: &str, title: &str| {
            format!(r#"{{{head},"id":"a","kind":"workshop","title":{title},"description":{{"en":"D"}},"boards":[]}}"#)
        };
        assert!(parse(&t(r#""format":"polku.template","version":1"#, r#"{"en":"A"}"#)).is_ok());
        assert!(parse(&t(r#""format":"x","version":1"#, r#"{"en":"A"}"#)).is_err());
        assert!(parse(&t(r#""format":"polku.template","version":9"#, r#"{"en":"A"}"#)).is_err());
        assert!(parse(&t(r#""format":"polku.template","version":1"#, r#"{"fi":"A"}"#)).is_err());
    }
}
