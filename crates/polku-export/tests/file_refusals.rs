//! A refused workshop file says what is wrong and where as data (the place in the file, the
//! editor's rule, a line and column), so a client can word it in the user's language.

use polku_export::workshop_file::{read, FileError};
use serde_json::Value;

const EXAMPLE: &str = include_str!("../../../workshops/examples/aikuissosiaalityo.polku");

fn example() -> Value {
    serde_json::from_str(EXAMPLE).unwrap()
}

fn refused(v: &Value) -> FileError {
    read(&serde_json::to_vec(v).unwrap()).unwrap_err()
}

#[test]
fn a_broken_rule_names_its_place_and_the_editors_field() {
    let mut v = example();
    v["workshop"]["boards"][0]["notes"][3]["text"] = Value::from(" ");
    let e = refused(&v);
    assert!(matches!(&e, FileError::Invalid { at, field: Some("text"), .. } if at == "workshop.boards[0].notes[3].text"), "{e:?}");
    assert_eq!(e.to_string(), "workshop.boards[0].notes[3].text: is empty", "the English line stays precise");

    let mut v = example();
    v["workshop"]["boards"][1]["title"] = Value::from("");
    let e = refused(&v);
    assert!(matches!(&e, FileError::Invalid { at, field: Some("title"), .. } if at == "workshop.boards[1].title"), "{e:?}");

    let mut v = example();
    v["workshop"]["sessions"][0]["fields"]["place"] = Value::from("a\u{7}b");
    let e = refused(&v);
    assert!(matches!(&e, FileError::Invalid { at, field: Some("place"), .. } if at == "workshop.sessions[0].fields.place"), "{e:?}");
}

#[test]
fn a_missing_reference_or_a_wrong_type_has_a_place_but_no_rule() {
    let mut v = example();
    v["workshop"]["boards"][0]["notes"][0]["touchpoint_id"] = Value::from("01954f00-b000-7000-8000-0000000000ff");
    let e = refused(&v);
    assert!(matches!(&e, FileError::Invalid { at, field: None, .. } if at == "workshop.boards[0].notes[0].touchpoint_id"), "{e:?}");

    let mut v = example();
    v["workshop"]["boards"][0]["notes"][1]["x"] = Value::from("far");
    let e = refused(&v);
    assert!(matches!(&e, FileError::Invalid { at, field: None, .. } if at == "workshop.boards[0].notes[1].x"), "{e:?}");
}

#[test]
fn damaged_and_cut_short_json_say_the_line_and_column() {
    let cut = &EXAMPLE[..EXAMPLE.len() / 2];
    let lines = cut.lines().count();
    assert!(matches!(read(cut.as_bytes()), Err(FileError::Truncated { line, .. }) if line == lines));
    let damaged = EXAMPLE.replacen("\"format\"", "\"format\" \"oops\",", 1);
    let e = read(damaged.as_bytes()).unwrap_err();
    assert!(matches!(e, FileError::Malformed { line: 2, column: 12, .. }), "{e:?}");
    assert!(e.to_string().starts_with("the file is not valid JSON: "), "{e}");
}
