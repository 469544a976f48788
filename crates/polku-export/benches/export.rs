//! `make bench`: a 1,000-note board to an A3 PDF (goal ≤ 1 s and ≤ 2 MB on the 2-core CI machine),
//! plus the tiled poster and the CSV. Prints `bench: <name> <value> <unit>` lines, then
//! criterion's own report.

use std::hint::black_box;
use std::time::Instant;

use criterion::Criterion;
use polku_core::template::service_path;
use polku_core::*;
use polku_export::{pdf, table, Paper, PdfOptions, PosterFit};

const WORDS: [&str; 12] = [
    "asiakas", "odottaa", "päätöstä", "työntekijä", "soitti", "takaisin", "selkeä", "ohje", "jonotus", "äänestää", "kuraattori", "tuki",
];

/// A workshop whose first board has `n` notes spread over its touchpoints, texts 3 to 40 words.
fn workshop(n: usize) -> Workshop {
    let mut w = service_path().instantiate("Mittaus", Language::Fi, 0, &mut Id::now_v7);
    let board = w.boards[0].id;
    let tps: Vec<Id> = w.boards[0].touchpoints.iter().map(|t| t.id).collect();
    w.boards[0].notes = (0..n)
        .map(|i| {
            let len = 3 + (i * 7) % 38;
            let text = (0..len).map(|k| WORDS[(i + k * 5) % WORDS.len()]).collect::<Vec<_>>().join(" ");
            Note {
                id: Id::now_v7(),
                board_id: board,
                touchpoint_id: Some(tps[i % tps.len()]),
                lane_id: None,
                persona_id: None,
                session_id: None,
                kind: if i % 7 == 0 { NoteKind::Idea } else { NoteKind::Observation },
                sentiment: if i % 7 == 0 { None } else { Some(Sentiment::ALL[i % 3]) },
                text: format!("{i}: {text}"),
                x: -100.0,
                y: 16.0 + (i / tps.len()) as f64 * 126.0,
                face_down: false,
                author: None,
                version: 1,
                created_at: i as i64,
                updated_at: i as i64,
            }
        })
        .collect();
    w
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn timed(runs: usize, mut f: impl FnMut() -> usize) -> (f64, usize) {
    let mut size = 0;
    let ms = (0..runs)
        .map(|_| {
            let t = Instant::now();
            size = f();
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    (median(ms), size)
}

fn figures() {
    let w = workshop(1_000);
    let a3 = PdfOptions { paper: Paper::A3, ..PdfOptions::default() };
    let render = |opts: &PdfOptions| pdf::render(&w, opts, 0, &mut |_, _| true).unwrap().len();
    render(&a3); // the font tables are read once per process
    let (ms, bytes) = timed(5, || render(&a3));
    println!("bench: export.pdf_1000_notes_ms {ms:.1} ms");
    println!("bench: export.pdf_1000_notes_bytes {bytes} bytes");
    let tiled = PdfOptions { poster: PosterFit::Tile, ..a3.clone() };
    let (ms, bytes) = timed(3, || render(&tiled));
    let pages = pdf::page_count(&w, &tiled, 0).unwrap();
    println!("bench: export.pdf_1000_notes_tiled_ms {ms:.1} ms");
    println!("bench: export.pdf_1000_notes_tiled_bytes {bytes} bytes");
    println!("bench: export.pdf_1000_notes_tiled_pages {pages} pages");
    let (ms, _) = timed(5, || pdf::page_count(&w, &a3, 0).unwrap());
    println!("bench: export.page_count_1000_notes_ms {ms:.1} ms");
    let (ms, bytes) = timed(5, || table::csv(&w).len());
    println!("bench: export.csv_1000_notes_ms {ms:.2} ms");
    println!("bench: export.csv_1000_notes_bytes {bytes} bytes");
}

fn criterion_benches(c: &mut Criterion) {
    let w = workshop(1_000);
    let a3 = PdfOptions { paper: Paper::A3, ..PdfOptions::default() };
    let mut group = c.benchmark_group("export");
    group.sample_size(10);
    group.bench_function("pdf_1000_notes_a3", |b| b.iter(|| black_box(pdf::render(&w, &a3, 0, &mut |_, _| true).unwrap())));
    group.finish();
}

fn main() {
    figures();
    let mut c = Criterion::default().configure_from_args();
    criterion_benches(&mut c);
    c.final_summary();
}
