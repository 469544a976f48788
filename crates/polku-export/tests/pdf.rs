//! The PDF report of the example workshop, read back with poppler's tools as a reader's computer
//! would: the text is all there and exact, the font is embedded and subset, the paper is what was
//! chosen, and every page renders. Needs poppler-utils (`scripts/install-deps.sh test`).

mod common;

use std::path::Path;

use common::{collapse, example, keep, note, pages, tool, words, NOW};

use polku_core::layout::NOTE_H;
use polku_core::{Language, NoteKind, Sentiment, Workshop};
use polku_export::pdf::{self, poster::Poster};
use polku_export::{Orientation, Paper, PdfContents, PdfOptions, PosterFit};

fn export(w: &Workshop, opts: &PdfOptions, dir: &Path, name: &str) -> String {
    keep(pdf::render(w, opts, NOW, &mut |_, _| true).unwrap(), dir, name)
}

#[test]
fn every_note_and_touchpoint_of_the_example_is_in_the_text_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let w = example();
    let file = export(&w, &PdfOptions::default(), dir.path(), "example.pdf");
    let text = words(&file);
    let mut checked = 0;
    for board in &w.boards {
        for n in &board.notes {
            assert!(text.contains(&collapse(&n.text)), "note text missing: {:?}", n.text);
            checked += 1;
        }
        for tp in &board.touchpoints {
            assert!(text.contains(&collapse(&tp.label)), "touchpoint label missing: {:?}", tp.label);
        }
    }
    assert!(checked >= 30, "the example has its notes ({checked})");
    assert!(text.contains("ä") && text.contains("ö"), "Finnish letters come out as letters");
    for p in &w.personas {
        assert!(text.contains(&collapse(&p.fields.name)));
    }
    assert!(text.contains(&w.title), "the title is on the cover and in every footer");
    assert!(text.contains(&format!("Sivu 1/{}", pages(&file))), "page numbers in the footer");
    assert!(text.contains("Yhteenveto (jatkuu)"), "the summary's second page says what it continues");
    assert!(text.contains("Viety 18.11.2026"), "the export date in the footer");
}

