//! Walkthroughs on paper: for each walk, the persona's emotion curve along the path and a table of
//! what the group recorded at every station; per board, one page with every persona's latest
//! curve overlaid, told apart by colour, dash and marker (not by colour alone).

use std::collections::HashMap;

use polku_core::order::sort_by_position;
use polku_core::{Board, Id, Persona, Touchpoint, WalkStep, Walkthrough, Workshop};

use super::canvas::{Page, Rgb, INK, MUTED, RULE};
use super::document::Document;
use super::flow::{Column, Flow};
use super::font::{metrics, Weight};
use super::text::ellipsize;
use crate::labels::Labels;

const EMOTION_KEYS: [&str; 5] = ["walk.emotion.veryBad", "walk.emotion.bad", "walk.emotion.neutral", "walk.emotion.good", "walk.emotion.veryGood"];

/// One persona's line: colour, dash (None: solid) and marker shape.
pub struct Series<'a> {
    pub name: &'a str,
    pub colour: Rgb,
    pub dash: Option<(f32, f32)>,
    pub marker: usize,
    /// The emotion at each touchpoint in path order; None where not recorded or skipped.
    pub points: Vec<Option<i8>>,
    /// Side stations this walk went past: the line carries on over them instead of breaking.
    pub skipped: Vec<bool>,
}

const COLOURS: [u32; 6] = [0x1f63b0, 0xb3261e, 0x2f7d32, 0x7b3fb3, 0xa86a08, 0x1f7a73];
const DASHES: [Option<(f32, f32)>; 3] = [None, Some((6.0, 3.0)), Some((2.0, 2.5))];

pub fn draw(doc: &mut Document, w: &Workshop, l: &Labels) {
    let mut boards: Vec<&Board> = w.boards.iter().collect();
    boards.sort_by(polku_core::order::by_position);
    for board in boards {
        let mut walks: Vec<&Walkthrough> = w.walkthroughs.iter().filter(|x| x.board_id == board.id).collect();
        if walks.is_empty() {
            continue;
        }
        walks.sort_by(|a, b| a.created_at.cmp(&b.created_at).then(a.id.cmp(&b.id)));
        let mut tps = board.touchpoints.clone();
        sort_by_position(&mut tps);
        let personas: HashMap<Id, &Persona> = w.personas.iter().map(|p| (p.id, p)).collect();
        for walk in &walks {
            let Some(p) = personas.get(&walk.persona_id) else { continue };
            one_walk(doc, w, board, &tps, walk, p, l);
        }
        // The overlay: each persona's latest walk on this board.
        let mut latest: Vec<&Walkthrough> = Vec::new();
        for walk in walks.iter().rev() {
            if !latest.iter().any(|x| x.persona_id == walk.persona_id) {
                latest.push(walk);
            }
        }
        latest.reverse();
        let series: Vec<Series> = latest
            .iter()
            .filter_map(|walk| personas.get(&walk.persona_id).map(|p| (walk, p)))
            .enumerate()
            .map(|(i, (walk, p))| {
                let (points, skipped) = points(w, &tps, walk);
                Series {
                    name: &p.fields.name,
                    colour: Rgb::hex(COLOURS[i % COLOURS.len()]),
                    dash: DASHES[i % DASHES.len()],
                    marker: i % 4,
                    points,
                    skipped,
                }
            })
            .collect();
        if series.len() > 1 {
            let mut flow = Flow::new(doc);
            let names: Vec<&str> = series.iter().map(|s| s.name).collect();
            flow.heading(&format!("{} — {}", board.title, l.tf("walk.curvesOf", &[("names", &names.join(", "))])), 16.0);
            let h = (flow.room() - 20.0).min(360.0);
            flow.need(h);
            chart(&mut flow.page, (flow.left, flow.y, flow.width, h), &tps, &series, l);
            flow.y += h;
            flow.finish();
        }
    }
}

fn steps_of<'w>(w: &'w Workshop, walk: &Walkthrough) -> HashMap<Id, &'w WalkStep> {
    w.walk_steps.iter().filter(|s| s.walkthrough_id == walk.id).map(|s| (s.touchpoint_id, s)).collect()
}

fn points(w: &Workshop, tps: &[Touchpoint], walk: &Walkthrough) -> (Vec<Option<i8>>, Vec<bool>) {
    let steps = steps_of(w, walk);
    let points = tps.iter().map(|tp| steps.get(&tp.id).filter(|s| !s.record.skipped).and_then(|s| s.record.emotion)).collect();
    let skipped = tps.iter().map(|tp| steps.get(&tp.id).is_some_and(|s| s.record.skipped)).collect();
    (points, skipped)
}

