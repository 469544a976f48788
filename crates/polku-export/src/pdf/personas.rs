//! Persona cards, one per page, in the words the group gave them.

use polku_core::{Persona, Workshop};

use super::board_paint::persona_mark;
use super::canvas::{INK, MUTED};
use super::document::Document;
use super::flow::Flow;
use super::font::Weight;
use crate::labels::Labels;

pub fn draw(doc: &mut Document, w: &Workshop, l: &Labels) {
    let mut personas: Vec<&Persona> = w.personas.iter().collect();
    personas.sort_by(|a, b| a.created_at.cmp(&b.created_at).then(a.id.cmp(&b.id)));
    for p in personas {
        card(doc, p, l);
    }
}

fn card(doc: &mut Document, p: &Persona, l: &Labels) {
    let f = &p.fields;
    let mut flow = Flow::new(doc);
    flow.running_head = Some(l.tf("pdf.continued", &[("title", &f.name)]));
    flow.need(60.0);
    let (x, y) = (flow.left, flow.y);
    persona_mark(&mut flow.page, p, x + 24.0, y + 24.0, 24.0);
    flow.left += 60.0;
    flow.width -= 60.0;
    flow.heading(&f.name, 22.0);
    let mut facts = Vec::new();
    if let Some(a) = f.age_group {
        facts.push(format!("{}: {}", l.t("persona.field.age"), l.t(&format!("persona.age.{}", a.as_str()))));
    }
    if let Some(s) = f.digital_skills {
        facts.push(format!("{}: {}", l.t("persona.field.skills"), l.t(&format!("persona.skills.{}", s.as_str()))));
    }
    if !facts.is_empty() {
        flow.paragraph(&facts.join("   ·   "), 10.0, Weight::Regular, MUTED, 0.0);
    }
    flow.left -= 60.0;
    flow.width += 60.0;
    flow.y = flow.y.max(y + 56.0);
    if !f.quote.trim().is_empty() {
        flow.space(6.0);
        flow.paragraph(&format!("“{}”", f.quote.trim()), 13.0, Weight::Regular, INK, 12.0);
        flow.space(6.0);
    }
    flow.field(&l.t("persona.field.life_situation"), &f.life_situation);
    flow.field(&l.t("persona.field.goals"), &f.goals);
    flow.field(&l.t("persona.field.needs"), &f.needs);
    flow.field(&l.t("persona.field.fears"), &f.fears);
    flow.field(&l.t("persona.field.channels"), &f.channels.join(", "));
    flow.field(&l.t("persona.field.languages"), &f.languages.join(", "));
    flow.field(&l.t("persona.field.notes"), &f.notes);
    flow.finish();
}