#[test]
fn the_font_is_embedded_and_subset_and_the_metadata_is_set() {
    let dir = tempfile::tempdir().unwrap();
    let file = export(&example(), &PdfOptions::default(), dir.path(), "fonts.pdf");
    let fonts = tool("pdffonts", &[&file]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(rows.iter().any(|r| r.contains("NotoSans-Regular")) && rows.iter().any(|r| r.contains("NotoSans-Bold")), "{fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        assert!(cols[0].contains('+'), "a subset's name has a tag: {row}");
        let n = cols.len();
        assert_eq!(&cols[n - 5..n - 2], ["yes", "yes", "yes"], "embedded, subset, with a Unicode map: {row}");
    }
    let info = tool("pdfinfo", &[&file]);
    assert!(info.contains("Title:           Aikuissosiaalityön palvelupolku"), "{info}");
    assert!(!info.contains("PDF/X"), "the file does not claim a PDF/X conformance it lacks");
    let doc = lopdf::Document::load(&file).unwrap();
    let lang = doc.catalog().unwrap().get(b"Lang").unwrap().as_str().unwrap();
    assert_eq!(lang, b"fi");
    // Subset: far smaller than the two faces (about 1 MB together).
    assert!(std::fs::metadata(&file).unwrap().len() < 200_000);
}

#[test]
fn the_paper_is_what_was_chosen_and_every_page_renders() {
    let dir = tempfile::tempdir().unwrap();
    let w = example();
    for (paper, orientation, size) in [
        (Paper::A4, Orientation::Landscape, "841.89 x 595.276 pts (A4)"),
        (Paper::A4, Orientation::Portrait, "595.276 x 841.89 pts (A4)"),
        (Paper::A3, Orientation::Landscape, "1190.55 x 841.89 pts (A3)"),
        (Paper::A3, Orientation::Portrait, "841.89 x 1190.55 pts (A3)"),
    ] {
        let opts = PdfOptions { paper, orientation, ..PdfOptions::default() };
        let file = export(&w, &opts, dir.path(), "paper.pdf");
        let info = tool("pdfinfo", &["-l", "-1", &file]);
        let n = pages(&file);
        let sized = info.lines().filter(|l| l.contains(" size:") && l.contains(size)).count();
        assert_eq!(sized, n, "every page is {size}: {info}");
        assert_eq!(n, pdf::page_count(&w, &opts, NOW).unwrap(), "the dialog's count is the file's");
        let out = dir.path().join("page");
        tool("pdftoppm", &["-r", "24", "-png", &file, out.to_str().unwrap()]);
        let rendered = std::fs::read_dir(dir.path()).unwrap().flatten().filter(|e| e.file_name().to_string_lossy().starts_with("page")).count();
        assert_eq!(rendered, n, "pdftoppm rendered every page");
        for e in std::fs::read_dir(dir.path()).unwrap().flatten() {
            if e.file_name().to_string_lossy().starts_with("page") {
                std::fs::remove_file(e.path()).unwrap();
            }
        }
    }
}

#[test]
fn a_tiled_poster_takes_the_pages_its_grid_needs_each_labelled() {
    let dir = tempfile::tempdir().unwrap();
    // The path alone: its grid of tiles is what this counts.
    let mut w = example();
    w.boards.truncate(1);
    let fit = PdfOptions::default();
    let tile = PdfOptions { poster: PosterFit::Tile, ..PdfOptions::default() };
    let fit_pages = pages(&export(&w, &fit, dir.path(), "fit.pdf"));
    let file = export(&w, &tile, dir.path(), "tile.pdf");
    // The grid by hand: the board's width and height at 0.6 pt per unit, on A4 landscape's frame
    // (841.89 − 2·34 wide, 595.276 − 2·34 − 18 − 24 high), pages overlapping by 24 pt.
    let poster = Poster::new(&w.boards[0]);
    let (bw, bh) = poster.size();
    let per = |board: f32, frame: f32| ((board * 0.6 - 24.0) / (frame - 24.0)).ceil() as usize;
    let (cols, rows) = (per(bw, 841.89 - 68.0), per(bh, 595.276 - 68.0 - 18.0 - 24.0));
    let n = cols * rows;
    assert!(n > 1, "the example board is larger than one A4 page at a readable size");
    // Fitted on one A4 page its notes would print at about 5 pt: "fit" tiles it too, and says so.
    assert_eq!(pages(&file), fit_pages);
    assert_eq!(pdf::preview(&w, &fit, NOW).unwrap(), (fit_pages, vec![w.boards[0].title.clone()]));
    assert_eq!(pdf::preview(&w, &PdfOptions { paper: polku_export::Paper::A3, ..fit.clone() }, NOW).unwrap().1.len(), 1);
    let text = words(&file);
    for row in 1..=rows {
        for col in 1..=cols {
            let k = (row - 1) * cols + col;
            let label = format!("sivu {k}/{n}, rivi {row} sarake {col}");
            assert!(text.contains(&label), "no page labelled {label:?}");
        }
    }
}

#[test]
fn cyrillic_german_estonian_and_swedish_come_out_as_typed() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = example();
    w.language = Language::Sv;
    let texts = [
        "Привет, как дела? Ёжик и щётка",
        "Größere Straßen, Übung macht den Meister",
        "Õun, jäätis, šokolaad ja žürii",
        "Åsa och Örjan är här",
        // Symbols Noto Sans lacks come from the fallback font, in the middle of a line.
        "Asiakas → sossu ✓ odotus ≤ 2 vk ★★★",
    ];
    for (i, t) in texts.iter().enumerate() {
        let n = note(&w, t, NoteKind::Idea, 3000.0 + i as f64 * 200.0);
        w.boards[0].notes.push(n);
    }
    let file = export(&w, &PdfOptions::default(), dir.path(), "langs.pdf");
    let fonts = tool("pdffonts", &[&file]);
    assert!(fonts.lines().any(|l| l.contains("+DejaVuSans") && l.contains("yes yes yes")), "the fallback is embedded and subset: {fonts}");
    let text = words(&file);
    for t in texts {
        assert!(text.contains(t), "{t:?} is not in the text");
    }
    assert!(text.contains("Sida 1 av"), "a Swedish workshop gets Swedish page numbers");
}

