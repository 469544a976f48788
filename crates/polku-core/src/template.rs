//! Templates: data that creates a workshop (boards, touchpoints, lanes), with labels in each
//! language. They live as JSON in `workshops/`; the built-in ones are compiled in.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::layout::LANE_H;
use crate::{Board, BoardKind, Id, Lane, Language, Millis, Phase, Touchpoint, Workshop};

pub const TEMPLATE_FORMAT: &str = "polku.template";
pub const TEMPLATE_VERSION: u32 = 1;

/// A text in several languages; English must be there, the others fall back to it.
pub type Labels = BTreeMap<Language, String>;

#[derive(Debug, Clone, Deserialize)]
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
    pub boards: Vec<BoardTemplate>,
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
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoardTemplate {
    pub kind: BoardKind,
    pub title: Labels,
    #[serde(default)]
    pub phases: Vec<PhaseTemplate>,
    pub touchpoints: Vec<TouchpointTemplate>,
    #[serde(default)]
    pub lanes: Vec<Labels>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhaseTemplate {
    /// What touchpoints name it by, inside the template.
    pub key: String,
    pub label: Labels,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TouchpointTemplate {
    pub label: Labels,
    /// The key of one of the board's phases.
    #[serde(default)]
    pub phase: Option<String>,
    #[serde(default)]
    pub side_station: bool,
}

/// The service path every new workshop starts from.
pub fn service_path() -> Template {
    // Compiled in and checked by a test, so a parse failure here is a build defect.
    parse(include_str!("../../../workshops/service-path.json")).expect("built-in template is valid")
}

pub fn parse(json: &str) -> Result<Template, String> {
    let t: Template = serde_json::from_str(json).map_err(|e| e.to_string())?;
    if t.format != TEMPLATE_FORMAT {
        return Err(format!("format is {:?}, expected {TEMPLATE_FORMAT:?}", t.format));
    }
    if t.version != TEMPLATE_VERSION {
        return Err(format!("version {} is not supported (this Polku reads {TEMPLATE_VERSION})", t.version));
    }
    let all_labels = [&t.title, &t.description]
        .into_iter()
        .chain(t.boards.iter().map(|b| &b.title))
        .chain(t.boards.iter().flat_map(|b| b.touchpoints.iter().map(|tp| &tp.label)))
        .chain(t.boards.iter().flat_map(|b| b.lanes.iter()))
        .chain(t.boards.iter().flat_map(|b| b.phases.iter().map(|p| &p.label)));
    for labels in all_labels {
        match labels.get(&Language::En) {
            Some(en) if !en.trim().is_empty() => {}
            _ => return Err(format!("a label has no English text: {labels:?}")),
        }
    }
    for b in &t.boards {
        for tp in &b.touchpoints {
            if let Some(key) = &tp.phase {
                if !b.phases.iter().any(|p| &p.key == key) {
                    return Err(format!("a touchpoint names the phase {key:?}, which its board does not have"));
                }
            }
        }
    }
    Ok(t)
}

pub fn label(labels: &Labels, lang: Language) -> String {
    labels.get(&lang).or_else(|| labels.get(&Language::En)).cloned().unwrap_or_default()
}

impl Template {
    /// A new workshop laid out from this template, labelled in `lang`.
    pub fn instantiate(&self, title: &str, lang: Language, now: Millis, new_id: &mut dyn FnMut() -> Id) -> Workshop {
        let boards = self.boards.iter().enumerate().map(|(i, bt)| bt.lay_out(new_id(), i as i64, lang, new_id)).collect();
        Workshop {
            id: new_id(),
            title: title.to_string(),
            language: lang,
            created_at: now,
            updated_at: now,
            boards,
            sessions: Vec::new(),
            personas: Vec::new(),
            walkthroughs: Vec::new(),
            walk_steps: Vec::new(),
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
            .map(|(i, p)| Phase { id: new_id(), board_id: id, position: i as i64, label: label(&p.label, lang), version: 1 })
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
                version: 1,
            })
            .collect();
        let lanes = self
            .lanes
            .iter()
            .enumerate()
            .map(|(i, l)| Lane { id: new_id(), board_id: id, position: i as i64, label: label(l, lang), height: LANE_H, version: 1 })
            .collect();
        Board {
            id,
            kind: self.kind,
            title: label(&self.title, lang),
            position,
            version: 1,
            phases,
            touchpoints,
            lanes,
            notes: Vec::new(),
        }
    }
}

/// Every template that comes with Polku, from `workshops/` (one JSON file each).
pub fn built_ins() -> Vec<Template> {
    vec![service_path()]
}

/// A built-in template by its id.
pub fn built_in(id: &str) -> Option<Template> {
    built_ins().into_iter().find(|t| t.id == id)
}

impl Template {
    pub fn summary(&self) -> TemplateSummary {
        TemplateSummary { id: self.id.clone(), kind: self.kind, title: self.title.clone(), description: self.description.clone() }
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
            let mut labels = vec![&t.title, &t.description];
            for b in &t.boards {
                labels.push(&b.title);
                labels.extend(b.phases.iter().map(|p| &p.label));
                labels.extend(b.touchpoints.iter().map(|tp| &tp.label));
                labels.extend(b.lanes.iter());
            }
            for l in labels {
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
