//! Any bytes as a `.polku` file: the reader answers a workshop or a `FileError`, never a panic
//! or a hang. Mailed files and files dropped on the window reach it unchecked.
#![no_main]

use libfuzzer_sys::fuzz_target;
use polku_export::workshop_file::{read, with_new_ids, write};
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let Ok(w) = read(data) else { return };
    // What was accepted is what the library stores and exports again, and what an import of a
    // workshop already here renumbers: both must come back as a valid file.
    match read(&write(&w, 0)) {
        Ok(again) => assert!(same(&json(&again), &json(&w)), "a file read, written and read again changed"),
        Err(e) => panic!("an accepted file, written again, is refused: {e}"),
    }
    let copy = with_new_ids(&w, &mut polku_core::Id::now_v7);
    if let Err(e) = read(&write(&copy, 0)) {
        panic!("the copy with new ids of an accepted file is refused: {e}");
    }
});

fn json(w: &polku_core::Workshop) -> Value {
    serde_json::to_value(w).expect("a workshop is JSON")
}

/// Equal, but for a float's last bits: serde_json parses a float to within a unit in the last
/// place (exact parsing is its `float_roundtrip` feature, off here), so a note's x may move by
/// 1e-14 through a file, which no one can see.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) if x.is_f64() || y.is_f64() => {
            let (x, y) = (x.as_f64().unwrap_or(f64::NAN), y.as_f64().unwrap_or(f64::NAN));
            x == y || (x - y).abs() <= 1e-12 * x.abs().max(y.abs())
        }
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y)),
        (Value::Object(x), Value::Object(y)) => x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w))),
        _ => a == b,
    }
}