#[test]
fn a_600_character_note_and_an_80_character_word_stay_in_their_cards() {
    let mut w = example();
    let long: String = "Asiakas odottaa päätöstä viikkoja eikä tiedä kenelle soittaa. ".repeat(10).chars().take(600).collect();
    let word = format!("Alku {} loppu", "Sosiaalihuoltolain".repeat(5).chars().take(80).collect::<String>());
    let n = note(&w, &long, NoteKind::Question, 4000.0);
    w.boards[0].notes.push(n);
    let n = note(&w, &word, NoteKind::Idea, 4000.0 + 8.0 * NOTE_H);
    w.boards[0].notes.push(n);
    let poster = Poster::new(&w.boards[0]);
    let m = pdf::font::metrics(pdf::font::Weight::Regular);
    for text in [&long, &word] {
        let (_, b) = poster.notes.iter().find(|(n, _)| &n.text == text).unwrap();
        for line in &b.lines {
            assert!(m.width(line, b.size) <= pdf::note_box::TEXT_W + 0.01, "{line:?} sticks out of the card");
        }
        let used = b.lines.len() as f32 * b.leading() + pdf::note_box::PAD_TOP + pdf::note_box::PAD_BOTTOM;
        assert!(used <= b.h + 0.01, "the text is taller ({used}) than the card ({})", b.h);
        assert!(!b.continued, "there is room below to grow");
        assert_eq!(b.lines.concat().split_whitespace().collect::<String>(), text.split_whitespace().collect::<String>());
        let (left, top, right, bottom) = poster.bounds;
        assert!(b.x >= left && b.x + b.w <= right && b.y >= top && b.y + b.h <= bottom, "the card is on the poster");
    }
    let dir = tempfile::tempdir().unwrap();
    let file = export(&w, &PdfOptions::default(), dir.path(), "long.pdf");
    assert!(words(&file).contains(&collapse(&long)));
}

#[test]
fn a_card_boxed_in_by_the_next_one_continues_in_a_numbered_footnote() {
    let mut w = example();
    let long: String = "Tämä lappu on niin pitkä, että se ei mahdu. ".repeat(40).chars().take(1500).collect();
    let n = note(&w, &long, NoteKind::Idea, 5000.0);
    w.boards[0].notes.push(n);
    let n = note(&w, "Seuraava lappu heti alla", NoteKind::Idea, 5000.0 + NOTE_H + 20.0);
    w.boards[0].notes.push(n);
    let dir = tempfile::tempdir().unwrap();
    let text = words(&export(&w, &PdfOptions::default(), dir.path(), "footnote.pdf"));
    assert!(text.contains("… jatkuu [1]"), "the card says it continues");
    assert!(text.contains("Palvelupolku: lappujen tekstit kokonaan [1]"), "the footnote page names the card");
    assert!(text.contains(&collapse(&long)), "the whole text is printed in the footnote");
}

#[test]
fn progress_is_reported_and_a_cancel_stops_the_export() {
    let w = example();
    let mut seen = Vec::new();
    pdf::render(&w, &PdfOptions::default(), NOW, &mut |done, total| {
        seen.push((done, total));
        true
    })
    .unwrap();
    assert!(seen.len() >= 4 && seen.windows(2).all(|p| p[0].0 < p[1].0), "{seen:?}");
    assert_eq!(seen.last().map(|&(d, t)| d == t), Some(true));
    let mut calls = 0;
    let cancelled = pdf::render(&w, &PdfOptions::default(), NOW, &mut |_, _| {
        calls += 1;
        calls < 2
    });
    assert_eq!(cancelled, Err(polku_export::ExportError::Cancelled));
}

