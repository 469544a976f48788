//! The first page: what the workshop was, when, who ran it and how many took part (a count; the
//! library keeps no participant names), what it made, and where each part begins.

use polku_core::{Session, Workshop};

use super::canvas::{INK, MUTED, RULE};
use super::document::Document;
use super::flow::Flow;
use super::font::Weight;
use crate::labels::Labels;
use crate::PdfOptions;

/// A part of the report and the page it starts on (1-based, counting the cover).
pub struct Entry {
    pub title: String,
    pub page: usize,
}

pub fn draw(doc: &mut Document, w: &Workshop, opts: &PdfOptions, now: polku_core::Millis, contents: &[Entry], l: &Labels) {
    let mut flow = Flow::new(doc);
    flow.need(1.0);
    flow.space(flow.room() * 0.12);
    flow.paragraph(&l.t("pdf.cover.kicker"), 12.0, Weight::Bold, MUTED, 0.0);
    flow.space(4.0);
    flow.heading(&w.title, 30.0);
    let notes: usize = w.boards.iter().map(|b| b.notes.len()).sum();
    let dates = if l.date(w.created_at) == l.date(w.updated_at) {
        l.date(w.created_at)
    } else {
        format!("{} – {}", l.date(w.created_at), l.date(w.updated_at))
    };
    let mut facts = vec![(l.t("pdf.cover.dates"), dates)];
    if !opts.facilitator.trim().is_empty() {
        facts.push((l.t("pdf.cover.facilitator"), opts.facilitator.trim().to_string()));
    }
    if let Some(n) = opts.participants {
        facts.push((l.t("pdf.cover.participants"), n.to_string()));
    }
    facts.push((l.t("pdf.cover.made"), l.tf("pdf.cover.made_value", &[
        ("boards", &w.boards.len().to_string()),
        ("notes", &notes.to_string()),
        ("personas", &w.personas.len().to_string()),
        ("walks", &w.walkthroughs.len().to_string()),
    ])));
    facts.push((l.t("pdf.cover.exported"), l.date(now)));
    flow.space(10.0);
    for (label, value) in facts {
        flow.need(30.0);
        let y = flow.y;
        flow.page.text(flow.left, y + 11.0, 10.0, Weight::Bold, MUTED, &label);
        flow.left += 150.0;
        flow.width -= 150.0;
        flow.paragraph(&value, 11.0, Weight::Regular, INK, 0.0);
        flow.left -= 150.0;
        flow.width += 150.0;
        flow.y += 4.0;
    }
    if !w.sessions.is_empty() {
        programme(&mut flow, w, l);
    }
    if !contents.is_empty() {
        flow.space(18.0);
        flow.paragraph(&l.t("pdf.cover.contents"), 12.0, Weight::Bold, INK, 0.0);
        for e in contents {
            flow.need(16.0);
            let y = flow.y + 12.0;
            let page = e.page.to_string();
            let pw = super::font::metrics(Weight::Regular).width(&page, 10.5);
            let right = flow.left + flow.width.min(420.0);
            let title = super::text::ellipsize(&e.title, right - flow.left - pw - 30.0, 10.5, Weight::Regular);
            flow.page.text(flow.left, y, 10.5, Weight::Regular, INK, &title);
            flow.page.polyline(&[(flow.left + super::font::metrics(Weight::Regular).width(&title, 10.5) + 6.0, y), (right - pw - 6.0, y)], RULE, 0.6, Some((1.0, 2.5)));
            flow.page.text(right - pw, y, 10.5, Weight::Regular, INK, &page);
            flow.y += 16.0;
        }
    }
    flow.finish();
}

/// The meetings of the programme, in order: when and where, the goal, the agenda's length and
/// how many took part by role.
fn programme(flow: &mut Flow, w: &Workshop, l: &Labels) {
    flow.space(18.0);
    flow.paragraph(&l.t("pdf.cover.programme"), 12.0, Weight::Bold, INK, 0.0);
    for (i, s) in w.sessions.iter().enumerate() {
        flow.need(44.0);
        flow.space(4.0);
        flow.paragraph(&format!("{}. {}", i + 1, s.fields.title), 11.0, Weight::Bold, INK, 0.0);
        let when: Vec<String> = [s.fields.starts_at.as_deref().map(|at| l.local_date_time(at)), Some(s.fields.place.clone())]
            .into_iter()
            .flatten()
            .filter(|v| !v.trim().is_empty())
            .collect();
        if !when.is_empty() {
            flow.paragraph(&when.join(" · "), 10.0, Weight::Regular, MUTED, 14.0);
        }
        if !s.fields.goal.trim().is_empty() {
            flow.paragraph(&format!("{}: {}", l.t("pdf.cover.goal"), s.fields.goal.trim()), 10.0, Weight::Regular, INK, 14.0);
        }
        if !s.fields.agenda.is_empty() {
            let minutes: u32 = s.fields.agenda.iter().filter_map(|a| a.minutes).sum();
            let items = s.fields.agenda.len().to_string();
            flow.paragraph(&l.tf("pdf.cover.agenda_value", &[("items", &items), ("minutes", &minutes.to_string())]), 10.0, Weight::Regular, MUTED, 14.0);
        }
        if let Some(counts) = attendance(s, l) {
            flow.paragraph(&format!("{}: {counts}", l.t("pdf.cover.attendance")), 10.0, Weight::Regular, INK, 14.0);
        }
    }
}

/// "asiakkaita 4 · työntekijöitä 3" (as the cover counts what was made), the roles that were counted; None when none was.
fn attendance(s: &Session, l: &Labels) -> Option<String> {
    let a = &s.fields.attendance;
    let roles = [
        (a.clients, "clients"),
        (a.experts_by_experience, "experts_by_experience"),
        (a.workers, "workers"),
        (a.facilitators, "facilitators"),
    ];
    let counted: Vec<String> =
        roles.iter().filter_map(|(n, role)| n.map(|n| format!("{} {n}", l.t(&format!("pdf.cover.role.{role}"))))).collect();
    (!counted.is_empty()).then(|| counted.join(" · "))
}