fn one_walk(doc: &mut Document, w: &Workshop, board: &Board, tps: &[Touchpoint], walk: &Walkthrough, p: &Persona, l: &Labels) {
    let mut flow = Flow::new(doc);
    let title = l.tf("walk.titleOf", &[("name", &p.fields.name)]);
    flow.running_head = Some(l.tf("pdf.continued", &[("title", &title)]));
    flow.heading(&title, 18.0);
    let made = l.tf("walk.outline.made", &[("date", &l.date(walk.created_at))]);
    flow.paragraph(&format!("{} · {made}", board.title), 10.0, Weight::Regular, MUTED, 0.0);
    flow.space(8.0);
    let (points, skipped) = points(w, tps, walk);
    let series = [Series { name: &p.fields.name, colour: Rgb::hex(COLOURS[0]), dash: None, marker: 0, points, skipped }];
    let h = 200.0f32.min(flow.room() * 0.45);
    flow.need(h);
    chart(&mut flow.page, (flow.left, flow.y, flow.width, h), tps, &series, l);
    flow.y += h + 12.0;
    let steps = steps_of(w, walk);
    let rows: Vec<Vec<String>> = tps
        .iter()
        .enumerate()
        .map(|(i, tp)| {
            let label = format!("{}. {}", i + 1, tp.label);
            match steps.get(&tp.id) {
                Some(s) if s.record.skipped => vec![label, l.t("walk.outline.skipped"), String::new(), String::new(), String::new()],
                Some(s) => vec![
                    label,
                    s.record.emotion.map(|e| emotion_word(e, l)).unwrap_or_default(),
                    s.record.happens.clone(),
                    s.record.barriers.clone(),
                    s.record.ideas.clone(),
                ],
                None => vec![label, "—".into(), String::new(), String::new(), String::new()],
            }
        })
        .collect();
    let headers = [
        l.t("walk.outline.touchpoint"),
        l.t("walk.outline.emotion"),
        l.t("walk.field.happens"),
        l.t("walk.field.barriers"),
        l.t("walk.field.ideas"),
    ];
    let shares = [1.2, 0.8, 1.6, 1.4, 1.4];
    let columns: Vec<Column> = headers.iter().zip(shares).map(|(h, share)| Column { header: h, share }).collect();
    flow.table(&columns, &rows);
    flow.finish();
}

pub fn emotion_word(e: i8, l: &Labels) -> String {
    let i = (i32::from(e) + 2).clamp(0, 4) as usize;
    l.t(EMOTION_KEYS[i])
}

/// Emotion (−2 … +2, rows) along the path (columns), one line per series, a legend when several.
pub fn chart(page: &mut Page, area: (f32, f32, f32, f32), tps: &[Touchpoint], series: &[Series<'_>], l: &Labels) {
    let (x, y, w, h) = area;
    let axis_w = 78.0;
    // The legend's entries, wrapped onto as many rows as the width needs: (x, row, name).
    let mut legend = Vec::new();
    let (mut lx, mut row) = (x + axis_w, 0usize);
    for s in series.iter().filter(|_| series.len() > 1) {
        let name = ellipsize(s.name, 160.0, 9.0, Weight::Bold);
        let entry_w = 32.0 + metrics(Weight::Bold).width(&name, 9.0) + 18.0;
        if lx + entry_w > x + w && lx > x + axis_w {
            lx = x + axis_w;
            row += 1;
        }
        legend.push((lx, row, name));
        lx += entry_w;
    }
    let legend_h = if legend.is_empty() { 0.0 } else { (row + 1) as f32 * 16.0 + 2.0 };
    let labels_h = 30.0;
    let (px, pw) = (x + axis_w, w - axis_w);
    let (py, ph) = (y + legend_h + 6.0, h - legend_h - labels_h - 6.0);
    let row_y = |e: f32| py + ph - (e + 2.0) / 4.0 * ph;
    for e in -2..=2 {
        let yy = row_y(f32::from(e));
        page.line((px, yy), (px + pw, yy), if e == 0 { MUTED } else { RULE }, if e == 0 { 0.8 } else { 0.4 });
        let word = emotion_word(e, l);
        let word = ellipsize(&word, axis_w - 8.0, 8.0, Weight::Regular);
        page.text(x, yy + 3.0, 8.0, Weight::Regular, MUTED, &word);
    }
    let n = tps.len().max(1);
    let col_x = |i: usize| px + pw * (i as f32 + 0.5) / n as f32;
    for (i, tp) in tps.iter().enumerate() {
        let cx = col_x(i);
        page.line((cx, py), (cx, py + ph), RULE, 0.3);
        let label = ellipsize(&format!("{}. {}", i + 1, tp.label), pw / n as f32 - 4.0, 7.5, Weight::Regular);
        let lw = metrics(Weight::Regular).width(&label, 7.5);
        page.text(cx - lw / 2.0, py + ph + 14.0, 7.5, Weight::Regular, INK, &label);
    }
    for s in series {
        let mut run = Vec::new();
        let mut runs = Vec::new();
        for (i, p) in s.points.iter().enumerate() {
            match p {
                Some(e) => run.push((col_x(i), row_y(f32::from(*e)))),
                None if s.skipped.get(i).copied().unwrap_or(false) => {}
                None if !run.is_empty() => runs.push(std::mem::take(&mut run)),
                None => {}
            }
        }
        runs.push(run);
        for r in &runs {
            page.polyline(r, s.colour, 2.0, s.dash);
            for &(mx, my) in r {
                marker(page, s.marker, mx, my, 3.6, s.colour);
            }
        }
    }
    for (s, (lx, row, name)) in series.iter().zip(&legend) {
        let ly = y + 8.0 + *row as f32 * 16.0;
        page.polyline(&[(*lx, ly), (lx + 26.0, ly)], s.colour, 2.0, s.dash);
        marker(page, s.marker, lx + 13.0, ly, 3.4, s.colour);
        page.text(lx + 32.0, ly + 3.0, 9.0, Weight::Bold, INK, name);
    }
}

fn marker(page: &mut Page, shape: usize, x: f32, y: f32, r: f32, c: Rgb) {
    match shape {
        0 => page.circle(x, y, r, Some(c), None),
        1 => page.rect(x - r, y - r, 2.0 * r, 2.0 * r, Some(c), None),
        2 => page.polygon(&[(x, y - r * 1.2), (x + r * 1.1, y + r * 0.8), (x - r * 1.1, y + r * 0.8)], Some(c), None),
        _ => page.polygon(&[(x, y - r * 1.3), (x + r * 1.1, y), (x, y + r * 1.3), (x - r * 1.1, y)], Some(c), None),
    }
}