#[test]
fn choosing_no_part_or_an_empty_part_is_refused_with_the_field() {
    let w = example();
    let none = PdfContents { cover: false, boards: false, personas: false, walkthroughs: false, summary: false };
    let err = pdf::page_count(&w, &PdfOptions { contents: none, ..PdfOptions::default() }, NOW).unwrap_err();
    assert!(matches!(err, polku_export::ExportError::Invalid { field: "contents", .. }));
    let mut empty = w.clone();
    empty.walkthroughs.clear();
    let only_walks = PdfContents { walkthroughs: true, ..none };
    let err = pdf::page_count(&empty, &PdfOptions { contents: only_walks, ..PdfOptions::default() }, NOW).unwrap_err();
    assert!(matches!(err, polku_export::ExportError::Invalid { field: "contents", .. }));
}

/// Two personas walked the path: each walk gets its curve and table, the board an overlay page.
fn walked() -> Workshop {
    use polku_core::{StepRecord, WalkStep, Walkthrough};
    let mut w = example();
    let board = w.boards[0].clone();
    let mut tps = board.touchpoints.clone();
    polku_core::order::sort_by_position(&mut tps);
    let emotions: [[Option<i8>; 6]; 2] = [[Some(-2), Some(1), Some(2), None, Some(0), Some(1)], [Some(-1), Some(-2), Some(0), Some(1), Some(2), Some(2)]];
    for (i, p) in w.personas.clone().iter().enumerate().take(2) {
        let walk = Walkthrough {
            id: polku_core::Id::now_v7(),
            persona_id: p.id,
            board_id: board.id,
            at_touchpoint_id: Some(tps[0].id),
            version: 1,
            created_at: NOW,
            updated_at: NOW,
        };
        for (k, tp) in tps.iter().enumerate() {
            let skipped = tp.side_station && i == 0;
            w.walk_steps.push(WalkStep {
                id: polku_core::Id::now_v7(),
                walkthrough_id: walk.id,
                touchpoint_id: tp.id,
                record: StepRecord {
                    emotion: if skipped { None } else { emotions[i][k] },
                    happens: format!("{} kohdassa {}", p.fields.name, k + 1),
                    barriers: if k == 1 { "Jonotus puhelimessa kestää tunnin".into() } else { String::new() },
                    ideas: if k == 2 { "Tekstiviesti kun vuoro lähestyy".into() } else { String::new() },
                    skipped,
                },
                version: 1,
                updated_at: NOW,
            });
        }
        w.walkthroughs.push(walk);
    }
    w
}

#[test]
fn walkthroughs_print_their_records_curves_and_an_overlay() {
    let w = walked();
    let dir = tempfile::tempdir().unwrap();
    let text = words(&export(&w, &PdfOptions::default(), dir.path(), "walks.pdf"));
    let names: Vec<&str> = w.personas.iter().take(2).map(|p| p.fields.name.as_str()).collect();
    for name in &names {
        assert!(text.contains(&format!("Läpikäynti: {name}")), "a page for {name}'s walk");
        assert!(text.contains(&format!("{name} kohdassa 3")), "what happened at a station");
    }
    assert!(text.contains("Jonotus puhelimessa kestää tunnin") && text.contains("Tekstiviesti kun vuoro lähestyy"));
    assert!(text.contains("Tosi huono") && text.contains("Tosi hyvä"), "emotions in words, in the table and on the axis");
    assert!(text.contains("Ohitettiin tällä kertaa"), "a skipped side station says so");
    assert!(text.contains(&format!("Tunnekäyrät: {}", names.join(", "))), "the overlay page names both personas");
}

