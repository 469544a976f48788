//! The note table as Excel users get it: CSV read back with the `csv` crate gives the same rows,
//! with a BOM and the separator their Excel expects; the workbook has its three sheets.

use std::io::Read;

use polku_core::{Language, Workshop};
use polku_export::table::{self, note_rows};
use polku_export::workshop_file;

fn example() -> Workshop {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../workshops/examples/aikuissosiaalityo.polku");
    workshop_file::read(&std::fs::read(path).unwrap()).unwrap()
}

fn read_back(bytes: &[u8], sep: u8) -> Vec<Vec<String>> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").expect("the file starts with a UTF-8 BOM");
    let mut r = csv::ReaderBuilder::new().delimiter(sep).has_headers(false).from_reader(body);
    r.records().map(|rec| rec.unwrap().iter().map(str::to_string).collect()).collect()
}

#[test]
fn a_finnish_workshop_gets_semicolons_and_reads_back_to_the_same_rows() {
    let w = example();
    assert_eq!(w.language, Language::Fi);
    let bytes = table::csv(&w);
    let (header, rows) = note_rows(&w);
    let back = read_back(&bytes, b';');
    assert_eq!(back[0], header);
    assert_eq!(back[0][..5], ["Työpaja", "Taulu", "Vaihe / jakso", "Kosketuspiste / laatikko / sarake", "Kaista / rivi"]);
    assert_eq!(back[1..], rows[..]);
    let notes: usize = w.boards.iter().map(|b| b.notes.len()).sum();
    assert_eq!(rows.len(), notes, "one row per note");
    let first_line = std::str::from_utf8(&bytes[3..]).unwrap().lines().next().unwrap();
    assert_eq!(first_line.matches(';').count(), 13, "fourteen columns split by ';': {first_line}");
    assert_eq!(back[0][11..], ["Taulun laji", "Tapaaminen", "Nimimerkki"], "later columns come at the end");
    // Every note's text, its sentiment in words and its touchpoint are there.
    for n in w.boards[0].notes.iter() {
        let row = rows.iter().find(|r| r[7] == n.text).unwrap_or_else(|| panic!("no row for {:?}", n.text));
        if let Some(s) = n.sentiment {
            let word = match s {
                polku_core::Sentiment::Negative => "Kielteinen",
                polku_core::Sentiment::Neutral => "Neutraali",
                polku_core::Sentiment::Positive => "Myönteinen",
            };
            assert_eq!(row[5], word);
        }
        let tp = w.boards[0].touchpoints.iter().find(|t| Some(t.id) == n.touchpoint_id).unwrap();
        assert_eq!(row[3], tp.label);
    }
}

#[test]
fn an_english_workshop_gets_commas_and_quoting_keeps_awkward_text_whole() {
    let mut w = example();
    w.language = Language::En;
    let awkward = "Says \"no\"; then, after a pause,\nleaves";
    w.boards[0].notes[0].text = awkward.into();
    let bytes = table::csv(&w);
    let back = read_back(&bytes, b',');
    assert_eq!(back[0][..3], ["Workshop", "Board", "Phase / period"]);
    assert!(back.iter().any(|r| r[7] == awkward), "the text with quotes, separators and a line break is one cell");
    assert!(back.iter().skip(1).all(|r| r.len() == 14));
}

#[test]
fn the_workbook_has_notes_walkthroughs_and_summary_sheets() {
    let w = example();
    let bytes = table::xlsx(&w).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut book = String::new();
    zip.by_name("xl/workbook.xml").unwrap().read_to_string(&mut book).unwrap();
    for name in ["Laput", "Läpikäynnit", "Yhteenveto"] {
        assert!(book.contains(&format!("name=\"{name}\"")), "no sheet {name}: {book}");
    }
    let mut strings = String::new();
    zip.by_name("xl/sharedStrings.xml").unwrap().read_to_string(&mut strings).unwrap();
    let n = &w.boards[0].notes[0];
    assert!(strings.contains(&n.text), "the notes' texts are in the workbook");
}

#[test]
fn a_note_written_in_a_session_names_it_by_its_number_and_the_board_its_kind() {
    let mut w = example();
    let third = w.sessions[2].id;
    w.boards[0].notes[0].session_id = Some(third);
    let (_, rows) = note_rows(&w);
    let row = rows.iter().find(|r| r[7] == w.boards[0].notes[0].text).unwrap();
    assert_eq!(row[12], format!("3. {}", w.sessions[2].fields.title));
    assert_eq!(row[11], "Palvelupolku");
    assert!(rows.iter().filter(|r| r[7] != w.boards[0].notes[0].text).all(|r| r[12].is_empty()), "no session, no name");
}

