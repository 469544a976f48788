//! `make bench`: how fast one edit commits and how fast a big workshop opens.
//! Prints `bench: <name> <value> <unit>` lines (read by scripts), then criterion's own report.

use std::hint::black_box;
use std::time::Instant;

use criterion::Criterion;
use polku_core::template::service_path;
use polku_core::*;
use polku_store::{Envelope, Library, Store};

fn workshop_with_notes(store: &mut Store, n: usize) -> Workshop {
    workshop_with_boards(store, 1, n)
}

/// `boards` service-path boards of `per_board` notes each, as a programme of sessions has.
fn workshop_with_boards(store: &mut Store, boards: usize, per_board: usize) -> Workshop {
    let template = service_path();
    let mut w = template.instantiate("Mittaus", Language::Fi, 0, &mut Id::now_v7);
    w.boards = (0..boards).map(|i| template.boards[0].lay_out(Id::now_v7(), i as i64, Language::Fi, &mut Id::now_v7)).collect();
    for b in &mut w.boards {
        let tps: Vec<Id> = b.touchpoints.iter().map(|t| t.id).collect();
        b.notes = (0..per_board)
            .map(|i| Note {
                id: Id::now_v7(),
                board_id: b.id,
                touchpoint_id: Some(tps[i % tps.len()]),
                lane_id: None,
                persona_id: None,
                session_id: None,
                kind: NoteKind::Observation,
                sentiment: Some(Sentiment::ALL[i % 3]),
                text: format!("Lappu {i}: asiakkaan kokemus palvelupolun tässä kohdassa"),
                x: -100.0,
                y: 230.0 + (i / 5) as f64 * 126.0,
                face_down: false,
                author: None,
                version: 1,
                created_at: i as i64,
                updated_at: i as i64,
            })
            .collect();
        b.notes.sort_by_key(|n| n.id);
    }
    store.insert_workshop(&w).unwrap();
    w
}

/// The median time to open the library and load `w` whole, of ten tries.
fn open_ms(dir: &std::path::Path, w: &Workshop) -> f64 {
    let mut open: Vec<f64> = (0..10)
        .map(|_| {
            let t = Instant::now();
            let s = Store::open_dir(dir).unwrap();
            let loaded = s.load_workshop(w.id).unwrap();
            assert_eq!(loaded.notes().count(), w.notes().count());
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    open.sort_by(f64::total_cmp);
    percentile(&open, 0.5)
}

fn edit(w: &Workshop, i: usize) -> Envelope {
    let note = &w.boards[0].notes[i % w.boards[0].notes.len()];
    let patch = if i.is_multiple_of(2) {
        NotePatch { x: Some(note.x + (i % 50) as f64), y: Some(note.y + 1.0), ..Default::default() }
    } else {
        NotePatch { text: Some(format!("Muokattu {i}")), ..Default::default() }
    };
    Envelope {
        workshop_id: w.id,
        op_id: Id::now_v7(),
        client_id: "bench".into(),
        undo: UndoMode::Record,
        op: Op::UpdateNote { id: note.id, patch },
    }
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn figures() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_dir(dir.path()).unwrap();
    let w = workshop_with_notes(&mut store, 200);
    for i in 0..200 {
        store.apply(&edit(&w, i), 1).unwrap(); // warm the statement cache and the page cache
    }
    let mut ms: Vec<f64> = (0..3_000)
        .map(|i| {
            let e = edit(&w, i);
            let t = Instant::now();
            store.apply(&e, i as i64).unwrap();
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    println!("bench: store.edit_commit.p50_ms {:.3} ms", percentile(&ms, 0.50));
    println!("bench: store.edit_commit.p99_ms {:.3} ms", percentile(&ms, 0.99));

    let big = workshop_with_notes(&mut store, 10_000);
    let programme = workshop_with_boards(&mut store, 10, 1_000);
    drop(store);
    println!("bench: store.open_10k_notes_ms {:.1} ms", open_ms(dir.path(), &big));
    println!("bench: store.open_10_boards_ms {:.1} ms", open_ms(dir.path(), &programme));
    backup_figures();
}

/// What a rolling backup of a library with one 10,000-note workshop costs: the copy, its
/// integrity check and the flush to the disk (the median of five), and its size.
fn backup_figures() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_dir(dir.path()).unwrap();
    workshop_with_notes(&mut store, 10_000);
    let mut made = Vec::new();
    let mut ms: Vec<f64> = (0..5)
        .map(|i| {
            let t = Instant::now();
            made.push(store.make_backup(1_000 + i).unwrap());
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    println!("bench: store.backup_10k_notes_ms {:.1} ms", percentile(&ms, 0.5));
    println!("bench: store.backup_10k_notes_kb {} kB", made[0].bytes / 1000);
}

fn criterion_benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_dir(dir.path()).unwrap();
    let w = workshop_with_notes(&mut store, 200);
    let mut i = 0;
    c.bench_function("store.edit_commit", |b| {
        b.iter(|| {
            i += 1;
            black_box(store.apply(&edit(&w, i), i as i64).unwrap());
        })
    });
    let big = workshop_with_notes(&mut store, 10_000);
    let mut group = c.benchmark_group("store");
    group.sample_size(10);
    group.bench_function("open_10k_notes", |b| b.iter(|| black_box(store.load_workshop(big.id).unwrap())));
    group.finish();
}

fn main() {
    figures();
    let mut c = Criterion::default().configure_from_args();
    criterion_benches(&mut c);
    c.final_summary();
}