#[test]
fn the_summary_lists_pain_points_ideas_and_questions_per_touchpoint() {
    let mut w = example();
    let mut tps = w.boards[0].touchpoints.clone();
    polku_core::order::sort_by_position(&mut tps);
    let first = tps[0].id;
    w.boards[0].touchpoints.iter_mut().find(|t| t.id == first).unwrap().description = "Asiakas etsii tietoa yksin".into();
    let q = note(&w, "Kuka vastaa tekstiviesteihin?", NoteKind::Question, 6000.0);
    w.boards[0].notes.push(q);
    let summary_only = PdfContents { cover: false, boards: false, personas: false, walkthroughs: false, summary: true };
    let dir = tempfile::tempdir().unwrap();
    let text = words(&export(&w, &PdfOptions { contents: summary_only, ..PdfOptions::default() }, dir.path(), "summary.pdf"));
    let first_pain = w.boards[0]
        .notes
        .iter()
        .find(|n| n.touchpoint_id == Some(first) && n.sentiment == Some(Sentiment::Negative) && n.kind == NoteKind::Observation)
        .unwrap();
    let section = &text[text.find(&collapse(&tps[0].label)).unwrap()..text.find(&collapse(&tps[1].label)).unwrap()];
    assert!(section.contains("Asiakas etsii tietoa yksin"), "the touchpoint's description: {section}");
    assert!(section.contains("Kipukohdat (kielteiset laput)") && section.contains(&collapse(&first_pain.text)));
    assert!(section.contains("Avoimet kysymykset Kuka vastaa tekstiviesteihin?"), "{section}");
    let negatives = w.boards[0].notes.iter().filter(|n| n.touchpoint_id == Some(first) && n.sentiment == Some(Sentiment::Negative)).count();
    assert!(section.contains(&format!("Kielteisiä {negatives}")), "the count of negative notes: {section}");
}

#[test]
fn a_board_too_large_to_tile_is_refused_and_still_fits_on_one_page() {
    let mut w = example();
    // A note dragged to the far edge of what the board allows.
    let mut far = note(&w, "Kaukana", NoteKind::Idea, 900_000.0);
    far.touchpoint_id = None;
    far.x = 900_000.0;
    w.boards[0].notes.push(far);
    let tile = PdfOptions { poster: PosterFit::Tile, ..PdfOptions::default() };
    let err = pdf::page_count(&w, &tile, NOW).unwrap_err();
    assert!(matches!(err, polku_export::ExportError::Invalid { field: "poster", .. }), "{err:?}");
    assert!(pdf::page_count(&w, &PdfOptions::default(), NOW).unwrap() > 1, "fitted on one page it still exports");
}

#[test]
fn lanes_are_drawn_with_their_whole_labels_and_notes_in_them() {
    let mut w = example();
    let board = w.boards[0].id;
    // A long label on the lowest lane there can be: the type gets smaller rather than the label shorter.
    let label = "Asiakkaan kokemus ja tunteet tässä vaiheessa, sellaisina kuin ryhmä ne kuvasi yhdessä työpajan aikana, \
                 mukaan lukien ne asiat joista ei ollut helppo puhua ääneen";
    assert!(label.chars().count() > 150);
    let lane = polku_core::Lane {
        id: polku_core::Id::now_v7(),
        board_id: board,
        position: 0,
        label: label.into(),
        height: polku_core::layout::MIN_LANE_H,
        line_above: String::new(),
        original_label: String::new(),
        original_line: String::new(),
        version: 1,
    };
    w.boards[0].lanes.push(lane.clone());
    let mut n = note(&w, "Kaistalla oleva lappu", NoteKind::Idea, 16.0);
    n.lane_id = Some(lane.id);
    w.boards[0].notes.push(n);
    let dir = tempfile::tempdir().unwrap();
    let text = words(&export(&w, &PdfOptions::default(), dir.path(), "lanes.pdf"));
    assert!(text.contains(label), "the lane's whole label: {text}");
    assert!(text.contains("Kaistalla oleva lappu"));
}