#[test]
fn every_board_kind_has_a_name_in_every_language() {
    for kind in polku_core::BoardKind::ALL {
        for lang in Language::ALL {
            let key = format!("board.kind.{}", kind.as_str());
            assert_ne!(polku_export::labels::Labels::new(lang).t(&key), key, "{lang:?} has no name for {kind:?}");
        }
    }
}

#[test]
fn a_channel_verdict_names_its_row_and_column_and_a_canvas_note_its_period_and_box() {
    let w = example();
    let (_, rows) = polku_export::table::note_rows(&w);
    let row = rows.iter().find(|r| r[7] == "Haasteena tietoturva").expect("the channel verdict is in the table");
    assert_eq!(row[1..5], ["Kanava-analyysi", "", "Haitat −", "Tekstiviesti / WhatsApp"]);
    assert_eq!((row[5].as_str(), row[11].as_str()), ("Kielteinen", "Taulukko"));

    let mut n = 0u128;
    let mut w = polku_core::template::built_in("journey-canvas").unwrap().instantiate("Kanvas", Language::Fi, 0, &mut || {
        n += 1;
        polku_core::Id::from_u128(n)
    });
    let b = &mut w.boards[0];
    let (boxed, journey) = (b.touchpoints[3].clone(), b.touchpoints[4].clone());
    for (i, (tp, text)) in [(&journey, "Jono puhelimessa"), (&boxed, "Huonoja kokemuksia aiemmin")].into_iter().enumerate() {
        b.notes.push(polku_core::Note {
            id: polku_core::Id::from_u128(1000 + i as u128),
            board_id: b.id,
            touchpoint_id: Some(tp.id),
            lane_id: None,
            persona_id: None,
            session_id: None,
            kind: polku_core::NoteKind::Observation,
            sentiment: Some(polku_core::Sentiment::Negative),
            text: text.into(),
            x: -100.0,
            y: 40.0,
            face_down: false,
            author: None,
            version: 1,
            created_at: 1,
            updated_at: 1,
        });
    }
    let (_, rows) = polku_export::table::note_rows(&w);
    let texts: Vec<_> = rows.iter().map(|r| (r[2].as_str(), r[3].as_str(), r[7].as_str())).collect();
    assert_eq!(
        texts,
        [("Ennen palvelua", "Aiemmat kokemukset", "Huonoja kokemuksia aiemmin"), ("Palvelun aikana", "Palvelun alku", "Jono puhelimessa")],
        "reading order: the pre-service boxes come before the journey"
    );
}

#[test]
fn a_note_that_looks_like_a_formula_is_text_in_the_csv_and_the_workbook() {
    let mut w = example();
    let hostile = ["=HYPERLINK(\"http://example.com\",\"klikkaa\")", "@SUM(1,2)", "-2+3", "+358 40 123 4567", "- rahat loppu", "\t=1+1", "\r=1+1"];
    for (n, text) in w.boards[0].notes.iter_mut().zip(hostile) {
        n.text = text.into();
    }
    let back = read_back(&table::csv(&w), b';');
    for text in hostile {
        let quoted = format!("'{text}");
        assert!(back.iter().any(|r| r[7] == quoted), "{text:?} starts with an apostrophe in the CSV");
        assert!(!back.iter().any(|r| r[7] == text), "{text:?} is nowhere bare");
    }
    // Ordinary text is left alone, a minus or equals sign inside it too.
    let plain = &w.boards[0].notes[hostile.len()].text;
    assert!(back.iter().any(|r| &r[7] == plain));
    assert_eq!(table::neutralised("Hinta 5 € - 2 €"), "Hinta 5 € - 2 €");

    // The workbook keeps every cell a string: no formula in any sheet.
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(table::xlsx(&w).unwrap())).unwrap();
    let names: Vec<String> = zip.file_names().filter_map(Result::ok).filter(|n| n.starts_with("xl/worksheets/")).map(|n| n.into_owned()).collect();
    assert_eq!(names.len(), 3, "{names:?}");
    for name in names {
        let mut sheet = String::new();
        zip.by_name(&name).unwrap().read_to_string(&mut sheet).unwrap();
        assert!(!sheet.contains("<f>") && !sheet.contains("<f "), "a formula in {name}");
    }
    let mut strings = String::new();
    zip.by_name("xl/sharedStrings.xml").unwrap().read_to_string(&mut strings).unwrap();
    assert!(strings.contains("@SUM(1,2)") && strings.contains("-2+3"), "kept as the words typed");
}
